//! Which injected faults a request meets (the routes ask before handling it).

use std::time::Duration;

use super::State;
use crate::faults::FaultKind;

impl State {
    /// The faults a request meets: the first matching delay (it does not consume a count) and the
    /// first matching counted fault; each one applied loses a count, used-up faults are removed.
    pub(crate) fn take_faults(
        &mut self,
        method: &str,
        path: &str,
    ) -> (Option<Duration>, Option<FaultKind>) {
        let mut delay = None;
        let mut fault = None;
        for f in self.faults.iter_mut() {
            if !f.route.matches(method, path) || f.remaining == Some(0) {
                continue;
            }
            match &f.kind {
                FaultKind::Delay(d) => {
                    if delay.is_none() {
                        delay = Some(*d);
                        if let Some(n) = f.remaining.as_mut() {
                            *n -= 1;
                        }
                    }
                }
                k => {
                    if fault.is_none() {
                        fault = Some(k.clone());
                        if let Some(n) = f.remaining.as_mut() {
                            *n -= 1;
                        }
                    }
                }
            }
        }
        self.faults.retain(|f| f.remaining != Some(0));
        (delay, fault)
    }
}
