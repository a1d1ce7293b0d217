//! The conv-size exercise's classic wrong formulas, each the right one,
//! floor((H + 2P − D(K − 1) − 1) / S) + 1, with one term changed, so the
//! checker can name the one a learner's (OH, OW) matches on every case.

/// One changed term of the output-size formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConvSizeMistake {
    /// floor(…/S) without the + 1 (the number of steps, not of positions).
    NoPlusOne,
    /// ceil(…/S) + 1: a window that would stick out past the edge counted.
    Ceil,
    /// round(…/S) + 1, Python's round (halves to even).
    Round,
    /// (…)/S + 1 with true division: a fraction where a remainder is left.
    FloatDivision,
    /// The span taken as K: dilation left out.
    DilationIgnored,
    /// The span taken as D·K instead of D(K − 1) + 1.
    DilationTimesK,
    /// H + 2P − D(K − 1) without the − 1: the span taken as D(K − 1).
    NoMinusOne,
    /// H + P: the padding counted on one side only.
    PaddingOnce,
    /// OH from KW and OW from KH.
    KernelSwapped,
}

impl ConvSizeMistake {
    pub const ALL: [ConvSizeMistake; 9] = [
        ConvSizeMistake::NoPlusOne,
        ConvSizeMistake::Ceil,
        ConvSizeMistake::Round,
        ConvSizeMistake::FloatDivision,
        ConvSizeMistake::DilationIgnored,
        ConvSizeMistake::DilationTimesK,
        ConvSizeMistake::NoMinusOne,
        ConvSizeMistake::PaddingOnce,
        ConvSizeMistake::KernelSwapped,
    ];
}

/// One axis's size as code with `mistake` computes it, in the learner's
/// integers (i64: a wrong formula may go negative). `None` where the mistake
/// has no single answer: Python's round at an exact half, which other
/// rounding code (floor(x + 0.5)) rounds the other way.
fn axis(n: i64, k: i64, s: i64, p: i64, d: i64, mistake: Option<ConvSizeMistake>) -> Option<f64> {
    use ConvSizeMistake as M;
    let padded = if mistake == Some(M::PaddingOnce) { n + p } else { n + 2 * p };
    let span = match mistake {
        Some(M::DilationIgnored) => k,
        Some(M::DilationTimesK) => d * k,
        Some(M::NoMinusOne) => d * (k - 1),
        _ => d * (k - 1) + 1,
    };
    let room = padded - span;
    Some(match mistake {
        Some(M::NoPlusOne) => room.div_euclid(s) as f64,
        Some(M::Ceil) => (-(-room).div_euclid(s) + 1) as f64,
        Some(M::Round) => {
            let (q, r) = (room.div_euclid(s), room.rem_euclid(s));
            if 2 * r == s {
                return None;
            }
            (q + i64::from(2 * r > s) + 1) as f64
        }
        Some(M::FloatDivision) => room as f64 / s as f64 + 1.0,
        _ => (room.div_euclid(s) + 1) as f64,
    })
}

/// (OH, OW) for `[H, W, KH, KW, stride, padding, dilation]`, with `mistake`
/// written in (`None`: the right formula). `None` where the mistake has no
/// single answer (see `axis`).
pub fn conv_size(setting: [usize; 7], mistake: Option<ConvSizeMistake>) -> Option<[f64; 2]> {
    let [h, w, kh, kw, stride, padding, dilation] = setting.map(|v| v as i64);
    let (kh, kw) = if mistake == Some(ConvSizeMistake::KernelSwapped) { (kw, kh) } else { (kh, kw) };
    Some([axis(h, kh, stride, padding, dilation, mistake)?, axis(w, kw, stride, padding, dilation, mistake)?])
}
