use chrono::TimeZone;
use proptest::prelude::*;

use super::*;
use crate::governance::policy::Ratio;

fn tally(yes: u32, abstain: u32, no: u32) -> Tally {
    Tally { yes, abstain, no }
}

fn binding(yes: u32, abstain: u32, no: u32) -> Count {
    Count {
        binding: tally(yes, abstain, no),
        non_binding: Tally::default(),
    }
}

fn counted_abstentions() -> Policy {
    Policy {
        abstentions: AbstentionRule::CountedInApproval,
        ..Policy::default()
    }
}

#[test]
fn outcome_table_under_the_default_policy() {
    let p = Policy::default();
    // (electorate, yes, abstain, no, expected)
    let cases = [
        (5, 3, 0, 0, Outcome::Approved), // 3 of 5 voted: quorum; 3/3 yes
        (5, 2, 0, 0, Outcome::NoQuorum), // 2 of 5 is not more than half
        (4, 2, 0, 0, Outcome::NoQuorum), // exactly half is not a majority
        (4, 2, 0, 1, Outcome::Approved), // 2/3 of votes is enough
        (6, 2, 0, 2, Outcome::Rejected), // 1/2 is below 2/3
        (5, 2, 1, 1, Outcome::Approved), // abstention excluded: 2 of 3 counted votes
        (5, 0, 3, 0, Outcome::Rejected), // quorum by abstentions alone approves nothing
        (7, 4, 0, 2, Outcome::Approved), // 4/6 = 2/3 exactly
        (7, 3, 0, 2, Outcome::Rejected), // 3/5 < 2/3
        (0, 0, 0, 0, Outcome::NoQuorum), // nobody to vote
    ];
    for (electorate, y, a, n, expected) in cases {
        assert_eq!(
            decide(&p, electorate, &binding(y, a, n)),
            expected,
            "electorate {electorate}, +1 {y}, 0 {a}, -1 {n}"
        );
    }
}

#[test]
fn counting_abstentions_in_the_approval_is_stricter() {
    let p = counted_abstentions();
    assert_eq!(decide(&p, 5, &binding(2, 1, 1)), Outcome::Rejected); // 2 of 4
    assert_eq!(decide(&p, 5, &binding(2, 1, 0)), Outcome::Approved); // 2 of 3
}

#[test]
fn policy_fractions_are_honoured() {
    let p = Policy {
        quorum: Ratio::new(2, 3),
        approval: Ratio::new(3, 4),
        ..Policy::default()
    };
    assert_eq!(decide(&p, 6, &binding(4, 0, 0)), Outcome::NoQuorum); // 4/6 is not more than 2/3
    assert_eq!(decide(&p, 6, &binding(5, 0, 0)), Outcome::Approved);
    assert_eq!(decide(&p, 6, &binding(3, 0, 2)), Outcome::Rejected); // 3/5 < 3/4
}

#[test]
fn non_binding_votes_never_decide() {
    let p = Policy::default();
    let count = Count {
        binding: tally(1, 0, 0),
        non_binding: tally(50, 0, 0),
    };
    assert_eq!(decide(&p, 5, &count), Outcome::NoQuorum);
}

#[test]
fn count_splits_binding_from_non_binding() {
    let count = Count::of([
        (Choice::Yes, true),
        (Choice::No, false),
        (Choice::Abstain, true),
    ]);
    assert_eq!(count.binding, tally(1, 1, 0));
    assert_eq!(count.non_binding, tally(0, 0, 1));
}

#[test]
fn a_minus_one_needs_a_concern() {
    assert_eq!(
        Vote::new(Choice::No, None),
        Err(BallotError::ConcernRequired)
    );
    assert_eq!(
        Vote::new(Choice::No, Some("   ")),
        Err(BallotError::ConcernRequired)
    );
    let too_long = "x".repeat(CONCERN_MAX + 1);
    assert_eq!(
        Vote::new(Choice::No, Some(&too_long)),
        Err(BallotError::ConcernTooLong)
    );
    let vote = Vote::new(Choice::No, Some("  no migration plan ")).unwrap();
    assert_eq!(vote.concern.as_deref(), Some("no migration plan"));
}

#[test]
fn plus_one_and_abstain_carry_no_concern() {
    for choice in [Choice::Yes, Choice::Abstain] {
        assert_eq!(Vote::new(choice, Some("ignored")).unwrap().concern, None);
    }
}

#[test]
fn votes_are_accepted_only_while_open_and_before_the_deadline() {
    let deadline = Utc.with_ymd_and_hms(2026, 1, 10, 12, 0, 0).unwrap();
    let before = deadline - Duration::seconds(1);
    assert_eq!(accepts_votes(true, deadline, before), Ok(()));
    assert_eq!(
        accepts_votes(true, deadline, deadline),
        Err(BallotError::Closed)
    );
    assert_eq!(
        accepts_votes(false, deadline, before),
        Err(BallotError::Closed)
    );
}

#[test]
fn voting_period_defaults_and_bounds() {
    let p = Policy::default();
    assert_eq!(voting_period(&p, None), Ok(Duration::days(7)));
    assert_eq!(voting_period(&p, Some("  ")), Ok(Duration::days(7)));
    assert_eq!(voting_period(&p, Some("72h")), Ok(Duration::hours(72)));
    assert_eq!(voting_period(&p, Some("10d")), Ok(Duration::days(10)));
    assert_eq!(voting_period(&p, Some("1w 2d")), Ok(Duration::days(9)));
    assert_eq!(
        voting_period(&p, Some("71h")),
        Err(BallotError::DurationTooShort { min_hours: 72 })
    );
    assert_eq!(
        voting_period(&p, Some("31d")),
        Err(BallotError::DurationTooLong { max_hours: 720 })
    );
    for bad in ["soon", "7", "-3d", "3 fortnights"] {
        assert_eq!(
            voting_period(&p, Some(bad)),
            Err(BallotError::BadDuration),
            "{bad}"
        );
    }
}

#[test]
fn reminder_falls_a_policy_period_before_the_deadline() {
    let p = Policy::default();
    let open = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let close = open + Duration::days(7);
    assert_eq!(
        reminder_at(&p, open, close),
        Some(close - Duration::hours(24))
    );
    assert_eq!(reminder_at(&p, open, open + Duration::hours(24)), None);
}

#[test]
fn text_limits_count_characters_not_bytes() {
    let title = "ü".repeat(TITLE_MAX);
    assert!(validate_text(&title, "").is_ok());
    assert_eq!(
        validate_text(&format!("{title}ü"), ""),
        Err(BallotError::TitleTooLong)
    );
    assert_eq!(validate_text("   ", "x"), Err(BallotError::EmptyTitle));
    assert_eq!(
        validate_text("t", &"d".repeat(DESCRIPTION_MAX + 1)),
        Err(BallotError::DescriptionTooLong)
    );
    assert_eq!(validate_reason(""), Err(BallotError::ReasonRequired));
    assert_eq!(validate_reason(" dup "), Ok("dup".into()));
}

#[test]
fn choice_symbols_and_storage_round_trip() {
    for c in Choice::ALL {
        assert_eq!(Choice::from_symbol(c.symbol()), Some(c));
        assert_eq!(Choice::from_i64(c.as_i64()), Some(c));
    }
    assert_eq!(Choice::from_symbol("+2"), None);
}

fn choice() -> impl Strategy<Value = Choice> {
    prop_oneof![Just(Choice::Yes), Just(Choice::Abstain), Just(Choice::No)]
}

use crate::governance::arbitrary::policy;

proptest! {
    #[test]
    fn quorum_needed_is_the_smallest_number_that_meets_quorum(
        p in policy(),
        electorate in 1u32..60,
    ) {
        let needed = quorum_needed(&p, electorate);
        prop_assert!(quorum_met(&p, electorate, &tally(needed, 0, 0)));
        prop_assert!(!quorum_met(&p, electorate, &tally(needed - 1, 0, 0)));
    }

    #[test]
    fn non_binding_votes_never_change_the_outcome(
        p in policy(),
        electorate in 1u32..30,
        binding_votes in prop::collection::vec(choice(), 0..30),
        extra in prop::collection::vec(choice(), 1..50),
    ) {
        let binding_votes: Vec<_> = binding_votes.into_iter().take(electorate as usize).collect();
        let before = Count::of(binding_votes.iter().map(|c| (*c, true)));
        let after = Count::of(
            binding_votes.iter().map(|c| (*c, true)).chain(extra.iter().map(|c| (*c, false))),
        );
        prop_assert_eq!(decide(&p, electorate, &before), decide(&p, electorate, &after));
    }

    #[test]
    fn quorum_is_more_than_the_policys_fraction_of_the_electorate(
        p in policy(),
        electorate in 1u32..40,
        votes in prop::collection::vec(choice(), 0..40),
    ) {
        let votes: Vec<_> = votes.into_iter().take(electorate as usize).collect();
        let voters = votes.len() as u64;
        let count = Count::of(votes.into_iter().map(|c| (c, true)));
        // The document's "a simple majority must vote", for any fraction: voters/electorate
        // strictly above quorum, in whole numbers.
        let met = voters * u64::from(p.quorum.den) > u64::from(electorate) * u64::from(p.quorum.num);
        prop_assert_eq!(decide(&p, electorate, &count) != Outcome::NoQuorum, met);
    }

    #[test]
    fn unanimous_approval_of_a_quorum_always_passes(
        p in policy(),
        electorate in 1u32..40,
    ) {
        let voters = quorum_needed(&p, electorate);
        prop_assume!(voters <= electorate);
        prop_assert_eq!(decide(&p, electorate, &binding(voters, 0, 0)), Outcome::Approved);
    }

    #[test]
    fn a_single_minus_one_among_abstentions_never_approves(
        p in policy(),
        electorate in 1u32..40,
        abstain in 0u32..40,
    ) {
        let count = binding(0, abstain.min(electorate.saturating_sub(1)), 1);
        prop_assert_ne!(decide(&p, electorate, &count), Outcome::Approved);
    }

    #[test]
    fn one_more_plus_one_never_turns_approval_into_rejection(
        p in policy(),
        y in 0u32..40, a in 0u32..6, n in 0u32..6, absent in 1u32..20,
    ) {
        let electorate = y + a + n + absent;
        let before = decide(&p, electorate, &binding(y, a, n));
        prop_assume!(before == Outcome::Approved);
        prop_assert_eq!(decide(&p, electorate, &binding(y + 1, a, n)), Outcome::Approved);
    }

    #[test]
    fn one_more_minus_one_never_turns_rejection_into_approval(
        p in policy(),
        y in 0u32..10, a in 0u32..6, n in 0u32..20, absent in 1u32..20,
    ) {
        let electorate = y + a + n + absent;
        let before = decide(&p, electorate, &binding(y, a, n));
        prop_assume!(before == Outcome::Rejected);
        prop_assert_eq!(decide(&p, electorate, &binding(y, a, n + 1)), Outcome::Rejected);
    }
}
