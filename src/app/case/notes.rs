//! What the bot tells a case's thread and its reporter: the payloads of the case notices in
//! the outbox (their words are rendered from the case when delivered).

use serde::{Deserialize, Serialize};

/// What a note in a case's thread says (its text is rendered from the case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum CaseNote {
    /// A party asks to move on before the period ends; the other is asked to agree.
    EscalationAsked {
        by: u64,
        other: u64,
    },
    /// Maintainers were asked for a mediator.
    MediationRequested,
    MediatorJoined {
        mediator: u64,
    },
    /// The case is before the TSC, whose members joined the thread.
    WithTsc,
    /// The TSC's final decision, told to the parties.
    Decided,
    /// The TSC did not approve the decision proposed; another may be proposed.
    DecisionRejected,
    /// A party marked the conflict resolved.
    ResolvedByParty {
        by: u64,
    },
    /// The TSC recorded its response to a conduct report.
    Responded {
        by: u64,
    },
    /// A security report was acknowledged, or resolved.
    Acknowledged {
        by: u64,
    },
    SecurityResolved {
        by: u64,
    },
    /// Nobody acknowledged a security report in time: the team is reminded.
    AckReminder,
    /// The reporter's DMs are closed; they can read the state with `/report status`.
    ReporterUnreachable,
    /// The timeout could not be applied (no Moderate Members, or the member ranks higher).
    TimeoutFailed,
}

/// What a reporter is told by DM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReporterNote {
    /// A conduct report was handled by the TSC (never how: that concerns another member).
    ConductHandled,
    /// A team member acknowledged the security report.
    SecurityAcknowledged,
    /// Nobody acknowledged it in time: the team was reminded; the expected timeline.
    SecurityTimeline,
    /// The security team resolved the report.
    SecurityResolved,
}

impl CaseNote {
    /// The note's kind, for its dedupe key.
    pub fn key(self) -> &'static str {
        match self {
            Self::EscalationAsked { .. } => "escalation-asked",
            Self::MediationRequested => "mediation-requested",
            Self::MediatorJoined { .. } => "mediator-joined",
            Self::WithTsc => "with-tsc",
            Self::Decided => "decided",
            Self::DecisionRejected => "decision-rejected",
            Self::ResolvedByParty { .. } => "resolved",
            Self::Responded { .. } => "responded",
            Self::Acknowledged { .. } => "acknowledged",
            Self::SecurityResolved { .. } => "security-resolved",
            Self::AckReminder => "ack-reminder",
            Self::ReporterUnreachable => "reporter-unreachable",
            Self::TimeoutFailed => "timeout-failed",
        }
    }
}
