//! Wrong numbers with names: for a numeric question, the values the
//! classic mistakes give on its numbers, so a learner who types one is told
//! which mistake it was (the quiz) instead of only how far off it is.

/// A wrong number a numeric question is known to draw, and the mistake
/// that gives it: a learner who types it is told which mistake it was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slip {
    pub value: f64,
    pub mistake: Mistake,
}

/// The mistakes behind the known wrong numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    /// One term of the output-size formula changed.
    ConvSize(super::practice_conv_size::ConvSizeMistake),
    /// The weights counted, the biases left out.
    BiasLeftOut,
    /// D(K − 1), the padding both sides need together, given for one side.
    BothSidesPadding,
    /// w^N with one factor of w too few or too many.
    PowerOffByOne,
    /// The joint P(A, B) given for the conditional P(A | B).
    JointForConditional,
    /// P(E | H) given for P(H | E).
    Inverted,
    /// P(E | H) P(H), not divided by the evidence P(E).
    NotNormalised,
    /// σ² given for σ.
    VarianceForSigma,
    /// The sample standard deviation with n − 1, not the MLE's n.
    NMinusOne,
}

/// The slips among `candidates` that name one mistake: a value two
/// mistakes give is left out (naming one could name the wrong one), and so
/// is the right value itself.
pub fn unambiguous(right: f64, candidates: Vec<Slip>) -> Vec<Slip> {
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    candidates
        .iter()
        .filter(|s| s.value.is_finite() && !same(s.value, right))
        .filter(|s| candidates.iter().filter(|o| same(o.value, s.value)).count() == 1)
        .copied()
        .collect()
}
