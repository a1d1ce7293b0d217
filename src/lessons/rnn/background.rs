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

    /// A handle whose worker has already ended (what a dead thread leaves).
    #[cfg(test)]
    fn stopped() -> Background {
        let (requests, _) = channel();
        let (_, results) = channel();
        Background { requests, results, latest: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::rnn::lab::{Action, Computing};

    /// If the worker ever died, a knob change or a chart switch would say
    /// "computing…" for ever; instead the lab computes it on the spot, the
    /// same numbers as without a worker, and goes on without one.
    #[test]
    fn a_lab_whose_worker_has_gone_computes_on_the_spot() {
        let s = RnnSettings { len: 12, ..Default::default() };
        let mut lab = RnnLab::new(s.clone()).unwrap();
        lab.background = Some(Background::stopped());
        lab.update(Action::KnobInc);
        assert!(matches!(lab.computing, Some(Computing::Run(_))));
        lab.update(Action::Poll);
        assert!(lab.background.is_none() && lab.computing.is_none());
        let want = RnnLab::build(lab.settings.clone(), lab.chart).unwrap();
        assert_ne!(lab.settings, s);
        assert_eq!(lab.dh_log10, want.dh_log10);
        // A chart's series, asked of a dead worker.
        lab.background = Some(Background::stopped());
        lab.update(Action::CycleChart);
        assert_eq!(lab.computing, Some(Computing::Series));
        lab.update(Action::Poll);
        assert!(lab.background.is_none() && lab.computing.is_none());
        assert!(!lab.charts.lacks(lab.chart));
    }
}
