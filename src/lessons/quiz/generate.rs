//! Questions drawn for each round from `math::prob`: a seeded joint table over
//! 2 to 4 binary variables, and a conditional, a marginal, a posterior, or
//! whether a product of factors equals the joint. The answer and the worked
//! solution come from the same `Joint` calls, so they cannot disagree.

use super::generate_sample::SampleQuestion;
use super::question::{Answer, Topic};
use super::question::{Mistake, Slip, unambiguous};
use crate::math::format::num;
use crate::math::prob::{Bayes, Factor, Factorization, Joint, Variable};
use crate::math::rng::Rng;
use crate::text::Text;

/// Hand arithmetic on a table of thousandths: two decimals are enough.
pub const TOLERANCE: f64 = 0.005;
const NAMES: [&str; 4] = ["A", "B", "C", "D"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Conditional,
    Marginal,
    Posterior,
    Product,
    /// μ̂ of a small sample (`generate_sample`).
    NormalMean,
    /// σ̂ of a small sample.
    NormalSigma,
}

impl GenKind {
    pub const ALL: [GenKind; 6] = [
        GenKind::Conditional,
        GenKind::Marginal,
        GenKind::Posterior,
        GenKind::Product,
        GenKind::NormalMean,
        GenKind::NormalSigma,
    ];

    /// The progress id: one schedule per kind (each round draws a new table).
    pub fn id(self) -> &'static str {
        match self {
            GenKind::Conditional => "gen-conditional",
            GenKind::Marginal => "gen-marginal",
            GenKind::Posterior => "gen-posterior",
            GenKind::Product => "gen-product",
            GenKind::NormalMean => "gen-normal-mean",
            GenKind::NormalSigma => "gen-normal-sigma",
        }
    }

    pub fn from_id(id: &str) -> Option<GenKind> {
        GenKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// P(event | given) = P(event, given) / P(given).
    Conditional { event: (usize, usize), given: Vec<(usize, usize)>, both: f64, p_given: f64, value: f64 },
    /// P(event) = the sum of the table's rows that agree with it.
    Marginal { event: (usize, usize), rows: Vec<f64>, value: f64 },
    /// P(H = state | E = e) by Bayes' rule.
    Posterior { bayes: Bayes, state: usize },
    /// Does Π factors equal the joint at every row?
    Product { factorization: Factorization, holds: bool, shown_row: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub joint: Joint,
    pub ask: Ask,
}

fn event_name(j: &Joint, (v, s): (usize, usize)) -> String {
    format!("{}={}", j.vars[v].name, j.vars[v].states[s])
}

fn events(j: &Joint, es: &[(usize, usize)]) -> String {
    es.iter().map(|e| event_name(j, *e)).collect::<Vec<_>>().join(", ")
}

/// "P(A=1 | B=0, C=1)" or "P(A=1)".
fn p_of(j: &Joint, e: &[(usize, usize)], given: &[(usize, usize)]) -> String {
    if given.is_empty() {
        format!("P({})", events(j, e))
    } else {
        format!("P({} | {})", events(j, e), events(j, given))
    }
}

/// "P(C | A, B)" or "P(A)".
pub fn factor_name(j: &Joint, f: &Factor) -> String {
    let name = |v: usize| j.vars[v].name.clone();
    if f.given.is_empty() {
        format!("P({})", name(f.var))
    } else {
        format!("P({} | {})", name(f.var), f.given.iter().map(|g| name(*g)).collect::<Vec<_>>().join(", "))
    }
}

fn product_name(j: &Joint, fs: &[Factor]) -> String {
    fs.iter().map(|f| factor_name(j, f)).collect::<Vec<_>>().join(" ")
}

/// One entry named as the table writes it: "ABCD=0101: 0.07".
fn entry_name(j: &Joint, a: &[usize], p: f64) -> String {
    let names: String = j.vars.iter().map(|v| v.name.as_str()).collect();
    let states: String = a.iter().enumerate().map(|(v, s)| j.vars[v].states[*s].as_str()).collect();
    format!("{names}={states}: {}", num(p))
}

/// "P(A=1, C=1) = 0.037 + 0.058 = 0.095, from ABC=101: 0.037, ABC=111: 0.058":
/// a probability as the sum of the table entries it takes.
fn summed(j: &Joint, e: &[(usize, usize)], total: f64) -> Option<String> {
    let rows = j.matching(e).ok()?;
    let terms: Vec<String> = rows.iter().map(|(_, p)| num(*p)).collect();
    let named: Vec<String> = rows.iter().map(|(a, p)| entry_name(j, a, *p)).collect();
    Some(format!("{} = {} = {}   ({})", p_of(j, e, &[]), terms.join(" + "), num(total), named.join(", ")))
}

/// The joint written out, four entries a line: "AB=01: 0.12".
pub fn table_lines(j: &Joint) -> Vec<String> {
    let names: String = j.vars.iter().map(|v| v.name.as_str()).collect();
    let cells: Vec<String> = j
        .assignments()
        .iter()
        .zip(&j.p)
        .map(|(a, p)| {
            let states: String = a.iter().enumerate().map(|(v, s)| j.vars[v].states[*s].as_str()).collect();
            format!("{names}={states}: {:<6}", num(*p))
        })
        .collect();
    cells.chunks(4).map(|c| c.join("  ").trim_end().to_string()).collect()
}

/// What a generated question is about: a drawn table, or a drawn sample.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawn {
    Table(Box<Generated>),
    Sample(Box<SampleQuestion>),
}

/// A question of this kind on a table drawn from `seed`, as its body, answer
/// and topic (`bank::generated` makes the `Question`; `None` only if the
/// table's math refused, which a random table with positive entries never does).
/// A question of `kind` from `seed`: what to show, the answer, its topic,
/// and the wrong numbers it is known to invite.
pub fn generate(kind: GenKind, seed: u64) -> Option<(Drawn, Answer, Topic, Vec<Slip>)> {
    use super::generate_sample::{self as sample, SampleAsk};
    let mut rng = Rng::new(seed ^ 0x9e37_79b9_7f4a_7c15);
    // A product over two variables has only the chain rule or independence
    // to test; three or four give room for a dropped condition.
    let n = if kind == GenKind::Product { 3 + rng.below(2) } else { 2 + rng.below(3) };
    let vars: Vec<Variable> = NAMES[..n].iter().map(|name| Variable::binary(name)).collect();
    // Every entry of a random joint is positive, so every conditional exists
    // and none of the `?` below fails; if one did, there is no question.
    let mut joint = Joint::random(vars.clone(), seed).ok()?;
    let n = joint.vars.len();
    let state = |rng: &mut Rng| rng.below(2);
    let mut slips = vec![];
    let (ask, answer, topic) = match kind {
        // A sample, not a table: its own generator.
        GenKind::NormalMean | GenKind::NormalSigma => {
            let ask = if kind == GenKind::NormalMean { SampleAsk::Mean } else { SampleAsk::Sigma };
            let (sample, answer) = sample::generate(ask, seed)?;
            let slips = match (ask, &answer) {
                (SampleAsk::Sigma, Answer::Numeric { value, .. }) => unambiguous(
                    *value,
                    [
                        Some(Slip { value: sample.fit.var_mle, mistake: Mistake::VarianceForSigma }),
                        sample.fit.sigma_unbiased().map(|value| Slip { value, mistake: Mistake::NMinusOne }),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                ),
                _ => vec![],
            };
            return Some((Drawn::Sample(Box::new(sample)), answer, Topic::Mle, slips));
        }
        GenKind::Conditional => {
            let mut order: Vec<usize> = (0..n).collect();
            rng.shuffle(&mut order);
            let given_count = 1 + rng.below(n - 1);
            let ev = (order[0], state(&mut rng));
            let mut given: Vec<(usize, usize)> = order[1..=given_count].iter().map(|&v| (v, state(&mut rng))).collect();
            given.sort();
            let all: Vec<(usize, usize)> = std::iter::once(ev).chain(given.iter().cloned()).collect();
            let both = joint.prob(&all).ok()?;
            let p_given = joint.prob(&given).ok()?;
            let value = joint.conditional(&[ev], &given).ok()?;
            let a = Answer::Numeric { value, tolerance: TOLERANCE };
            slips.push(Slip { value: both, mistake: Mistake::JointForConditional });
            (Ask::Conditional { event: ev, given, both, p_given, value }, a, Topic::Chain)
        }
        GenKind::Marginal => {
            let ev = (rng.below(n), state(&mut rng));
            let rows = joint.entries(&[ev]).ok()?;
            let value = joint.prob(&[ev]).ok()?;
            (Ask::Marginal { event: ev, rows, value }, Answer::Numeric { value, tolerance: TOLERANCE }, Topic::Chain)
        }
        GenKind::Posterior => {
            let evidence = (n - 1, state(&mut rng));
            let h_state = state(&mut rng);
            let bayes = joint.bayes(0, evidence).ok()?;
            let value = bayes.posterior[h_state];
            slips.extend(bayes.joint(h_state).map(|value| Slip { value, mistake: Mistake::NotNormalised }));
            slips.push(Slip { value: bayes.likelihood[h_state], mistake: Mistake::Inverted });
            (Ask::Posterior { bayes, state: h_state }, Answer::Numeric { value, tolerance: TOLERANCE }, Topic::Bayes)
        }
        GenKind::Product => {
            let mut order: Vec<usize> = (0..n).collect();
            rng.shuffle(&mut order);
            let mut factors: Vec<Factor> =
                order.iter().enumerate().map(|(k, &var)| Factor { var, given: order[..k].to_vec() }).collect();
            // Half the time, drop one conditioning variable: the Markov-style
            // shortcut.
            let dropped = rng.below(2) == 0;
            if dropped {
                let k = 1 + rng.below(n - 1);
                let drop = rng.below(factors[k].given.len());
                factors[k].given.remove(drop);
            }
            let mut factorization = joint.check_factors(factors.clone()).ok()?;
            // A table that happens to have the dropped independence would make
            // the product hold for a reason the explanation does not give:
            // draw another table until the dropped condition matters.
            let mut redraw = 1u64;
            while dropped && factorization.holds() && redraw < 64 {
                joint = Joint::random(vars.clone(), seed.wrapping_add(redraw.wrapping_mul(0x9e37_79b9))).ok()?;
                factorization = joint.check_factors(factors.clone()).ok()?;
                redraw += 1;
            }
            if dropped && factorization.holds() {
                return None;
            }
            let holds = factorization.holds();
            // Show the row where the product is furthest from the joint.
            let shown_row = factorization.worst_row()?;
            (
                Ask::Product { factorization, holds, shown_row },
                Answer::TrueFalse { truth: holds, why: None },
                Topic::Chain,
            )
        }
    };
    let slips = match &answer {
        Answer::Numeric { value, .. } => unambiguous(*value, slips),
        _ => vec![],
    };
    Some((Drawn::Table(Box::new(Generated { joint, ask })), answer, topic, slips))
}

impl Generated {
    /// The question, in the current language, after the table.
    pub fn prompt(&self, t: &Text) -> Vec<String> {
        let j = &self.joint;
        let q = &t.quiz;
        let names: Vec<&str> = j.vars.iter().map(|v| v.name.as_str()).collect();
        let mut lines = vec![(q.gen_table)(&names.join(", "))];
        lines.extend(table_lines(j));
        lines.push(match &self.ask {
            Ask::Conditional { event, given, .. } => (q.gen_what_is)(&p_of(j, &[*event], given)),
            Ask::Marginal { event, .. } => (q.gen_what_is)(&p_of(j, &[*event], &[])),
            Ask::Posterior { bayes, state } => {
                (q.gen_posterior)(&p_of(j, &[(bayes.hypothesis, *state)], &[bayes.evidence]))
            }
            Ask::Product { factorization, .. } => {
                (q.gen_product)(&names.join(", "), &product_name(j, &factorization.factors))
            }
        });
        lines
    }

    pub fn hint(&self, t: &Text) -> &'static str {
        match self.ask {
            Ask::Conditional { .. } => t.quiz.gen_hint_conditional,
            Ask::Marginal { .. } => t.quiz.gen_hint_marginal,
            Ask::Posterior { .. } => t.quiz.gen_hint_posterior,
            Ask::Product { .. } => t.quiz.gen_hint_product,
        }
    }

    /// The worked solution, every number from the same `Joint` calls as the answer.
    pub fn solution(&self, t: &Text) -> Vec<String> {
        let j = &self.joint;
        let q = &t.quiz;
        match &self.ask {
            Ask::Conditional { event, given, both, p_given, value } => {
                let all: Vec<(usize, usize)> = std::iter::once(*event).chain(given.iter().cloned()).collect();
                // The two sums, each entry named, then the division (last:
                // the solution ends with the answer).
                std::iter::once(q.gen_why_conditional.to_string())
                    .chain(summed(j, &all, *both))
                    .chain(summed(j, given, *p_given))
                    .chain(std::iter::once(format!(
                        "{} = {} / {} = {} / {} = {}",
                        p_of(j, &[*event], given),
                        p_of(j, &all, &[]),
                        p_of(j, given, &[]),
                        num(*both),
                        num(*p_given),
                        num(*value)
                    )))
                    .collect()
            }
            Ask::Marginal { event, rows, value } => vec![
                (q.gen_why_marginal)(&event_name(j, *event)),
                format!(
                    "{} = {} = {}",
                    p_of(j, &[*event], &[]),
                    rows.iter().map(|p| num(*p)).collect::<Vec<_>>().join(" + "),
                    num(*value)
                ),
            ],
            Ask::Posterior { bayes: b, state } => {
                let h = |s: usize| (b.hypothesis, s);
                let e = b.evidence;
                let terms: Vec<String> =
                    (0..b.prior.len()).map(|s| format!("{}·{}", num(b.likelihood[s]), num(b.prior[s]))).collect();
                vec![
                    q.gen_why_posterior.to_string(),
                    format!("{} {} = {}", q.prior, p_of(j, &[h(*state)], &[]), num(b.prior[*state])),
                    format!("{} {} = {}", q.likelihood, p_of(j, &[e], &[h(*state)]), num(b.likelihood[*state])),
                    format!(
                        "{} {} = Σ_h P({} | h) P(h) = {} = {}",
                        q.evidence,
                        p_of(j, &[e], &[]),
                        event_name(j, e),
                        terms.join(" + "),
                        num(b.evidence_p)
                    ),
                    format!(
                        "{} {} = {} × {} / {} = {}",
                        q.posterior,
                        p_of(j, &[h(*state)], &[e]),
                        num(b.likelihood[*state]),
                        num(b.prior[*state]),
                        num(b.evidence_p),
                        num(b.posterior[*state])
                    ),
                ]
            }
            Ask::Product { factorization: f, holds, shown_row } => {
                let mut lines = vec![(q.gen_why_product)(*holds)];
                // Which factor left out which variable (a false product's cause).
                for (factor, left_out) in f.factors.iter().zip(f.dropped()) {
                    let names: Vec<&str> = left_out.iter().map(|v| j.vars[*v].name.as_str()).collect();
                    if !names.is_empty() {
                        let given: Vec<&str> = factor.given.iter().map(|v| j.vars[*v].name.as_str()).collect();
                        lines.push((q.gen_dropped)(
                            &factor_name(j, factor),
                            &names.join(", "),
                            &j.vars[factor.var].name,
                            &given.join(", "),
                        ));
                    }
                }
                if let Some(row) = f.rows.get(*shown_row) {
                    let at: Vec<(usize, usize)> = row.assignment.iter().cloned().enumerate().collect();
                    let values: Vec<String> = row.values.iter().map(|v| v.map_or("?".into(), num)).collect();
                    lines.push(format!(
                        "{}: {} = {}   {} = {}",
                        events(j, &at),
                        values.join(" × "),
                        num(row.product),
                        p_of(j, &at, &[]),
                        num(row.joint)
                    ));
                }
                lines.push((q.gen_largest_gap)(&num(f.gap())));
                lines
            }
        }
    }

    /// For a product question, the product asked about beside the joint
    /// (the other questions have no factorization to write out).
    pub fn factors(&self) -> Vec<String> {
        let j = &self.joint;
        match &self.ask {
            Ask::Product { factorization, .. } => {
                let names: Vec<&str> = j.vars.iter().map(|v| v.name.as_str()).collect();
                vec![format!("P({}) =? {}", names.join(", "), product_name(j, &factorization.factors))]
            }
            _ => vec![],
        }
    }
}
