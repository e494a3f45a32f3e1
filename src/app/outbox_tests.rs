//! Notices: old payloads still decode, keys tell events apart, repeats as registered.

use super::*;

#[test]
fn payloads_queued_by_older_versions_still_decode() {
    let old = r#"{"kind":"inactivity_reported","channel_id":5,"member_id":6,"months":3}"#;
    let notice: Notice = serde_json::from_str(old).unwrap();
    assert_eq!(
        notice,
        Notice::InactivityReported {
            member_id: 6,
            months: 3,
            step_id: 0
        }
    );
}

#[test]
fn events_of_the_same_kind_get_different_keys() {
    let a = Notice::RoleChange {
        member_id: 1,
        role_id: 2,
        add: true,
        at_ms: 10,
    };
    let b = Notice::RoleChange {
        member_id: 1,
        role_id: 2,
        add: true,
        at_ms: 20,
    };
    assert_ne!(a.key(9), b.key(9));
    assert_eq!(a.key(9), a.clone().key(9));
    assert_eq!(
        Notice::BallotRefresh { ballot_id: 3 }.repeat(),
        Repeat::Latest
    );
    assert_eq!(Notice::BallotResult { ballot_id: 3 }.repeat(), Repeat::Once);
}
