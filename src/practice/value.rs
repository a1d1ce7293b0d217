//! What a practice function returned, as the harness reports it, and how it
//! compares with deepstep's answer: same structure, same shape, every number
//! within a tolerance that float32 code still meets.

use crate::math::format::num;
use serde_json::Value;

/// A returned value: a number, an array (row-major, with its shape), a
/// tuple, or something else (described).
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Num(f64),
    Arr { shape: Vec<usize>, data: Vec<f64> },
    Seq(Vec<Out>),
    Other(String),
}

/// |got − want| ≤ ATOL + RTOL·max(|want|, the array's largest |want|):
/// relative to the array's scale, so float32 code passes where its round-off
/// meets cancellation (an entry near 0 among entries near 10 is off by about
/// 1e-6 in float32), while every named mistake is off by far more.
pub const RTOL: f64 = 1e-5;
pub const ATOL: f64 = 1e-8;

pub fn close(got: f64, want: f64) -> bool {
    close_at_scale(got, want, 0.0)
}

/// `close` for an entry of an array whose largest |entry| is `scale`.
pub fn close_at_scale(got: f64, want: f64, scale: f64) -> bool {
    (got - want).abs() <= ATOL + RTOL * want.abs().max(scale)
}

/// The largest finite |entry| (0 for none).
fn scale_of(data: &[f64]) -> f64 {
    data.iter().filter(|x| x.is_finite()).fold(0.0, |m, x| m.max(x.abs()))
}

fn number(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        Value::String(s) if s == "inf" => f64::INFINITY,
        Value::String(s) if s == "-inf" => f64::NEG_INFINITY,
        _ => f64::NAN,
    }
}

impl Out {
    /// A 1-D array.
    pub fn vector(data: Vec<f64>) -> Out {
        Out::Arr { shape: vec![data.len()], data }
    }

    pub fn matrix(a: &ndarray::Array2<f64>) -> Out {
        Out::Arr { shape: a.shape().to_vec(), data: a.iter().copied().collect() }
    }

    /// From the harness's encoding; `None` when it is not one.
    pub fn from_json(v: &Value) -> Option<Out> {
        let o = v.as_object()?;
        if let Some(n) = o.get("num") {
            return Some(Out::Num(number(n)));
        }
        if let Some(a) = o.get("arr") {
            let shape = a
                .get("shape")?
                .as_array()?
                .iter()
                .map(|d| d.as_u64().map(|d| d as usize))
                .collect::<Option<Vec<_>>>()?;
            let data: Vec<f64> = a.get("data")?.as_array()?.iter().map(number).collect();
            if shape.iter().product::<usize>() != data.len() {
                return None;
            }
            return Some(Out::Arr { shape, data });
        }
        if let Some(s) = o.get("seq") {
            return s.as_array()?.iter().map(Out::from_json).collect::<Option<Vec<_>>>().map(Out::Seq);
        }
        o.get("other").and_then(|s| s.as_str()).map(|s| Out::Other(s.chars().take(100).collect()))
    }

    /// A tuple of numbers reads as a 1-D array and a 0-D array as a number,
    /// so `(mu, sigma)`, `[mu, sigma]`, `np.array([mu, sigma])` and a tuple
    /// of numpy scalars or 0-D arrays (`np.tensordot`, `tensor.numpy()`) all
    /// compare; the items of a sequence are read the same way first.
    pub fn canonical(self) -> Out {
        match self {
            Out::Seq(items) => {
                let items: Vec<Out> = items.into_iter().map(Out::canonical).collect();
                if !items.is_empty() && items.iter().all(|i| matches!(i, Out::Num(_))) {
                    Out::vector(items.into_iter().map(|i| if let Out::Num(x) = i { x } else { f64::NAN }).collect())
                } else {
                    Out::Seq(items)
                }
            }
            Out::Arr { shape, data } if shape.is_empty() && data.len() == 1 => Out::Num(data[0]),
            other => other,
        }
    }

    /// Whether `self` (what the learner returned) matches `want`.
    pub fn matches(&self, want: &Out) -> bool {
        first_difference(self, want).is_none()
    }

    /// A short description: the number; a short vector as a Python list
    /// (`[3, 3]`, its length plain to see); else numpy's shape, then the
    /// first entries (`shape (3, 5): [1, 2, …]`), never a bare length
    /// before the entries, which read as a stray number.
    pub fn describe(&self) -> String {
        match self {
            Out::Num(x) => num(*x),
            Out::Arr { shape, data } => {
                let head: Vec<String> = data.iter().take(8).map(|x| num(*x)).collect();
                if shape.len() == 1 && data.len() <= 8 {
                    return format!("[{}]", head.join(", "));
                }
                let more = if data.len() > 8 { ", …" } else { "" };
                format!("shape {}: [{}{more}]", numpy_shape(shape), head.join(", "))
            }
            Out::Seq(items) => format!("({})", items.iter().map(Out::describe).collect::<Vec<_>>().join(", ")),
            Out::Other(s) => s.clone(),
        }
    }
}

/// A shape as numpy prints it: `(20,)`, `(3, 5)`, `()`.
pub fn numpy_shape(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

/// `4×5`, or `scalar` for a 0-D shape.
pub fn shape_text(shape: &[usize]) -> String {
    if shape.is_empty() { "scalar".into() } else { shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("×") }
}

/// Where a returned value first differs from the answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// Entry `index` (a path like `[1][2, 0]`) is `got`, not `want`.
    Value {
        index: String,
        got: f64,
        want: f64,
    },
    Shape {
        index: String,
        got: Vec<usize>,
        want: Vec<usize>,
    },
    /// Not the kind of value asked for (a tuple, an array, a number).
    Kind {
        index: String,
        got: String,
        want: String,
    },
}

pub fn first_difference(got: &Out, want: &Out) -> Option<Difference> {
    diff_at(got, want, String::new())
}

fn diff_at(got: &Out, want: &Out, at: String) -> Option<Difference> {
    let kind = |at: String| Some(Difference::Kind { index: at, got: got.describe(), want: want.describe() });
    match (got, want) {
        (Out::Num(g), Out::Num(w)) => (!close(*g, *w)).then_some(Difference::Value { index: at, got: *g, want: *w }),
        (Out::Arr { shape: gs, data: gd }, Out::Arr { shape: ws, data: wd }) => {
            if gs != ws {
                return Some(Difference::Shape { index: at, got: gs.clone(), want: ws.clone() });
            }
            let scale = scale_of(wd);
            let i = gd.iter().zip(wd).position(|(g, w)| !close_at_scale(*g, *w, scale))?;
            Some(Difference::Value { index: format!("{at}[{}]", index_text(ws, i)), got: gd[i], want: wd[i] })
        }
        (Out::Seq(g), Out::Seq(w)) if g.len() == w.len() => {
            g.iter().zip(w).enumerate().find_map(|(i, (g, w))| diff_at(g, w, format!("{at}[{i}]")))
        }
        _ => kind(at),
    }
}

/// Row-major flat index `i` of `shape` as `r, c`.
fn index_text(shape: &[usize], mut i: usize) -> String {
    let mut parts = vec![0; shape.len()];
    for (k, d) in shape.iter().enumerate().rev() {
        parts[k] = i % d.max(&1);
        i /= d.max(&1);
    }
    parts.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")
}
