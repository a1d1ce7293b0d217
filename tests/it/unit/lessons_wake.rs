//! Tests of `deepstep::lessons::wake` (`src/lessons/wake.rs`).

use deepstep::lessons::wake::{Wait, Woke, wake};
use std::io::Write;
use std::os::fd::AsRawFd;
use std::time::Duration;

#[test]
fn a_wait_ends_on_a_workers_wake_on_input_or_at_its_time() {
    let (input, mut typed) = std::io::pipe().unwrap();
    let wait = Wait::with_input(input.as_raw_fd(), None).unwrap();
    assert_eq!(wait.wait(Duration::from_millis(10)).unwrap(), Woke::Timeout);
    // A worker on another thread: the wait ends when it wakes, long before
    // its own time (an hour) would.
    let worker = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(20));
        wake();
        wake();
    });
    assert_eq!(wait.wait(Duration::from_secs(3600)).unwrap(), Woke::Worker);
    worker.join().unwrap();
    // Both wakes were taken at once: the next wait waits again.
    assert_eq!(wait.wait(Duration::from_millis(10)).unwrap(), Woke::Timeout);
    typed.write_all(b"q").unwrap();
    assert_eq!(wait.wait(Duration::from_secs(3600)).unwrap(), Woke::Input);
    drop(input);
}
