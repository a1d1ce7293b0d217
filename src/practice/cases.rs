//! The cases each exercise is checked on: random shapes and seeds plus the
//! edge cases (T = 1, a stride that leaves a remainder, padding, a zero
//! count, n = 1), each with deepstep's answer and every named mistake's
//! answer, all from `math` (verified against PyTorch).

use super::exercise::{Exercise, Mistake};
use super::value::Out;
use crate::math::conv::{Axis, output_size};
use crate::math::linreg::ErrorMeasure;
use crate::math::practice::{self as pm, MleMistake};
use crate::math::practice_conv_size::{ConvSizeMistake, conv_size};
use crate::math::{counting_rnn, rng::Rng};
use ndarray::{Array1, Array2};
use serde_json::{Value, json};

/// An argument as the harness receives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A float array (`Out::Arr`).
    Arr(Out),
    /// An integer array (class counts).
    Ints(Vec<u64>),
    Int(i64),
    Float(f64),
    Str(&'static str),
    /// A Python function, as the text of a lambda over numpy's functions
    /// (`lambda x: x**2 + 2*x + 3`); the harness evaluates it into a function.
    /// The second text is how a failing case shows it (`x**2 + 2*x + 3`).
    Fun(String, String),
}

impl Arg {
    pub fn to_json(&self) -> Value {
        match self {
            Arg::Arr(Out::Arr { shape, data }) => json!({ "nd": nested(shape, data) }),
            Arg::Arr(_) => Value::Null,
            Arg::Ints(v) => json!({ "ndi": v }),
            Arg::Int(i) => json!(i),
            Arg::Float(x) => json!(x),
            Arg::Str(s) => json!(s),
            Arg::Fun(src, _) => json!({ "py": src }),
        }
    }

    /// How the failing case shows it.
    pub fn describe(&self) -> String {
        match self {
            Arg::Arr(o) => o.describe(),
            Arg::Ints(v) => format!("{v:?}"),
            Arg::Int(i) => i.to_string(),
            Arg::Float(x) => crate::math::format::num(*x),
            Arg::Str(s) => format!("\"{s}\""),
            Arg::Fun(_, shown) => shown.clone(),
        }
    }
}

fn nested(shape: &[usize], data: &[f64]) -> Value {
    match shape {
        [] => json!(data.first().copied().unwrap_or(0.0)),
        [_] => json!(data),
        [_, rest @ ..] => {
            let inner: usize = rest.iter().product();
            Value::Array(data.chunks(inner.max(1)).map(|c| nested(rest, c)).collect())
        }
    }
}

/// One call of the learner's function.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub function: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    pub kwargs: Vec<(&'static str, Arg)>,
    pub expected: Out,
    /// What each mistake returns here (`None`: the mistake is undefined on
    /// this case, e.g. n − 1 with n = 1).
    /// A mistake not listed gives the right answer here (`expected`).
    pub mistaken: Vec<(Mistake, Option<Out>)>,
}

impl Case {
    pub fn to_json(&self) -> Value {
        let args: Vec<Value> = self.args.iter().map(|(_, a)| a.to_json()).collect();
        let names: Vec<&str> = self.args.iter().map(|(n, _)| *n).collect();
        let kwargs: serde_json::Map<String, Value> =
            self.kwargs.iter().map(|(k, a)| (k.to_string(), a.to_json())).collect();
        json!({ "fn": self.function, "args": args, "names": names, "kwargs": kwargs })
    }
}

fn arr1(a: &Array1<f64>) -> Arg {
    Arg::Arr(Out::vector(a.to_vec()))
}

fn arr2(a: &Array2<f64>) -> Arg {
    Arg::Arr(Out::matrix(a))
}

/// Every case of `exercise`, the same on every run (fixed seeds).
pub fn cases(exercise: Exercise) -> Vec<Case> {
    match exercise {
        Exercise::Bptt => bptt_cases(),
        Exercise::ConvSize => conv_size_cases(),
        Exercise::Conv2d => conv2d_cases(),
        Exercise::GdLoop => gd_loop_cases(),
        Exercise::GdStep => gd_cases(),
        Exercise::Mle => mle_cases(),
        Exercise::Posterior => posterior_cases(),
    }
}

fn bptt_out(b: &pm::Bptt) -> Out {
    Out::Seq(vec![Out::vector(vec![b.wx_grad, b.wrec_grad]), Out::matrix(&b.grad_over_time)])
}

fn bptt_cases() -> Vec<Case> {
    // (N, T): random sizes, T = 1, one sequence.
    [(3, 4, 1), (5, 6, 2), (4, 1, 3), (1, 3, 4), (6, 9, 5)]
        .into_iter()
        .map(|(n, t, seed)| {
            let x = counting_rnn::random_sequences(n, t, seed);
            let mut r = Rng::new(seed + 100);
            let (w_x, w_rec) = (r.range(0.3, 1.6), r.range(0.5, 1.5));
            let f = counting_rnn::forward(x.view(), w_x, w_rec);
            let grad_out = (&f.y - &f.targets) * (2.0 / n as f64);
            let run = |m| bptt_out(&pm::bptt(x.view(), f.s.view(), grad_out.view(), w_rec, m));
            Case {
                function: "backward_gradient",
                args: vec![
                    ("X", arr2(&x)),
                    ("S", arr2(&f.s)),
                    ("grad_out", arr1(&grad_out)),
                    ("wRec", Arg::Float(w_rec)),
                ],
                kwargs: vec![],
                expected: run(None),
                mistaken: pm::BpttMistake::ALL.into_iter().map(|m| (Mistake::Bptt(m), Some(run(Some(m))))).collect(),
            }
        })
        .collect()
}

fn conv_size_cases() -> Vec<Case> {
    // (H, W, KH, KW, stride, padding, dilation): plain, a stride with a
    // remainder, padding, dilation, a kernel as large as the padded input;
    // H ≠ W with KH ≠ KW, padding and dilation together, and remainders of
    // a third and two thirds of the stride (so floor, round and ceil differ).
    let settings = [
        (5, 5, 3, 3, 1, 0, 1),
        (6, 7, 3, 2, 2, 0, 1),
        (28, 28, 5, 5, 1, 2, 1),
        (10, 9, 3, 3, 3, 1, 2),
        (4, 6, 6, 3, 1, 1, 1),
        (32, 17, 4, 4, 2, 1, 1),
        (11, 8, 4, 2, 3, 2, 2),
    ];
    settings
        .into_iter()
        .filter_map(|(h, w, kh, kw, s, p, d)| {
            let oh = output_size(Axis::Height, h, kh, s, p, d).ok()?;
            let ow = output_size(Axis::Width, w, kw, s, p, d).ok()?;
            let int = |v: usize| Arg::Int(v as i64);
            Some(Case {
                function: "conv_output_size",
                args: vec![("H", int(h)), ("W", int(w)), ("KH", int(kh)), ("KW", int(kw))],
                kwargs: vec![("stride", int(s)), ("padding", int(p)), ("dilation", int(d))],
                expected: Out::vector(vec![oh as f64, ow as f64]),
                mistaken: conv_size_mistaken([h, w, kh, kw, s, p, d]),
            })
        })
        .collect()
}

fn random_matrix(r: &mut Rng, rows: usize, cols: usize) -> Array2<f64> {
    Array2::from_shape_simple_fn((rows, cols), || (r.range(-2.0, 2.0) * 4.0).round() / 4.0)
}

fn conv2d_cases() -> Vec<Case> {
    // (H, W, KH, KW, stride, padding): plain, a stride with a remainder,
    // padding, both, a 1×1 kernel.
    let settings = [(5, 5, 3, 3, 1, 0), (6, 6, 3, 3, 2, 0), (5, 4, 3, 2, 1, 1), (7, 6, 3, 3, 2, 1), (4, 5, 1, 1, 1, 0)];
    let mut out = vec![];
    for (i, (h, w, kh, kw, s, p)) in settings.into_iter().enumerate() {
        let mut r = Rng::new(200 + i as u64);
        let x = random_matrix(&mut r, h, w);
        let k = random_matrix(&mut r, kh, kw);
        let Ok(y) = pm::conv2d_plain(x.view(), k.view(), s, p) else { continue };
        let dy = random_matrix(&mut r, y.nrows(), y.ncols());
        let Ok((dx, dk)) = pm::conv2d_backward_plain(x.view(), k.view(), dy.view(), s, p) else { continue };
        let kwargs = vec![("stride", Arg::Int(s as i64)), ("padding", Arg::Int(p as i64))];
        out.push(Case {
            function: "conv2d",
            args: vec![("x", arr2(&x)), ("w", arr2(&k))],
            kwargs: kwargs.clone(),
            expected: Out::matrix(&y),
            mistaken: vec![],
        });
        let mistaken = pm::ConvMistake::ALL
            .into_iter()
            .map(|m| {
                let dx_m = pm::conv_dx_mistaken([h, w], k.view(), dy.view(), s, p, m);
                (Mistake::Conv(m), Some(Out::Seq(vec![Out::matrix(&dx_m), Out::matrix(&dk)])))
            })
            .collect();
        out.push(Case {
            function: "conv2d_backward",
            args: vec![("x", arr2(&x)), ("w", arr2(&k)), ("dy", arr2(&dy))],
            kwargs,
            expected: Out::Seq(vec![Out::matrix(&dx), Out::matrix(&dk)]),
            mistaken,
        });
    }
    out
}

fn gd_cases() -> Vec<Case> {
    // (n, features, error): each error, one row, several features.
    let settings =
        [(8, 1, "mse"), (8, 1, "sse"), (8, 1, "l2"), (12, 3, "mse"), (5, 2, "l2"), (1, 1, "mse"), (20, 2, "sse")];
    settings
        .into_iter()
        .enumerate()
        .map(|(i, (n, d, error))| {
            let mut r = Rng::new(300 + i as u64);
            let x = Array2::from_shape_fn((n, d + 1), |(_, j)| if j == 0 { 1.0 } else { r.range(-2.0, 3.0) });
            let y = Array1::from_shape_fn(n, |_| r.range(-1.0, 4.0));
            let beta = Array1::from_shape_fn(d + 1, |_| r.range(-0.5, 0.5));
            let lr = [0.01, 0.05, 0.1][i % 3];
            let measure = match error {
                "sse" => ErrorMeasure::Sse,
                "l2" => ErrorMeasure::L2,
                _ => ErrorMeasure::Mse,
            };
            gd_case(&x, &y, &beta, lr, error, measure)
        })
        .chain([perfect_fit_case()])
        .collect()
}

fn gd_case(
    x: &Array2<f64>,
    y: &Array1<f64>,
    beta: &Array1<f64>,
    lr: f64,
    error: &'static str,
    measure: ErrorMeasure,
) -> Case {
    let step = |m| Out::vector(pm::gd_step(x.view(), y.view(), beta.view(), lr, measure, m).to_vec());
    Case {
        function: "gradient_descent_step",
        args: vec![("X", arr2(x)), ("y", arr1(y)), ("beta", arr1(beta)), ("lr", Arg::Float(lr))],
        kwargs: vec![("error", Arg::Str(error))],
        expected: step(None),
        mistaken: pm::GdMistake::ALL.into_iter().map(|m| (Mistake::Gd(m), Some(step(Some(m))))).collect(),
    }
}

/// The edge the statement names: the line fits every point, so e = 0 and
/// ||e|| = 0, where the L2 gradient is 0 (not 0/0). Small integers and
/// halves, so X @ beta is exact and numpy's e is exactly 0 too.
fn perfect_fit_case() -> Case {
    let x = ndarray::array![[1.0, 2.0], [1.0, -1.0], [1.0, 3.0]];
    let beta = ndarray::array![0.5, 2.0];
    let y = x.dot(&beta);
    gd_case(&x, &y, &beta, 0.1, "l2", ErrorMeasure::L2)
}

/// The gradient-descent loop's cases: (function, start, lr, eps, max_steps).
/// The course's function from both sides (f′ < 0 at the start, where
/// forgetting abs() stops at once) and with a rate that overshoots, a
/// function that is not a quadratic, and two variables. Every run stays
/// finite with every slip (the bound is small enough for ascent).
const GD_LOOP: [(&str, &[f64], f64, f64, usize); 7] = [
    ("x**2 + 2*x + 3", &[1.5], 0.1, 1e-5, 500),
    ("x**2 + 2*x + 3", &[-3.0], 0.1, 1e-6, 500),
    ("x**2 + 2*x + 3", &[1.5], 0.9, 1e-5, 60),
    ("sin(x) + x**2/10", &[1.0], 0.1, 1e-6, 300),
    ("x**4 - 3*x**2 + x", &[2.0], 0.01, 1e-4, 400),
    ("x**2 + 2*y**2", &[1.0, -1.0], 0.1, 1e-5, 300),
    ("(1 - x)**2 + 10*(y - x**2)**2", &[-1.0, 1.5], 0.005, 1e-3, 200),
];

/// A Python lambda of an expression in x (or of a point p = (x, y)).
fn py_lambda(expr: &str, dim: usize, vector: bool) -> String {
    let expr = expr.replace('^', "**");
    // numpy floats: a loop that climbs overflows to inf (as deepstep's run
    // stops there) instead of raising Python's OverflowError.
    match (dim, vector) {
        (1, _) => format!("lambda x: (lambda x: {expr})(np.float64(x))"),
        (_, false) => format!("lambda p: (lambda x, y: {expr})(np.float64(p[0]), np.float64(p[1]))"),
        (_, true) => {
            format!("lambda p: np.array((lambda x, y: [{expr}])(np.float64(p[0]), np.float64(p[1])), dtype=np.float64)")
        }
    }
}

/// The derivative as a failing case shows it, in Python's notation.
fn shown_derivative(df: &[String]) -> String {
    let parts: Vec<String> = df.iter().map(|d| d.replace('^', "**")).collect();
    if let [one] = parts.as_slice() { one.clone() } else { format!("[{}]", parts.join(", ")) }
}

fn gd_loop_cases() -> Vec<Case> {
    use crate::math::expr::Function;
    use crate::math::gd::{self, Bug, Settings};
    GD_LOOP
        .into_iter()
        .filter_map(|(text, init, lr, eps, max_steps)| {
            let f = Function::parse(text).ok()?;
            let answer = |bug: Option<Bug>| {
                let run = gd::run(&f, &Settings { init: init.to_vec(), lr, eps, max_steps, bug }).ok()?;
                // Answers that left f64's range are not ones Python can match.
                if matches!(run.outcome, gd::Outcome::Diverged { .. } | gd::Outcome::LeftDomain { .. }) {
                    return None;
                }
                let x = &run.last().x;
                let steps = run.steps as f64;
                // (x, steps) of numbers reads as one array (`Out::canonical`).
                Some(if f.dim == 1 {
                    Out::vector(vec![x[0], steps])
                } else {
                    Out::Seq(vec![Out::vector(x.clone()), Out::Num(steps)])
                })
            };
            let expected = answer(None)?;
            // The derivative as exmex wrote it: the very function the lab shows.
            let df: Vec<String> = (0..f.dim).map(|i| f.derivative_text(i)).collect();
            let (function, slips): (&'static str, &[Bug]) = if f.dim == 1 {
                ("gradient_descent", &Bug::ALL)
            } else {
                ("gradient_descent_2d", &[Bug::Plus, Bug::Stale])
            };
            let (fname, dname) = if f.dim == 1 { ("f", "df") } else { ("f", "grad") };
            let start = if f.dim == 1 { Arg::Float(init[0]) } else { Arg::Arr(Out::vector(init.to_vec())) };
            Some(Case {
                function,
                args: vec![
                    (fname, Arg::Fun(py_lambda(text, f.dim, false), text.to_string())),
                    (dname, Arg::Fun(py_lambda(&df.join(", "), f.dim, f.dim == 2), shown_derivative(&df))),
                    ("init", start),
                    ("lr", Arg::Float(lr)),
                    ("eps", Arg::Float(eps)),
                ],
                kwargs: vec![("max_steps", Arg::Int(max_steps as i64))],
                expected,
                mistaken: slips.iter().map(|b| (Mistake::GdLoop(*b), answer(Some(*b)))).collect(),
            })
        })
        .collect()
}

fn mle_cases() -> Vec<Case> {
    let mut out = vec![];
    for (i, n) in [12usize, 30, 5, 1].into_iter().enumerate() {
        let x: Vec<f64> = crate::math::mle::sample_normal(n, 2.0, 1.5, 400 + i as u64)
            .iter()
            .map(|v| (v * 100.0).round() / 100.0)
            .collect();
        let fit = |m| pm::mle_normal(&x, m).ok().flatten().map(|(mu, s)| Out::vector(vec![mu, s]));
        let Some(expected) = fit(None) else { continue };
        // A mistake a case does not list is compared with the right answer.
        let mistaken = [MleMistake::NMinusOne, MleMistake::VarianceForSigma]
            .into_iter()
            .map(|m| (Mistake::Mle(m), fit(Some(m))))
            .collect();
        out.push(Case {
            function: "mle_normal",
            args: vec![("x", Arg::Arr(Out::vector(x)))],
            kwargs: vec![],
            expected,
            mistaken,
        });
    }
    // Counts with a class never seen (its p̂ is 0), and one class only.
    for counts in [crate::math::mle::sample_counts(4, 40, 7), vec![3, 0, 5, 2], vec![6]] {
        let p = |m| pm::mle_categorical(&counts, m).ok().map(Out::vector);
        let Some(expected) = p(None) else { continue };
        out.push(Case {
            function: "mle_categorical",
            args: vec![("counts", Arg::Ints(counts.clone()))],
            kwargs: vec![],
            mistaken: vec![(Mistake::Mle(MleMistake::CountsNotNormalised), p(Some(MleMistake::CountsNotNormalised)))],
            expected,
        });
    }
    out
}

fn posterior_cases() -> Vec<Case> {
    let fixed = [
        (vec![0.5, 0.5], vec![0.2, 0.6]),
        (vec![0.01, 0.99], vec![0.9, 0.05]),
        (vec![0.3, 0.0, 0.7], vec![0.5, 0.9, 0.1]),
    ];
    let mut settings: Vec<(Vec<f64>, Vec<f64>)> = fixed.into();
    let mut r = Rng::new(500);
    let k = 5;
    let raw: Vec<f64> = (0..k).map(|_| r.range(0.1, 1.0)).collect();
    let sum: f64 = raw.iter().sum();
    settings.push((raw.iter().map(|v| v / sum).collect(), (0..k).map(|_| r.range(0.0, 1.0)).collect()));
    settings
        .into_iter()
        .filter_map(|(prior, lik)| {
            let expected = Out::vector(pm::posterior(&prior, &lik, true)?);
            let wrong = pm::posterior(&prior, &lik, false).map(Out::vector);
            Some(Case {
                function: "posterior",
                args: vec![("prior", Arg::Arr(Out::vector(prior))), ("likelihood", Arg::Arr(Out::vector(lik)))],
                kwargs: vec![],
                expected,
                mistaken: vec![(Mistake::Unnormalised, wrong)],
            })
        })
        .collect()
}

/// The conv-size mistakes' answers on `[H, W, KH, KW, stride, padding,
/// dilation]`, as a case lists them.
pub fn conv_size_mistaken(setting: [usize; 7]) -> Vec<(Mistake, Option<Out>)> {
    ConvSizeMistake::ALL
        .into_iter()
        .map(|m| (Mistake::ConvSize(m), conv_size(setting, Some(m)).map(|v| Out::vector(v.to_vec()))))
        .collect()
}
