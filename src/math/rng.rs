//! A small seeded random number generator (SplitMix64).
//!
//! deepstep needs reproducible "random" inputs (a seed on screen must give the
//! same numbers on every machine), not cryptographic quality, so it carries its
//! own generator instead of depending on a crate whose stream may change.

/// SplitMix64 (Steele, Lea and Flood 2014): one 64-bit state, full period.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits as a fraction.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }

    /// Standard normal by the Box–Muller transform.
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]: ln is finite
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Uniform integer in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.uniform() * n as f64) as usize % n.max(1)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_uniform_in_range() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            let u = a.uniform();
            assert_eq!(u, b.uniform());
            assert!((0.0..1.0).contains(&u));
        }
        assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
    }

    /// The published SplitMix64 stream: the first values from seed
    /// 1477776061723855037 of the reference `splitmix64.c` (as listed in
    /// rand_xoshiro's `reference` test). A seed on screen must give these
    /// numbers on every machine.
    #[test]
    fn the_stream_is_the_reference_splitmix64() {
        let mut r = Rng::new(1477776061723855037);
        let want: [u64; 6] = [
            1985237415132408290,
            2979275885539914483,
            13511426838097143398,
            8488337342461049707,
            15141737807933549159,
            17093170987380407015,
        ];
        for w in want {
            assert_eq!(r.next_u64(), w);
        }
    }

    /// uniform is the stream's top 53 bits over 2^53 (exactly representable),
    /// and range maps it linearly onto [lo, hi).
    #[test]
    fn uniform_and_range_are_the_top_53_bits_scaled() {
        let (mut words, mut u, mut r) = (Rng::new(11), Rng::new(11), Rng::new(11));
        for _ in 0..200 {
            let w = words.next_u64();
            let want = (w >> 11) as f64 * 2f64.powi(-53);
            assert_eq!(u.uniform(), want);
            assert_eq!(r.range(-3.0, 5.0), -3.0 + 8.0 * want);
        }
    }

    /// below(n) takes uniform × n down to an integer: every value in 0..n,
    /// each about 1/n of the time; shuffle gives each of the 6 orders of 3
    /// items about 1/6 of the time (Fisher–Yates with an off-by-one would
    /// miss some or favour others) and always a permutation.
    #[test]
    fn below_and_shuffle_are_uniform() {
        let (mut uniform, mut r) = (Rng::new(5), Rng::new(5));
        for n in [1usize, 2, 3, 7, 10] {
            let mut counts = vec![0usize; n];
            for _ in 0..7000 {
                let want = (uniform.uniform() * n as f64) as usize;
                let got = r.below(n);
                assert_eq!(got, want);
                counts[got] += 1;
            }
            let expect = 7000.0 / n as f64;
            assert!(counts.iter().all(|&c| (c as f64 - expect).abs() < 5.0 * expect.sqrt()), "{n}: {counts:?}");
        }
        let mut seen = std::collections::HashMap::new();
        for _ in 0..6000 {
            let mut v = [0, 1, 2];
            r.shuffle(&mut v);
            *seen.entry(v).or_insert(0usize) += 1;
        }
        assert_eq!(seen.len(), 6, "{seen:?}");
        assert!(seen.values().all(|&c| (c as f64 - 1000.0).abs() < 150.0), "{seen:?}");
    }

    #[test]
    fn normal_has_mean_zero_and_unit_variance() {
        let mut r = Rng::new(3);
        let xs: Vec<f64> = (0..20000).map(|_| r.normal()).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "var {var}");
        // Symmetric, with the normal's tails: P(X < 0) = 0.5, P(|X| > 1.96)
        // = 0.05, E[X^4] = 3, and Box–Muller's ln of (0, 1] never gives ∞.
        let below0 = xs.iter().filter(|x| **x < 0.0).count() as f64 / xs.len() as f64;
        let tails = xs.iter().filter(|x| x.abs() > 1.96).count() as f64 / xs.len() as f64;
        let kurt = xs.iter().map(|x| x.powi(4)).sum::<f64>() / xs.len() as f64;
        assert!((below0 - 0.5).abs() < 0.015, "P(X<0) {below0}");
        assert!((tails - 0.05).abs() < 0.006, "P(|X|>1.96) {tails}");
        assert!((kurt - 3.0).abs() < 0.2, "E[X^4] {kurt}");
        assert!(xs.iter().all(|x| x.is_finite()));
    }
}
