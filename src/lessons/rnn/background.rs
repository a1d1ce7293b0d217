//! The RNN lab's background worker: at the largest settings (T = 1000,
//! H = 64) one run takes tens of milliseconds and the comparison charts
//! several runs, more than a 60 Hz frame. In the app a knob change or a
//! chart switch is sent here instead of computed on the spot, so keys and
//! frames never wait: the lab keeps showing the previous run, marked as
//! computing, until the new one arrives.
//!
//! Only the newest request matters: the worker skips requests a newer one
//! has replaced before starting them, and the lab drops any result whose
//! generation is not the last one it asked for.

use crate::lessons::lesson::Task;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// What `take` finds.
pub enum Taken<D> {
    /// The newest result has not arrived yet.
    Nothing,
    Done(D),
    /// The worker has ended without answering: the lab computes on the spot.
    Gone,
}

/// The worker thread's handle: jobs `J` out, results `D` in (the lab says
/// what they are and how one is computed, so this knows no lab). Dropping
/// it ends the thread (after the computation under way, at most one run's
/// time).
pub struct Background<J, D> {
    requests: Sender<(u64, J)>,
    results: Receiver<(u64, D)>,
    /// The generation of the newest request; older results are stale.
    latest: u64,
}

impl<J, D> std::fmt::Debug for Background<J, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Background").field("latest", &self.latest).finish()
    }
}

impl<J: Send + 'static, D: Send + 'static> Background<J, D> {
    /// A worker that answers each job with `compute(job)`, and the loop
    /// its thread runs (for the shell to start: `Effect::Spawn`; until it
    /// does, requests wait).
    pub fn new(compute: fn(J) -> D) -> (Background<J, D>, Task) {
        let (requests, inbox) = channel::<(u64, J)>();
        let (out, results) = channel();
        let task = Task::new(move || {
            while let Ok(mut next) = inbox.recv() {
                // Skip what a newer request has already replaced.
                loop {
                    match inbox.try_recv() {
                        Ok(newer) => next = newer,
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => return,
                    }
                }
                let (generation, job) = next;
                if out.send((generation, compute(job))).is_err() {
                    return;
                }
                // The loop takes it now, not at its next tick.
                crate::lessons::wake::wake();
            }
        });
        (Background { requests, results, latest: 0 }, task)
    }

    /// Ask for `job`; whatever was asked before is now stale.
    pub fn ask(&mut self, job: J) {
        self.latest += 1;
        // A worker that has gone (it cannot panic on valid settings) drops the
        // request; `take` then says `Gone` and the lab computes it itself.
        let _ = self.requests.send((self.latest, job));
    }

    /// The newest request's result, once it has arrived (stale ones are
    /// dropped), or `Gone` if the worker has ended before sending it.
    pub fn take(&mut self) -> Taken<D> {
        loop {
            match self.results.try_recv() {
                Ok((generation, done)) if generation == self.latest => return Taken::Done(done),
                Ok(_) => {}
                Err(TryRecvError::Empty) => return Taken::Nothing,
                Err(TryRecvError::Disconnected) => return Taken::Gone,
            }
        }
    }

    /// A handle whose worker has already ended (what a dead thread leaves;
    /// the tests give it to a lab).
    pub fn stopped() -> Background<J, D> {
        let (requests, _) = channel();
        let (_, results) = channel();
        Background { requests, results, latest: 0 }
    }
}
