//! Conduct and security reports through `app` + `store` on a real SQLite file with a manual
//! clock: who reads them, who answers them, what the reporter is told, and the reminder.

mod app_support;
mod cases_support;

use app_support::*;
use cases_support::*;
use chrono::Duration;
use steward::app::case::conduct::ConductReport;
use steward::app::case::notes::{CaseNote, ReporterNote};
use steward::app::case::security::{Handling, SecurityReport};
use steward::app::outbox::Notice;
use steward::governance::case::conduct::{Response, Step as ConductStep};
use steward::governance::case::security::Step as SecurityStep;
use steward::governance::case::{CaseStep, Kind};
use steward::governance::decision::DecisionKind;
use steward::store::decision_log::Filter;

const REPORT: &str = "Bob insulted a newcomer in #help";

fn conduct(reported: Option<u64>) -> ConductReport {
    ConductReport {
        reported,
        reported_is_bot: false,
        text: REPORT.into(),
        message_link: Some("https://discord.com/channels/1000/2001/5".into()),
    }
}

fn security_report() -> SecurityReport {
    SecurityReport {
        title: "Sandbox escape via WASI fd_renumber".into(),
        details: "Calling fd_renumber with a closed fd reaches host memory.".into(),
    }
}

fn reporter_notes(notices: &[Notice]) -> Vec<ReporterNote> {
    notices
        .iter()
        .filter_map(|n| match n {
            Notice::CaseReporterTold { note, .. } => Some(*note),
            _ => None,
        })
        .collect()
}

fn notes(notices: &[Notice]) -> Vec<CaseNote> {
    notices
        .iter()
        .filter_map(|n| match n {
            Notice::CaseNoted { note, .. } => Some(*note),
            _ => None,
        })
        .collect()
}

async fn log_of(w: &World, kind: DecisionKind) -> Vec<steward::store::decision_log::Decision> {
    w.app
        .decisions(
            &tsc(ALICE),
            Filter {
                kind: Some(kind),
                include_private: true,
                ..Filter::default()
            },
        )
        .await
        .unwrap()
}

#[tokio::test]
async fn a_report_about_a_tsc_member_reaches_the_rest_of_the_tsc_and_the_reporter_is_told() {
    let w = world().await;
    let discord = Discord::default();
    pass(&w, &discord).await;
    let case = w
        .app
        .report_conduct(&member_actor(GRACE), conduct(Some(BOB)))
        .await
        .unwrap();
    assert_eq!(case.kind, Kind::Conduct);
    assert_eq!(case.parent_channel_id, None, "the TSC's channel");
    // "A TSC member who is reported is left out of that case's thread"; the reporter too.
    let view = w.app.case_view(case.id).await.unwrap();
    assert_eq!(view.readers, vec![ALICE, CAROL, DAVE, ERIN]);
    // The reported member may not answer the report; a maintainer is not the TSC.
    assert_eq!(
        refusal(
            w.app
                .respond_to_conduct(&tsc(BOB), case.id, Response::NoAction)
                .await
        ),
        "case-error-respond-not-allowed"
    );
    assert_eq!(
        refusal(
            w.app
                .respond_to_conduct(&maintainer(FRANK), case.id, Response::Ban)
                .await
        ),
        "case-error-respond-not-allowed"
    );
    let response = Response::Timeout { minutes: 60 };
    let case = w
        .app
        .respond_to_conduct(&tsc(ALICE), case.id, response)
        .await
        .unwrap();
    assert!(matches!(
        case.step,
        CaseStep::Conduct(ConductStep::Responded { by: ALICE, .. })
    ));
    let sent = pass(&w, &discord).await;
    assert!(sent.iter().any(|n| matches!(
        n,
        Notice::ConductTimeout { member_id, until_ms, .. }
            if *member_id == BOB && *until_ms == (w.clock_now() + Duration::hours(1)).timestamp_millis()
    )));
    assert_eq!(reporter_notes(&sent), vec![ReporterNote::ConductHandled]);
    assert_eq!(public(&w, &discord.history()).await, vec![]);
    assert_eq!(
        refusal(
            w.app
                .respond_to_conduct(&tsc(CAROL), case.id, Response::Ban)
                .await
        ),
        "case-error-already-responded"
    );
    // Recorded by number only, for the TSC.
    let log = log_of(&w, DecisionKind::Case).await;
    assert_eq!(log.len(), 1);
    assert!(log[0].private);
    assert_eq!(log[0].title, "conduct");
    assert_eq!(log[0].details, serde_json::json!({}));
    // The reporter sees their report as handled; nobody else sees it.
    let mine = w.app.my_cases(GUILD, GRACE).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert!(!mine[0].open);
    assert!(w.app.my_cases(GUILD, BOB).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_timeout_needs_someone_to_time_out_and_a_refused_one_is_told_to_the_tsc() {
    let w = world().await;
    let discord = Discord {
        no_moderate_members: true,
        closed_dms: vec![GRACE],
        ..Discord::default()
    };
    let nobody = w
        .app
        .report_conduct(&member_actor(GRACE), conduct(None))
        .await
        .unwrap();
    assert_eq!(
        refusal(
            w.app
                .respond_to_conduct(&tsc(ALICE), nobody.id, Response::Timeout { minutes: 5 })
                .await
        ),
        "case-error-nobody-to-time-out"
    );
    let case = w
        .app
        .report_conduct(&member_actor(GRACE), conduct(Some(HEIDI)))
        .await
        .unwrap();
    w.app
        .respond_to_conduct(&tsc(ALICE), case.id, Response::Timeout { minutes: 5 })
        .await
        .unwrap();
    let sent = pass(&w, &discord).await;
    let notes = notes(&sent);
    assert!(notes.contains(&CaseNote::TimeoutFailed), "{notes:?}");
    assert!(notes.contains(&CaseNote::ReporterUnreachable), "{notes:?}");
    let case = w.app.case_view(case.id).await.unwrap().case;
    assert!(case.reporter_unreachable_at.is_some());
    // Bad reports change nothing.
    for (input, expected) in [
        (
            ConductReport {
                text: " ".into(),
                ..conduct(None)
            },
            "case-error-text-empty",
        ),
        (
            ConductReport {
                text: "x".repeat(4001),
                ..conduct(None)
            },
            "case-error-text-too-long",
        ),
        (
            ConductReport {
                reported_is_bot: true,
                ..conduct(Some(999))
            },
            "case-error-bot-party",
        ),
    ] {
        assert_eq!(
            refusal(w.app.report_conduct(&member_actor(GRACE), input).await),
            expected
        );
    }
    assert_eq!(w.count("SELECT COUNT(*) FROM cases").await, 2);
}

#[tokio::test]
async fn a_security_report_is_reminded_after_48_hours_then_acknowledged_and_resolved() {
    let w = world().await;
    let discord = Discord::default();
    pass(&w, &discord).await;
    let case = w
        .app
        .report_security(&member_actor(GRACE), security_report())
        .await
        .unwrap();
    assert_eq!(case.parent_channel_id, None, "the security team's channel");
    // Only the security response team: "never the whole TSC".
    assert_eq!(w.app.case_view(case.id).await.unwrap().readers, vec![IVAN]);
    w.clock.advance(Duration::hours(47));
    let sent = pass(&w, &discord).await;
    assert!(notes(&sent).is_empty() && reporter_notes(&sent).is_empty());
    w.clock.advance(Duration::hours(1));
    let sent = pass(&w, &discord).await;
    assert_eq!(notes(&sent), vec![CaseNote::AckReminder]);
    assert_eq!(reporter_notes(&sent), vec![ReporterNote::SecurityTimeline]);
    // The TSC is not the team; the team acknowledges.
    assert_eq!(
        refusal(
            w.app
                .handle_security_report(&tsc(ALICE), case.id, Handling::Acknowledge)
                .await
        ),
        "case-error-not-security-team"
    );
    let case = w
        .app
        .handle_security_report(&security(IVAN), case.id, Handling::Acknowledge)
        .await
        .unwrap();
    assert!(matches!(
        case.step,
        CaseStep::Security(SecurityStep::Acknowledged { by: IVAN, .. })
    ));
    assert_eq!(
        refusal(
            w.app
                .handle_security_report(&security(IVAN), case.id, Handling::Acknowledge)
                .await
        ),
        "case-error-already-acknowledged"
    );
    let sent = pass(&w, &discord).await;
    assert_eq!(
        reporter_notes(&sent),
        vec![ReporterNote::SecurityAcknowledged]
    );
    w.app
        .handle_security_report(&security(IVAN), case.id, Handling::Resolve)
        .await
        .unwrap();
    let sent = pass(&w, &discord).await;
    assert_eq!(reporter_notes(&sent), vec![ReporterNote::SecurityResolved]);
    assert_eq!(public(&w, &discord.history()).await, vec![]);
    let log = log_of(&w, DecisionKind::Case).await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].outcome, "resolved_by_security_team");
    // An acknowledged report is never reminded.
    let other = w
        .app
        .report_security(&member_actor(HEIDI), security_report())
        .await
        .unwrap();
    w.app
        .handle_security_report(&security(IVAN), other.id, Handling::Acknowledge)
        .await
        .unwrap();
    pass(&w, &discord).await;
    w.clock.advance(Duration::hours(48));
    assert!(notes(&pass(&w, &discord).await).is_empty());
}

#[tokio::test]
async fn without_a_security_team_the_tsc_handles_reports() {
    let w = world_with(setup(false)).await;
    let case = w
        .app
        .report_security(&member_actor(GRACE), security_report())
        .await
        .unwrap();
    assert_eq!(
        w.app.case_view(case.id).await.unwrap().readers,
        vec![ALICE, BOB, CAROL, DAVE, ERIN]
    );
    assert_eq!(
        refusal(
            w.app
                .handle_security_report(&security(IVAN), case.id, Handling::Resolve)
                .await
        ),
        "case-error-not-security-team"
    );
    w.app
        .handle_security_report(&tsc(BOB), case.id, Handling::Resolve)
        .await
        .unwrap();
    assert_eq!(
        refusal(
            w.app
                .handle_security_report(&tsc(BOB), case.id, Handling::Acknowledge)
                .await
        ),
        "case-error-closed"
    );
    // A conflict's id is not a security report.
    let conflict = w
        .app
        .open_conflict(
            &member_actor(GRACE),
            steward::app::case::conflict::OpenConflict {
                other: HEIDI,
                other_is_bot: false,
                summary: "s".into(),
                channel_id: GENERAL,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        refusal(
            w.app
                .handle_security_report(&tsc(BOB), conflict.id, Handling::Resolve)
                .await
        ),
        "case-error-not-found"
    );
}
