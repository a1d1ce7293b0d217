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

    /// A rows × cols matrix of scale · N(0, 1) draws, filled row by row (the
    /// order `Array2::from_shape_fn` fills in, without its index tuples:
    /// the RNN lab draws thousands per run).
    pub fn normal_matrix(&mut self, rows: usize, cols: usize, scale: f64) -> ndarray::Array2<f64> {
        let draws: Vec<f64> = (0..rows * cols).map(|_| scale * self.normal()).collect();
        ndarray::Array2::from_shape_vec((rows, cols), draws).expect("rows × cols draws")
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
