//! The typed ids round-trip, fit Discord, keep version 1 working and refuse forgeries.

use super::*;

fn every_kind() -> Vec<CustomId> {
    let mut ids: Vec<CustomId> = Choice::ALL
        .into_iter()
        .map(|choice| CustomId::Vote {
            ballot_id: 12,
            choice,
        })
        .collect();
    ids.extend([
        CustomId::Withdraw {
            ballot_id: 9_007_199_254_740_993,
        },
        CustomId::Concern { ballot_id: 1 },
        CustomId::WgCharter { draft_id: 4 },
        CustomId::WgReport { wg_id: 7 },
        CustomId::WgJoin {
            request_id: 9,
            approve: true,
        },
        CustomId::WgJoin {
            request_id: 9,
            approve: false,
        },
        CustomId::WgProposeClose { wg_id: 12 },
        CustomId::Contact {
            step_id: 42,
            answer: ContactAnswer::StillActive,
        },
        CustomId::Contact {
            step_id: 42,
            answer: ContactAnswer::Emeritus,
        },
        // RFCs and amendments.
        CustomId::RfcSummary { draft_id: 3 },
        CustomId::RfcConcern { rfc_id: 5 },
        // Nominations.
        CustomId::NominationForm { draft_id: 3 },
        CustomId::NominationAnswer {
            nomination_id: 5,
            accept: true,
        },
        CustomId::NominationAnswer {
            nomination_id: 5,
            accept: false,
        },
        // Releases and dependencies.
        CustomId::ReleasePlan { draft_id: 3 },
        CustomId::ReleaseWorks { release_id: 3 },
        CustomId::ReleaseBlocker { release_id: 3 },
        CustomId::ReleaseBlockerDecision {
            blocker_id: 8,
            resolved: true,
        },
        CustomId::ReleaseBlockerDecision {
            blocker_id: 8,
            resolved: false,
        },
        CustomId::DependencyProposal { draft_id: 5 },
        CustomId::DependencyReview {
            dependency_id: 5,
            review: Review::Security,
            pass: true,
        },
        CustomId::DependencyReview {
            dependency_id: 5,
            review: Review::License,
            pass: false,
        },
        CustomId::DependencyDecision {
            dependency_id: 5,
            approve: true,
        },
        CustomId::DependencyDecision {
            dependency_id: 5,
            approve: false,
        },
        // Cases, the annual review's publication, dissolution.
        CustomId::CaseResolve { case_id: 3 },
        CustomId::CaseEscalate { case_id: 3 },
        CustomId::CaseMediate { case_id: 3 },
        CustomId::ConductRespond {
            case_id: 4,
            response: Response::NoAction,
        },
        CustomId::ConductRespond {
            case_id: 4,
            response: Response::Warning,
        },
        CustomId::ConductRespond {
            case_id: 4,
            response: Response::Ban,
        },
        CustomId::ConductTimeout { case_id: 4 },
        CustomId::SecurityAck { case_id: 5 },
        CustomId::SecurityResolve { case_id: 5 },
        CustomId::ConductForm {
            reported: None,
            message: None,
        },
        CustomId::ConductForm {
            reported: Some(1_200_000_000_000_000_305),
            message: Some((1_200_000_000_000_000_201, 9_007_199_254_740_993)),
        },
        CustomId::SecurityForm,
        CustomId::ReviewForm,
    ]);
    ids.extend(
        Stance::ALL
            .into_iter()
            .map(|stance| CustomId::RfcFeedback { rfc_id: 5, stance }),
    );
    ids
}

#[test]
fn ids_round_trip_and_fit_discord() {
    for id in every_kind() {
        let encoded = id.encode();
        assert!(encoded.starts_with("v2:"), "{encoded}");
        assert!(encoded.len() <= MAX_LEN, "{encoded}");
        assert_eq!(CustomId::parse(&encoded), Some(id));
    }
    assert_eq!(
        CustomId::Vote {
            ballot_id: 3,
            choice: Choice::Yes
        }
        .encode(),
        "v2:ballot:3:vote:+1"
    );
}

#[test]
fn buttons_posted_by_version_1_keep_working() {
    for id in every_kind() {
        assert_eq!(CustomId::parse(&id.path()), Some(id), "{}", id.path());
    }
    assert_eq!(
        CustomId::parse("succession:7:active"),
        Some(CustomId::Contact {
            step_id: 7,
            answer: ContactAnswer::StillActive
        })
    );
}

#[test]
fn forged_ids_are_rejected() {
    for forged in [
        "",
        "v2",
        "v2:",
        "v3:ballot:1:vote:+1",
        "ballot",
        "ballot:",
        "ballot:x:vote:+1",
        "ballot:-1:vote:+1",
        "ballot:0:vote:+1",
        "ballot:01:vote:+1",
        "ballot:+1:vote:+1",
        "ballot:1:vote:+2",
        "ballot:1:vote",
        "ballot:1:vote:+1:extra",
        "ballot:1:withdraw:now",
        "ballot:99999999999999999999:vote:+1",
        "v2:v2:ballot:1:vote:+1",
        "wg",
        "wg:1",
        "wg:x:charter",
        "wg:0:report",
        "wg:join:1:maybe",
        "wg:join:1",
        "wg:1:charter:x",
        "succession",
        "succession:1",
        "succession:0:active",
        "succession:1:retire",
        "succession:1:active:extra",
        "rfc:1:feedback:love",
        "rfc:1:feedback",
        "rfc:0:summary",
        "rfc:x:concern",
        "rfc:1:concern:x",
        // Nominations.
        "nomination",
        "nomination:1",
        "nomination:0:accept",
        "nomination:x:form",
        "nomination:1:maybe",
        "nomination:1:accept:extra",
        // Releases and dependencies.
        "release:1:ship",
        "release:0:works",
        "release:blocker:1:maybe",
        "release:blocker:x:resolved",
        "dependency:1:security:maybe",
        "dependency:1:speed:pass",
        "dependency:1:approve:now",
        "dependency:1:maybe",
        // Cases, the annual review's publication, dissolution.
        "case",
        "case:1",
        "case:0:resolve",
        "case:x:escalate",
        "case:1:respond",
        "case:1:respond:timeout",
        "case:1:respond:kick",
        "case:1:ack:now",
        "report",
        "report:conduct",
        "report:conduct:-:-",
        "report:conduct:5:6:-",
        "report:conduct:-:-:7",
        "report:conduct:0:-:-",
        "report:conduct:x:-:-",
        "report:security:1",
        "review",
        "review:publish:2",
    ] {
        assert_eq!(CustomId::parse(forged), None, "{forged:?}");
    }
    let long = format!("v2:ballot:1:vote:+1{}", " ".repeat(100));
    assert_eq!(CustomId::parse(&long), None);
}
