//! Golden conformance: every case of every file in tests/data/golden/ (PyTorch
//! float64 results; see FORMAT.md there) and, when GOLDEN_EXTRA_DIR is set,
//! every *.json file in that folder, against deepstep's math.

use deepstep::math::{conv, counting_rnn, linreg, mle, rnn};
use ndarray::{Array1, Array2, Array3, Array4, ArrayD, IxDyn};
use serde_json::Value;
use std::path::{Path, PathBuf};

type Check = Result<(), String>;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 + 1e-7 * b.abs()
}

/// A case of a file, with lookups that name the file, case and field on error.
struct Case<'a> {
    file: String,
    name: String,
    v: &'a Value,
}

impl Case<'_> {
    fn err(&self, msg: impl std::fmt::Display) -> String {
        format!("{} case {}: {msg}", self.file, self.name)
    }

    fn field(&self, k: &str) -> Result<&Value, String> {
        self.v.get(k).ok_or_else(|| self.err(format!("missing field `{k}`")))
    }

    fn num(&self, k: &str) -> Result<f64, String> {
        self.field(k)?.as_f64().ok_or_else(|| self.err(format!("`{k}` is not a number")))
    }

    fn ints(&self, k: &str) -> Result<[usize; 2], String> {
        let a = self.field(k)?.as_array().ok_or_else(|| self.err(format!("`{k}` is not an array")))?;
        let v: Vec<usize> = a.iter().filter_map(|x| x.as_u64().map(|u| u as usize)).collect();
        v.try_into().map_err(|_| self.err(format!("`{k}` must be two integers")))
    }

    /// A tensor field, checked to have the expected rank.
    fn tensor(&self, k: &str, rank: usize) -> Result<ArrayD<f64>, String> {
        let t = self.field(k)?;
        let shape: Vec<usize> = t
            .get("shape")
            .and_then(Value::as_array)
            .ok_or_else(|| self.err(format!("`{k}` has no shape")))?
            .iter()
            .map(|d| d.as_u64().map(|u| u as usize).ok_or_else(|| self.err(format!("`{k}` shape"))))
            .collect::<Result<_, _>>()?;
        let data: Vec<f64> = t
            .get("data")
            .and_then(Value::as_array)
            .ok_or_else(|| self.err(format!("`{k}` has no data")))?
            .iter()
            .map(|d| d.as_f64().ok_or_else(|| self.err(format!("`{k}` data is not numeric"))))
            .collect::<Result<_, _>>()?;
        if shape.len() != rank {
            return Err(self.err(format!("`{k}` has shape {shape:?}, expected rank {rank}")));
        }
        ArrayD::from_shape_vec(IxDyn(&shape), data)
            .map_err(|e| self.err(format!("`{k}`: data does not fit shape {shape:?}: {e}")))
    }

    fn t1(&self, k: &str) -> Result<Array1<f64>, String> {
        Ok(self.tensor(k, 1)?.into_dimensionality().expect("rank checked"))
    }
    fn t2(&self, k: &str) -> Result<Array2<f64>, String> {
        Ok(self.tensor(k, 2)?.into_dimensionality().expect("rank checked"))
    }
    fn t3(&self, k: &str) -> Result<Array3<f64>, String> {
        Ok(self.tensor(k, 3)?.into_dimensionality().expect("rank checked"))
    }
    fn t4(&self, k: &str) -> Result<Array4<f64>, String> {
        Ok(self.tensor(k, 4)?.into_dimensionality().expect("rank checked"))
    }

    /// Compare computed values with the reference field `k`: same shape, every
    /// value within tolerance.
    fn expect<D: ndarray::Dimension>(&self, k: &str, got: &ndarray::Array<f64, D>) -> Check {
        let want = self.tensor(k, got.ndim())?;
        if want.shape() != got.shape() {
            return Err(self.err(format!("`{k}`: computed shape {:?}, reference {:?}", got.shape(), want.shape())));
        }
        for (i, (a, b)) in got.iter().zip(want.iter()).enumerate() {
            if !close(*a, *b) {
                return Err(self.err(format!("`{k}`[{i}] (flat): computed {a:e}, reference {b:e}")));
            }
        }
        Ok(())
    }

    fn expect_num(&self, k: &str, got: f64) -> Check {
        let want = self.num(k)?;
        if !close(got, want) {
            return Err(self.err(format!("`{k}`: computed {got:e}, reference {want:e}")));
        }
        Ok(())
    }
}

fn check_conv2d(c: &Case) -> Check {
    let (x, w, b, gy) = (c.t3("x")?, c.t4("w")?, c.t1("b")?, c.t3("gy")?);
    let params =
        conv::ConvParams { stride: c.ints("stride")?, padding: c.ints("padding")?, dilation: c.ints("dilation")? };
    let y = conv::conv2d(x.view(), w.view(), b.view(), params).map_err(|e| c.err(e))?;
    c.expect("y", &y)?;
    let g = conv::conv2d_backward(x.view(), w.view(), gy.view(), params).map_err(|e| c.err(e))?;
    c.expect("gx", &g.dx)?;
    c.expect("gw", &g.dw)?;
    c.expect("gb", &g.db)?;
    // The traces the lab steps through: one frame per entry, in the array's
    // order, each ending at that entry's value, exactly.
    let fw = conv::forward_trace(x.view(), w.view(), b.view(), params).map_err(|e| c.err(e))?;
    let in_order = |ats: Vec<Vec<usize>>, shape: &[usize]| {
        ats.len() == shape.iter().product::<usize>()
            && ats.windows(2).all(|p| p[0] < p[1])
            && ats.iter().all(|a| a.iter().zip(shape).all(|(i, n)| i < n))
    };
    if !in_order(fw.iter().map(|f| f.at.to_vec()).collect(), y.shape()) {
        return Err(c.err("the forward trace does not have one frame per entry of y, in order"));
    }
    if fw.iter().any(|f| f.value != y[f.at]) {
        return Err(c.err("a forward frame's value differs from y"));
    }
    let tw = conv::grad_w_trace(x.view(), w.view(), gy.view(), params).map_err(|e| c.err(e))?;
    if !in_order(tw.iter().map(|f| f.at.to_vec()).collect(), g.dw.shape()) {
        return Err(c.err("the dW trace does not have one frame per entry of dW, in order"));
    }
    if tw.iter().any(|f| f.value != g.dw[f.at]) {
        return Err(c.err("a dW frame's value differs from dW"));
    }
    let sh = x.shape();
    let tx = conv::grad_x_trace([sh[0], sh[1], sh[2]], w.view(), gy.view(), params).map_err(|e| c.err(e))?;
    if !in_order(tx.iter().map(|f| f.at.to_vec()).collect(), g.dx.shape()) {
        return Err(c.err("the dX trace does not have one frame per entry of dX, in order"));
    }
    if tx.iter().any(|f| f.value != g.dx[f.at]) {
        return Err(c.err("a dX frame's value differs from dX"));
    }
    Ok(())
}

fn check_rnn(c: &Case, kind: rnn::CellKind) -> Check {
    let p =
        rnn::RnnParams::new(kind, c.t2("w_ih")?, c.t2("w_hh")?, c.t1("b_ih")?, c.t1("b_hh")?).map_err(|e| c.err(e))?;
    let (x, h0, g) = (c.t2("x")?, c.t1("h0")?, c.t2("g")?);
    let c0 = if kind == rnn::CellKind::Lstm { Some(c.t1("c0")?) } else { None };
    let f = rnn::forward(&p, x.view(), h0.view(), c0.as_ref().map(|a| a.view())).map_err(|e| c.err(e))?;
    c.expect("h", &f.hidden_states())?;
    if let Some(cs) = f.c() {
        c.expect("c", &cs.slice(ndarray::s![1.., ..]).to_owned())?;
    }
    let gr = rnn::bptt(&p, &f, g.view(), rnn::BpttOptions::default()).map_err(|e| c.err(e))?;
    c.expect("dh", &gr.dh.to_plain())?;
    c.expect("dh_norm", &Array1::from(gr.dh_norms()))?;
    c.expect("gw_ih", &gr.w_ih.to_plain())?;
    c.expect("gw_hh", &gr.w_hh.to_plain())?;
    c.expect("gb_ih", &gr.b_ih.to_plain())?;
    c.expect("gb_hh", &gr.b_hh.to_plain())?;
    c.expect("gh0", &gr.h0.to_plain())?;
    if let Some(gc0) = &gr.c0 {
        c.expect("gc0", &gc0.to_plain())?;
    }
    c.expect("gx", &gr.x.to_plain())
}

fn check_count(c: &Case) -> Check {
    let x = c.t2("x")?;
    let (w_x, w_rec) = (c.num("w_x")?, c.num("w_rec")?);
    let f = counting_rnn::forward(x.view(), w_x, w_rec);
    let b = counting_rnn::backward(x.view(), &f, w_rec);
    c.expect("s", &f.s)?;
    c.expect_num("loss", f.loss)?;
    c.expect_num("g_w_x", b.g_w_x)?;
    c.expect_num("g_w_rec", b.g_w_rec)?;
    c.expect("ds", &b.ds)
}

fn check_linreg(c: &Case) -> Check {
    let (x, y, beta0) = (c.t2("x")?, c.t1("y")?, c.t1("beta0")?);
    let steps = c.field("steps")?.as_u64().ok_or_else(|| c.err("`steps` is not an integer"))? as usize;
    let path =
        linreg::gradient_descent(x.view(), y.view(), beta0.view(), c.num("lr")?, steps, linreg::ErrorMeasure::Mse)
            .map_err(|e| c.err(e))?;
    c.expect("beta", path.betas.last().expect("start is recorded"))?;
    c.expect("loss_trace", &Array1::from(path.losses.clone()))?;
    let ls = linreg::least_squares(x.view(), y.view()).map_err(|e| c.err(e))?;
    c.expect("beta_lstsq", &ls)
}

fn check_mle(c: &Case) -> Check {
    let family = c.field("family")?.as_str().ok_or_else(|| c.err("`family` is not a string"))?;
    match family {
        "normal" => {
            let x = c.t1("x")?.to_vec();
            let f = mle::fit_normal(&x).map_err(|e| c.err(e))?;
            c.expect_num("mu", f.mu)?;
            c.expect_num("sigma", f.sigma)?;
            c.expect_num("var_mle", f.var_mle)?;
            match (c.v.get("var_unbiased"), f.var_unbiased) {
                (Some(_), Some(v)) => c.expect_num("var_unbiased", v)?,
                (None, None) => {}
                (want, got) => return Err(c.err(format!("var_unbiased: reference {want:?}, got {got:?}"))),
            }
            match (c.v.get("loglik_mle"), f.loglik) {
                (Some(_), Some(l)) => c.expect_num("loglik_mle", l)?,
                (None, None) => {}
                (want, got) => return Err(c.err(format!("loglik_mle: reference {want:?}, got {got:?}"))),
            }
            // Away from the optimum: the negative log-likelihood and its gradient.
            let (mu0, sigma0) = (c.num("mu0")?, c.num("sigma0")?);
            c.expect_num("nll0", -mle::loglik(&x, mu0, sigma0).map_err(|e| c.err(e))?)?;
            let (gm, gs) = mle::loglik_grad(&x, mu0, sigma0).map_err(|e| c.err(e))?;
            c.expect_num("g_mu0", -gm)?;
            c.expect_num("g_sigma0", -gs)
        }
        "categorical" => {
            let counts: Vec<u64> = c.t1("counts")?.iter().map(|v| *v as u64).collect();
            let f = mle::fit_categorical(&counts).map_err(|e| c.err(e))?;
            c.expect("p", &Array1::from(f.p.clone()))?;
            c.expect_num("loglik_mle", f.loglik)?;
            c.expect_num("cross_entropy", f.cross_entropy)
        }
        other => Err(c.err(format!("unknown family `{other}`"))),
    }
}

/// Gradient descent on a typed function: SymPy's derivatives at the start
/// and at probe points, numpy's trajectory (its first iterates and the
/// last), the step count and how the run ended.
fn check_gd(c: &Case) -> Check {
    use deepstep::math::gd::{self, Bug, Outcome, Settings};
    let text = c.field("function")?.as_str().ok_or_else(|| c.err("`function` is not text"))?;
    let func = deepstep::math::expr::Function::parse(text).map_err(|e| c.err(e))?;
    let vec_of = |k: &str| -> Result<Vec<f64>, String> {
        c.field(k)?
            .as_array()
            .ok_or_else(|| c.err(format!("`{k}` is not a list")))?
            .iter()
            .map(|v| v.as_f64().ok_or_else(|| c.err(format!("`{k}` holds a non-number"))))
            .collect()
    };
    let bug = match c.field("slip")?.as_str() {
        None => None,
        Some("plus") => Some(Bug::Plus),
        Some("no-abs") => Some(Bug::NoAbs),
        Some("stale") => Some(Bug::Stale),
        Some(other) => return Err(c.err(format!("unknown slip `{other}`"))),
    };
    let settings = Settings {
        init: vec_of("init")?,
        lr: c.num("lr")?,
        eps: c.num("eps")?,
        max_steps: c.num("max_steps")? as usize,
        bug,
    };
    let near = |what: &str, got: &[f64], want: &[f64]| -> Check {
        if got.len() == want.len() && got.iter().zip(want).all(|(a, b)| close(*a, *b)) {
            Ok(())
        } else {
            Err(c.err(format!("{what}: got {got:?}, want {want:?}")))
        }
    };
    near("grad_init", &func.gradient(&settings.init).unwrap_or_default(), &vec_of("grad_init")?)?;
    let probes = c.field("probes")?.as_array().ok_or_else(|| c.err("`probes` is not a list"))?;
    let grads = c.field("grad_probes")?.as_array().ok_or_else(|| c.err("`grad_probes` is not a list"))?;
    for (p, g) in probes.iter().zip(grads) {
        let p: Vec<f64> = p.as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
        let g: Vec<f64> = g.as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
        near(&format!("gradient at {p:?}"), &func.gradient(&p).unwrap_or_default(), &g)?;
    }
    let run = gd::run(&func, &settings).map_err(|e| c.err(e))?;
    let head = c.t2("x_head")?;
    for (k, row) in head.rows().into_iter().enumerate() {
        let got = run.iterates.get(k).map(|it| it.x.clone()).unwrap_or_default();
        near(&format!("iterate {k}"), &got, &row.to_vec())?;
    }
    near("x", &run.last().x, &vec_of("x")?)?;
    c.expect_num("f", run.last().f)?;
    let outcome = match run.outcome {
        Outcome::Converged => "converged",
        Outcome::MaxSteps | Outcome::Stalled { .. } => "max_steps",
        Outcome::Diverged { .. } => "diverged",
        Outcome::LeftDomain { .. } => "left_domain",
    };
    let want = (c.num("steps")? as usize, c.field("outcome")?.as_str().unwrap_or(""));
    if (run.steps, outcome) != want {
        return Err(c.err(format!("steps and ending: got {:?}, want {want:?}", (run.steps, outcome))));
    }
    Ok(())
}

fn check_file(path: &Path) -> Result<usize, Vec<String>> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| vec![format!("{file}: {e}")])?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| vec![format!("{file}: not JSON: {e}")])?;
    let kind = doc.get("kind").and_then(Value::as_str).ok_or_else(|| vec![format!("{file}: no `kind`")])?;
    let cases = doc.get("cases").and_then(Value::as_array).ok_or_else(|| vec![format!("{file}: no `cases`")])?;
    let mut errors = vec![];
    for (i, v) in cases.iter().enumerate() {
        let name = v.get("name").and_then(Value::as_str).map_or(format!("#{i}"), str::to_string);
        let c = Case { file: file.clone(), name, v };
        let r = match kind {
            "conv2d" => check_conv2d(&c),
            "rnn_tanh" => check_rnn(&c, rnn::CellKind::Tanh),
            "lstm" => check_rnn(&c, rnn::CellKind::Lstm),
            "gru" => check_rnn(&c, rnn::CellKind::Gru),
            "linear_count_rnn" => check_count(&c),
            "linreg_gd" => check_linreg(&c),
            "mle" => check_mle(&c),
            "gd_function" => check_gd(&c),
            other => Err(c.err(format!("unknown kind `{other}`"))),
        };
        if let Err(e) = r {
            errors.push(e);
        }
    }
    if errors.is_empty() { Ok(cases.len()) } else { Err(errors) }
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn golden_cases_match_pytorch() {
    let mut files = json_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden"));
    // Exactly these: a reference file that goes missing fails here, not silently.
    let names: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let expected = ["conv2d", "gd_function", "gru", "linear_count_rnn", "linreg_gd", "lstm", "mle", "rnn_tanh"]
        .map(|n| format!("{n}.json"));
    assert_eq!(names, expected, "the reference files in tests/data/golden");
    if let Ok(extra) = std::env::var("GOLDEN_EXTRA_DIR") {
        files.extend(json_files(Path::new(&extra)));
    }
    let (mut cases, mut errors) = (0, vec![]);
    for f in &files {
        match check_file(f) {
            Ok(n) => cases += n,
            Err(e) => errors.extend(e),
        }
    }
    assert!(errors.is_empty(), "{} golden failures:\n{}", errors.len(), errors.join("\n"));
    println!("golden: {cases} cases checked from {} files", files.len());
}

#[test]
fn malformed_cases_are_reported_with_file_and_case() {
    let dir = std::env::temp_dir().join(format!("deepstep-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"kind": "conv2d", "cases": [{"name": "no_w", "x": {"shape": [1,2,2], "data": [1,2,3,4]}},
            {"name": "bad_shape", "x": {"shape": [2,2], "data": [1,2,3,4]}}]}"#,
    )
    .unwrap();
    let errs = check_file(&bad).unwrap_err();
    assert!(errs[0].contains("bad.json case no_w") && errs[0].contains("missing field `w`"), "{errs:?}");
    assert!(errs[1].contains("case bad_shape") && errs[1].contains("expected rank 3"), "{errs:?}");
    std::fs::write(&bad, r#"{"kind": "softmax", "cases": [{"name": "a"}]}"#).unwrap();
    let errs = check_file(&bad).unwrap_err();
    assert!(errs[0].contains("unknown kind `softmax`"), "{errs:?}");
    std::fs::remove_dir_all(&dir).ok();
}
