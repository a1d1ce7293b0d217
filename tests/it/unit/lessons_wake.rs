//! Tests of `deepstep::lessons::wake` (`src/lessons/wake.rs`).
//!
//! The waker is the process's: other tests' workers (the RNN lab's, the
//! practice screen's) write to it too while these run, so a wait here may
//! end early with `Worker`. The tests say what must happen whatever else
//! wakes it.

use deepstep::lessons::wake::{Wait, Woke, wake};
use std::io::Write;
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

#[test]
fn a_wait_ends_on_a_workers_wake_on_input_or_at_its_time() {
    let (input, mut typed) = std::io::pipe().unwrap();
    let wait = Wait::with_input(input.as_raw_fd(), None).unwrap();
    // Nothing typed: a short wait ends at its time or by a worker, never
    // as input.
    assert_ne!(wait.wait(Duration::from_millis(10)).unwrap(), Woke::Input);
    // A worker on another thread: the wait ends when it wakes, long before
    // its own time (an hour) would.
    let started = Instant::now();
    let worker = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(20));
        wake();
    });
    assert_eq!(wait.wait(Duration::from_secs(3600)).unwrap(), Woke::Worker);
    worker.join().unwrap();
    assert!(started.elapsed() < Duration::from_secs(600));
    // Typed input ends a wait as input (after any wakes still pending).
    typed.write_all(b"q").unwrap();
    let mut woke = wait.wait(Duration::from_secs(3600)).unwrap();
    while woke == Woke::Worker {
        woke = wait.wait(Duration::from_secs(3600)).unwrap();
    }
    assert_eq!(woke, Woke::Input);
    drop(input);
}
