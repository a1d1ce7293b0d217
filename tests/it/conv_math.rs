//! The conv lab's kernel presets and sample inputs (`math::kernels`),
//! checked by what they do, where `cargo mutants` found changes the other
//! tests did not notice.

/// The conv lab's kernel presets are what their names say, checked by what
/// they do (PyTorch's cross-correlation): the identity copies, the box blur
/// averages, Sobel x is +8 per unit slope left to right and Sobel y its
/// transpose, the Laplacian of x² + y² is 4, and sharpening is the identity
/// minus the Laplacian. Random integers lie in −2..=2.
#[test]
fn kernel_presets_do_what_their_names_say() {
    use deepstep::math::kernels::Preset;
    use ndarray::Array2;
    // One output value: the kernel laid on a 3×3 patch f(i, j), i down, j right.
    let apply = |k: &Array2<f64>, f: &dyn Fn(f64, f64) -> f64| {
        k.indexed_iter().map(|((i, j), w)| w * f(i as f64 - 1.0, j as f64 - 1.0)).sum::<f64>()
    };
    let k = |p: Preset| p.kernel(3, 3, 1).unwrap();
    let bump = |i: f64, j: f64| 3.0 * i - 2.0 * j + i * j + 7.0;
    assert_eq!(apply(&k(Preset::Identity), &bump), 7.0);
    for (kh, kw) in [(3, 3), (5, 5), (3, 5), (1, 1)] {
        let id = Preset::Identity.kernel(kh, kw, 1).unwrap();
        assert_eq!(id.sum(), 1.0);
        assert_eq!(id[[kh / 2, kw / 2]], 1.0, "{kh}×{kw}: the centre");
        let b = Preset::BoxBlur.kernel(kh, kw, 1).unwrap();
        assert!((b.sum() - 1.0).abs() < 1e-12 && b.iter().all(|v| *v == b[[0, 0]]), "{kh}×{kw}: an average");
    }
    assert!((apply(&k(Preset::BoxBlur), &|_, _| 4.0) - 4.0).abs() < 1e-12);
    assert_eq!(apply(&k(Preset::SobelX), &|_, j| 2.5 * j), 8.0 * 2.5, "rising to the right");
    assert_eq!(apply(&k(Preset::SobelX), &|i, _| i), 0.0);
    assert_eq!(k(Preset::SobelY), k(Preset::SobelX).t().to_owned());
    assert_eq!(apply(&k(Preset::SobelY), &|i, _| i), 8.0, "rising downward");
    assert_eq!(apply(&k(Preset::Laplacian), &|i, j| i * i + j * j), 4.0);
    assert_eq!(k(Preset::Laplacian).sum(), 0.0);
    assert_eq!(k(Preset::Sharpen), &k(Preset::Identity) - &k(Preset::Laplacian));
    for p in [Preset::SobelX, Preset::SobelY, Preset::Sharpen, Preset::Laplacian] {
        assert_eq!(p.kernel(5, 5, 1), None, "{p:?} exists only as 3×3");
    }
    let r = Preset::RandomIntegers.kernel(4, 4, 9).unwrap();
    assert!(r.iter().all(|v| v.fract() == 0.0 && (-2.0..=2.0).contains(v)));
    assert!(r.iter().any(|v| *v < 0.0) && r.iter().any(|v| *v > 0.0));
    assert_eq!(Some(r), Preset::RandomIntegers.kernel(4, 4, 9));
}

/// The conv lab's sample inputs: the ramp counts 1, 2, 3, … row by row from
/// 1 + 10c in channel c; the checker alternates 9 and 0, flipped in odd
/// channels; random integers are 0..=9, channel 0 the seed's own draws and
/// every channel different.
#[test]
fn sample_inputs_are_what_their_names_say() {
    use deepstep::math::kernels::Sample;
    let ramp = Sample::Ramp.channel(3, 4, 2, 0);
    for ((i, j), v) in ramp.indexed_iter() {
        assert_eq!(*v, 21.0 + (4 * i + j) as f64, "ramp at ({i}, {j})");
    }
    for c in 0..2 {
        let ch = Sample::Checker.channel(3, 3, c, 0);
        for ((i, j), v) in ch.indexed_iter() {
            assert_eq!(*v, if (i + j + c) % 2 == 0 { 9.0 } else { 0.0 }, "checker {c} at ({i}, {j})");
        }
    }
    let mut r = deepstep::math::rng::Rng::new(5);
    let c0 = Sample::RandomIntegers.channel(4, 4, 0, 5);
    assert!(c0.iter().all(|v| *v == r.below(10) as f64), "channel 0 is the seed's draws");
    let c1 = Sample::RandomIntegers.channel(4, 4, 1, 5);
    assert_ne!(c0, c1);
    assert!(c1.iter().all(|v| v.fract() == 0.0 && (0.0..=9.0).contains(v)));
    assert_eq!(c1, Sample::RandomIntegers.channel(4, 4, 1, 5));
}
