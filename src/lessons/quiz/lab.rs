//! The quiz lab's state: the round, the answer being built, feedback, the
//! summary, and the progress saved after every answer (so quitting at any
//! point loses nothing). `update` is pure: the time comes in, and each
//! answer goes out as an `Effect::SaveProgress` that the shell performs.

use super::bank::{Answer, Question, Topic};
use super::round::{RoundOptions, plan};
use crate::lessons::input::{Edit, TextInput};
use crate::lessons::lesson::Effect;
use crate::math::parse::parse_number;
use crate::math::rng::Rng;
use crate::progress::schedule::{self, Outcome, Record};
use crate::progress::{Notice, Progress, Refused, Review, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Choose an option, or (ordering) pick the next term; counts from 0 on screen.
    Choose(usize),
    /// Typing a numeric answer.
    Prompt(Edit),
    /// Take back the last picked term (ordering).
    Undo,
    Submit,
    Hint,
    Skip,
    Next,
    NewRound,
    /// Start a review round now (from the summary).
    StartReview,
    /// Scroll the feedback (long explanations on small terminals).
    ScrollUp,
    ScrollDown,
}

pub use super::graded::{Given, Graded};

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Asking,
    Feedback(Graded),
    Summary,
    /// `--review` with nothing due: when the next question is due, if any.
    NothingDue(Option<u64>),
}

/// A short message about the answer being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    NotANumber,
    PickEveryTerm,
    ChooseFirst,
}

pub struct QuizLab {
    pub bank: Vec<Question>,
    pub options: RoundOptions,
    pub round: Vec<Question>,
    pub index: usize,
    pub phase: Phase,
    pub selected: Option<usize>,
    pub input: TextInput,
    /// Ordering: screen position → term index (the terms shown shuffled).
    pub shown_order: Vec<usize>,
    /// Ordering: screen positions picked so far.
    pub picked: Vec<usize>,
    pub hint: bool,
    /// Rows the feedback is scrolled down.
    pub scroll: u16,
    pub message: Option<Message>,
    pub results: Vec<Graded>,
    pub progress: Progress,
    /// Where answers are saved (`None`: they are not); shown on screen.
    pub store_path: Option<std::path::PathBuf>,
    /// When the current question was shown (for "right quickly").
    pub asked_at: u64,
    pub notice: Option<Notice>,
    /// The time of the last update, Unix seconds (the shell passes it in).
    pub now: u64,
}

/// A seed that differs from run to run, so rounds do not repeat.
pub fn clock_seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
}

impl QuizLab {
    /// A round from `bank` with the progress read from `store` (`None`:
    /// nothing is read nor saved), planned at time `now`.
    pub fn new(bank: Vec<Question>, options: RoundOptions, store: Option<&mut Store>, now: u64) -> QuizLab {
        let (progress, notice, path) = match store {
            // A store that was refused says so every time a quiz opens on
            // it (not only the first), and claims no path it saves to.
            Some(s) if s.refusal().is_some() => {
                (Progress::default(), s.refusal().cloned().map(Notice::NotSaving), None)
            }
            Some(s) => {
                let mut notices = s.take_notices();
                let progress = s.load().unwrap_or_else(|refused| {
                    notices.push(Notice::NotSaving(refused));
                    Progress::default()
                });
                (progress, notices.into_iter().next(), Some(s.path.clone()))
            }
            None => (Progress::default(), None, None),
        };
        let mut lab = QuizLab::with_progress(bank, options, progress, now);
        lab.store_path = path;
        lab.notice = notice;
        lab
    }

    /// A round planned from this progress, which is never saved (`--print`).
    pub fn with_progress(bank: Vec<Question>, options: RoundOptions, progress: Progress, now: u64) -> QuizLab {
        let mut lab = QuizLab {
            bank,
            options,
            round: vec![],
            index: 0,
            phase: Phase::Asking,
            selected: None,
            input: TextInput::default(),
            shown_order: vec![],
            picked: vec![],
            hint: false,
            scroll: 0,
            message: None,
            results: vec![],
            progress,
            store_path: None,
            asked_at: now,
            notice: None,
            now,
        };
        lab.start_round();
        lab
    }

    pub fn now(&self) -> u64 {
        self.now
    }

    fn start_round(&mut self) {
        self.round = plan(&self.bank, &self.progress, &self.options, self.now());
        self.index = 0;
        self.results.clear();
        self.phase = if self.round.is_empty() {
            if self.options.review { Phase::NothingDue(self.next_due()) } else { Phase::Summary }
        } else {
            Phase::Asking
        };
        self.reset_answer();
    }

    /// When the next question of this bank (and topic) is due.
    pub fn next_due(&self) -> Option<u64> {
        let ids: Vec<&str> = self
            .bank
            .iter()
            .filter(|q| self.options.topic.is_none_or(|t| t == q.topic))
            .map(|q| q.id.as_str())
            .chain(super::generate::GenKind::ALL.iter().map(|k| k.id()))
            .collect();
        self.progress.questions.iter().filter(|(id, _)| ids.contains(&id.as_str())).map(|(_, r)| r.due).min()
    }

    /// With nothing due: how long until the next question is, in the unit
    /// that fits it.
    pub fn next_due_in(&self) -> Option<crate::text::Wait> {
        let Phase::NothingDue(Some(due)) = self.phase else { return None };
        Some(crate::text::Wait::of(due.saturating_sub(self.now())))
    }

    /// When the soonest question answered wrong this round is due again, as
    /// its saved card says (None when this run saves nothing).
    pub fn wrong_due_in(&self) -> Option<crate::text::Wait> {
        self.store_path()?;
        let due = self.to_review().iter().filter_map(|q| self.progress.questions.get(&q.id)).map(|r| r.due).min()?;
        Some(crate::text::Wait::of(due.saturating_sub(self.now())))
    }

    /// The questions a review round would ask now (this bank and topic):
    /// the summary's count and list are both this, so they always agree.
    pub fn due_questions(&self) -> Vec<Question> {
        super::round::all_due(&self.bank, &self.progress, &self.options, self.now())
    }

    /// How many questions are due now.
    pub fn due_count(&self) -> usize {
        self.due_questions().len()
    }

    fn reset_answer(&mut self) {
        self.selected = None;
        self.input = TextInput::default();
        self.picked.clear();
        self.hint = false;
        self.asked_at = self.now;
        self.scroll = 0;
        self.message = None;
        self.shown_order = match self.current().map(|q| &q.answer) {
            Some(answer @ Answer::Order { terms, .. }) => {
                let n = terms.len();
                let mut order: Vec<usize> = (0..n).collect();
                let mut rng = Rng::new(self.options.seed.wrapping_add(self.index as u64 * 7919));
                // Shown in a right order the question would answer itself
                // (a bank's `before` is never empty, so a wrong order exists).
                for _ in 0..1000 {
                    if n < 2 || !answer.accepts_order(&order) {
                        break;
                    }
                    rng.shuffle(&mut order);
                }
                order
            }
            _ => vec![],
        };
    }

    pub fn current(&self) -> Option<&Question> {
        self.round.get(self.index)
    }

    /// How many options (or terms) keys can choose among.
    pub fn choices(&self) -> usize {
        match self.current().map(|q| &q.answer) {
            Some(Answer::Choice { options, .. }) => options.len(),
            Some(Answer::TrueFalse { .. }) => 2,
            Some(Answer::Order { terms, .. }) => terms.len(),
            _ => 0,
        }
    }

    /// Apply an action at time `now`; returns the save to perform, if any.
    pub fn update(&mut self, a: Action, now: u64) -> Vec<Effect> {
        self.now = now;
        let mut effects = vec![];
        match (&self.phase, a) {
            (Phase::Asking, Action::Choose(i)) if i < self.choices() => {
                self.message = None;
                // Choosing again what is chosen takes it back (a picked term
                // leaves the order), so no listed key is a silent no-op.
                if matches!(self.current().map(|q| &q.answer), Some(Answer::Order { .. })) {
                    if self.picked.contains(&i) {
                        self.picked.retain(|&p| p != i);
                    } else {
                        self.picked.push(i);
                    }
                } else {
                    self.selected = if self.selected == Some(i) { None } else { Some(i) };
                }
            }
            (Phase::Asking, Action::Undo) => {
                self.picked.pop();
            }
            (Phase::Asking, Action::Prompt(e)) => {
                self.message = None;
                if self.input.edit(e) == Some(Edit::Submit) {
                    effects.extend(self.submit());
                }
            }
            (Phase::Asking, Action::Submit) => effects.extend(self.submit()),
            (Phase::Asking, Action::Hint) => self.hint = true,
            (Phase::Asking, Action::Skip) => {
                if let Some(q) = self.current() {
                    let g = Graded { topic: q.topic, id: q.id.clone(), right: false, given: Given::Skipped };
                    // A skip is logged, not graded: the card keeps its schedule.
                    let review = Review {
                        id: g.id.clone(),
                        topic: g.topic.slug().to_string(),
                        time: now,
                        outcome: None,
                        given: String::new(),
                    };
                    self.results.push(g.clone());
                    self.phase = Phase::Feedback(g);
                    if self.store_path.is_some() {
                        effects.push(Effect::Record(review));
                    }
                }
            }
            (Phase::Feedback(_) | Phase::Summary, Action::ScrollDown) => {
                self.scroll = self.scroll.saturating_add(1).min(200)
            }
            (Phase::Feedback(_) | Phase::Summary, Action::ScrollUp) => self.scroll = self.scroll.saturating_sub(1),
            (Phase::Feedback(_), Action::Next | Action::Submit) => {
                self.index += 1;
                self.phase = if self.index >= self.round.len() { Phase::Summary } else { Phase::Asking };
                self.reset_answer();
            }
            // Nothing due for review: a new round is a quiz round (another
            // review round would find nothing either).
            (Phase::NothingDue(_), Action::NewRound | Action::Next | Action::Submit) => {
                self.options.review = false;
                self.options.seed = self.options.seed.wrapping_add(1);
                self.start_round();
            }
            (Phase::Summary, Action::NewRound | Action::Next | Action::Submit) => {
                self.options.seed = self.options.seed.wrapping_add(1);
                self.start_round();
            }
            (Phase::Summary, Action::StartReview) => {
                self.options.review = true;
                self.options.seed = self.options.seed.wrapping_add(1);
                self.start_round();
            }
            _ => {}
        }
        effects
    }

    /// How a save went (the shell's reply to `Effect::Record`): the card as
    /// the store now has it, or why it could not be saved.
    pub fn saved(&mut self, id: &str, result: Result<Option<Record>, Refused>) {
        match result {
            Ok(record) => {
                if let Some(record) = record {
                    self.progress.questions.insert(id.to_string(), record);
                }
                // Saving works again: a failure said earlier is over.
                if matches!(self.notice, Some(Notice::SaveFailed(_))) {
                    self.notice = None;
                }
            }
            // "Nothing is saved this run" already says more than one failed save.
            Err(_) if matches!(self.notice, Some(Notice::NotSaving(_))) => {}
            Err(refused) => self.notice = Some(Notice::SaveFailed(refused)),
        }
    }

    /// Grade the answer being built, or say what is missing; returns the
    /// save of the new record.
    fn submit(&mut self) -> Option<Effect> {
        let q = self.current()?;
        let graded = match &q.answer {
            Answer::Choice { correct, .. } => self.selected.map(|s| (s == *correct, Given::Choice(s))),
            Answer::TrueFalse { truth, .. } => self.selected.map(|s| ((s == 0) == *truth, Given::Choice(s))),
            Answer::Numeric { value, tolerance } => parse_number(&self.input.buffer)
                .map(|v| ((v - value).abs() <= tolerance + 1e-9 * value.abs().max(1.0), Given::Number(v))),
            answer @ Answer::Order { terms, .. } => (self.picked.len() == terms.len()).then(|| {
                let order: Vec<usize> = self.picked.iter().map(|&p| self.shown_order[p]).collect();
                (answer.accepts_order(&order), Given::Order(order))
            }),
        };
        let Some((right, given)) = graded else {
            self.message = Some(match q.answer {
                Answer::Numeric { .. } => Message::NotANumber,
                Answer::Order { .. } => Message::PickEveryTerm,
                _ => Message::ChooseFirst,
            });
            return None;
        };
        let given_text = crate::lessons::quiz::words::given_text(q, &given, &crate::text::EN).unwrap_or_default();
        let g = Graded { topic: q.topic, id: q.id.clone(), right, given };
        let now = self.now();
        let outcome = Outcome { right, hint: self.hint, seconds: now.saturating_sub(self.asked_at) };
        // The record here until the store answers with the card as it is on
        // disk (another run may have answered too).
        let record = schedule::answer(self.progress.questions.get(&g.id).copied(), schedule::rating(outcome), now);
        self.progress.questions.insert(g.id.clone(), record);
        let review = Review {
            id: g.id.clone(),
            topic: g.topic.slug().to_string(),
            time: now,
            outcome: Some(outcome),
            given: given_text,
        };
        self.results.push(g.clone());
        self.phase = Phase::Feedback(g);
        self.store_path.is_some().then_some(Effect::Record(review))
    }

    /// Per topic: (right, answered, skipped), for the summary.
    pub fn score_by_topic(&self) -> Vec<(Topic, usize, usize, usize)> {
        Topic::ALL
            .iter()
            .filter_map(|&t| {
                let rs: Vec<&Graded> = self.results.iter().filter(|g| g.topic == t).collect();
                let skipped = rs.iter().filter(|g| g.given == Given::Skipped).count();
                let right = rs.iter().filter(|g| g.right).count();
                (!rs.is_empty()).then_some((t, right, rs.len() - skipped, skipped))
            })
            .collect()
    }

    /// The questions to look at again: answered wrong or skipped.
    pub fn to_review(&self) -> Vec<&Question> {
        self.results.iter().zip(&self.round).filter(|(g, _)| !g.right).map(|(_, q)| q).collect()
    }

    pub fn store_path(&self) -> Option<&std::path::Path> {
        self.store_path.as_deref()
    }
}
