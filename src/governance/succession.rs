//! Succession planning as pure rules: "If a maintainer or TSC member becomes inactive: after
//! 3 months of inactivity, they are contacted; after 6 months, their status is reviewed; inactive
//! members may step down or move to emeritus status; replacement members are nominated and
//! approved."
//!
//! Time is passed in; the caller gathers what Discord and the database know.

use chrono::{DateTime, Duration, Months, Utc};

use super::policy::Policy;
use super::roles::{GovRole, RoleSet};

/// What the rules need to know about one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberActivity {
    pub roles: RoleSet,
    /// Still a member of the server (one who left is never contacted).
    pub in_guild: bool,
    /// Start of the current quiet period: the latest of their last activity (message, vote,
    /// report, command, "I'm still active") and when they took office. Steps are keyed on it,
    /// so any activity starts a new period and the clock is reset.
    pub quiet_since: DateTime<Utc>,
    /// The contact step was taken in this quiet period.
    pub contacted: bool,
    /// The status review was opened in this quiet period.
    pub reviewed: bool,
    /// When this period's last status review ended without deciding anything (no quorum,
    /// rejected, withdrawn): the member may be reviewed again `review_retry_days` later.
    pub review_undecided_at: Option<DateTime<Utc>>,
}

/// The step succession planning takes next for a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// DM the member ("I'm still active" / "Move me to emeritus") and tell the TSC.
    Contact,
    /// Open a TSC ballot on moving the member to emeritus.
    Review,
}

impl Step {
    /// The stable name stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::Contact => "contact",
            Self::Review => "review",
        }
    }
}

/// The document's "maintainer or TSC member": the offices succession planning watches.
pub fn holds_office(roles: &RoleSet) -> bool {
    roles.has(GovRole::Tsc) || roles.has(GovRole::Maintainer)
}

/// Whether `since` lies at least `months` before `now`. A month is a calendar month
/// (31 March minus one month is 28/29 February), as members count them.
pub fn quiet_for(since: DateTime<Utc>, now: DateTime<Utc>, months: u32) -> bool {
    now.checked_sub_months(Months::new(months))
        .is_some_and(|threshold| since <= threshold)
}

/// The start of a member's current quiet period: their last activity or when they took office
/// (the earliest TSC or maintainer role they hold), whichever is later, so that a member is
/// never "inactive" for longer than the bot has known them in office. `None` outside office.
pub fn quiet_since(
    roles: &[(GovRole, DateTime<Utc>)],
    last_active: Option<DateTime<Utc>>,
) -> Option<DateTime<Utc>> {
    let office_since = roles
        .iter()
        .filter(|(r, _)| matches!(r, GovRole::Tsc | GovRole::Maintainer))
        .map(|(_, since)| *since)
        .min()?;
    Some(last_active.map_or(office_since, |a| a.max(office_since)))
}

/// Who votes on a member's status: the TSC present in the server, without the member.
pub fn review_electorate(under_review: u64, tsc_present: &[u64]) -> Vec<u64> {
    tsc_present
        .iter()
        .copied()
        .filter(|m| *m != under_review)
        .collect()
}

/// The next step for a member, if any. Each step is taken once per quiet period; a member is
/// always contacted before their status is reviewed, so a review never comes unannounced.
pub fn next_step(policy: &Policy, member: &MemberActivity, now: DateTime<Utc>) -> Option<Step> {
    if !member.in_guild || !holds_office(&member.roles) {
        return None;
    }
    if !member.contacted {
        return quiet_for(member.quiet_since, now, policy.inactivity_contact_months)
            .then_some(Step::Contact);
    }
    if !member.reviewed {
        return quiet_for(member.quiet_since, now, policy.inactivity_review_months)
            .then_some(Step::Review);
    }
    // A review that decided nothing is not final: one absent TSC member must not mean an
    // inactive member is never reviewed again.
    let retry = Duration::days(i64::from(policy.review_retry_days));
    member
        .review_undecided_at
        .is_some_and(|ended| now >= ended + retry)
        .then_some(Step::Review)
}

/// An approved status review moves the member to emeritus only if they have not been active
/// since it opened: activity meanwhile removes its premise, and they stay.
pub fn review_still_applies(last_active: Option<DateTime<Utc>>, opened: DateTime<Utc>) -> bool {
    last_active.is_none_or(|active| active <= opened)
}

/// The offices with fewer members than the policy's minimum, with their size and minimum.
/// `maintainers` is `None` when the guild maps no maintainer role (nothing to count).
pub fn shortfalls(policy: &Policy, tsc: u32, maintainers: Option<u32>) -> Vec<(GovRole, u32, u32)> {
    let mut out = Vec::new();
    if tsc < policy.min_tsc_members {
        out.push((GovRole::Tsc, tsc, policy.min_tsc_members));
    }
    if let Some(count) = maintainers
        && count < policy.min_maintainers
    {
        out.push((GovRole::Maintainer, count, policy.min_maintainers));
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    fn member(roles: &[GovRole], quiet_since: DateTime<Utc>) -> MemberActivity {
        MemberActivity {
            roles: RoleSet::new(roles.iter().copied()),
            in_guild: true,
            quiet_since,
            contacted: false,
            reviewed: false,
            review_undecided_at: None,
        }
    }

    #[test]
    fn the_quiet_period_starts_at_the_later_of_office_and_activity() {
        let took_office = at(2026, 1, 1);
        let tsc = [
            (GovRole::Tsc, took_office),
            (GovRole::Emeritus, at(2025, 1, 1)),
        ];
        assert_eq!(quiet_since(&tsc, None), Some(took_office));
        assert_eq!(quiet_since(&tsc, Some(at(2025, 6, 1))), Some(took_office));
        assert_eq!(
            quiet_since(&tsc, Some(at(2026, 2, 1))),
            Some(at(2026, 2, 1))
        );
        assert_eq!(
            quiet_since(&[(GovRole::Contributor, took_office)], None),
            None,
            "outside office"
        );
    }

    #[test]
    fn a_member_never_votes_on_their_own_status() {
        assert_eq!(review_electorate(2, &[1, 2, 3]), vec![1, 3]);
    }

    #[test]
    fn activity_after_a_review_opened_voids_it() {
        let opened = at(2026, 6, 1);
        assert!(review_still_applies(None, opened));
        assert!(review_still_applies(Some(at(2026, 2, 1)), opened));
        assert!(!review_still_applies(Some(at(2026, 6, 2)), opened));
    }

    #[test]
    fn months_are_calendar_months() {
        let since = at(2026, 1, 15);
        assert!(!quiet_for(since, at(2026, 4, 14), 3));
        assert!(quiet_for(since, at(2026, 4, 15), 3), "exactly three months");
        // 31 May minus 3 months is 28 February (clamped to the month's last day).
        assert!(quiet_for(at(2026, 2, 28), at(2026, 5, 31), 3));
        assert!(!quiet_for(at(2026, 3, 1), at(2026, 5, 31), 3));
    }

    #[test]
    fn the_next_step_follows_the_thresholds_in_order() {
        let p = Policy::default();
        let since = at(2026, 1, 1);
        let tsc = [GovRole::Tsc];
        // (description, contacted, reviewed, now, expected)
        let cases = [
            ("quiet 2 months", false, false, at(2026, 3, 1), None),
            (
                "quiet 3 months",
                false,
                false,
                at(2026, 4, 1),
                Some(Step::Contact),
            ),
            ("contacted, 5 months", true, false, at(2026, 6, 1), None),
            (
                "contacted, 6 months",
                true,
                false,
                at(2026, 7, 1),
                Some(Step::Review),
            ),
            (
                "never contacted, 7 months: contact first",
                false,
                false,
                at(2026, 8, 1),
                Some(Step::Contact),
            ),
            ("reviewed: nothing more", true, true, at(2027, 1, 1), None),
        ];
        for (what, contacted, reviewed, now, expected) in cases {
            let m = MemberActivity {
                contacted,
                reviewed,
                ..member(&tsc, since)
            };
            assert_eq!(next_step(&p, &m, now), expected, "{what}");
        }
    }

    #[test]
    fn a_review_that_decided_nothing_is_opened_again_after_the_retry_period() {
        let p = Policy::default(); // 30 days
        let ended = at(2026, 7, 10);
        let m = MemberActivity {
            contacted: true,
            reviewed: true,
            review_undecided_at: Some(ended),
            ..member(&[GovRole::Tsc], at(2026, 1, 1))
        };
        assert_eq!(next_step(&p, &m, at(2026, 8, 8)), None, "29 days later");
        assert_eq!(
            next_step(&p, &m, at(2026, 8, 9)),
            Some(Step::Review),
            "30 days later"
        );
        let decided = MemberActivity {
            review_undecided_at: None,
            ..m
        };
        assert_eq!(next_step(&p, &decided, at(2027, 1, 1)), None);
    }

    #[test]
    fn activity_resets_the_clock() {
        let p = Policy::default();
        let m = member(&[GovRole::Maintainer], at(2026, 1, 1));
        assert_eq!(next_step(&p, &m, at(2026, 4, 2)), Some(Step::Contact));
        // A message on 1 April starts a new quiet period with no steps taken.
        let after = member(&[GovRole::Maintainer], at(2026, 4, 1));
        assert_eq!(next_step(&p, &after, at(2026, 4, 2)), None);
        assert_eq!(next_step(&p, &after, at(2026, 7, 1)), Some(Step::Contact));
    }

    #[test]
    fn only_office_holders_still_in_the_server_are_watched() {
        let p = Policy::default();
        let since = at(2025, 1, 1);
        let now = at(2026, 1, 1);
        for roles in [
            vec![],
            vec![GovRole::Contributor],
            vec![GovRole::Emeritus],
            vec![GovRole::SecurityTeam],
        ] {
            assert_eq!(
                next_step(&p, &member(&roles, since), now),
                None,
                "{roles:?}"
            );
        }
        let left = MemberActivity {
            in_guild: false,
            ..member(&[GovRole::Tsc], since)
        };
        assert_eq!(next_step(&p, &left, now), None, "a member who left");
    }

    #[test]
    fn the_policy_sets_the_thresholds() {
        let p = Policy {
            inactivity_contact_months: 1,
            inactivity_review_months: 2,
            ..Policy::default()
        };
        let m = member(&[GovRole::Tsc], at(2026, 1, 1));
        assert_eq!(next_step(&p, &m, at(2026, 2, 1)), Some(Step::Contact));
        let contacted = MemberActivity {
            contacted: true,
            ..m
        };
        assert_eq!(
            next_step(&p, &contacted, at(2026, 3, 1) - Duration::seconds(1)),
            None
        );
        assert_eq!(
            next_step(&p, &contacted, at(2026, 3, 1)),
            Some(Step::Review)
        );
    }

    #[test]
    fn shortfalls_compare_with_the_minimums() {
        let p = Policy::default();
        assert_eq!(shortfalls(&p, 3, Some(3)), vec![]);
        assert_eq!(shortfalls(&p, 2, Some(3)), vec![(GovRole::Tsc, 2, 3)]);
        assert_eq!(
            shortfalls(&p, 1, Some(0)),
            vec![(GovRole::Tsc, 1, 3), (GovRole::Maintainer, 0, 3)]
        );
        assert_eq!(shortfalls(&p, 5, None), vec![], "no maintainer role mapped");
    }
}
