//! The steps of a nomination: every event of the document, what each makes happen, and the
//! one [`transition`] from a state to the next. Part of [`super`] (`governance::nomination`).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{Office, Refusal, State};
use crate::governance::ballot::Outcome;
use crate::governance::policy::Policy;

/// Something that happens to a nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The nominator submitted the statement form.
    Submit,
    /// The nominee accepted (the DM's button, or `/nominate respond`).
    Accept,
    Decline,
    /// The confirmation deadline came (a job).
    Expire,
    /// The consent DM could not be delivered (closed DMs).
    ConsentDmFailed,
    /// The TSC's private place and the nomination's card exist.
    PlaceReady,
    /// The TSC's ballot closed.
    Decided(Outcome),
    /// The nominee left the server.
    NomineeLeft,
}

/// Who is told what, apart from the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    Accepted,
    Declined,
    Expired,
    /// The nominee's DMs are closed: they can answer with `/nominate respond`.
    DmClosed,
    /// The ballot's outcome (the nomination's state says which).
    Decided,
    Left,
    /// The outcome DM could not be delivered: the TSC tells the nominee itself.
    OutcomeUndelivered,
}

impl Note {
    pub fn key(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Expired => "expired",
            Self::DmClosed => "dm-closed",
            Self::Decided => "decided",
            Self::Left => "left",
            Self::OutcomeUndelivered => "outcome-undelivered",
        }
    }
}

/// What a step makes happen, carried out by `app` in the step's transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The consent DM with the statement and Accept / Decline.
    InviteNominee,
    /// The confirmation deadline, and the job that ends the nomination then.
    ScheduleExpiry(DateTime<Utc>),
    /// The TSC's private thread (or its channel) and the nomination's card in it.
    PreparePlace,
    /// The secret TSC ballot, in the private place.
    OpenBallot,
    /// Withdraw the open ballot (its question is moot).
    CloseBallot,
    /// Edit the card to the nomination's latest state.
    RefreshCard,
    /// Grant the office's Discord role (and record it in the roster).
    GrantRole(Office),
    /// Record the area of focus in the roster.
    RecordArea,
    /// The welcome in the announcement channel: the only public trace of a nomination.
    Welcome,
    /// The outcome DM to the nominee (thanks, or the concerns without their authors).
    TellNominee,
    TellNominator(Note),
    /// A note in the TSC's private channel.
    TellTsc(Note),
    /// The decision log; public only for an approval.
    Record {
        public: bool,
    },
    /// Forget the statement and links: a closed nomination keeps no member text.
    Purge,
}

/// What the transition needs to know about the nomination beyond its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub office: Office,
    /// When the nominee's confirmation is due (set on submission).
    pub confirm_by: Option<DateTime<Utc>>,
}

/// The life of a nomination: from `state`, `event` leads to a new state and its effects, or
/// is refused.
pub fn transition(
    state: State,
    event: Event,
    facts: Facts,
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<(State, Vec<Effect>), Refusal> {
    use Effect::*;
    // Every ending is told to the TSC, recorded (privately), and forgets the member text.
    let ended = |note: Note, nominator: bool| {
        let mut effects = vec![TellTsc(note), Record { public: false }, Purge];
        if nominator {
            effects.insert(0, TellNominator(note));
        }
        effects
    };
    let in_time = facts.confirm_by.is_some_and(|by| now < by);
    Ok(match (state, event) {
        (State::Draft, Event::Submit) => {
            let by = now + Duration::days(i64::from(policy.nomination_confirm_days));
            (
                State::AwaitingConsent,
                vec![InviteNominee, ScheduleExpiry(by)],
            )
        }
        (State::AwaitingConsent, Event::Accept) if in_time => (
            State::Accepted,
            vec![PreparePlace, TellNominator(Note::Accepted)],
        ),
        (State::AwaitingConsent, Event::Accept) => return Err(Refusal::ConsentExpired),
        (State::AwaitingConsent, Event::Decline) => (State::Declined, ended(Note::Declined, true)),
        (State::AwaitingConsent, Event::Expire) if !in_time => {
            (State::Expired, ended(Note::Expired, true))
        }
        (State::AwaitingConsent, Event::Expire) => return Err(Refusal::NotYet),
        (State::AwaitingConsent, Event::ConsentDmFailed) => (
            State::AwaitingConsent,
            vec![TellTsc(Note::DmClosed), TellNominator(Note::DmClosed)],
        ),
        (State::Accepted, Event::PlaceReady) => (State::Voting, vec![OpenBallot, RefreshCard]),
        (State::Voting, Event::Decided(outcome)) => {
            let next = match outcome {
                Outcome::Approved => State::Approved,
                Outcome::Rejected => State::Rejected,
                Outcome::NoQuorum => State::NoQuorum,
                Outcome::Cancelled => State::Withdrawn,
            };
            let approved = next == State::Approved;
            let mut effects = if approved {
                vec![GrantRole(facts.office), RecordArea, Welcome]
            } else {
                vec![]
            };
            effects.extend([
                TellNominee,
                RefreshCard,
                TellTsc(Note::Decided),
                Record { public: approved },
                Purge,
            ]);
            (next, effects)
        }
        (State::AwaitingConsent, Event::NomineeLeft) => (State::Left, ended(Note::Left, true)),
        (State::Accepted, Event::NomineeLeft) => {
            let mut effects = vec![RefreshCard];
            effects.extend(ended(Note::Left, true));
            (State::Left, effects)
        }
        (State::Voting, Event::NomineeLeft) => {
            let mut effects = vec![CloseBallot, RefreshCard];
            effects.extend(ended(Note::Left, true));
            (State::Left, effects)
        }
        _ => return Err(Refusal::OutOfOrder),
    })
}

#[cfg(test)]
#[path = "nomination_steps_tests.rs"]
mod tests;
