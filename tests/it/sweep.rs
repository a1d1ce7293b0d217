//! `deepstep sweep` and `deepstep rnn --print`: the gradient norm against the
//! distance from the loss, read back from the binary's output.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_deepstep");

fn sweep(args: &[&str]) -> Vec<(usize, String, f64)> {
    let out = Command::new(BIN).arg("sweep").args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = String::from_utf8(out.stdout).unwrap();
    let mut lines = s.lines();
    assert_eq!(lines.next(), Some("t,norm,log10_norm"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].parse().unwrap(), f[1].to_string(), f[2].parse().unwrap())
        })
        .collect()
}

#[test]
fn linear_cell_changes_by_log10_rho_per_step_far_from_the_loss() {
    for rho in [0.5f64, 1.5] {
        let r = rho.to_string();
        let rows = sweep(&["--cell", "linear", "--radius", &r, "--len", "200", "--hidden", "8", "--seed", "3"]);
        assert_eq!(rows.len(), 200);
        assert_eq!(rows[0].0, 1);
        // Distance from the loss T − t ≥ 60: one step back multiplies the norm by ρ.
        for t in 0..140 {
            let step = rows[t].2 - rows[t + 1].2;
            assert!((step - rho.log10()).abs() < 1e-6, "rho {rho}, t {}: {step}", t + 1);
        }
    }
}

#[test]
fn exploding_norms_stay_finite_in_log10_and_inf_only_beyond_f64() {
    let rows = sweep(&["--cell", "linear", "--radius", "3", "--len", "1000", "--hidden", "8", "--seed", "1"]);
    assert_eq!(rows.len(), 1000);
    let mut saw_inf = false;
    for (t, norm, log) in &rows {
        assert!(log.is_finite(), "t {t}");
        if norm == "inf" {
            saw_inf = true;
            assert!(*log > f64::MAX.log10(), "t {t}: inf printed for 10^{log}");
        } else {
            let n: f64 = norm.parse().unwrap();
            assert!((n.log10() - log).abs() < 1e-9 * (1.0 + log.abs()), "t {t}");
        }
    }
    assert!(saw_inf, "3^999 is beyond f64, so some norms print as inf");
    for cell in ["rnn", "lstm", "gru"] {
        let rows = sweep(&["--cell", cell, "--radius", "3", "--len", "1000", "--hidden", "8"]);
        assert!(rows.iter().all(|(_, _, l)| l.is_finite()), "{cell}");
    }
}

#[test]
fn json_has_one_object_per_step() {
    // Beyond f64 (ρ = 3, T = 700 reaches ~1e330) the JSON norm is null and
    // log10 still the number; both formats and the math agree everywhere.
    let args = ["--cell", "linear", "--radius", "3", "--len", "700", "--hidden", "4", "--seed", "2"];
    let out = Command::new(BIN).arg("sweep").args(args).args(["--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    let csv = sweep(&args);
    let s = deepstep::lessons::rnn::settings::RnnSettings {
        cell: deepstep::math::rnn::CellKind::Linear,
        radius: 3.0,
        len: 700,
        hidden: 4,
        seed: 2,
        ..Default::default()
    };
    let logs = s.run().unwrap().grads.dh_log10_norms();
    assert_eq!((items.len(), csv.len(), logs.len()), (700, 700, 700));
    // serde_json's default parser may land one ulp off the printed shortest
    // form (its exact parser is an optional feature): JSON is read to 4 ulp.
    let mut nulls = 0;
    for (k, (item, (t, norm, log))) in items.iter().zip(&csv).enumerate() {
        assert_eq!((item["t"].as_u64(), *t), (Some(k as u64 + 1), k + 1));
        let l = item["log10_norm"].as_f64().unwrap();
        assert_eq!(*log, logs[k], "t {t}");
        assert!((l - logs[k]).abs() <= 4.0 * f64::EPSILON * logs[k].abs().max(1.0), "t {t}: {l}");
        match item["norm"].as_f64() {
            Some(n) => assert!((n - norm.parse::<f64>().unwrap()).abs() <= 4.0 * f64::EPSILON * n, "t {t}"),
            None => {
                assert!(item["norm"].is_null() && norm == "inf" && l > f64::MAX.log10(), "t {t}");
                nulls += 1;
            }
        }
    }
    assert!(nulls > 0 && nulls < 700, "some norms are beyond f64, not all: {nulls}");
}

#[test]
fn rnn_print_writes_the_per_step_table_and_bad_knobs_exit_2() {
    let out = Command::new(BIN).args(["rnn", "--print", "--len", "5", "--truncate", "2"]).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 6, "{s}");
    assert!(lines[0].starts_with("t "));
    // Truncated to 2 steps: t = 1, 2 get no gradient from the loss at t = 5.
    assert!(lines[1].ends_with(" 0  -") && lines[2].ends_with(" 0  -"), "{s}");
    assert!(!lines[3].ends_with(" 0  -"), "{s}");
    let out = Command::new(BIN).args(["sweep", "--radius", "7"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("spectral radius"));
}

#[test]
fn sweep_refuses_sizes_out_of_range_with_exit_2() {
    for (args, says) in [
        (["--hidden", "0"], "hidden size must be between 1 and 64, got 0"),
        (["--hidden", "65"], "hidden size must be between 1 and 64, got 65"),
        (["--len", "0"], "sequence length must be between 1 and 1000, got 0"),
        (["--len", "1001"], "sequence length must be between 1 and 1000, got 1001"),
    ] {
        let out =
            Command::new(BIN).arg("sweep").args(args).env("LANG", "C.UTF-8").env_remove("LC_ALL").output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty() && err.starts_with("deepstep sweep: ") && err.contains(says), "{args:?}: {err}");
    }
}
