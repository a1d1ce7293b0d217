//! The families of mistakes the checker recognises from the right answer
//! alone, whatever the exercise: a part off by a constant factor, its sign
//! flipped, two parts swapped, a matrix transposed, numbers cut to integers,
//! or the right numbers in the wrong return structure. `diagnose` finds them;
//! this file only names them, so `text` can say them (it imports nothing
//! above `math`).

/// Where in a function's result: the whole value, item i of its tuple, or
/// item j of item i (`((wx_grad, wRec_grad), grad_over_time)`: `At2(0, 1)`
/// is wRec_grad).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Whole,
    At(u8),
    At2(u8, u8),
}

/// A constant factor between the learner's part and the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    Two,
    Half,
    /// The batch or sample size of the case (N rows, n samples).
    N,
    OneOverN,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The part is the right one times the factor.
    Scaled(Factor),
    /// The part is the right one negated.
    Negated,
    /// The part and this other part hold each other's right values.
    Swapped(Part),
    /// The part (a matrix) is the right one transposed.
    Transposed,
    /// The part is the right one with its fractions cut off (an int dtype).
    Truncated,
    /// The function returns only the part, and it is right.
    OnlyPart,
    /// The right numbers, nested differently (a flat tuple, a list of lists).
    Restructured,
}

/// One family's diagnosis: which function and part, and for the gradient
/// step the errors it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Family {
    pub kind: Kind,
    pub function: &'static str,
    pub part: Part,
    /// The gradient step's errors the mistake shows in, a bit per entry of
    /// `ERRORS`; 0 when it shows in every case.
    pub only: u8,
}

/// The gradient step's `error` values, in the order of `Family::only`'s bits.
pub const ERRORS: [&str; 3] = ["mse", "sse", "l2"];

impl Family {
    /// Every family's id, as `id` gives them.
    pub const IDS: [&'static str; 6] =
        ["off-by-factor", "sign-flipped", "parts-swapped", "transposed", "integer-truncation", "return-structure"];

    /// Its id in JSON output: the family, not the part or factor (the words say those).
    pub fn id(self) -> &'static str {
        match self.kind {
            Kind::Scaled(_) => Family::IDS[0],
            Kind::Negated => Family::IDS[1],
            Kind::Swapped(_) => Family::IDS[2],
            Kind::Transposed => Family::IDS[3],
            Kind::Truncated => Family::IDS[4],
            Kind::OnlyPart | Kind::Restructured => Family::IDS[5],
        }
    }
}
