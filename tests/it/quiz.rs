//! The quiz: the shipped banks, answer parsing, grading, generated and
//! templated questions, rounds. The helpers here serve the other quiz_*
//! files (store, statistics, keys).

use crate::common;

use crate::cases::check;
use common::draw;
use deepstep::app::App;
use deepstep::lessons::lesson::mount;
use deepstep::lessons::quiz::bank::generated as generate;
use deepstep::lessons::quiz::bank::{self, Answer, Body, Question, Topic};
use deepstep::lessons::quiz::generate::GenKind;
use deepstep::lessons::quiz::lab::{Action, Given, Phase, QuizLab};
use deepstep::lessons::quiz::round::{RoundOptions, plan};
use deepstep::math::format::num;
use deepstep::math::parse::parse_number;
use deepstep::progress::schedule::Outcome;
use deepstep::progress::schedule::{self, DAY};
use deepstep::progress::{Progress, Store};
use deepstep::text::EN;
use deepstep::ui::theme::Theme;
use std::ffi::OsStr;
use std::path::PathBuf;

pub(crate) const NOW: u64 = 1_800_000_000;

pub(crate) fn shipped() -> Vec<Question> {
    bank::shipped().unwrap_or_else(|p| panic!("{}", p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")))
}

/// Run the built binary with these arguments (strings or paths).
pub(crate) fn deepstep<I: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = I>) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_deepstep")).args(args).output().unwrap()
}

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("deepstep-quiz-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn every_shipped_question_parses_and_explains_each_wrong_option() {
    let qs = shipped();
    let count = |t: Topic| qs.iter().filter(|q| q.topic == t).count();
    assert!(count(Topic::Chain) + count(Topic::Bayes) >= 25, "chain rule and Bayes: {}", count(Topic::Chain));
    assert!(count(Topic::Conv) >= 10 && count(Topic::Rnn) >= 10);
    let mut kinds = [0; 4];
    for q in &qs {
        let Body::Bank { prompt, explanation, .. } = &q.body else { panic!("{} is not from a bank", q.id) };
        assert!(!prompt.en.trim().is_empty() && !explanation.en.trim().is_empty(), "{}", q.id);
        match &q.answer {
            Answer::Choice { options, correct } => {
                kinds[0] += 1;
                for (i, o) in options.iter().enumerate() {
                    if i != *correct {
                        let why = o.why.as_ref().unwrap_or_else(|| panic!("{} option {} has no why", q.id, i + 1));
                        assert!(why.en.len() > 20, "{}: the explanation of option {} is too thin", q.id, i + 1);
                    }
                }
            }
            Answer::Numeric { value, tolerance } => {
                kinds[1] += 1;
                assert!(value.is_finite() && *tolerance >= 0.0);
            }
            Answer::TrueFalse { why, .. } => {
                kinds[2] += 1;
                assert!(why.is_some(), "{}", q.id);
            }
            Answer::Order { terms, .. } => {
                kinds[3] += 1;
                assert!(terms.len() >= 2);
            }
        }
    }
    assert!(kinds.iter().all(|k| *k >= 3), "every kind is used: {kinds:?}");
    let mut ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), qs.len(), "ids are unique across the shipped files");
}

#[test]
fn check_reports_every_problem_with_file_line_and_id() {
    let dir = temp_dir("check");
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "[[question]]\nid = \"one\"\ntopic = \"conv\"\nkind = \"choice\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\ncorrect = 1\noptions = [{ text.en = \"a\" }, { text.en = \"b\" }]\n\n[[question]]\nid = \"two\"\ntopic = \"nope\"\nkind = \"numeric\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\nvalue = 1\n",
    )
    .unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--check"), bad.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let name = bad.display().to_string();
    assert!(err.contains(&format!("{name}:1: question `one`: option 2 is wrong but has no `why`")), "{err}");
    assert!(err.contains(&format!("{name}:10: question `two`:")) && err.contains("nope"), "{err}");
    let out =
        deepstep([OsStr::new("--lang"), OsStr::new("ko"), OsStr::new("quiz"), OsStr::new("--check"), bad.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{name}:1: 문제 `one`: 보기 2번은 오답인데")), "{err}");
    let good = dir.join("good.toml");
    std::fs::write(&good, bank::SHIPPED[2].1).unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--check"), good.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no problems"));
}

pub(crate) fn lab_with(questions: Vec<Question>, store: Option<&mut Store>) -> QuizLab {
    QuizLab::new(questions, RoundOptions { count: 10, seed: 7, generated: 0, ..Default::default() }, store, NOW)
}

/// The quiz in the app, saving to `store` as a real run does (the app
/// performs the saves that the quiz's updates ask for).
pub(crate) fn app_with(questions: Vec<Question>, mut store: Store) -> App {
    let lab = lab_with(questions, Some(&mut store));
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    app.set_progress(Some(store));
    app.clock = Some(NOW);
    app
}

pub(crate) fn quiz_of(app: &App) -> &QuizLab {
    app.front_lesson::<QuizLab>().expect("the quiz is in front")
}

pub(crate) fn numeric(id: &str, value: f64, tolerance: f64) -> Question {
    let text = format!(
        "[[question]]\nid = \"{id}\"\ntopic = \"chain\"\nkind = \"numeric\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\nvalue = {value}\ntolerance = {tolerance}\n"
    );
    bank::parse("t.toml", &text).unwrap().remove(0)
}

pub(crate) fn type_and_submit(lab: &mut QuizLab, s: &str) {
    for c in s.chars() {
        lab.update(Action::Prompt(deepstep::lessons::input::Edit::Type(c)), NOW);
    }
    lab.update(Action::Submit, NOW);
}

pub(crate) fn type_and_submit_in(app: &mut App, s: &str) {
    for c in s.chars() {
        app.act::<QuizLab>(Action::Prompt(deepstep::lessons::input::Edit::Type(c)));
    }
    app.act::<QuizLab>(Action::Submit);
}

/// 0.25, .25, 1/4 and 25% all read as the same number.
#[test]
fn the_four_ways_of_writing_a_number_agree() {
    check("the_four_ways_of_writing_a_number_agree", 256, |c| {
        let (num_, den) = (c.int(1, 400), c.int(1, 400));
        let v = num_ as f64 / den as f64;
        assert_eq!(parse_number(&format!("{num_}/{den}")), Some(v));
        let pct = parse_number(&format!("{}%", v * 100.0)).unwrap();
        assert!((pct - v).abs() < 1e-12);
        let dec = format!("{v}");
        assert_eq!(parse_number(&dec), Some(v));
        if let Some(short) = dec.strip_prefix("0.") {
            assert_eq!(parse_number(&format!(".{short}")), Some(v));
        }
    });
}

/// Grading takes any of those forms, and nothing outside the tolerance.
#[test]
fn numeric_answers_are_graded_within_the_tolerance() {
    check("numeric_answers_are_graded_within_the_tolerance", 256, |c| {
        let (num_, den, off) = (c.int(1, 100), c.int(1, 100), c.float(-3.0, 3.0));
        let v = num_ as f64 / den as f64;
        let tol = 0.01;
        for typed in [format!("{num_}/{den}"), format!("{}%", v * 100.0)] {
            let mut lab = lab_with(vec![numeric("n", v, tol)], None);
            type_and_submit(&mut lab, &typed);
            let Phase::Feedback(g) = &lab.phase else { panic!("not graded") };
            assert!(g.right, "{typed} for {v}");
        }
        // Right up to the tolerance, wrong beyond it (the edge itself is left out:
        // the guess is a printed float).
        if (off.abs() - 1.0).abs() <= 1e-3 {
            return;
        }
        let guess = v + off * tol;
        let mut lab = lab_with(vec![numeric("n", v, tol)], None);
        type_and_submit(&mut lab, &format!("{guess}"));
        let Phase::Feedback(g) = &lab.phase else { panic!("not graded") };
        assert_eq!(g.right, off.abs() < 1.0, "{} vs {}", guess, v);
    });
}

/// Whatever is typed, the lab neither panics nor grades garbage.
#[test]
fn anything_typed_is_graded_or_refused() {
    check("anything_typed_is_graded_or_refused", 256, |c| {
        let s = c.any_text(12);
        let mut lab = lab_with(vec![numeric("n", 0.25, 0.0)], None);
        type_and_submit(&mut lab, &s);
        match (&lab.phase, parse_number(&lab.input.buffer)) {
            (Phase::Asking, None) => assert!(lab.message.is_some()),
            (Phase::Feedback(g), Some(v)) => assert_eq!(&g.given, &Given::Number(v)),
            (p, v) => panic!("{p:?} with {v:?}"),
        }
    });
}

#[test]
fn fullwidth_digits_from_an_input_method_read_as_numbers() {
    assert_eq!(parse_number("１／４"), Some(0.25));
    assert_eq!(parse_number("２５％"), Some(0.25));
}

/// A round of the one shipped question with this id.
pub(crate) fn lab_for(id: &str) -> QuizLab {
    let q: Vec<Question> = shipped().into_iter().filter(|q| q.id == id).collect();
    assert_eq!(q.len(), 1, "{id}");
    lab_with(q, None)
}

pub(crate) fn right_choice(lab: &QuizLab) -> usize {
    match &lab.current().unwrap().answer {
        Answer::Choice { correct, .. } => *correct,
        Answer::TrueFalse { truth, .. } => usize::from(!*truth),
        a => panic!("not a choice: {a:?}"),
    }
}

#[test]
fn a_wrong_choice_shows_its_own_misconception_and_the_worked_explanation() {
    let mut lab = lab_for("chain-no-evidence");
    let wrong = (right_choice(&lab) + 1) % 4;
    lab.update(Action::Submit, NOW);
    assert_eq!(lab.phase, Phase::Asking, "Enter before choosing asks to choose first");
    lab.update(Action::Choose(wrong), NOW);
    lab.update(Action::Submit, NOW);
    let Phase::Feedback(g) = &lab.phase else { panic!() };
    assert!(!g.right);
    let Answer::Choice { options, .. } = &lab.current().unwrap().answer else { panic!() };
    let why = options[wrong].why.as_ref().unwrap().en.clone();
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 120, 40);
    assert!(s.contains(EN.quiz.wrong) && s.contains(EN.quiz.why_not), "{s}");
    assert!(s.replace('\n', " ").contains(&why[..40]), "the chosen option's own explanation:\n{s}");
    assert!(s.contains(EN.quiz.factors) && s.contains("P(X2 | X1)"), "factors written out:\n{s}");
}

#[test]
fn ordering_is_built_term_by_term() {
    let mut lab = lab_for("chain-build-reverse");
    let Answer::Order { terms, .. } = lab.current().unwrap().answer.clone() else { panic!() };
    // Pick the screen positions of the terms in the right order, with one mistake taken back.
    let pos = |term: usize, lab: &QuizLab| lab.shown_order.iter().position(|&t| t == term).unwrap();
    lab.update(Action::Choose(pos(1, &lab)), NOW);
    lab.update(Action::Undo, NOW);
    lab.update(Action::Submit, NOW);
    assert_eq!(lab.phase, Phase::Asking, "not every term picked");
    for t in 0..terms.len() {
        lab.update(Action::Choose(pos(t, &lab)), NOW);
    }
    let mut app = App::new(mount(lab), &EN, Theme::COLOR);
    let (s, _) = draw(&mut app, 80, 24);
    assert!(s.contains(&format!("{}: (1) P(C)   (2) P(B | C)   (3) P(A | B, C)", EN.quiz.picked)), "{s}");
    app.handle(&common::key(ratatui::crossterm::event::KeyCode::Enter));
    let lab = quiz_of(&app);
    assert!(matches!(&lab.phase, Phase::Feedback(g) if g.right));
}

#[test]
fn generated_questions_grade_against_their_own_solution() {
    for seed in 0..30 {
        for kind in GenKind::ALL {
            let q = generate(kind, seed).unwrap();
            let mut lab = lab_with(vec![], None);
            lab.round = vec![q.clone()];
            lab.phase = Phase::Asking;
            let solution = deepstep::lessons::quiz::words::explanation_lines(&q, &EN).0.join("\n");
            match q.answer {
                Answer::Numeric { value, .. } => {
                    // A table's solution ends with the answer; a sample's σ̂ is followed by s².
                    match &q.body {
                        Body::Generated(_) => assert!(solution.ends_with(&num(value)), "{solution}"),
                        _ => assert!(solution.contains(&format!("= {}", num(value))), "{solution}"),
                    }
                    type_and_submit(&mut lab, &num(value));
                }
                Answer::TrueFalse { truth, .. } => {
                    assert!(solution.contains(&(EN.quiz.gen_why_product)(truth)));
                    lab.update(Action::Choose(usize::from(!truth)), NOW);
                    lab.update(Action::Submit, NOW);
                }
                _ => panic!("generated questions are numeric or true/false"),
            }
            assert!(matches!(&lab.phase, Phase::Feedback(g) if g.right), "{kind:?} seed {seed}");
        }
    }
}

/// An ordering question accepts every order that keeps its dependencies:
/// the counting RNN's BPTT loop has three, and `--check` refuses a key that
/// breaks its own `before`, a pair out of range, and an empty `before`.
#[test]
fn ordering_accepts_every_order_that_respects_the_dependencies() {
    let q = shipped().into_iter().find(|q| q.id == "rnn-bptt-steps").unwrap();
    let mut right = vec![];
    for a in 0..4usize {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    let order = [a, b, c, d];
                    if (0..4).all(|t| order.contains(&t)) && q.answer.accepts_order(&order) {
                        right.push(order);
                    }
                }
            }
        }
    }
    assert_eq!(right, vec![[0, 1, 2, 3], [0, 2, 1, 3], [0, 2, 3, 1]], "the three valid loop orders");
    // The answer is written as numbered steps, not a chain of equalities.
    let written = deepstep::lessons::quiz::words::answer_text(&q, &EN);
    assert!(written.starts_with("(1) dS_2 = 2(y - y*)/N   (2) g += dS_2"), "{written}");
    // Through the lab: each of the three is graded right.
    for order in &right {
        let mut lab = lab_for("rnn-bptt-steps");
        for &term in order {
            let pos = lab.shown_order.iter().position(|&t| t == term).unwrap();
            lab.update(Action::Choose(pos), NOW);
        }
        lab.update(Action::Submit, NOW);
        assert!(matches!(&lab.phase, Phase::Feedback(g) if g.right), "{order:?}");
    }
    // A question without `before` accepts only the order written.
    let chain = shipped().into_iter().find(|q| q.id == "chain-build-reverse").unwrap();
    assert!(chain.answer.accepts_order(&[0, 1, 2]) && !chain.answer.accepts_order(&[1, 0, 2]));
    assert!(!chain.answer.accepts_order(&[0, 0, 2]) && !chain.answer.accepts_order(&[0, 1]));
    // --check: the written order must keep `before`; pairs must name terms.
    let bank = |before: &str| {
        format!(
            "[[question]]\nid = \"o\"\ntopic = \"rnn\"\nkind = \"order\"\nprompt.en = \"p\"\nexplanation.en = \"e\"\nterms = [\"a\", \"b\", \"c\"]\nbefore = {before}\n"
        )
    };
    let issues = |before: &str| {
        bank::parse("o.toml", &bank(before)).unwrap_err().into_iter().map(|p| p.issue).collect::<Vec<_>>()
    };
    assert_eq!(issues("[[2, 1]]"), vec![bank::Issue::KeyBreaksBefore { a: 2, b: 1 }]);
    assert_eq!(issues("[[1, 4]]"), vec![bank::Issue::BeforeRange { a: 1, b: 4 }]);
    assert_eq!(issues("[]"), vec![bank::Issue::BeforeEmpty]);
    assert!(bank::parse("o.toml", &bank("[[1, 3]]")).is_ok());
    let msg = bank::parse("o.toml", &bank("[[2, 1]]")).unwrap_err()[0].describe(&EN);
    assert!(msg.contains("o.toml:1: question `o`:") && msg.contains("term 2 must come before term 1"), "{msg}");
}

/// `rnn-accumulate`'s why names the term that `g = ...` keeps, and that term
/// is the one the math computes for the mistake: the loop's last iteration,
/// time step k = 1 (not the last time step).
#[test]
fn the_accumulation_why_names_the_term_the_mistake_keeps() {
    use deepstep::math::counting_rnn::{self, Mistake};
    let t = deepstep::assets::counting_tutorial().unwrap();
    let (wx, wr) = (0.8, 1.1);
    let f = counting_rnn::forward(t.x.view(), wx, wr);
    let back = counting_rnn::backward(t.x.view(), &f, wr);
    let kept = counting_rnn::mistaken_gradient(t.x.view(), wx, wr, Mistake::NoAccumulation);
    let k1 = back.steps.last().unwrap(); // the steps run k = T..1
    let last_time_step = &back.steps[0];
    assert_eq!(kept, (k1.add_w_x, k1.add_w_rec), "g = ... keeps the k = 1 term");
    assert_ne!(kept, (last_time_step.add_w_x, last_time_step.add_w_rec));
    let q = shipped().into_iter().find(|q| q.id == "rnn-accumulate").unwrap();
    let Answer::TrueFalse { why: Some(why), .. } = &q.answer else { panic!() };
    assert!(why.en.contains("k = 1") && !why.en.contains("last step's term"), "{}", why.en);
    assert!(why.ko.as_deref().is_some_and(|k| k.contains("k = 1")), "{:?}", why.ko);
}

/// The maximum-likelihood bank: at least 12 questions in both languages,
/// every kind used, and its topic asked on its own with generated samples.
#[test]
fn the_mle_bank_covers_the_exercise() {
    let mle: Vec<Question> = shipped().into_iter().filter(|q| q.topic == Topic::Mle).collect();
    assert!(mle.len() >= 12, "{}", mle.len());
    let kinds = |f: fn(&Answer) -> bool| mle.iter().filter(|q| f(&q.answer)).count();
    assert!(kinds(|a| matches!(a, Answer::Choice { .. })) >= 3);
    assert!(kinds(|a| matches!(a, Answer::Numeric { .. })) >= 3);
    assert!(kinds(|a| matches!(a, Answer::TrueFalse { .. })) >= 3);
    assert!(kinds(|a| matches!(a, Answer::Order { .. })) >= 1);
    let options = RoundOptions { count: 10, seed: 4, topic: Some(Topic::Mle), ..Default::default() };
    let round = plan(&shipped(), &Progress::default(), &options, NOW);
    assert_eq!(round.len(), 10);
    assert!(round.iter().all(|q| q.topic == Topic::Mle));
    assert!(round.iter().any(|q| q.id.starts_with("gen-normal-")), "a sample is drawn for the round");
}

/// Questions that share a skill (or give each other's answers away) are never
/// in one round, new or review; the ones left out stay due for the next.
#[test]
fn a_round_asks_one_question_per_skill() {
    let bank = shipped();
    let shared: Vec<&str> = {
        let mut count = std::collections::HashMap::new();
        for s in bank.iter().filter_map(|q| q.skill()) {
            *count.entry(s).or_insert(0) += 1;
        }
        count.into_iter().filter(|(_, n)| *n > 1).map(|(s, _)| s).collect()
    };
    assert!(shared.len() >= 5, "the shipped banks name shared skills: {shared:?}");
    let skills_of = |round: &[Question]| {
        let mut seen = std::collections::HashSet::new();
        round.iter().filter_map(|q| q.skill()).all(|s| seen.insert(s.to_string()))
    };
    for seed in 0..50 {
        for topic in [None, Some(Topic::Conv), Some(Topic::Mle), Some(Topic::Rnn)] {
            let o = RoundOptions { seed, topic, count: 100, ..Default::default() };
            let round = plan(&bank, &Progress::default(), &o, NOW);
            assert!(skills_of(&round), "seed {seed} {topic:?}: {:?}", round.iter().map(|q| &q.id).collect::<Vec<_>>());
        }
    }
    // All three conv output-size questions due: a review asks one, all three stay listed as due.
    let mut progress = Progress::default();
    let size: Vec<&Question> = bank.iter().filter(|q| q.skill() == Some("conv-output-size")).collect();
    assert_eq!(size.len(), 3);
    for q in &size {
        let rec =
            schedule::answer(None, schedule::rating(Outcome { right: false, hint: false, seconds: 5 }), NOW - DAY);
        progress.questions.insert(q.id.clone(), rec);
    }
    let review = RoundOptions { review: true, ..Default::default() };
    let round = plan(&bank, &progress, &review, NOW);
    assert_eq!(round.iter().filter(|q| q.skill() == Some("conv-output-size")).count(), 1, "one per round");
    let due = deepstep::lessons::quiz::round::all_due(&bank, &progress, &review, NOW);
    assert_eq!(due.len(), 3, "the others are still due");
}

/// Templated questions: every draw fills every text, the explanation ends at
/// the answer the math computed, and a review asks with new numbers.
#[test]
fn templated_questions_draw_new_numbers_that_the_explanation_works_out() {
    let bank = shipped();
    let templated: Vec<&Question> =
        bank.iter().filter(|q| matches!(&q.body, Body::Bank { template: Some(_), .. })).collect();
    assert!(templated.len() >= 8, "the numeric conv and RNN questions are templates");
    for q in &templated {
        let mut prompts = std::collections::BTreeSet::new();
        for seed in 0..30 {
            let d = q.redrawn(seed).unwrap();
            let Answer::Numeric { value, .. } = d.answer else { panic!("{}", q.id) };
            for t in [&EN, &deepstep::text::KO] {
                let (explanation, _) = deepstep::lessons::quiz::words::explanation_lines(&d, t);
                let all = explanation.join(" ") + &deepstep::lessons::quiz::words::prompt_lines(&d, t).join(" ");
                assert!(!all.contains("{{") && !all.contains("}}}"), "{}: {all}", q.id);
                assert!(
                    explanation.join(" ").contains(&num(value)),
                    "{} seed {seed}: {value} in {explanation:?}",
                    q.id
                );
            }
            prompts.insert(deepstep::lessons::quiz::words::prompt_lines(&d, &EN).join(" "));
        }
        assert!(prompts.len() >= 3, "{}: {prompts:?}", q.id);
    }
    // A review of a due templated question: two rounds, two sets of numbers.
    let q = bank.iter().find(|q| q.id == "conv-params").unwrap();
    let mut progress = Progress::default();
    let wrong = schedule::rating(Outcome { right: false, hint: false, seconds: 5 });
    progress.questions.insert(q.id.clone(), schedule::answer(None, wrong, NOW - DAY));
    let asked: std::collections::BTreeSet<String> = (0..5)
        .map(|seed| {
            let o = RoundOptions { review: true, seed, topic: Some(Topic::Conv), ..Default::default() };
            let round = plan(&bank, &progress, &o, NOW);
            assert_eq!(round.len(), 1);
            deepstep::lessons::quiz::words::prompt_lines(&round[0], &EN).join(" ")
        })
        .collect();
    assert!(asked.len() >= 2, "{asked:?}");
    // The lab draws its own numbers for its round, and grades against them.
    let mut lab = lab_with(vec![q.clone()], None);
    let Some(Answer::Numeric { value, .. }) = lab.current().map(|q| q.answer.clone()) else { unreachable!() };
    type_and_submit(&mut lab, &num(value));
    assert!(lab.results.last().is_some_and(|g| g.right), "{value}");
}

#[test]
fn check_names_every_template_mistake() {
    let dir = temp_dir("template-check");
    let bank = dir.join("t.toml");
    let q = |id: &str, extra: &str| {
        format!(
            "[[question]]\nid = \"{id}\"\ntopic = \"conv\"\nkind = \"numeric\"\nprompt.en = \"p {{{{H}}}}\"\nexplanation.en = \"e\"\n{extra}\n"
        )
    };
    let text = [
        q("unknown", "template = \"nope\""),
        q("missing", "template = \"conv-params\"\nparams = { CIN = [1, 2], K = [1, 3] }"),
        q(
            "stray-param",
            "template = \"conv-params\"\nparams = { CIN = [1, 2], COUT = [1, 2], K = [1, 3], Z = [0, 1] }",
        ),
        q("range", "template = \"conv-params\"\nparams = { CIN = [3, 2], COUT = [1, 2], K = [1, 3] }"),
        q("name", "template = \"conv-params\"\nparams = { CIN = [1, 2], COUT = [1, 2], K = [1, 3] }"),
        q("value", "template = \"conv-params\"\nvalue = 3\nparams = { CIN = [1, 2], COUT = [1, 2], K = [1, 3] }"),
        q(
            "no-draw",
            "template = \"conv-output\"\nparams = { H = [1, 2], K = [9, 9], P = [0, 0], S = [1, 1], D = [1, 1] }",
        ),
    ]
    .concat();
    std::fs::write(&bank, text).unwrap();
    let out = deepstep([OsStr::new("quiz"), OsStr::new("--check"), bank.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for (id, says) in [
        ("unknown", "no template `nope`"),
        ("missing", "needs a range for `COUT`"),
        ("stray-param", "`Z` in `params` is not a parameter"),
        ("range", "the range of `CIN`"),
        ("name", "`{{H}}` names no number"),
        ("value", "`value`"),
        ("no-draw", "no numbers drawn"),
    ] {
        assert!(err.lines().any(|l| l.contains(&format!("`{id}`")) && l.contains(says)), "{id}: {says}\n{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exact_answers_do_not_offer_a_zero_tolerance() {
    use deepstep::lessons::quiz::words::how_line;
    for t in [&EN, &deepstep::text::KO] {
        assert_eq!(how_line(&numeric("x", 24.0, 0.0), t), t.quiz.how_numeric_exact);
        assert!(how_line(&numeric("y", 0.25, 0.0005), t).contains(&format!("±{}", num(0.0005))));
    }
}
