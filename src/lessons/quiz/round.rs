//! Which questions a round asks: what is due first, then what was never
//! asked (taking turns between topics), then what comes due soonest. A normal
//! round also draws fresh tables for two generated questions; `--review`
//! asks only what is due.

use super::bank::generated as generate;
use super::bank::{Answer, Question, Topic};
use super::generate::GenKind;
use crate::math::rng::Rng;
use crate::progress::Progress;
use crate::progress::schedule::is_due;

#[derive(Debug, Clone, PartialEq)]
pub struct RoundOptions {
    pub review: bool,
    pub count: usize,
    pub seed: u64,
    pub topic: Option<Topic>,
    /// Questions drawn from `generate` in a normal round.
    pub generated: usize,
}

impl Default for RoundOptions {
    fn default() -> Self {
        RoundOptions { review: false, count: 10, seed: 1, topic: None, generated: GENERATED_PER_ROUND }
    }
}

pub const GENERATED_PER_ROUND: usize = 2;

/// The topic a generated question belongs to.
pub fn gen_topic(k: GenKind) -> Topic {
    match k {
        GenKind::Posterior => Topic::Bayes,
        GenKind::NormalMean | GenKind::NormalSigma => Topic::Mle,
        GenKind::Conditional | GenKind::Marginal | GenKind::Product => Topic::Chain,
    }
}

/// Shuffle a choice question's options (keys a–d follow the screen, so the
/// right letter changes from round to round).
fn shuffled(mut q: Question, rng: &mut Rng) -> Question {
    if let Answer::Choice { options, correct } = &mut q.answer {
        let mut idx: Vec<usize> = (0..options.len()).collect();
        rng.shuffle(&mut idx);
        let old = std::mem::take(options);
        *correct = idx.iter().position(|&i| i == *correct).unwrap_or(0);
        *options = idx.iter().map(|&i| old[i].clone()).collect();
    }
    q
}

/// The questions in order, leaving out any whose skill an earlier one tests.
fn one_per_skill<'a>(qs: impl IntoIterator<Item = &'a Question>) -> impl Iterator<Item = &'a Question> {
    let mut asked = std::collections::HashSet::new();
    qs.into_iter().filter(move |q| q.skill().is_none_or(|s| asked.insert(s)))
}

/// The questions of one round, at time `now`.
pub fn plan(bank: &[Question], progress: &Progress, o: &RoundOptions, now: u64) -> Vec<Question> {
    plan_rounds(bank, progress, o, now, true)
}

/// Every question due at `now` (what the summary and the home screen count),
/// skills shared or not: review rounds ask them one skill at a time.
pub fn all_due(bank: &[Question], progress: &Progress, o: &RoundOptions, now: u64) -> Vec<Question> {
    let all = RoundOptions { review: true, count: usize::MAX / 2, ..o.clone() };
    plan_rounds(bank, progress, &all, now, false)
}

fn plan_rounds(bank: &[Question], progress: &Progress, o: &RoundOptions, now: u64, per_skill: bool) -> Vec<Question> {
    let mut rng = Rng::new(o.seed);
    let wanted = |t: Topic| o.topic.is_none_or(|x| x == t);
    let record = |id: &str| progress.questions.get(id);
    let pool: Vec<&Question> = bank.iter().filter(|q| wanted(q.topic)).collect();
    let gens: Vec<GenKind> = GenKind::ALL.into_iter().filter(|k| wanted(gen_topic(*k))).collect();

    // Due first, the longest overdue first.
    let mut due: Vec<&Question> =
        pool.iter().copied().filter(|q| record(&q.id).is_some_and(|r| is_due(r, now))).collect();
    due.sort_by_key(|q| record(&q.id).map(|r| r.due));
    let due_gens: Vec<GenKind> =
        gens.iter().copied().filter(|k| record(k.id()).is_some_and(|r| is_due(r, now))).collect();

    let mut out: Vec<Question> = vec![];
    if o.review {
        // A due question whose skill this round already asks stays due for the next.
        if per_skill {
            out.extend(one_per_skill(due).take(o.count).cloned());
        } else {
            out.extend(due.into_iter().take(o.count).cloned());
        }
        let room = o.count.saturating_sub(out.len());
        out.extend(
            due_gens.iter().take(room).enumerate().filter_map(|(i, k)| generate(*k, o.seed.wrapping_add(i as u64))),
        );
        return fresh(out, o.seed, &mut rng);
    }
    let n_gen = o.generated.min(o.count).min(gens.len());
    let n_bank = o.count - n_gen;
    // Never asked, taking turns between topics in bank order.
    let mut by_topic: Vec<Vec<&Question>> = Topic::ALL
        .iter()
        .map(|t| pool.iter().copied().filter(|q| q.topic == *t && record(&q.id).is_none()).collect())
        .collect();
    let mut unseen = vec![];
    while by_topic.iter().any(|v| !v.is_empty()) {
        for v in by_topic.iter_mut().filter(|v| !v.is_empty()) {
            unseen.push(v.remove(0));
        }
    }
    // Then the ones coming due soonest.
    let mut later: Vec<&Question> =
        pool.iter().copied().filter(|q| record(&q.id).is_some_and(|r| !is_due(r, now))).collect();
    later.sort_by_key(|q| record(&q.id).map(|r| (r.due, r.card.reps)));
    out.extend(one_per_skill(due.into_iter().chain(unseen).chain(later)).take(n_bank).cloned());
    // Generated: due kinds first, then the others in a seeded order.
    let mut kinds = due_gens.clone();
    let mut rest: Vec<GenKind> = gens.iter().copied().filter(|k| !due_gens.contains(k)).collect();
    rng.shuffle(&mut rest);
    kinds.extend(rest);
    for (i, k) in kinds.into_iter().take(n_gen).enumerate() {
        let at = ((i + 1) * out.len() / (n_gen + 1)).min(out.len());
        if let Some(q) = generate(k, o.seed.wrapping_mul(31).wrapping_add(i as u64)) {
            out.insert(at, q);
        }
    }
    fresh(out, o.seed, &mut rng)
}

/// The round as asked: templated questions with numbers drawn for this
/// round (a review cannot be passed from memory), options shuffled.
fn fresh(round: Vec<Question>, seed: u64, rng: &mut Rng) -> Vec<Question> {
    round
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let drawn = q.redrawn(seed.wrapping_mul(0x9E37_79B9).wrapping_add(i as u64 + 1)).unwrap_or(q);
            shuffled(drawn, rng)
        })
        .collect()
}
