//! 2-D convolution as deep-learning libraries define it: cross-correlation,
//! batch 1, `x` [C_in, H, W], `w` [C_out, C_in, KH, KW], `b` [C_out].
//!
//!   y[co, oy, ox] = b[co] + Σ_{ci, ki, kj} x_pad[ci, oy·S + ki·D − P, ox·S + kj·D − P] · w[co, ci, ki, kj]
//!
//! Each value is a dot product of a window with the kernel. The backward pass
//! is made of the same kind of dot products, which is what the lab shows:
//!
//!   dW[co, ci, ki, kj] = Σ_{oy, ox} x_pad[ci, oy·S + ki·D − P, ox·S + kj·D − P] · dY[co, oy, ox]
//!                        (the input correlated with dY)
//!   dX[ci, iy, ix]     = Σ_{co, ki, kj} dY_up[co, iy + P − ki·D, ix + P − kj·D] · w[co, ci, ki, kj]
//!                        (dY, spread out by the stride, fully correlated with the kernel flipped 180°)
//!   db[co]             = Σ_{oy, ox} dY[co, oy, ox]
//!
//! where dY_up[m] is dY[m / S] when m is a multiple of S inside dY, else 0.
//! Along one axis the spread dY has (OH−1)·S + 1 cells. Padded by D(K−1) on
//! both sides, its full correlation with the flipped (dilated) kernel has
//! (OH−1)·S + D(K−1) + 1 cells: H + 2P − r, where r = (H + 2P − D(K−1) − 1)
//! mod S counts the input cells the last window never reached. So dX's grid
//! is the spread dY padded by D(K−1) − P in front and D(K−1) − P + r behind
//! (r more zeros where the stride left a remainder), and where P > D(K−1)
//! that "padding" is negative: dY is cropped, not padded.
//!
//! dW is also a correlation, of the input with dY in the kernel's place, but
//! the roles swap: dY's taps are S apart (the forward stride) and its
//! positions D apart (the forward dilation).
//!
//! Values and traces come from the same tap walks (`walk_*`), in the same
//! order, so a trace's last running sum equals the computed value exactly.

use ndarray::{Array1, Array2, Array3, Array4, ArrayView1, ArrayView3, ArrayView4};
use thiserror::Error;

mod frame;
pub use frame::FloorParts;

/// Which spatial axis a setting belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    Height,
    Width,
}

impl Axis {
    /// The size's letter in the formulas: H for the height, W for the width.
    pub fn letter(self) -> &'static str {
        match self {
            Axis::Height => "H",
            Axis::Width => "W",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Axis::Height => "height",
            Axis::Width => "width",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConvError {
    #[error("stride must be at least 1, got 0 ({})", axis.name())]
    ZeroStride { axis: Axis },
    #[error("dilation must be at least 1, got 0 ({})", axis.name())]
    ZeroDilation { axis: Axis },
    #[error("kernel {} must be at least 1, got 0", axis.name())]
    ZeroKernel { axis: Axis },
    #[error("input {} must be at least 1, got 0", axis.name())]
    ZeroInput { axis: Axis },
    #[error(
        "kernel too large for the {}: its span D·(K−1)+1 = {span} exceeds the padded input {}+2P = {padded}, so the output size would be 0",
        axis.name(),
        axis.letter()
    )]
    KernelTooLarge { axis: Axis, span: usize, padded: usize },
    #[error("the {} settings are too large to compute", axis.name())]
    TooLarge { axis: Axis },
    #[error("the kernel expects {kernel} input channels but the input has {input}")]
    ChannelMismatch { input: usize, kernel: usize },
    #[error("the bias has {got} values but there are {expected} output channels")]
    BiasMismatch { expected: usize, got: usize },
    #[error("dY must have shape {expected:?} (the output's shape), got {got:?}")]
    GradShape { expected: [usize; 3], got: [usize; 3] },
}

/// Stride, zero padding and dilation, each as [height, width].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConvParams {
    pub stride: [usize; 2],
    pub padding: [usize; 2],
    pub dilation: [usize; 2],
}

impl Default for ConvParams {
    fn default() -> Self {
        ConvParams { stride: [1, 1], padding: [0, 0], dilation: [1, 1] }
    }
}

/// OH = floor((H + 2P − D(K−1) − 1) / S) + 1, or why there is no output.
pub fn output_size(
    axis: Axis,
    input: usize,
    kernel: usize,
    stride: usize,
    padding: usize,
    dilation: usize,
) -> Result<usize, ConvError> {
    if input == 0 {
        return Err(ConvError::ZeroInput { axis });
    }
    if kernel == 0 {
        return Err(ConvError::ZeroKernel { axis });
    }
    if stride == 0 {
        return Err(ConvError::ZeroStride { axis });
    }
    if dilation == 0 {
        return Err(ConvError::ZeroDilation { axis });
    }
    // Checked, so absurd settings are an error rather than an overflow.
    let too_large = ConvError::TooLarge { axis };
    let padded = padding.checked_mul(2).and_then(|p| p.checked_add(input)).ok_or(too_large.clone())?;
    let span = dilation.checked_mul(kernel - 1).and_then(|s| s.checked_add(1)).ok_or(too_large)?;
    if span > padded {
        return Err(ConvError::KernelTooLarge { axis, span, padded });
    }
    Ok((padded - span) / stride + 1)
}

/// The classic slips in the output-size formula, named when a learner's
/// wrong size is the number the slip gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeMistake {
    /// ⌊(H + 2P − D(K−1) − 1)/S⌋ without the + 1.
    ForgotPlusOne,
    /// H + P: the padding counted on one side only.
    PaddingOneSide,
    /// K − 1 for D(K−1): the dilation ignored.
    DilationIgnored,
}

impl SizeMistake {
    pub const ALL: [SizeMistake; 3] =
        [SizeMistake::ForgotPlusOne, SizeMistake::PaddingOneSide, SizeMistake::DilationIgnored];

    /// The size one axis gets when the formula is written with this slip;
    /// `None` where the slipped formula has no size (the window no longer
    /// fits). The formulas are the practice checker's own
    /// (`practice_conv_size`), so the lab and the checker name a slip alike.
    pub fn size(self, input: usize, kernel: usize, stride: usize, padding: usize, dilation: usize) -> Option<usize> {
        use super::practice_conv_size::{ConvSizeMistake as M, conv_size};
        if stride == 0 || kernel == 0 || dilation == 0 {
            return None;
        }
        let (formula, least) = match self {
            // One less than a size that exists: 0 when the window fits once.
            SizeMistake::ForgotPlusOne => {
                output_size(Axis::Height, input, kernel, stride, padding, dilation).ok()?;
                (M::NoPlusOne, 0.0)
            }
            SizeMistake::PaddingOneSide => (M::PaddingOnce, 1.0),
            SizeMistake::DilationIgnored => (M::DilationIgnored, 1.0),
        };
        let [size, _] = conv_size([input, input, kernel, kernel, stride, padding, dilation], Some(formula))?;
        (size >= least).then_some(size as usize)
    }
}

/// The slips that give `guess` (OH, OW) for this geometry while the right
/// size differs: each one whose slipped size is the guess on both axes.
pub fn size_mistakes_giving(g: &ConvGeometry, guess: [usize; 2]) -> Vec<SizeMistake> {
    if guess == g.output {
        return vec![];
    }
    let p = g.params;
    SizeMistake::ALL
        .into_iter()
        .filter(|m| {
            (0..2).all(|a| m.size(g.input[a], g.kernel[a], p.stride[a], p.padding[a], p.dilation[a]) == Some(guess[a]))
        })
        .collect()
}

/// The parameters of a layer: C_out kernels of C_in × KH × KW weights, and
/// one bias per output channel if it has biases (`None` on overflow).
pub fn parameter_count(c_in: usize, c_out: usize, kernel: [usize; 2], bias: bool) -> Option<usize> {
    let weights = c_out.checked_mul(c_in)?.checked_mul(kernel[0])?.checked_mul(kernel[1])?;
    weights.checked_add(if bias { c_out } else { 0 })
}

/// Every size of one convolution, checked once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConvGeometry {
    pub c_in: usize,
    pub c_out: usize,
    pub input: [usize; 2],
    pub kernel: [usize; 2],
    pub output: [usize; 2],
    pub params: ConvParams,
}

impl ConvGeometry {
    /// `input_shape` is [C_in, H, W]; `kernel_shape` is [C_out, C_in, KH, KW].
    pub fn new(input_shape: [usize; 3], kernel_shape: [usize; 4], params: ConvParams) -> Result<Self, ConvError> {
        let [c_in, h, w] = input_shape;
        let [c_out, kc, kh, kw] = kernel_shape;
        if kc != c_in {
            return Err(ConvError::ChannelMismatch { input: c_in, kernel: kc });
        }
        let p = params;
        let oh = output_size(Axis::Height, h, kh, p.stride[0], p.padding[0], p.dilation[0])?;
        let ow = output_size(Axis::Width, w, kw, p.stride[1], p.padding[1], p.dilation[1])?;
        Ok(ConvGeometry { c_in, c_out, input: [h, w], kernel: [kh, kw], output: [oh, ow], params })
    }

    pub fn output_shape(&self) -> [usize; 3] {
        [self.c_out, self.output[0], self.output[1]]
    }

    /// The input coordinate that kernel tap k sees at output position o along
    /// `axis` (0 rows, 1 columns): o·S + k·D − P; negative or ≥ H in the padding.
    pub fn input_coord(&self, axis: usize, o: usize, k: usize) -> isize {
        let p = &self.params;
        (o * p.stride[axis] + k * p.dilation[axis]) as isize - p.padding[axis] as isize
    }

    fn inside_input(&self, r: isize, c: isize) -> bool {
        r >= 0 && c >= 0 && (r as usize) < self.input[0] && (c as usize) < self.input[1]
    }
}

/// Why an operand is zero without being read from an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zero {
    /// Outside the array: the zero padding.
    Padding,
    /// Between two dY values when dY is spread out by the stride (dX only).
    StrideGap,
}

/// One factor of a tap: where it comes from and its value. `index` is
/// [channel, row, col, 0] for input and dY cells (row/col may lie outside the
/// array when `zero` is set) and [c_out, c_in, row, col] for kernel cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Operand {
    pub index: [isize; 4],
    pub value: f64,
    pub zero: Option<Zero>,
}

/// One multiply of a frame and the running sum after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tap {
    pub a: Operand,
    pub b: Operand,
    pub product: f64,
    pub sum: f64,
}

/// One output value written out: `start` (the bias, or 0) plus every tap.
/// The last tap's `sum` equals `value` exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame<P> {
    pub at: P,
    pub start: f64,
    pub taps: Vec<Tap>,
    pub value: f64,
}

fn cell(c: usize, r: isize, col: isize, value: f64, zero: Option<Zero>) -> Operand {
    Operand { index: [c as isize, r, col, 0], value, zero }
}

fn kernel_cell(w: &ArrayView4<f64>, idx: [usize; 4]) -> Operand {
    Operand { index: idx.map(|v| v as isize), value: w[idx], zero: None }
}

fn input_cell(g: &ConvGeometry, x: &ArrayView3<f64>, ci: usize, r: isize, c: isize) -> Operand {
    if g.inside_input(r, c) {
        cell(ci, r, c, x[[ci, r as usize, c as usize]], None)
    } else {
        cell(ci, r, c, 0.0, Some(Zero::Padding))
    }
}

/// The taps of y[co, oy, ox]: for ci, ki, kj in order, (input cell, kernel cell).
fn walk_forward(
    g: &ConvGeometry,
    x: &ArrayView3<f64>,
    w: &ArrayView4<f64>,
    [co, oy, ox]: [usize; 3],
    mut visit: impl FnMut(Operand, Operand),
) {
    for ci in 0..g.c_in {
        for ki in 0..g.kernel[0] {
            let r = g.input_coord(0, oy, ki);
            for kj in 0..g.kernel[1] {
                let c = g.input_coord(1, ox, kj);
                visit(input_cell(g, x, ci, r, c), kernel_cell(w, [co, ci, ki, kj]));
            }
        }
    }
}

/// The taps of dW[co, ci, ki, kj]: for oy, ox in order, (input cell, dY cell).
fn walk_grad_w(
    g: &ConvGeometry,
    x: &ArrayView3<f64>,
    dy: &ArrayView3<f64>,
    [co, ci, ki, kj]: [usize; 4],
    mut visit: impl FnMut(Operand, Operand),
) {
    for oy in 0..g.output[0] {
        let r = g.input_coord(0, oy, ki);
        for ox in 0..g.output[1] {
            let c = g.input_coord(1, ox, kj);
            let d = cell(co, oy as isize, ox as isize, dy[[co, oy, ox]], None);
            visit(input_cell(g, x, ci, r, c), d);
        }
    }
}

/// Where position m of dY spread out by stride s falls: dY's index, or why zero.
fn spread(m: isize, s: usize, n: usize) -> Result<usize, Zero> {
    let s = s as isize;
    if m < 0 || m > (n as isize - 1) * s {
        Err(Zero::Padding)
    } else if m % s != 0 {
        Err(Zero::StrideGap)
    } else {
        Ok((m / s) as usize)
    }
}

/// The taps of dX[ci, iy, ix]: for co, then the flipped kernel row by row
/// (ki = KH−1 down to 0, kj = KW−1 down to 0), (spread dY cell, kernel cell).
/// The dY cell's row/col are in spread coordinates (m = oy·S).
fn walk_grad_x(
    g: &ConvGeometry,
    w: &ArrayView4<f64>,
    dy: &ArrayView3<f64>,
    [ci, iy, ix]: [usize; 3],
    mut visit: impl FnMut(Operand, Operand),
) {
    let p = &g.params;
    for co in 0..g.c_out {
        for ki in (0..g.kernel[0]).rev() {
            let mr = (iy + p.padding[0]) as isize - (ki * p.dilation[0]) as isize;
            let row = spread(mr, p.stride[0], g.output[0]);
            for kj in (0..g.kernel[1]).rev() {
                let mc = (ix + p.padding[1]) as isize - (kj * p.dilation[1]) as isize;
                let col = spread(mc, p.stride[1], g.output[1]);
                let a = match (row, col) {
                    (Ok(oy), Ok(ox)) => cell(co, mr, mc, dy[[co, oy, ox]], None),
                    (Err(Zero::Padding), _) | (_, Err(Zero::Padding)) => cell(co, mr, mc, 0.0, Some(Zero::Padding)),
                    _ => cell(co, mr, mc, 0.0, Some(Zero::StrideGap)),
                };
                visit(a, kernel_cell(w, [co, ci, ki, kj]));
            }
        }
    }
}

/// Sum of start + a·b over a walk, in walk order.
fn dot(start: f64, walk: impl FnOnce(&mut dyn FnMut(Operand, Operand))) -> f64 {
    let mut sum = start;
    walk(&mut |a, b| sum += a.value * b.value);
    sum
}

/// The same sum, with every tap recorded.
fn frame<P>(at: P, start: f64, walk: impl FnOnce(&mut dyn FnMut(Operand, Operand))) -> Frame<P> {
    let mut sum = start;
    let mut taps = Vec::new();
    walk(&mut |a, b| {
        let product = a.value * b.value;
        sum += product;
        taps.push(Tap { a, b, product, sum });
    });
    Frame { at, start, taps, value: sum }
}

fn check_shapes(x_shape: &[usize], w: &ArrayView4<f64>, params: ConvParams) -> Result<ConvGeometry, ConvError> {
    let s = w.shape();
    ConvGeometry::new([x_shape[0], x_shape[1], x_shape[2]], [s[0], s[1], s[2], s[3]], params)
}

fn check_bias(g: &ConvGeometry, b: &ArrayView1<f64>) -> Result<(), ConvError> {
    if b.len() != g.c_out {
        return Err(ConvError::BiasMismatch { expected: g.c_out, got: b.len() });
    }
    Ok(())
}

fn check_dy(g: &ConvGeometry, dy: &ArrayView3<f64>) -> Result<(), ConvError> {
    let got = [dy.shape()[0], dy.shape()[1], dy.shape()[2]];
    if got != g.output_shape() {
        return Err(ConvError::GradShape { expected: g.output_shape(), got });
    }
    Ok(())
}

fn positions3(shape: [usize; 3]) -> impl Iterator<Item = [usize; 3]> {
    let [a, b, c] = shape;
    (0..a).flat_map(move |i| (0..b).flat_map(move |j| (0..c).map(move |k| [i, j, k])))
}

fn positions4(shape: [usize; 4]) -> impl Iterator<Item = [usize; 4]> {
    let [a, ..] = shape;
    (0..a).flat_map(move |i| positions3([shape[1], shape[2], shape[3]]).map(move |[j, k, l]| [i, j, k, l]))
}

/// y = x ⋆ w + b.
pub fn conv2d(
    x: ArrayView3<f64>,
    w: ArrayView4<f64>,
    b: ArrayView1<f64>,
    params: ConvParams,
) -> Result<Array3<f64>, ConvError> {
    let g = check_shapes(x.shape(), &w, params)?;
    check_bias(&g, &b)?;
    let mut y = Array3::zeros(g.output_shape());
    for at in positions3(g.output_shape()) {
        y[at] = dot(b[at[0]], |v| walk_forward(&g, &x, &w, at, v));
    }
    Ok(y)
}

/// dL/dx, dL/dw, dL/db for an upstream gradient dy = dL/dy.
#[derive(Debug, Clone, PartialEq)]
pub struct ConvGrads {
    pub dx: Array3<f64>,
    pub dw: Array4<f64>,
    pub db: Array1<f64>,
}

/// The backward pass: dW = x ⋆ dY, dX = dY_up ⋆ flip(w) (full), db = Σ dY.
pub fn conv2d_backward(
    x: ArrayView3<f64>,
    w: ArrayView4<f64>,
    dy: ArrayView3<f64>,
    params: ConvParams,
) -> Result<ConvGrads, ConvError> {
    let g = check_shapes(x.shape(), &w, params)?;
    check_dy(&g, &dy)?;
    let mut dw = Array4::zeros(w.raw_dim());
    for at in positions4([g.c_out, g.c_in, g.kernel[0], g.kernel[1]]) {
        dw[at] = dot(0.0, |v| walk_grad_w(&g, &x, &dy, at, v));
    }
    let mut dx = Array3::zeros(x.raw_dim());
    for at in positions3([g.c_in, g.input[0], g.input[1]]) {
        dx[at] = dot(0.0, |v| walk_grad_x(&g, &w, &dy, at, v));
    }
    let db = Array1::from_iter((0..g.c_out).map(|co| dy.index_axis(ndarray::Axis(0), co).sum()));
    Ok(ConvGrads { dx, dw, db })
}

/// Position `i` of a row-major walk over `shape` (None past the end).
pub fn unravel<const N: usize>(shape: [usize; N], mut i: usize) -> Option<[usize; N]> {
    if i >= shape.iter().product() {
        return None;
    }
    let mut at = [0; N];
    for k in (0..N).rev() {
        at[k] = i % shape[k];
        i /= shape[k];
    }
    Some(at)
}

/// Output value `index` (row-major [co, oy, ox]) as a frame, computed when
/// asked: a lab holds one frame at a time, never the whole trace, so memory
/// stays at one frame however large the convolution.
pub fn forward_frame(
    x: ArrayView3<f64>,
    w: ArrayView4<f64>,
    b: ArrayView1<f64>,
    params: ConvParams,
    index: usize,
) -> Result<Option<Frame<[usize; 3]>>, ConvError> {
    let g = check_shapes(x.shape(), &w, params)?;
    check_bias(&g, &b)?;
    Ok(unravel(g.output_shape(), index).map(|at| frame(at, b[at[0]], |v| walk_forward(&g, &x, &w, at, v))))
}

/// dW value `index` (order [co, ci, ki, kj]) as a frame.
pub fn grad_w_frame(
    x: ArrayView3<f64>,
    w: ArrayView4<f64>,
    dy: ArrayView3<f64>,
    params: ConvParams,
    index: usize,
) -> Result<Option<Frame<[usize; 4]>>, ConvError> {
    let g = check_shapes(x.shape(), &w, params)?;
    check_dy(&g, &dy)?;
    let shape = [g.c_out, g.c_in, g.kernel[0], g.kernel[1]];
    Ok(unravel(shape, index).map(|at| frame(at, 0.0, |v| walk_grad_w(&g, &x, &dy, at, v))))
}

/// dX value `index` (order [ci, iy, ix]) as a frame.
pub fn grad_x_frame(
    x_shape: [usize; 3],
    w: ArrayView4<f64>,
    dy: ArrayView3<f64>,
    params: ConvParams,
    index: usize,
) -> Result<Option<Frame<[usize; 3]>>, ConvError> {
    let g = check_shapes(&x_shape, &w, params)?;
    check_dy(&g, &dy)?;
    Ok(unravel(x_shape, index).map(|at| frame(at, 0.0, |v| walk_grad_x(&g, &w, &dy, at, v))))
}

/// Every output value as a frame, in row-major order [co, oy, ox]. The lab
/// asks for one frame at a time (`forward_frame`); this whole trace is what
/// the golden and property tests and the benches hold those frames to.
pub fn forward_trace(
    x: ArrayView3<f64>,
    w: ArrayView4<f64>,
    b: ArrayView1<f64>,
    params: ConvParams,
) -> Result<Vec<Frame<[usize; 3]>>, ConvError> {
    let g = check_shapes(x.shape(), &w, params)?;
    check_bias(&g, &b)?;
    Ok(positions3(g.output_shape()).map(|at| frame(at, b[at[0]], |v| walk_forward(&g, &x, &w, at, v))).collect())
}

/// Every dW value as a frame (the input correlated with dY), order [co, ci, ki, kj].
/// The lab asks for one frame at a time (`grad_w_frame`); this whole trace
/// is what the golden and property tests hold those frames to.
pub fn grad_w_trace(
    x: ArrayView3<f64>,
    w: ArrayView4<f64>,
    dy: ArrayView3<f64>,
    params: ConvParams,
) -> Result<Vec<Frame<[usize; 4]>>, ConvError> {
    let g = check_shapes(x.shape(), &w, params)?;
    check_dy(&g, &dy)?;
    Ok(positions4([g.c_out, g.c_in, g.kernel[0], g.kernel[1]])
        .map(|at| frame(at, 0.0, |v| walk_grad_w(&g, &x, &dy, at, v)))
        .collect())
}

/// Every dX value as a frame (dY fully correlated with the flipped kernel),
/// order [ci, iy, ix].
pub fn grad_x_trace(
    x_shape: [usize; 3],
    w: ArrayView4<f64>,
    dy: ArrayView3<f64>,
    params: ConvParams,
) -> Result<Vec<Frame<[usize; 3]>>, ConvError> {
    let g = check_shapes(&x_shape, &w, params)?;
    check_dy(&g, &dy)?;
    Ok(positions3(x_shape).map(|at| frame(at, 0.0, |v| walk_grad_x(&g, &w, &dy, at, v))).collect())
}

/// The grid that dX's window slides over, for one output channel: dY spread
/// out by the stride (S−1 zeros between values), padded by D(K−1)−P in front
/// and D(K−1)−P+r behind (r: the remainder the stride left, see the module
/// notes), cropped where that is negative; every tap of `grad_x_trace` lands
/// on one of its H + D(K−1) rows.
#[derive(Debug, Clone, PartialEq)]
pub struct SpreadGrid {
    /// The spread coordinate (m = oy·S) of cell [0, 0]; cell [i, j] is m = origin + (i, j).
    pub origin: [isize; 2],
    pub values: Array2<f64>,
    /// None where the cell holds a dY value, else why it is zero.
    pub zero: Array2<Option<Zero>>,
}

pub fn spread_dy_grid(g: &ConvGeometry, dy: ArrayView3<f64>, co: usize) -> SpreadGrid {
    let p = &g.params;
    let lo = |a: usize| p.padding[a] as isize - (p.dilation[a] * (g.kernel[a] - 1)) as isize;
    let origin = [lo(0), lo(1)];
    let (rows, cols) = (g.input[0] + p.dilation[0] * (g.kernel[0] - 1), g.input[1] + p.dilation[1] * (g.kernel[1] - 1));
    let mut values = Array2::zeros((rows, cols));
    let mut zero = Array2::from_elem((rows, cols), None);
    for i in 0..rows {
        for j in 0..cols {
            let (mr, mc) = (origin[0] + i as isize, origin[1] + j as isize);
            match (spread(mr, p.stride[0], g.output[0]), spread(mc, p.stride[1], g.output[1])) {
                (Ok(oy), Ok(ox)) => values[[i, j]] = dy[[co, oy, ox]],
                (Err(Zero::Padding), _) | (_, Err(Zero::Padding)) => zero[[i, j]] = Some(Zero::Padding),
                _ => zero[[i, j]] = Some(Zero::StrideGap),
            }
        }
    }
    SpreadGrid { origin, values, zero }
}

/// w[co, ci] turned by 180°: flipped[i, j] = w[co, ci, KH−1−i, KW−1−j].
pub fn flipped_kernel(w: ArrayView4<f64>, co: usize, ci: usize) -> Array2<f64> {
    let k = w.index_axis(ndarray::Axis(0), co).index_axis(ndarray::Axis(0), ci).to_owned();
    let (kh, kw) = k.dim();
    Array2::from_shape_fn((kh, kw), |(i, j)| k[[kh - 1 - i, kw - 1 - j]])
}

/// A frame's products summed per channel of the `a` operand (the input
/// channel for forward and dW frames, the dY channel for dX frames), for
/// writing out multi-channel sums. `channels` is the number of channels.
pub fn channel_sums<P>(f: &Frame<P>, channels: usize) -> Vec<f64> {
    let mut sums = vec![0.0; channels];
    for t in &f.taps {
        if let Some(s) = sums.get_mut(t.a.index[0] as usize) {
            *s += t.product;
        }
    }
    sums
}

/// A slip in one forward output value that a learner may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueMistake {
    /// The kernel turned 180° (the textbook convolution; the layer correlates).
    FlippedKernel,
    /// Only this input channel's products summed.
    OneChannel(usize),
}

/// What each slip gives for a forward frame over `channels` input
/// channels, where that differs from the frame's value.
pub fn value_mistakes<P>(f: &Frame<P>, channels: usize) -> Vec<(ValueMistake, f64)> {
    let mut out = vec![];
    // The taps run channel by channel, each over the kernel row by row:
    // reversing a channel's weights is the kernel turned 180°.
    let per = f.taps.len() / channels.max(1);
    let flipped = f.start
        + f.taps
            .chunks(per.max(1))
            .map(|c| c.iter().zip(c.iter().rev()).map(|(x, w)| x.a.value * w.b.value).sum::<f64>())
            .sum::<f64>();
    out.push((ValueMistake::FlippedKernel, flipped));
    if channels > 1 {
        for (c, v) in channel_sums(f, channels).into_iter().enumerate() {
            out.push((ValueMistake::OneChannel(c), f.start + v));
        }
    }
    out.retain(|(_, v)| *v != f.value);
    out
}
