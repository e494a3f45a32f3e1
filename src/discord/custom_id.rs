//! Every button and form the bot posts, as one typed enum, encoded and parsed here only. An id
//! carries everything needed to act after a restart. Ids are versioned (`v2:` and the feature's
//! path); the unprefixed ids of version 1 are still parsed, so buttons already posted keep
//! working. Anything that does not parse exactly is treated as forged.

use crate::app::succession::contact::ContactAnswer;
use crate::governance::ballot::Choice;
use crate::governance::case::conduct::Response;
use crate::governance::dependency::Review;
use crate::governance::rfc::Stance;

/// What a component or form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomId {
    // Ballots.
    /// A vote button: +1, 0 or -1 (which opens the concern form).
    Vote {
        ballot_id: i64,
        choice: Choice,
    },
    /// "Withdraw my vote".
    Withdraw {
        ballot_id: i64,
    },
    /// The form that collects the concern of a -1.
    Concern {
        ballot_id: i64,
    },

    // Working groups.
    /// The charter form of a draft.
    WgCharter {
        draft_id: i64,
    },
    /// The report button and form of a group.
    WgReport {
        wg_id: i64,
    },
    /// The chair's answer to a join request.
    WgJoin {
        request_id: i64,
        approve: bool,
    },
    /// A TSC member opens the closing ballot after the charter ended.
    WgProposeClose {
        wg_id: i64,
    },

    // Succession.
    /// The member's answer in the contact DM.
    Contact {
        step_id: i64,
        answer: ContactAnswer,
    },
    // RFCs and amendments.
    /// The summary form of a draft RFC or amendment.
    RfcSummary {
        draft_id: i64,
    },
    /// A community feedback button on a proposal's card (a concern opens its form).
    RfcFeedback {
        rfc_id: i64,
        stance: Stance,
    },
    /// The form that collects a concern given as feedback.
    RfcConcern {
        rfc_id: i64,
    },
    // Nominations.
    /// The statement form of a draft nomination.
    NominationForm {
        draft_id: i64,
    },
    /// The nominee's Accept or Decline (in the DM, or the reply to `/nominate respond`).
    NominationAnswer {
        nomination_id: i64,
        accept: bool,
    },
    // Releases and dependencies.
    /// The changelog form of a release draft.
    ReleasePlan {
        draft_id: i64,
    },
    /// "Works for me" on a release's card.
    ReleaseWorks {
        release_id: i64,
    },
    /// "Blocking issue" on a release's card, and its form.
    ReleaseBlocker {
        release_id: i64,
    },
    /// A maintainer's decision on a blocking issue, button and form: resolved or not blocking.
    ReleaseBlockerDecision {
        blocker_id: i64,
        resolved: bool,
    },
    /// The need-and-alternatives form of a dependency draft.
    DependencyProposal {
        draft_id: i64,
    },
    /// A review on a dependency's card, button and form: pass or reject.
    DependencyReview {
        dependency_id: i64,
        review: Review,
        pass: bool,
    },
    /// The maintainer's decision on a dependency's card, button and form.
    DependencyDecision {
        dependency_id: i64,
        approve: bool,
    },
    // Cases, the annual review's publication, dissolution.
    /// A party marks a conflict resolved (its card).
    CaseResolve {
        case_id: i64,
    },
    /// A party or the mediator escalates a conflict (its card).
    CaseEscalate {
        case_id: i64,
    },
    /// "I'll mediate", on the request to the maintainers.
    CaseMediate {
        case_id: i64,
    },
    /// The TSC's response to a conduct report (no action, warning, ban; its card).
    ConductRespond {
        case_id: i64,
        response: Response,
    },
    /// The timeout button of a conduct report's card, and the form asking how long.
    ConductTimeout {
        case_id: i64,
    },
    /// A security report's card: acknowledge it, mark it resolved.
    SecurityAck {
        case_id: i64,
    },
    SecurityResolve {
        case_id: i64,
    },
    /// The conduct report form: the member reported, and the message (channel, message) the
    /// context menu was used on.
    ConductForm {
        reported: Option<u64>,
        message: Option<(u64, u64)>,
    },
    /// The security report form.
    SecurityForm,
    /// The annual review's form (`/review publish`).
    ReviewForm,
}

/// The prefix of the current version.
const VERSION: &str = "v2";
/// Discord caps custom ids at 100 characters; anything longer is not ours.
const MAX_LEN: usize = 100;

impl CustomId {
    pub fn encode(self) -> String {
        format!("{VERSION}:{}", self.path())
    }

    /// The id without its version prefix (the version 1 form).
    fn path(self) -> String {
        match self {
            Self::Vote { ballot_id, choice } => {
                format!("ballot:{ballot_id}:vote:{}", choice.symbol())
            }
            Self::Withdraw { ballot_id } => format!("ballot:{ballot_id}:withdraw"),
            Self::Concern { ballot_id } => format!("ballot:{ballot_id}:concern"),
            Self::WgCharter { draft_id } => format!("wg:{draft_id}:charter"),
            Self::WgReport { wg_id } => format!("wg:{wg_id}:report"),
            Self::WgJoin {
                request_id,
                approve,
            } => format!(
                "wg:join:{request_id}:{}",
                if approve { "approve" } else { "decline" }
            ),
            Self::WgProposeClose { wg_id } => format!("wg:{wg_id}:close"),
            Self::Contact { step_id, answer } => {
                let verb = match answer {
                    ContactAnswer::StillActive => "active",
                    ContactAnswer::Emeritus => "emeritus",
                };
                format!("succession:{step_id}:{verb}")
            }
            // RFCs and amendments.
            Self::RfcSummary { draft_id } => format!("rfc:{draft_id}:summary"),
            Self::RfcFeedback { rfc_id, stance } => {
                format!("rfc:{rfc_id}:feedback:{}", stance.key())
            }
            Self::RfcConcern { rfc_id } => format!("rfc:{rfc_id}:concern"),
            // Nominations.
            Self::NominationForm { draft_id } => format!("nomination:{draft_id}:form"),
            Self::NominationAnswer {
                nomination_id,
                accept,
            } => format!(
                "nomination:{nomination_id}:{}",
                if accept { "accept" } else { "decline" }
            ),
            // Releases and dependencies.
            Self::ReleasePlan { draft_id } => format!("release:{draft_id}:plan"),
            Self::ReleaseWorks { release_id } => format!("release:{release_id}:works"),
            Self::ReleaseBlocker { release_id } => format!("release:{release_id}:blocker"),
            Self::ReleaseBlockerDecision {
                blocker_id,
                resolved,
            } => format!(
                "release:blocker:{blocker_id}:{}",
                if resolved { "resolved" } else { "not-blocking" }
            ),
            Self::DependencyProposal { draft_id } => format!("dependency:{draft_id}:proposal"),
            Self::DependencyReview {
                dependency_id,
                review,
                pass,
            } => format!(
                "dependency:{dependency_id}:{}:{}",
                review.key(),
                if pass { "pass" } else { "reject" }
            ),
            Self::DependencyDecision {
                dependency_id,
                approve,
            } => format!(
                "dependency:{dependency_id}:{}",
                if approve { "approve" } else { "reject" }
            ),
            // Cases, the annual review's publication, dissolution.
            Self::CaseResolve { case_id } => format!("case:{case_id}:resolve"),
            Self::CaseEscalate { case_id } => format!("case:{case_id}:escalate"),
            Self::CaseMediate { case_id } => format!("case:{case_id}:mediate"),
            Self::ConductRespond { case_id, response } => {
                format!("case:{case_id}:respond:{}", response.key())
            }
            Self::ConductTimeout { case_id } => format!("case:{case_id}:timeout"),
            Self::SecurityAck { case_id } => format!("case:{case_id}:ack"),
            Self::SecurityResolve { case_id } => format!("case:{case_id}:resolved"),
            Self::ConductForm { reported, message } => {
                let or_none = |id: Option<u64>| id.map_or("-".to_owned(), |id| id.to_string());
                format!(
                    "report:conduct:{}:{}:{}",
                    or_none(reported),
                    or_none(message.map(|(channel, _)| channel)),
                    or_none(message.map(|(_, message)| message))
                )
            }
            Self::SecurityForm => "report:security".to_owned(),
            Self::ReviewForm => "review:publish".to_owned(),
        }
    }

    pub fn parse(custom_id: &str) -> Option<Self> {
        if custom_id.len() > MAX_LEN {
            return None;
        }
        let path = match custom_id.split_once(':') {
            Some((VERSION, rest)) => rest,
            // Version 1 had no prefix.
            _ => custom_id,
        };
        let parts: Vec<&str> = path.split(':').collect();
        Some(match parts.as_slice() {
            ["ballot", n, "vote", symbol] => Self::Vote {
                ballot_id: id(n)?,
                choice: Choice::from_symbol(symbol)?,
            },
            ["ballot", n, "withdraw"] => Self::Withdraw { ballot_id: id(n)? },
            ["ballot", n, "concern"] => Self::Concern { ballot_id: id(n)? },
            ["wg", "join", n, decision] => Self::WgJoin {
                request_id: id(n)?,
                approve: match *decision {
                    "approve" => true,
                    "decline" => false,
                    _ => return None,
                },
            },
            ["wg", n, "charter"] => Self::WgCharter { draft_id: id(n)? },
            ["wg", n, "report"] => Self::WgReport { wg_id: id(n)? },
            ["wg", n, "close"] => Self::WgProposeClose { wg_id: id(n)? },
            ["succession", n, verb] => Self::Contact {
                step_id: id(n)?,
                answer: match *verb {
                    "active" => ContactAnswer::StillActive,
                    "emeritus" => ContactAnswer::Emeritus,
                    _ => return None,
                },
            },

            // RFCs and amendments.
            ["rfc", n, "summary"] => Self::RfcSummary { draft_id: id(n)? },
            ["rfc", n, "feedback", stance] => Self::RfcFeedback {
                rfc_id: id(n)?,
                stance: Stance::from_key(stance)?,
            },
            ["rfc", n, "concern"] => Self::RfcConcern { rfc_id: id(n)? },

            // Nominations.
            ["nomination", n, "form"] => Self::NominationForm { draft_id: id(n)? },
            ["nomination", n, answer] => Self::NominationAnswer {
                nomination_id: id(n)?,
                accept: match *answer {
                    "accept" => true,
                    "decline" => false,
                    _ => return None,
                },
            },

            // Releases and dependencies.
            ["release", n, "plan"] => Self::ReleasePlan { draft_id: id(n)? },
            ["release", n, "works"] => Self::ReleaseWorks { release_id: id(n)? },
            ["release", n, "blocker"] => Self::ReleaseBlocker { release_id: id(n)? },
            ["release", "blocker", n, verdict] => Self::ReleaseBlockerDecision {
                blocker_id: id(n)?,
                resolved: match *verdict {
                    "resolved" => true,
                    "not-blocking" => false,
                    _ => return None,
                },
            },
            ["dependency", n, "proposal"] => Self::DependencyProposal { draft_id: id(n)? },
            ["dependency", n, decision] => Self::DependencyDecision {
                dependency_id: id(n)?,
                approve: match *decision {
                    "approve" => true,
                    "reject" => false,
                    _ => return None,
                },
            },
            ["dependency", n, review, verdict] => Self::DependencyReview {
                dependency_id: id(n)?,
                review: Review::from_key(review)?,
                pass: match *verdict {
                    "pass" => true,
                    "reject" => false,
                    _ => return None,
                },
            },

            // Cases, the annual review's publication, dissolution.
            ["case", n, "resolve"] => Self::CaseResolve { case_id: id(n)? },
            ["case", n, "escalate"] => Self::CaseEscalate { case_id: id(n)? },
            ["case", n, "mediate"] => Self::CaseMediate { case_id: id(n)? },
            ["case", n, "respond", response] => Self::ConductRespond {
                case_id: id(n)?,
                response: match *response {
                    "no_action" => Response::NoAction,
                    "warning" => Response::Warning,
                    "ban" => Response::Ban,
                    _ => return None,
                },
            },
            ["case", n, "timeout"] => Self::ConductTimeout { case_id: id(n)? },
            ["case", n, "ack"] => Self::SecurityAck { case_id: id(n)? },
            ["case", n, "resolved"] => Self::SecurityResolve { case_id: id(n)? },
            ["report", "conduct", reported, channel, message] => Self::ConductForm {
                reported: optional_id(reported)?,
                message: match (optional_id(channel)?, optional_id(message)?) {
                    (Some(channel), Some(message)) => Some((channel, message)),
                    (None, None) => None,
                    _ => return None,
                },
            },
            ["report", "security"] => Self::SecurityForm,
            ["review", "publish"] => Self::ReviewForm,
            _ => return None,
        })
    }
}

/// `-` (none) or a canonical snowflake: `Some(None)`, `Some(Some(id))`; anything else is
/// `None` (not ours).
fn optional_id(text: &str) -> Option<Option<u64>> {
    if text == "-" {
        Some(None)
    } else {
        id(text).map(|id| Some(id as u64))
    }
}

/// Only canonical positive decimal ids ("+5", "007" or "-1" are not ours).
fn id(text: &str) -> Option<i64> {
    if text.is_empty() || text.starts_with('0') || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
#[path = "custom_id_tests.rs"]
mod tests;
