//! What the frame of a convolution leaves out or adds: the floor's
//! remainder in the output size, the input cells no window reads, and how
//! dX's spread dY is padded or cropped.

use super::ConvGeometry;

/// The parts of the output-size floor along one axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloorParts {
    pub n: usize,
    pub stride: usize,
    pub quotient: usize,
    pub remainder: usize,
}

impl ConvGeometry {
    /// The floor in OH = ⌊n/S⌋ + 1 along `axis` (0 rows, 1 columns):
    /// (n = H + 2P − D(K−1) − 1, S, ⌊n/S⌋, n mod S). A remainder r > 0 is
    /// the last r cells of the padded input that no window start reaches.
    pub fn floor_parts(&self, axis: usize) -> FloorParts {
        let a = axis.min(1);
        let p = &self.params;
        let n = self.input[a] + 2 * p.padding[a] - p.dilation[a] * (self.kernel[a] - 1) - 1;
        FloorParts { n, stride: p.stride[a], quotient: n / p.stride[a], remainder: n % p.stride[a] }
    }

    /// dX's frame along `axis`: the spread dY (stride − 1 zeros between its
    /// entries) gets D(K−1) − P zeros before it and D(K−1) − P + r after it,
    /// r the floor's remainder (the positions the forward pass dropped); a
    /// negative count crops that many instead (P > D(K−1): they would land on
    /// the input's padding). (before, after), as `spread_dy_grid` lays it out.
    pub fn dx_padding(&self, axis: usize) -> (isize, isize) {
        let a = axis.min(1);
        let before = (self.params.dilation[a] * (self.kernel[a] - 1)) as isize - self.params.padding[a] as isize;
        (before, before + self.floor_parts(a).remainder as isize)
    }

    /// The input coordinates along `axis` that no tap of any window reads
    /// (the floor's remainder at the end, and with dilation > stride the
    /// holes between taps), in increasing order.
    pub fn unread(&self, axis: usize) -> Vec<usize> {
        let a = axis.min(1);
        let mut read = vec![false; self.input[a]];
        for o in 0..self.output[a] {
            for k in 0..self.kernel[a] {
                let at = self.input_coord(a, o, k);
                if at >= 0 && (at as usize) < read.len() {
                    read[at as usize] = true;
                }
            }
        }
        (0..read.len()).filter(|&i| !read[i]).collect()
    }
}
