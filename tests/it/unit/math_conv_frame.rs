//! Tests of `deepstep::math::conv::frame` (`src/math/conv/frame.rs`).

use deepstep::math::conv::ConvGeometry;
use deepstep::math::conv::*;
use ndarray::Array3;

#[test]
fn dx_padding_is_what_the_spread_grid_lays_out() {
    let p = |s, pad, d| ConvParams { stride: [s, s], padding: [pad, pad], dilation: [d, d] };
    // (H, K, S, P, D): even padding, the remainder at the end, a crop (P > D(K−1)), dilation.
    for (h, k, s, pad, d) in [(5, 3, 1, 0, 1), (6, 3, 2, 0, 1), (7, 2, 2, 2, 1), (8, 3, 3, 1, 2), (6, 3, 2, 3, 1)] {
        let g = ConvGeometry::new([1, h, h], [1, 1, k, k], p(s, pad, d)).unwrap();
        let dy = Array3::ones(g.output_shape());
        let grid = spread_dy_grid(&g, dy.view(), 0);
        let (before, after) = g.dx_padding(0);
        let padding_rows = |rows: &mut dyn Iterator<Item = usize>| {
            rows.take_while(|&i| grid.zero.row(i).iter().all(|z| *z == Some(Zero::Padding))).count() as isize
        };
        let lead = padding_rows(&mut (0..grid.zero.nrows()));
        let trail = padding_rows(&mut (0..grid.zero.nrows()).rev());
        assert_eq!((lead, trail), (before.max(0), after.max(0)), "{h} {k} {s} {pad} {d}");
        // Cropped: the grid starts that far into the spread dY.
        assert_eq!(grid.origin[0], -before, "{h} {k} {s} {pad} {d}");
        assert_eq!(after - before, g.floor_parts(0).remainder as isize);
    }
}

#[test]
fn the_floor_leaves_the_remainder_unread() {
    let p = |s, pad, d| ConvParams { stride: [s, s], padding: [pad, pad], dilation: [d, d] };
    // 6×6, K = 3, S = 2: ⌊3/2⌋ = 1, remainder 1: the last row and column are never read.
    let g = ConvGeometry::new([1, 6, 6], [1, 1, 3, 3], p(2, 0, 1)).unwrap();
    assert_eq!(g.floor_parts(0), FloorParts { n: 3, stride: 2, quotient: 1, remainder: 1 });
    assert_eq!((g.unread(0), g.unread(1)), (vec![5], vec![5]));
    // 7×7 with the same kernel and stride fits exactly.
    let g = ConvGeometry::new([1, 7, 7], [1, 1, 3, 3], p(2, 0, 1)).unwrap();
    assert_eq!((g.floor_parts(0).remainder, g.unread(0)), (0, vec![]));
    // Stride 3 over 8 with K = 2: windows at 0 and 3 and 6 read 0,1,3,4,6,7: 2 and 5 are holes.
    let g = ConvGeometry::new([1, 8, 8], [1, 1, 2, 2], p(3, 0, 1)).unwrap();
    assert_eq!(g.unread(1), vec![2, 5]);
    // Padding: n = 7 + 2 − 1 − 1 = 7, S = 4: r = 3. Windows start at padded 0
    // and 4 and read input −1, 0, 3, 4: rows 1, 2 (between) and 5, 6 (the remainder).
    let g = ConvGeometry::new([1, 7, 7], [1, 1, 2, 2], p(4, 1, 1)).unwrap();
    assert_eq!(g.floor_parts(0), FloorParts { n: 7, stride: 4, quotient: 1, remainder: 3 });
    assert_eq!(g.unread(0), vec![1, 2, 5, 6]);
    // Dilation 3 with two windows (taps 0, 3 and 1, 4) leaves a hole at 2, with no remainder.
    let g = ConvGeometry::new([1, 5, 5], [1, 1, 2, 2], p(1, 0, 3)).unwrap();
    assert_eq!((g.floor_parts(0).remainder, g.unread(0)), (0, vec![2]));
}
