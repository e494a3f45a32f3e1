//! How long the bot takes to answer an interaction, measured on its own side: from the moment
//! INTERACTION_CREATE reaches it to the moment its answer (or its "thinking…" deferral) is sent.
//! Discord refuses an answer after 3 s; a slow one is logged for operators, and the end-to-end
//! tests read the figures (`Running::latency`) instead of timing the simulator and the test too.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

/// Discord's limit for the first answer.
pub const DISCORD_LIMIT: Duration = Duration::from_secs(3);
/// An answer slower than this is logged at WARN: close to Discord's limit.
pub const WARN_AFTER: Duration = Duration::from_millis(2500);
/// Interactions are valid for 15 minutes: one still unanswered after that never will be.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// How often interactions never answered are forgotten.
const SWEEP_EVERY: Duration = Duration::from_secs(60);
/// How many recent answers are kept for [`Latency::of`].
const KEPT: usize = 10_000;

/// The bot's answer times, shared by the event handler, the commands and the runtime.
#[derive(Clone, Default)]
pub struct Latency {
    inner: Arc<Mutex<Figures>>,
}

#[derive(Default)]
struct Figures {
    /// Received, not answered yet: when and what (a command, a button, a form).
    pending: HashMap<u64, (Instant, &'static str)>,
    /// When the pending interactions were last swept of those never answered: once a minute,
    /// not on every arrival (a burst would scan them all each time).
    swept: Option<Instant>,
    /// The latest answers, oldest first.
    recent: VecDeque<(u64, Duration)>,
    count: u64,
    slowest: Duration,
}

impl Latency {
    fn lock(&self) -> MutexGuard<'_, Figures> {
        // A panic elsewhere while holding the lock leaves figures that are still usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// An interaction reached the bot now.
    pub fn received(&self, interaction_id: u64, kind: &'static str) {
        let now = Instant::now();
        let mut f = self.lock();
        if f.swept
            .is_none_or(|at| now.duration_since(at) >= SWEEP_EVERY)
        {
            f.pending
                .retain(|_, (at, _)| now.duration_since(*at) < FORGET_AFTER);
            f.swept = Some(now);
        }
        f.pending.insert(interaction_id, (now, kind));
    }

    /// The first answer to an interaction was sent, or tried (a refused answer took its time
    /// too); later calls for it change nothing.
    pub fn answered(&self, interaction_id: u64) {
        let mut f = self.lock();
        let Some((at, kind)) = f.pending.remove(&interaction_id) else {
            return;
        };
        let took = at.elapsed();
        f.count += 1;
        f.slowest = f.slowest.max(took);
        if f.recent.len() == KEPT {
            f.recent.pop_front();
        }
        f.recent.push_back((interaction_id, took));
        drop(f);
        if took > WARN_AFTER {
            // Ids and times only: never the member's text or the interaction's token.
            tracing::warn!(
                interaction_id,
                kind,
                answered_ms = took.as_millis() as u64,
                limit_ms = DISCORD_LIMIT.as_millis() as u64,
                "an interaction was answered close to or after Discord's limit"
            );
        }
    }

    /// How many interactions were answered since start-up.
    pub fn count(&self) -> u64 {
        self.lock().count
    }

    /// The slowest answer since start-up.
    pub fn slowest(&self) -> Duration {
        self.lock().slowest
    }

    /// How long the answer to this interaction took, if it was answered (among the latest).
    pub fn of(&self, interaction_id: u64) -> Option<Duration> {
        self.lock()
            .recent
            .iter()
            .rev()
            .find(|(id, _)| *id == interaction_id)
            .map(|(_, took)| *took)
    }
}

/// serenity's framework slot, holding poise's: every interaction is stamped as it arrives,
/// before poise or the event handler does anything with it.
pub struct Stamped<F> {
    pub inner: F,
    pub latency: Latency,
}

#[serenity::async_trait]
impl<F: serenity::Framework> serenity::Framework for Stamped<F> {
    async fn init(&mut self, client: &serenity::Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        if let serenity::FullEvent::InteractionCreate { interaction } = &event {
            let stamped = match interaction {
                serenity::Interaction::Command(i) => Some((i.id, "command")),
                serenity::Interaction::Component(i) => Some((i.id, "button")),
                serenity::Interaction::Modal(i) => Some((i.id, "form")),
                // Autocomplete has no 3 s answer to measure.
                _ => None,
            };
            if let Some((id, kind)) = stamped {
                self.latency.received(id.get(), kind);
            }
        }
        self.inner.dispatch(ctx, event).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_answer_counts() {
        let latency = Latency::default();
        latency.received(7, "button");
        std::thread::sleep(Duration::from_millis(20));
        latency.answered(7);
        let first = latency.of(7).expect("answered");
        assert!(first >= Duration::from_millis(20), "{first:?}");
        std::thread::sleep(Duration::from_millis(20));
        latency.answered(7);
        assert_eq!(latency.of(7), Some(first));
        assert_eq!(latency.count(), 1);
        assert_eq!(latency.slowest(), first);
        // Never received (autocomplete): nothing to count.
        latency.answered(8);
        assert_eq!(latency.of(8), None);
        assert_eq!(latency.count(), 1);
    }
}
