//! Generators for property tests: any policy a community could put in force.
//!
//! The policy is built field by field without `..Default::default()`, so that a new setting
//! does not compile until the generator varies it too.

use proptest::prelude::*;

use super::policy::{
    AbstentionRule, ActivitySources, ConflictDecision, Policy, Ratio, ReleaseFinal,
};

/// A quorum the policy accepts: strictly between 0 and 1.
pub fn quorum() -> impl Strategy<Value = Ratio> {
    (2u32..=12).prop_flat_map(|den| (1..den).prop_map(move |num| Ratio::new(num, den)))
}

/// An approval threshold the policy accepts: from 1/2 to 1/1.
pub fn approval() -> impl Strategy<Value = Ratio> {
    (1u32..=12)
        .prop_flat_map(|den| (den.div_ceil(2)..=den).prop_map(move |num| Ratio::new(num, den)))
}

/// Voting periods in hours: minimum >= 24, the others within [minimum, maximum], the reminder
/// before the minimum ends.
fn voting_hours() -> impl Strategy<Value = (u32, u32, u32, u32, u32, u32)> {
    (24u32..=400, 0u32..=400).prop_flat_map(|(min, spread)| {
        let max = min + spread;
        (
            Just(min),
            Just(max),
            min..=max,
            min..=max,
            min..=max,
            1..min,
        )
    })
}

/// Contact and review months, the review strictly later.
fn inactivity_months() -> impl Strategy<Value = (u32, u32)> {
    (1u32..=18).prop_flat_map(|contact| (Just(contact), contact + 1..=36))
}

fn sources() -> impl Strategy<Value = ActivitySources> {
    prop_oneof![
        Just(ActivitySources {
            discord: true,
            github: true
        }),
        Just(ActivitySources {
            discord: true,
            github: false
        }),
        Just(ActivitySources {
            discord: false,
            github: true
        }),
    ]
}

/// Any valid policy, every field varied.
pub fn policy() -> impl Strategy<Value = Policy> {
    let rules = (
        quorum(),
        approval(),
        any::<bool>(),
        voting_hours(),
        inactivity_months(),
        any::<bool>(),
        any::<bool>(),
        sources(),
    );
    // Every whole-number setting is at least 1 (`policy-set` refuses 0).
    let days = prop::collection::vec(1u32..=366, 15);
    let counts = (1u32..=12, 1u32..=12, 1u32..=12, 1u32..=28);
    (rules, days, counts).prop_map(
        |(
            (quorum, approval, counted, hours, (contact, review), final_tsc, conflict_ballot, src),
            d,
            (min_tsc, min_maintainers, month, day),
        )| {
            let (min, max, default, release, release_final, reminder) = hours;
            Policy {
                quorum,
                approval,
                abstentions: if counted {
                    AbstentionRule::CountedInApproval
                } else {
                    AbstentionRule::ExcludedFromApproval
                },
                default_voting_hours: default,
                min_voting_hours: min,
                max_voting_hours: max,
                reminder_hours: reminder,
                rfc_discussion_days: d[0],
                amendment_discussion_days: d[1],
                inactivity_contact_months: contact,
                inactivity_review_months: review,
                review_retry_days: d[2],
                dissolution_notice_months: d[3] % 36 + 1,
                min_tsc_members: min_tsc,
                min_maintainers,
                annual_review_month: month,
                annual_review_day: day,
                wg_report_grace_days: d[4],
                wg_end_reminder_days: d[5],
                wg_join_cooldown_days: d[14],
                nomination_confirm_days: d[6],
                renomination_days: d[7],
                release_voting_hours: release,
                release_feedback_days: d[8],
                release_final_voting_hours: release_final,
                release_final: if final_tsc {
                    ReleaseFinal::Tsc
                } else {
                    ReleaseFinal::Maintainer
                },
                release_stale_days: d[9],
                conflict_direct_days: d[10],
                conflict_decision: if conflict_ballot {
                    ConflictDecision::Ballot
                } else {
                    ConflictDecision::TscMember
                },
                security_ack_hours: d[11] * 24,
                retention_days: d[12],
                backup_keep_days: d[13],
                activity_sources: src,
            }
        },
    )
}
