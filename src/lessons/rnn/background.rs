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

use super::lab::{Chart, ChartData, RnnLab};
use super::settings::{RnnRun, RnnSettings, SettingError};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// What the worker is asked to compute.
pub enum Job {
    /// The whole lab for new settings, with the series `Chart` needs.
    Build(RnnSettings, Chart),
    /// The series a chart needs, for the run the lab already shows.
    Series(RnnSettings, Arc<RnnRun>, ChartData, Chart),
}

/// What `take` finds.
pub enum Taken {
    /// The newest result has not arrived yet.
    Nothing,
    Done(Done),
    /// The worker has ended without answering: the lab computes on the spot.
    Gone,
}

/// What comes back.
pub enum Done {
    Built(Result<Box<RnnLab>, SettingError>),
    Series(Result<ChartData, SettingError>),
}

/// The worker thread's handle: requests out, results in. Dropping it ends
/// the thread (after the computation under way, at most one run's time).
pub struct Background {
    requests: Sender<(u64, Job)>,
    results: Receiver<(u64, Done)>,
    /// The generation of the newest request; older results are stale.
    latest: u64,
}

impl std::fmt::Debug for Background {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Background").field("latest", &self.latest).finish()
    }
}

fn compute(job: Job) -> Done {
    match job {
        Job::Build(s, chart) => Done::Built(RnnLab::build(s, chart).map(Box::new)),
        Job::Series(s, run, mut charts, chart) => {
            Done::Series(super::lab::fill_series(&mut charts, &s, &run, chart).map(|_| charts))
        }
    }
}

impl Background {
    pub fn start() -> Background {
        let (requests, inbox) = channel::<(u64, Job)>();
        let (out, results) = channel();
        std::thread::spawn(move || {
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
            }
        });
        Background { requests, results, latest: 0 }
    }

    /// Ask for `job`; whatever was asked before is now stale.
    pub fn ask(&mut self, job: Job) {
        self.latest += 1;
        // A worker that has gone (it cannot panic on valid settings) drops the
        // request; `take` then says `Gone` and the lab computes it itself.
        let _ = self.requests.send((self.latest, job));
    }

    /// The newest request's result, once it has arrived (stale ones are
    /// dropped), or `Gone` if the worker has ended before sending it.
    pub fn take(&mut self) -> Taken {
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
    pub fn stopped() -> Background {
        let (requests, _) = channel();
        let (_, results) = channel();
        Background { requests, results, latest: 0 }
    }
}
