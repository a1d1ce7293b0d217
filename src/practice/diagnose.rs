//! Naming a wrong result that no exercise-specific mistake explains, by how
//! it relates to the right one on every case: one part off by a constant
//! factor or with its sign flipped, two parts swapped, a matrix transposed,
//! numbers cut to integers, or the right numbers in another structure. Only
//! behaviour counts (what the function returned), never its source.
//!
//! A family is named only when it explains every case, as a listed mistake
//! is: each case of the function is either its right answer where the
//! family changes nothing, or exactly what the family makes of the right
//! answer; every other function's cases are right. The gradient step is
//! judged by its step (new beta − beta), and a family may concern some of
//! its errors only (all cases of those errors show it, all others are right).

use super::cases::{Arg, Case};
use super::exercise::Exercise;
use super::family::{ERRORS, Factor, Family, Kind, Part};
use super::value::Out;

/// The family that explains every case's result, the most specific first
/// (`got[i]` is what case i returned). `None` when none does.
pub fn family(exercise: Exercise, cases: &[Case], got: &[&Out]) -> Option<Family> {
    for &function in exercise.functions() {
        for kind in kinds(function) {
            for &part in parts(function) {
                let applies = match kind {
                    Kind::OnlyPart => part != Part::Whole,
                    Kind::Swapped(other) => sibling_after(part, other),
                    _ => true,
                };
                if !applies {
                    continue;
                }
                if let Some(only) = explains(exercise, cases, got, function, kind, part) {
                    return Some(Family { kind, function, part, only });
                }
            }
        }
        if restructured(cases, got, function) {
            return Some(Family { kind: Kind::Restructured, function, part: Part::Whole, only: 0 });
        }
    }
    None
}

/// The parts of a function's result a family can concern, whole first.
fn parts(function: &str) -> &'static [Part] {
    match function {
        "backward_gradient" => &[Part::Whole, Part::At(0), Part::At(1), Part::At2(0, 0), Part::At2(0, 1)],
        "conv_output_size" | "conv2d_backward" | "mle_normal" => &[Part::Whole, Part::At(0), Part::At(1)],
        _ => &[Part::Whole],
    }
}

/// Two parts of one tuple, `a` before `b`.
fn sibling_after(a: Part, b: Part) -> bool {
    match (a, b) {
        (Part::At(i), Part::At(j)) => i < j,
        (Part::At2(i, j), Part::At2(k, l)) => i == k && j < l,
        _ => false,
    }
}

/// The kinds to try, most specific first: a truncation or a swap explains
/// fewer results than a factor does; N before 2, so that a case with N = 2
/// does not decide it alone.
fn kinds(function: &str) -> Vec<Kind> {
    let mut out = vec![Kind::Truncated];
    out.extend([Part::At(1), Part::At2(0, 1)].map(Kind::Swapped));
    out.extend([Kind::Transposed, Kind::OnlyPart, Kind::Negated]);
    if n_of(function).is_some() {
        out.extend([Kind::Scaled(Factor::N), Kind::Scaled(Factor::OneOverN)]);
    }
    out.extend([Kind::Scaled(Factor::Two), Kind::Scaled(Factor::Half)]);
    out
}

/// Which argument's length is the N of a factor N.
fn n_of(function: &str) -> Option<usize> {
    match function {
        "backward_gradient" | "gradient_descent_step" | "mle_normal" => Some(0),
        _ => None,
    }
}

fn n(case: &Case) -> Option<f64> {
    match &case.args.get(n_of(case.function)?)?.1 {
        Arg::Arr(Out::Arr { shape, .. }) => shape.first().map(|&n| n as f64),
        _ => None,
    }
}

/// The gradient step's bit in `Family::only`; 1 for every other case.
fn group(case: &Case) -> u8 {
    let error = case.kwargs.iter().find(|(k, _)| *k == "error").map(|(_, a)| a);
    ERRORS.iter().position(|e| error == Some(&Arg::Str(e))).map_or(1, |i| 1 << i)
}

/// What the family compares: the gradient step's step (result − beta),
/// anything else as returned.
fn view(case: &Case, out: &Out) -> Option<Out> {
    if case.function != "gradient_descent_step" {
        return Some(out.clone());
    }
    match (out, &case.args.get(2)?.1) {
        (Out::Arr { shape, data }, Arg::Arr(Out::Arr { shape: bs, data: beta })) if shape == bs => {
            Some(Out::Arr { shape: shape.clone(), data: data.iter().zip(beta).map(|(x, b)| x - b).collect() })
        }
        _ => None,
    }
}

/// `Some(only)` when the family explains every case (see the module's words).
fn explains(exercise: Exercise, cases: &[Case], got: &[&Out], function: &str, kind: Kind, part: Part) -> Option<u8> {
    let (mut shown, mut right_only, mut nonzero) = (0u8, 0u8, false);
    for (case, got) in cases.iter().zip(got) {
        let right = got.matches(&case.expected);
        if case.function != function {
            if !right {
                return None;
            }
            continue;
        }
        let want = view(case, &case.expected).and_then(|e| wanted(kind, part, case, &e));
        let fits = match (&want, kind) {
            (Some(w), Kind::OnlyPart) => got.matches(w),
            (Some(w), _) => view(case, got).is_some_and(|g| g.matches(w)),
            (None, _) => false,
        };
        nonzero |= want.as_ref().and_then(|w| get(w, part)).is_some_and(|p| numbers(&p).iter().any(|x| *x != 0.0));
        match (fits, right) {
            (true, false) => shown |= group(case),
            (false, true) => right_only |= group(case),
            (false, false) => return None,
            (true, true) => {}
        }
    }
    // A result of zeros is not read as truncated numbers: it may be nothing computed.
    if shown == 0 || shown & right_only != 0 || (kind == Kind::Truncated && !nonzero) {
        return None;
    }
    Some(if exercise == Exercise::GdStep && right_only != 0 { shown } else { 0 })
}

/// The right answer (as `view` gives it) changed as the family changes it.
fn wanted(kind: Kind, part: Part, case: &Case, expected: &Out) -> Option<Out> {
    let p = get(expected, part)?;
    let changed = match kind {
        Kind::Scaled(f) => {
            let c = match f {
                Factor::Two => 2.0,
                Factor::Half => 0.5,
                Factor::N => n(case)?,
                Factor::OneOverN => 1.0 / n(case)?,
            };
            map(&p, &|x| x * c)
        }
        Kind::Negated => map(&p, &|x| -x),
        Kind::Truncated => map(&p, &f64::trunc),
        Kind::Transposed => match &p {
            Out::Arr { shape, data } if shape.len() == 2 => {
                let (r, c) = (shape[0], shape[1]);
                Out::Arr { shape: vec![c, r], data: (0..r * c).map(|i| data[(i % r) * c + i / r]).collect() }
            }
            _ => return None,
        },
        Kind::Swapped(other) => {
            let q = get(expected, other)?;
            return with(&with(expected, part, q)?, other, p);
        }
        Kind::OnlyPart => return Some(p),
        Kind::Restructured => return None,
    };
    with(expected, part, changed)
}

fn item(o: &Out, i: u8) -> Option<Out> {
    match o {
        Out::Seq(items) => items.get(i as usize).cloned(),
        Out::Arr { shape, data } if shape.len() == 1 => data.get(i as usize).map(|x| Out::Num(*x)),
        _ => None,
    }
}

fn get(o: &Out, part: Part) -> Option<Out> {
    match part {
        Part::Whole => Some(o.clone()),
        Part::At(i) => item(o, i),
        Part::At2(i, j) => item(&item(o, i)?, j),
    }
}

fn set_item(o: &Out, i: u8, v: Out) -> Option<Out> {
    let i = i as usize;
    match (o, v) {
        (Out::Seq(items), v) if i < items.len() => {
            let mut items = items.clone();
            items[i] = v;
            Some(Out::Seq(items))
        }
        // A tuple of numbers is a 1-D array (`Out::canonical`); a swap of its
        // numbers keeps it one.
        (Out::Arr { shape, data }, Out::Num(x)) if shape.len() == 1 && i < data.len() => {
            let mut data = data.clone();
            data[i] = x;
            Some(Out::Arr { shape: shape.clone(), data })
        }
        _ => None,
    }
}

/// `o` with `part` replaced by `v`.
fn with(o: &Out, part: Part, v: Out) -> Option<Out> {
    match part {
        Part::Whole => Some(v),
        Part::At(i) => set_item(o, i, v),
        Part::At2(i, j) => set_item(o, i, set_item(&item(o, i)?, j, v)?),
    }
}

fn map(o: &Out, f: &dyn Fn(f64) -> f64) -> Out {
    match o {
        Out::Num(x) => Out::Num(f(*x)),
        Out::Arr { shape, data } => Out::Arr { shape: shape.clone(), data: data.iter().map(|x| f(*x)).collect() },
        Out::Seq(items) => Out::Seq(items.iter().map(|i| map(i, f)).collect()),
        Out::Other(s) => Out::Other(s.clone()),
    }
}

/// Every number, depth first.
fn numbers(o: &Out) -> Vec<f64> {
    match o {
        Out::Num(x) => vec![*x],
        Out::Arr { data, .. } => data.clone(),
        Out::Seq(items) => items.iter().flat_map(numbers).collect(),
        Out::Other(_) => vec![],
    }
}

/// The shapes of the matrices in it, in order (a flat tuple and a nested
/// one hold the same matrices; a reshaped matrix is not the same numbers).
fn matrices(o: &Out) -> Vec<Vec<usize>> {
    match o {
        Out::Arr { shape, .. } if shape.len() >= 2 => vec![shape.clone()],
        Out::Seq(items) => items.iter().flat_map(matrices).collect(),
        _ => vec![],
    }
}

/// The function's cases hold the right numbers in the right order and the
/// right matrices, nested otherwise in at least one; every other case is right.
fn restructured(cases: &[Case], got: &[&Out], function: &str) -> bool {
    let mut shown = false;
    for (case, got) in cases.iter().zip(got) {
        if got.matches(&case.expected) {
            continue;
        }
        let (g, w) = (numbers(got), numbers(&case.expected));
        let same = case.function == function
            && matrices(got) == matrices(&case.expected)
            && g.len() == w.len()
            && g.iter().zip(&w).all(|(g, w)| super::value::close(*g, *w));
        if !same {
            return false;
        }
        shown = true;
    }
    shown
}
