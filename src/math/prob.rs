//! Discrete joint distributions over a few named variables: marginals,
//! conditionals, the chain-rule factorization and Bayes' rule.
//!
//! The chain rule is the definition of conditional probability applied again
//! and again, P(A, B) = P(B | A) P(A), so
//!
//!   P(X1..Xt) = P(Xt | X1..Xt−1) P(X1..Xt−1) = Π_k P(Xk | X1..Xk−1)
//!
//! in any order of the variables. Nothing is inverted, so there is no evidence
//! term to normalise by. Bayes' rule inverts a conditional:
//!
//!   P(H | E) = P(E | H) P(H) / P(E),   P(E) = Σ_h P(E | h) P(h)  (the evidence).

use super::rng::Rng;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProbError {
    #[error("a joint needs at least one variable")]
    NoVariables,
    #[error("variable {0} needs at least one state")]
    NoStates(String),
    #[error("the table has {got} entries but the variables' states make {expected}")]
    Size { expected: usize, got: usize },
    #[error("entry {index} is {value}: probabilities must be finite and at least 0")]
    Negative { index: usize, value: f64 },
    #[error("the probabilities sum to {0}, not 1")]
    NotNormalised(f64),
    #[error("no variable has index {0}")]
    NoSuchVariable(usize),
    #[error("variable {var} has no state {state}")]
    NoSuchState { var: String, state: usize },
    #[error("a table of {0} entries cannot give each at least one thousandth")]
    TooManyEntries(usize),
    #[error("the order must name every variable exactly once")]
    BadOrder,
    #[error("the conditioning event has probability 0, so the conditional is undefined")]
    ZeroEvidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    pub name: String,
    pub states: Vec<String>,
}

impl Variable {
    pub fn new(name: &str, states: &[&str]) -> Self {
        Variable { name: name.to_string(), states: states.iter().map(|s| s.to_string()).collect() }
    }

    /// A binary variable with states 0 and 1.
    pub fn binary(name: &str) -> Self {
        Variable::new(name, &["0", "1"])
    }
}

/// P over every combination of the variables' states, row-major (the last
/// variable varies fastest).
#[derive(Debug, Clone, PartialEq)]
pub struct Joint {
    pub vars: Vec<Variable>,
    pub p: Vec<f64>,
}

/// An event: some variables fixed to states, as (variable, state) pairs.
pub type Event = [(usize, usize)];

impl Joint {
    pub fn new(vars: Vec<Variable>, p: Vec<f64>) -> Result<Self, ProbError> {
        if vars.is_empty() {
            return Err(ProbError::NoVariables);
        }
        if let Some(v) = vars.iter().find(|v| v.states.is_empty()) {
            return Err(ProbError::NoStates(v.name.clone()));
        }
        let expected: usize = vars.iter().map(|v| v.states.len()).product();
        if p.len() != expected {
            return Err(ProbError::Size { expected, got: p.len() });
        }
        if let Some((index, &value)) = p.iter().enumerate().find(|(_, v)| !(v.is_finite() && **v >= 0.0)) {
            return Err(ProbError::Negative { index, value });
        }
        let sum: f64 = p.iter().sum();
        if (sum - 1.0).abs() > 1e-9 {
            return Err(ProbError::NotNormalised(sum));
        }
        Ok(Joint { vars, p })
    }

    /// A seeded random joint with every entry positive (so every conditional
    /// is defined), entries rounded to 1/1000 so that questions stay readable:
    /// at most 1000 entries.
    pub fn random(vars: Vec<Variable>, seed: u64) -> Result<Self, ProbError> {
        let size: usize = vars.iter().map(|v| v.states.len()).product();
        if size > 1000 {
            return Err(ProbError::TooManyEntries(size));
        }
        let mut rng = Rng::new(seed);
        let weights: Vec<u64> = (0..size).map(|_| 1 + rng.below(20) as u64).collect();
        let total: u64 = weights.iter().sum();
        // Largest-remainder rounding to thousandths that sum to exactly 1000.
        // A share under one thousandth is raised to it (its remainder is then
        // negative: it gets nothing more), and if the raised ones make more
        // than 1000 the excess comes off the largest entries.
        let raw: Vec<f64> = weights.iter().map(|w| 1000.0 * *w as f64 / total as f64).collect();
        let mut milli: Vec<u64> = raw.iter().map(|r| (r.floor() as u64).max(1)).collect();
        let mut order: Vec<usize> = (0..size).collect();
        order.sort_by(|&a, &b| (raw[b] - milli[b] as f64).total_cmp(&(raw[a] - milli[a] as f64)));
        let mut i = 0;
        while milli.iter().sum::<u64>() < 1000 {
            milli[order[i % size]] += 1;
            i += 1;
        }
        while milli.iter().sum::<u64>() > 1000 {
            let j = (0..size).max_by_key(|&j| milli[j]).unwrap_or(0);
            milli[j] -= 1;
        }
        Joint::new(vars, milli.iter().map(|m| *m as f64 / 1000.0).collect())
    }

    /// Every full assignment (one state per variable), in table order.
    pub fn assignments(&self) -> Vec<Vec<usize>> {
        let mut out = vec![vec![]];
        for v in &self.vars {
            out =
                out.into_iter().flat_map(|a| (0..v.states.len()).map(move |s| [a.clone(), vec![s]].concat())).collect();
        }
        out
    }

    fn check_event(&self, e: &Event) -> Result<(), ProbError> {
        for &(var, state) in e {
            let v = self.vars.get(var).ok_or(ProbError::NoSuchVariable(var))?;
            if state >= v.states.len() {
                return Err(ProbError::NoSuchState { var: v.name.clone(), state });
            }
        }
        Ok(())
    }

    /// The table's entries for every assignment that agrees with the event,
    /// in table order (the terms of a marginal, written out).
    pub fn entries(&self, e: &Event) -> Result<Vec<f64>, ProbError> {
        self.check_event(e)?;
        Ok(self
            .assignments()
            .iter()
            .zip(&self.p)
            .filter(|(a, _)| e.iter().all(|&(v, s)| a[v] == s))
            .map(|(_, p)| *p)
            .collect())
    }

    /// The assignments that agree with the event, with their entries, in
    /// table order (which entries a probability sums, named).
    pub fn matching(&self, e: &Event) -> Result<Vec<(Vec<usize>, f64)>, ProbError> {
        self.check_event(e)?;
        Ok(self
            .assignments()
            .into_iter()
            .zip(self.p.iter().copied())
            .filter(|(a, _)| e.iter().all(|&(v, s)| a[v] == s))
            .collect())
    }

    /// P(event): the sum of the joint over every assignment that agrees with it.
    pub fn prob(&self, e: &Event) -> Result<f64, ProbError> {
        Ok(self.entries(e)?.iter().sum())
    }

    /// P(event | given) = P(event, given) / P(given).
    pub fn conditional(&self, event: &Event, given: &Event) -> Result<f64, ProbError> {
        let pg = self.prob(given)?;
        if pg == 0.0 {
            self.check_event(event)?;
            return Err(ProbError::ZeroEvidence);
        }
        let both: Vec<(usize, usize)> = event.iter().chain(given.iter()).cloned().collect();
        Ok(self.prob(&both)? / pg)
    }

    /// The marginal table of the variables `keep`, in that order.
    pub fn marginal(&self, keep: &[usize]) -> Result<Joint, ProbError> {
        let vars: Vec<Variable> = keep
            .iter()
            .map(|&k| self.vars.get(k).cloned().ok_or(ProbError::NoSuchVariable(k)))
            .collect::<Result<_, _>>()?;
        let sub = Joint { vars, p: vec![] };
        let p = sub
            .assignments()
            .iter()
            .map(|a| self.prob(&keep.iter().cloned().zip(a.iter().cloned()).collect::<Vec<_>>()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Joint { vars: sub.vars, p })
    }

    /// The chain-rule factorization in `order`: P(X_o1) P(X_o2 | X_o1) ...,
    /// checked numerically against the joint for every assignment.
    pub fn chain_rule(&self, order: &[usize]) -> Result<Factorization, ProbError> {
        let mut seen = vec![false; self.vars.len()];
        for &o in order {
            if o >= seen.len() || seen[o] {
                return Err(ProbError::BadOrder);
            }
            seen[o] = true;
        }
        if seen.iter().any(|s| !s) {
            return Err(ProbError::BadOrder);
        }
        let factors: Vec<Factor> =
            order.iter().enumerate().map(|(k, &var)| Factor { var, given: order[..k].to_vec() }).collect();
        self.check_factors(factors)
    }

    /// Any product of conditionals, P(X_a | ...) P(X_b | ...) ..., evaluated at
    /// every assignment beside the joint. The full chain rule always matches;
    /// a product that drops conditioning variables (a Markov assumption)
    /// matches only when the table has that independence.
    pub fn check_factors(&self, factors: Vec<Factor>) -> Result<Factorization, ProbError> {
        for f in &factors {
            if let Some(&bad) = std::iter::once(&f.var).chain(&f.given).find(|&&v| v >= self.vars.len()) {
                return Err(ProbError::NoSuchVariable(bad));
            }
        }
        let mut rows = vec![];
        let mut max_abs_error: f64 = 0.0;
        for (a, &joint) in self.assignments().iter().zip(&self.p) {
            let values: Vec<Option<f64>> = factors
                .iter()
                .map(|f| {
                    let given: Vec<_> = f.given.iter().map(|&g| (g, a[g])).collect();
                    self.conditional(&[(f.var, a[f.var])], &given).ok()
                })
                .collect();
            // A factor conditioned on a probability-0 event is undefined; the
            // joint entry is then 0 too, and so is the product.
            let product = if values.iter().any(|v| v.is_none()) { 0.0 } else { values.iter().flatten().product() };
            max_abs_error = max_abs_error.max((product - joint).abs());
            rows.push(FactorRow { assignment: a.clone(), values, product, joint });
        }
        Ok(Factorization { factors, rows, max_abs_error })
    }

    /// Bayes' rule for the hypothesis variable given evidence (var = state).
    pub fn bayes(&self, hypothesis: usize, evidence: (usize, usize)) -> Result<Bayes, ProbError> {
        self.check_event(&[(hypothesis, 0), evidence])?;
        let n = self.vars[hypothesis].states.len();
        let prior: Vec<f64> = (0..n).map(|h| self.prob(&[(hypothesis, h)])).collect::<Result<_, _>>()?;
        let likelihood: Vec<f64> =
            (0..n).map(|h| self.conditional(&[evidence], &[(hypothesis, h)]).unwrap_or(0.0)).collect();
        let evidence_p: f64 = prior.iter().zip(&likelihood).map(|(p, l)| p * l).sum();
        if evidence_p == 0.0 {
            return Err(ProbError::ZeroEvidence);
        }
        let posterior = prior.iter().zip(&likelihood).map(|(p, l)| p * l / evidence_p).collect();
        Ok(Bayes { hypothesis, evidence, prior, likelihood, evidence_p, posterior })
    }
}

/// P(X_var | X_given...).
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    pub var: usize,
    pub given: Vec<usize>,
}

/// One assignment: each factor's value, their product and the joint entry.
#[derive(Debug, Clone, PartialEq)]
pub struct FactorRow {
    pub assignment: Vec<usize>,
    pub values: Vec<Option<f64>>,
    pub product: f64,
    pub joint: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Factorization {
    pub factors: Vec<Factor>,
    pub rows: Vec<FactorRow>,
    /// max over assignments of |Π factors − P(assignment)|.
    pub max_abs_error: f64,
}

impl Factorization {
    /// Per factor, the variables before it in the product that it does not
    /// condition on (the chain rule conditions each on all of them): what a
    /// Markov-style shortcut left out. Empty lists for the chain rule itself.
    pub fn dropped(&self) -> Vec<Vec<usize>> {
        self.factors
            .iter()
            .enumerate()
            .map(|(k, f)| self.factors[..k].iter().map(|b| b.var).filter(|v| !f.given.contains(v)).collect())
            .collect()
    }
}

impl Factorization {
    /// Whether the product equals the joint at every assignment (to rounding).
    pub fn holds(&self) -> bool {
        self.max_abs_error < 1e-9
    }

    /// max |product − joint| as the learner should read it: exactly 0 when
    /// the product holds (within the tolerance `holds` uses; the rest is
    /// rounding, 1e-17, not a gap).
    pub fn gap(&self) -> f64 {
        if self.holds() { 0.0 } else { self.max_abs_error }
    }

    /// The assignment where the product is furthest from the joint.
    pub fn worst_row(&self) -> Option<usize> {
        let gap = |r: &FactorRow| (r.product - r.joint).abs();
        (0..self.rows.len()).max_by(|&a, &b| gap(&self.rows[a]).total_cmp(&gap(&self.rows[b])))
    }
}

/// Bayes' rule with every part named, one entry per hypothesis state h.
#[derive(Debug, Clone, PartialEq)]
pub struct Bayes {
    pub hypothesis: usize,
    pub evidence: (usize, usize),
    /// P(H = h)
    pub prior: Vec<f64>,
    /// P(E = e | H = h)
    pub likelihood: Vec<f64>,
    /// P(E = e) = Σ_h P(E = e | h) P(h)
    pub evidence_p: f64,
    /// P(H = h | E = e)
    pub posterior: Vec<f64>,
}

impl Bayes {
    /// P(H = h, E = e) = P(E = e | h) P(h): the posterior's numerator,
    /// before it is divided by the evidence.
    pub fn joint(&self, h: usize) -> Option<f64> {
        Some(self.likelihood.get(h)? * self.prior.get(h)?)
    }
}
