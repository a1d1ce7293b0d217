//! Large zeroed arrays whose memory is handed over in one call.
//!
//! A fresh zeroed array of more than about 128 KiB is memory the process has
//! never touched: the kernel maps it one 4 KiB page per fault as a loop first
//! writes it, about 1.7 µs a page on the machine measured (an LSTM sweep at
//! T = 500, H = 32 took about 350 such faults in its forward pass alone). On
//! Linux 5.14 and later, `madvise(MADV_POPULATE_WRITE)` maps the whole range
//! in one call instead, without the fault per page: the three sweeps of
//! `deepstep sweep` took 0.4 ms less. Elsewhere, and on older kernels (which
//! refuse the advice), the pages come as before. The contents are zeros
//! either way.

use ndarray::Array2;

/// Below this many bytes the pages (if any are fresh) cost less than the call.
const WORTH_IT: usize = 64 << 10;

/// `Array2::zeros(shape)`, its memory mapped in one call where the system can.
pub fn zeros(shape: (usize, usize)) -> Array2<f64> {
    let mut a = Array2::zeros(shape);
    if let Some(v) = a.as_slice_mut() {
        populate(v);
    }
    a
}

#[cfg(target_os = "linux")]
fn populate(v: &mut [f64]) {
    let bytes = std::mem::size_of_val(v);
    if bytes < WORTH_IT {
        return;
    }
    const PAGE: usize = 4096;
    let start = v.as_mut_ptr() as usize;
    // The whole pages inside the array (madvise takes page-aligned ranges).
    let (first, end) = (start.div_ceil(PAGE) * PAGE, (start + bytes) / PAGE * PAGE);
    if end > first {
        // SAFETY: the range lies inside `v`, which this function borrows
        // mutably; MADV_POPULATE_WRITE maps its pages as a write would and
        // changes no contents. An error (an old kernel) changes nothing.
        unsafe {
            libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_POPULATE_WRITE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn populate(_: &mut [f64]) {}
