//! Tests of `deepstep::math::fresh` (`src/math/fresh.rs`).

use deepstep::math::fresh::zeros;

#[test]
fn fresh_arrays_are_zeros_of_their_shape_and_writable() {
    // Below the size worth a call, just above it, large, and empty.
    for shape in [(3, 4), (8, 1024), (1001, 257), (0, 5), (5, 0)] {
        let mut a = zeros(shape);
        assert_eq!(a.dim(), shape);
        assert!(a.iter().all(|v| *v == 0.0), "{shape:?}");
        a.fill(1.5);
        assert_eq!(a.sum(), 1.5 * (shape.0 * shape.1) as f64, "{shape:?}");
    }
}

/// Minor page faults taken by this thread so far.
#[cfg(target_os = "linux")]
fn thread_faults() -> i64 {
    // SAFETY: getrusage fills the struct it is given and nothing else.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_THREAD, &mut u);
        u.ru_minflt
    }
}

#[cfg(target_os = "linux")]
#[test]
fn fresh_memory_is_mapped_before_it_is_written() {
    // MADV_POPULATE_WRITE is Linux 5.14's; before it the advice is refused
    // and the pages fault in as they are written, as they always did.
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let mut parts = release.split(|c: char| !c.is_ascii_digit()).filter_map(|p| p.parse::<u32>().ok());
    if (parts.next().unwrap_or(0), parts.next().unwrap_or(0)) < (5, 14) {
        return;
    }
    // 64 MiB: above any size glibc serves from memory it already has, so
    // these pages are new to the process (16,384 of them).
    let mut a = zeros((8192, 1024));
    let before = thread_faults();
    a.fill(1.0);
    let taken = thread_faults() - before;
    assert!(taken < 64, "{taken} page faults writing 64 MiB of fresh memory");
    assert_eq!(a[(8191, 1023)], 1.0);
}
