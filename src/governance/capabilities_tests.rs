//! The check's rules, one case per problem an admin can make.

use super::*;

const ALL_POSTING: u64 = (1 << 10) | (1 << 11) | (1 << 14);
const EVERYTHING: u64 = ALL_POSTING | (1 << 4) | (1 << 13) | (1 << 28);

fn healthy() -> ServerFacts {
    ServerFacts {
        members_intent: Some(true),
        server_permissions: EVERYTHING,
        bot_position: 8,
        channels: vec![
            (
                ChannelUse::Announcements,
                ChannelSeen {
                    id: 1,
                    permissions: Some(EVERYTHING),
                },
            ),
            (
                ChannelUse::Tsc,
                ChannelSeen {
                    id: 2,
                    permissions: Some(EVERYTHING),
                },
            ),
            (
                ChannelUse::Rfc,
                ChannelSeen {
                    id: 3,
                    permissions: Some(EVERYTHING),
                },
            ),
        ],
        wg_category: Some(ChannelSeen {
            id: 4,
            permissions: Some(EVERYTHING),
        }),
        roles: vec![
            RoleSeen {
                used_for: RoleUse::Governance(GovRole::Tsc),
                id: 10,
                position: Some(6),
            },
            RoleSeen {
                used_for: RoleUse::WorkingGroup("Docs".into()),
                id: 11,
                position: Some(1),
            },
        ],
    }
}

fn problems(facts: &ServerFacts) -> Vec<(Subject, Problem)> {
    check(facts)
        .into_iter()
        .filter_map(|l| Some((l.subject, l.problem?)))
        .collect()
}

#[test]
fn a_healthy_server_has_one_ok_line_per_capability() {
    let lines = check(&healthy());
    assert!(!has_problems(&lines));
    // Intent, three channels, Manage Roles, two roles, the category, pins, DMs.
    assert_eq!(lines.len(), 10);
}

#[test]
fn the_members_intent_off_breaks_ballots_and_the_roster() {
    let facts = ServerFacts {
        members_intent: Some(false),
        ..healthy()
    };
    assert_eq!(
        problems(&facts),
        [(Subject::MembersIntent, Problem::IntentOff)]
    );
    assert!(Subject::MembersIntent.breaks().contains(&Feature::Ballots));
    // Unknown is not reported as a problem.
    let facts = ServerFacts {
        members_intent: None,
        ..healthy()
    };
    assert!(problems(&facts).is_empty());
}

#[test]
fn a_channel_without_send_or_embed_is_named_with_what_is_missing() {
    let mut facts = healthy();
    facts.channels[0].1.permissions = Some(1 << 10);
    assert_eq!(
        problems(&facts),
        [(
            Subject::Channel(ChannelUse::Announcements, 1),
            Problem::Missing(vec![Perm::SendMessages, Perm::EmbedLinks])
        )]
    );
}

#[test]
fn a_deleted_channel_is_gone() {
    let mut facts = healthy();
    facts.channels[1].1.permissions = None;
    assert_eq!(
        problems(&facts),
        [(Subject::Channel(ChannelUse::Tsc, 2), Problem::ChannelGone)]
    );
}

#[test]
fn a_governance_role_at_or_above_stewards_role_cannot_be_managed() {
    let mut facts = healthy();
    facts.roles[0].position = Some(8);
    assert_eq!(
        problems(&facts),
        [(
            Subject::RoleOrder(RoleUse::Governance(GovRole::Tsc), 10),
            Problem::RoleNotBelow
        )]
    );
    facts.roles[0].position = None;
    assert_eq!(problems(&facts)[0].1, Problem::RoleGone);
}

#[test]
fn without_manage_roles_the_roster_and_groups_break() {
    let facts = ServerFacts {
        server_permissions: EVERYTHING & !(1 << 28),
        ..healthy()
    };
    assert_eq!(
        problems(&facts),
        [(
            Subject::ManageRoles,
            Problem::Missing(vec![Perm::ManageRoles])
        )]
    );
}

#[test]
fn the_category_needs_manage_channels_and_pins_need_manage_messages() {
    let mut facts = healthy();
    facts.wg_category = Some(ChannelSeen {
        id: 4,
        permissions: Some(EVERYTHING & !(1 << 4) & !(1 << 13)),
    });
    assert_eq!(
        problems(&facts),
        [
            (
                Subject::WgCategory(4),
                Problem::Missing(vec![Perm::ManageChannels])
            ),
            (Subject::Pins, Problem::Missing(vec![Perm::ManageMessages])),
        ]
    );
}

/// A refused request names the permission it needed: a failed pin is Manage Messages, not
/// everything a working group's provisioning might need.
#[test]
fn a_refused_request_names_the_permission_it_needed() {
    use Perm::*;
    let cases: [(&str, &str, &[Perm]); 8] = [
        ("PUT", "/channels/5/pins/6", &[ManageMessages]),
        ("PUT", "/channels/5/messages/pins/6", &[ManageMessages]),
        ("POST", "/guilds/1/roles", &[ManageRoles]),
        ("PUT", "/guilds/1/members/2/roles/3", &[ManageRoles]),
        ("POST", "/guilds/1/channels", &[ManageChannels]),
        (
            "POST",
            "/channels/5/messages",
            &[ViewChannel, SendMessages, EmbedLinks],
        ),
        (
            "POST",
            "/channels/5/messages/6/threads",
            &[CreatePublicThreads],
        ),
        ("PATCH", "/guilds/1/members/2", &[ModerateMembers]),
    ];
    for (method, path, perms) in cases {
        assert_eq!(needed_for(method, path), perms, "{method} {path}");
        let detail = with_needs("HTTP 403 (50013): Missing Permissions".into(), perms);
        assert_eq!(needs_in(&detail), perms, "{detail}");
    }
    assert_eq!(needs_in("HTTP 403 (50013): Missing Permissions"), vec![]);
}
