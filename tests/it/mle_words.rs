//! The MLE lab's sentences against its numbers, over grids rather than
//! examples: line 2 (why the log) and the product mistake say what the
//! long sample's log-sum implies about e^ℓ in f64 (overflow, underflow, or
//! inside); every count of points the words state is the sample's n; equal
//! points have σ̂ = 0 exactly and no maximum; a spread f64 cannot hold is
//! refused with what overflowed or underflowed.

use deepstep::lessons::mle::lab::{Action, MleLab, Settings};
use deepstep::lessons::mle::report;
use deepstep::lessons::mle::words::{self, Place};
use deepstep::math::format::num;
use deepstep::math::mle::{self, MleError};
use deepstep::text::{EN, KO, Text};

/// ln of f64's largest number: e^ℓ overflows above it.
const LN_MAX: f64 = 709.782712893384;
/// ln of half the smallest subnormal: e^ℓ rounds to 0 below it.
const LN_ZERO: f64 = -745.1332191019412;

fn lab(s: Settings) -> MleLab {
    let mut lab = MleLab::new(s).unwrap();
    lab.update(Action::Last);
    lab
}

fn own(data: &[f64]) -> MleLab {
    lab(Settings { data: Some(data.to_vec()), ..Default::default() })
}

/// Every whole number written right after "n = " in `text`.
fn stated_ns(text: &str) -> Vec<usize> {
    text.match_indices("n = ")
        .filter_map(|(i, _)| {
            let digits: String = text[i + 4..].chars().take_while(|c| c.is_ascii_digit()).collect();
            digits.parse().ok()
        })
        .collect()
}

/// All the words the normal family shows: the derivation (screen and
/// print), the bias panel and the mistakes.
fn all_words(lab: &MleLab, t: &Text) -> String {
    let st = lab.normal.as_ref().unwrap();
    let mut v = words::derivation(lab, Place::Cursor, t);
    v.push(report::print(lab, t));
    v.extend(words::bias_lines(st, t));
    v.extend(words::mistake_lines(st, t).into_iter().map(|(a, b)| format!("{a}: {b}")));
    v.join("\n")
}

/// For σ from 0.01 to 10, n and seeds: line 2 and the product mistake are
/// the variant the long sample's log-sum (summed here by hand) implies, and
/// nothing prints `overflow`, `inf` or `NaN` as a number.
#[test]
fn why_the_log_agrees_with_the_log_sum_on_a_grid() {
    let mut seen = [0; 3];
    for sigma in [0.01, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 1.0, 1.5, 10.0] {
        for (n, seed) in [(1, 3), (10, 1), (50, 7)] {
            let lab = lab(Settings { n, mu: 2.0, sigma, seed, ..Default::default() });
            let st = lab.normal.as_ref().unwrap();
            let ll: f64 = st
                .long
                .iter()
                .map(|x| -sigma.ln() - 0.5 * std::f64::consts::TAU.ln() - 0.5 * ((x - 2.0) / sigma).powi(2))
                .sum();
            assert!((ll - st.long_loglik).abs() < 1e-9 * ll.abs(), "σ {sigma}: {ll} vs {}", st.long_loglik);
            for t in [&EN, &KO] {
                let line = words::why_log_line(st, t);
                let (n_long, ll_shown) = (st.long.len(), num(st.long_loglik));
                let per = num(st.long_loglik / n_long as f64);
                let want = if ll > LN_MAX {
                    seen[0] += 1;
                    assert!(ll / (n_long as f64) > 0.0, "the words say the mean log density is above 0");
                    (t.mle.d_why_log_over)(n_long, &words::exp_of(ll), &ll_shown, &per)
                } else if ll < LN_ZERO {
                    seen[1] += 1;
                    assert!(ll / (n_long as f64) < 0.0, "the words say the mean log density is below 0");
                    (t.mle.d_why_log_under)(n_long, &words::exp_of(ll), &ll_shown, &per)
                } else {
                    seen[2] += 1;
                    (t.mle.d_why_log_inside)(n_long, &num(ll.exp()), &ll_shown, &per)
                };
                assert_eq!(line, want, "σ {sigma}");
                let text = all_words(&lab, t);
                for bad in ["inf", "NaN"] {
                    assert!(!text.contains(bad), "σ {sigma}: {bad} in\n{text}");
                }
                // The formatter's `overflow` marker (a number beyond f64) is never printed: e^ℓ is written from ℓ.
                let marker = text.match_indices("overflow").any(|(i, _)| !text[i + 8..].starts_with('s'));
                assert!(!marker, "σ {sigma}: {text}");
                if t.lang == deepstep::text::Lang::En {
                    // Above f64's range only when e^ℓ is, below it only when e^ℓ is.
                    assert_eq!(text.contains("above f64's largest number"), ll > LN_MAX, "σ {sigma}: {text}");
                    assert_eq!(text.contains("underflows to 0"), ll < LN_ZERO, "σ {sigma}: {text}");
                }
            }
        }
    }
    assert!(seen.iter().all(|s| *s > 0), "the grid reaches all three cases: {seen:?}");
}

/// The product mistake is chosen by the same comparison, on own data with a
/// small spread too (the long sample then comes from the fit).
#[test]
fn the_product_mistake_agrees_with_the_log_sum() {
    for data in [vec![1.0, 1.001, 1.002], vec![1.0, 2.0, 4.0, 5.0], vec![0.0, 40.0, -30.0]] {
        let lab = own(&data);
        let st = lab.normal.as_ref().unwrap();
        let Some((_, mle::MistakeValue::Product { long_loglik, .. })) =
            st.mistakes.iter().find(|(m, _)| *m == mle::Mistake::Product)
        else {
            panic!("the product mistake")
        };
        let said = &words::mistake_lines(st, &EN)[2].1;
        assert_eq!(said.contains("overflows f64"), *long_loglik > LN_MAX, "{data:?}: {said}");
        assert_eq!(said.contains("0 in f64"), *long_loglik < LN_ZERO, "{data:?}: {said}");
        assert_eq!(said.contains("still inside f64"), (LN_ZERO..=LN_MAX).contains(long_loglik), "{data:?}: {said}");
    }
    // A drawn sample whose own product is already past f64 (n = 1000, or a
    // tight sample of 500) says so of itself, not "L here, but for 1000
    // draws", and quotes its own e^ℓ; a short one compares with the long sample.
    for (s, here_outside) in [
        (Settings { n: 1000, ..Default::default() }, true),
        (Settings { n: 20, ..Default::default() }, false),
        (Settings { data: Some((0..500).map(|i| 1.0 + 1e-3 * (i % 7) as f64).collect()), ..Default::default() }, true),
    ] {
        let lab = lab(s.clone());
        let st = lab.normal.as_ref().unwrap();
        let here = mle::loglik(&st.x, st.fit.mu, st.fit.sigma).unwrap();
        assert_eq!(!(LN_ZERO..=LN_MAX).contains(&here), here_outside, "n = {}: ℓ = {here}", st.x.len());
        for t in [&EN, &KO] {
            let said = &words::mistake_lines(st, t)[2].1;
            let own_words = if here < LN_ZERO {
                (t.mle.m_product_here_under)(&deepstep::math::format::exp_e(here), &num(here))
            } else {
                (t.mle.m_product_here_over)(&deepstep::math::format::exp_e(here), &num(here))
            };
            assert_eq!(said == &own_words, here_outside, "n = {}: {said}", st.x.len());
        }
    }
    // σ̂ = 8.16e−4: Σ log = 5714 for 1000 draws, above f64.
    let lab = own(&[1.0, 1.001, 1.002]);
    let line = words::why_log_line(lab.normal.as_ref().unwrap(), &EN);
    assert!(line.contains("above f64's largest number") && !line.contains("underflow"), "{line}");
}

/// n equal points (n ≥ 2), including values whose plain sum is not n times
/// the value: σ̂ = 0 exactly, no maximum, and every count of points the
/// words state is n ("one point" only for n = 1).
#[test]
fn equal_points_have_no_spread_and_are_counted() {
    for v in [7.0, 0.1, -2.5, 9999.999292841636, 1e300, 3e-300] {
        for n in [1, 2, 3, 10, 50] {
            let data = vec![v; n];
            let f = mle::fit_normal(&data).unwrap();
            assert_eq!((f.mu, f.sigma, f.var_mle, f.loglik), (v, 0.0, 0.0, None), "{n} × {v}");
            assert_eq!(f.var_unbiased, (n > 1).then_some(0.0), "{n} × {v}: s² = 0/(n − 1)");
            let lab = own(&data);
            for t in [&EN, &KO] {
                let text = all_words(&lab, t);
                assert!(stated_ns(&text).iter().all(|k| *k == n), "{n} × {v}: {:?}\n{text}", stated_ns(&text));
                assert!(text.contains(t.mle.d_no_maximum), "{n} × {v}: {text}");
                assert_eq!(text.contains(t.mle.d_sigma_one_point), n == 1, "{n} × {v}");
                assert_eq!(text.contains(&(t.mle.d_sigma_all_equal)(n)), n > 1, "{n} × {v}");
            }
            let en = all_words(&lab, &EN);
            assert_eq!(en.contains("one point"), n == 1, "{n} × {v}: {en}");
            assert!(!en.contains("top of the surface"), "{n} × {v}: {en}");
        }
    }
}

/// Drawn samples of every size: the counts the words state are n.
#[test]
fn drawn_samples_are_counted_as_n() {
    for n in [1, 2, 3, 5, 20, 200] {
        for seed in [1, 9] {
            let lab = lab(Settings { n, seed, ..Default::default() });
            for t in [&EN, &KO] {
                let text = all_words(&lab, t);
                let ns = stated_ns(&text);
                assert!(!ns.is_empty() && ns.iter().all(|k| *k == n), "n {n}: {ns:?}\n{text}");
            }
        }
    }
}

/// Finite values whose sum or squared spread leaves f64 are refused with
/// what overflowed, and a spread below f64's normal numbers with that; the
/// command line says so (exit 2).
#[test]
fn a_spread_f64_cannot_hold_is_refused_with_its_reason() {
    assert_eq!(mle::fit_normal(&[1e154, 3e154]), Err(MleError::SpreadOverflows));
    assert_eq!(mle::fit_normal(&[1e308, 1e308]), Err(MleError::SumOverflows));
    assert_eq!(mle::fit_normal(&[1e308, -1e308]), Err(MleError::SpreadOverflows));
    assert_eq!(mle::fit_normal(&[1e-170, 3e-170]), Err(MleError::SpreadUnderflows));
    assert_eq!(mle::fit_normal(&[1e-170, 1e-170]).map(|f| f.sigma), Ok(0.0), "equal tiny values are fine");
    let f = mle::fit_normal(&[1e150, 3e150]).unwrap();
    assert!((f.sigma - 1e150).abs() < 1e136, "{}", f.sigma);
    for (data, says) in [
        ("1e154,3e154", "Σ (x_i − x̄)² is beyond f64's largest number"),
        ("1e308,1e308", "their sum Σ x_i is beyond f64's largest number"),
        ("1e-170,3e-170", "below f64's smallest normal number"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_deepstep"))
            .args(["lab", "mle", "--print", "--data", data])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{data}: {err}");
        assert!(err.contains(says) && !err.contains("not a finite number") && out.stdout.is_empty(), "{data}: {err}");
    }
}

/// Printed output has no cursor: it reads ℓ at a point it names.
#[test]
fn printed_output_names_its_point_instead_of_the_cursor() {
    let lab = lab(Settings::default());
    for t in [&EN, &KO] {
        let printed = report::print(&lab, t);
        assert!(!printed.contains(t.mle.place_cursor) && printed.contains(t.mle.place_print), "{printed}");
        let screen = words::derivation(&lab, Place::Cursor, t).join("\n");
        assert!(screen.contains(t.mle.place_cursor), "{screen}");
    }
}
