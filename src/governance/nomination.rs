//! Nominations: "Becoming a Maintainer" and filling a TSC seat, as pure rules. "1. An existing
//! maintainer nominates a contributor. 2. The nominee confirms their interest. 3. TSC members
//! discuss and vote privately. 4. With a supermajority approval, the contributor becomes a
//! maintainer." The TSC "consists of core maintainers" and "approves new maintainers": its seats
//! are filled the same way, a TSC member nominating a maintainer.
//!
//! [`transition`] (in `nomination_steps.rs`) is the whole life of a nomination: every step of the document is an
//! [`Event`], every refusal a [`Refusal`] a member is shown, and what a step makes happen is a
//! list of [`Effect`]s that `app` carries out in the same transaction.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::policy::Policy;
use super::roles::{GovRole, RoleSet};
use super::text::{self, TextError};

/// Longest statement, in characters (it is shown whole in one embed).
pub const STATEMENT_MAX: usize = 2000;
/// Longest list of links to the nominee's work, in characters (one embed field).
pub const LINKS_MAX: usize = 1000;
/// Longest area of focus, in characters (the roster's limit).
pub const AREA_MAX: usize = 100;

/// The office a member is nominated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    Maintainer,
    Tsc,
}

impl Office {
    pub const ALL: [Office; 2] = [Self::Maintainer, Self::Tsc];

    /// The stable name stored and typed (`office:tsc`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Maintainer => "maintainer",
            Self::Tsc => "tsc",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.key() == key)
    }

    /// The governance role the office grants.
    pub fn role(self) -> GovRole {
        match self {
            Self::Maintainer => GovRole::Maintainer,
            Self::Tsc => GovRole::Tsc,
        }
    }
}

/// Where a nomination stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// `/nominate member` ran; the statement form has not been submitted yet.
    Draft,
    /// "The nominee confirms their interest": asked by DM, until the confirmation deadline.
    AwaitingConsent,
    /// The nominee accepted; the TSC's private place is being prepared.
    Accepted,
    /// "TSC members discuss and vote privately": the secret ballot is open.
    Voting,
    /// "With a supermajority approval, the contributor becomes a maintainer."
    Approved,
    Rejected,
    /// Too few TSC members voted.
    NoQuorum,
    /// The nominee said no.
    Declined,
    /// The nominee did not answer in time.
    Expired,
    /// The TSC cancelled its ballot.
    Withdrawn,
    /// The nominee left the server.
    Left,
}

impl State {
    pub const ALL: [State; 11] = [
        Self::Draft,
        Self::AwaitingConsent,
        Self::Accepted,
        Self::Voting,
        Self::Approved,
        Self::Rejected,
        Self::NoQuorum,
        Self::Declined,
        Self::Expired,
        Self::Withdrawn,
        Self::Left,
    ];

    /// The stable name stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::AwaitingConsent => "awaiting_consent",
            Self::Accepted => "accepted",
            Self::Voting => "voting",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::NoQuorum => "no_quorum",
            Self::Declined => "declined",
            Self::Expired => "expired",
            Self::Withdrawn => "withdrawn",
            Self::Left => "left",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Submitted and not yet ended: at most one per member (the database enforces it too).
    pub fn is_open(self) -> bool {
        matches!(self, Self::AwaitingConsent | Self::Accepted | Self::Voting)
    }

    /// Ended, one way or another.
    pub fn is_closed(self) -> bool {
        !self.is_open() && self != Self::Draft
    }

    /// Endings after which the same member waits `renomination_days` before being nominated
    /// again for the same office: the TSC said no (or did not decide), or the nominee did.
    pub fn starts_cooldown(self) -> bool {
        matches!(self, Self::Rejected | Self::NoQuorum | Self::Declined)
    }
}

/// Why a nomination or one of its steps was refused; each is a message the member reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("a member cannot nominate themselves")]
    SelfNomination,
    #[error("a bot cannot be nominated")]
    Bot,
    #[error("the nominee already holds the office")]
    AlreadyHolds(Office),
    #[error("the nominee is not a contributor")]
    NotContributor,
    #[error("a TSC seat is for a maintainer")]
    NotMaintainer,
    #[error("the guild maps no role for the office")]
    RoleNotMapped(Office),
    #[error("the nominee is no longer a member of the server")]
    NotInServer,
    #[error("the guild has no private TSC channel")]
    NoPrivatePlace,
    #[error("the nominee already has an open nomination")]
    AlreadyOpen,
    #[error("nominated too recently")]
    TooSoon { until: DateTime<Utc> },
    #[error("the statement is empty")]
    StatementEmpty,
    #[error("the statement is too long")]
    StatementTooLong,
    #[error("the links are empty")]
    LinksEmpty,
    #[error("the links are too long")]
    LinksTooLong,
    #[error("the area of focus is too long")]
    AreaTooLong,
    #[error("the nomination no longer waits for this step")]
    OutOfOrder,
    #[error("the time to confirm has passed")]
    ConsentExpired,
    #[error("the confirmation deadline has not come yet")]
    NotYet,
}

/// What the rules need to know of a proposed nominee, as Discord shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nominee {
    pub member_id: u64,
    pub bot: bool,
    /// The governance roles their Discord roles map to.
    pub roles: RoleSet,
}

/// Which governance roles the guild maps to a Discord role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mapping {
    pub maintainer: bool,
    pub contributor: bool,
    /// A private TSC channel is configured (nominations never fall back to a public one).
    pub private_channel: bool,
}

/// Whether the guild can run a nomination for `office` at all.
pub fn check_guild(office: Office, mapping: Mapping) -> Result<(), Refusal> {
    if !mapping.private_channel {
        return Err(Refusal::NoPrivatePlace);
    }
    if office == Office::Maintainer && !mapping.maintainer {
        return Err(Refusal::RoleNotMapped(office));
    }
    Ok(())
}

/// Whether `nominee` may be nominated for `office` by `nominator`: not themselves, a person,
/// not in the office already ("TSC members are maintainers too"), and eligible: a contributor
/// for a maintainer seat (where the guild maps a contributor role), a maintainer for a TSC seat
/// (where it maps a maintainer role).
pub fn check_nominee(
    nominator: u64,
    nominee: &Nominee,
    office: Office,
    mapping: Mapping,
) -> Result<(), Refusal> {
    if nominator == nominee.member_id {
        return Err(Refusal::SelfNomination);
    }
    if nominee.bot {
        return Err(Refusal::Bot);
    }
    already_holds(&nominee.roles, office)?;
    match office {
        Office::Maintainer if mapping.contributor && !nominee.roles.has(GovRole::Contributor) => {
            Err(Refusal::NotContributor)
        }
        Office::Tsc if mapping.maintainer && !nominee.roles.has(GovRole::Maintainer) => {
            Err(Refusal::NotMaintainer)
        }
        _ => Ok(()),
    }
}

/// A member who holds the office (or, for a maintainer seat, sits on the TSC) is not nominated.
pub fn already_holds(roles: &RoleSet, office: Office) -> Result<(), Refusal> {
    let holds = match office {
        Office::Maintainer => roles.has(GovRole::Maintainer) || roles.has(GovRole::Tsc),
        Office::Tsc => roles.has(GovRole::Tsc),
    };
    if holds {
        Err(Refusal::AlreadyHolds(office))
    } else {
        Ok(())
    }
}

/// One open nomination per member, and after a nomination for the same office ended in a
/// rejection, no quorum or a decline, a wait of `renomination_days`.
pub fn check_timing(
    open: bool,
    last_ended: Option<(State, DateTime<Utc>)>,
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    if open {
        return Err(Refusal::AlreadyOpen);
    }
    if let Some((state, at)) = last_ended
        && state.starts_cooldown()
    {
        let until = at + Duration::days(i64::from(policy.renomination_days));
        if now < until {
            return Err(Refusal::TooSoon { until });
        }
    }
    Ok(())
}

/// The nominator's statement against the document's qualities, trimmed and bounded.
pub fn validate_statement(statement: &str) -> Result<String, Refusal> {
    text::visible(statement, STATEMENT_MAX).map_err(|e| match e {
        TextError::Empty => Refusal::StatementEmpty,
        TextError::TooLong => Refusal::StatementTooLong,
    })
}

/// Links to the nominee's work.
pub fn validate_links(links: &str) -> Result<String, Refusal> {
    text::visible(links, LINKS_MAX).map_err(|e| match e {
        TextError::Empty => Refusal::LinksEmpty,
        TextError::TooLong => Refusal::LinksTooLong,
    })
}

/// The area of focus recorded in the roster on approval; optional.
pub fn validate_area(area: Option<&str>) -> Result<Option<String>, Refusal> {
    text::optional(area.unwrap_or(""), AREA_MAX).map_err(|_| Refusal::AreaTooLong)
}

#[path = "nomination_steps.rs"]
mod steps;
pub use steps::{Effect, Event, Facts, Note, transition};

#[cfg(test)]
#[path = "nomination_tests.rs"]
mod tests;
