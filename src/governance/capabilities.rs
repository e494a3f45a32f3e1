//! What Steward needs of a server to work, checked before a process fails days later: the
//! Server Members intent, its permissions in each channel it posts in, Manage Roles and a role
//! above every role it grants or removes, Manage Channels where working groups get their
//! channels, Manage Messages for pins. Pure: the facts are read from Discord by the caller;
//! here each becomes a line, OK or a problem with the features it breaks.

use super::roles::GovRole;

/// Discord's permission bits that Steward needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Perm {
    ViewChannel,
    SendMessages,
    EmbedLinks,
    ManageRoles,
    ManageChannels,
    ManageMessages,
    CreatePublicThreads,
    CreatePrivateThreads,
    SendMessagesInThreads,
    ModerateMembers,
}

impl Perm {
    pub const ALL: [Perm; 10] = [
        Self::ViewChannel,
        Self::SendMessages,
        Self::EmbedLinks,
        Self::ManageRoles,
        Self::ManageChannels,
        Self::ManageMessages,
        Self::CreatePublicThreads,
        Self::CreatePrivateThreads,
        Self::SendMessagesInThreads,
        Self::ModerateMembers,
    ];

    pub const fn bit(self) -> u64 {
        match self {
            Self::ManageChannels => 1 << 4,
            Self::ViewChannel => 1 << 10,
            Self::SendMessages => 1 << 11,
            Self::ManageMessages => 1 << 13,
            Self::EmbedLinks => 1 << 14,
            Self::ManageRoles => 1 << 28,
            Self::CreatePublicThreads => 1 << 35,
            Self::CreatePrivateThreads => 1 << 36,
            Self::SendMessagesInThreads => 1 << 38,
            Self::ModerateMembers => 1 << 40,
        }
    }

    /// Discord's name of the permission (as its settings show it, in English).
    pub const fn key(self) -> &'static str {
        match self {
            Self::ViewChannel => "view-channel",
            Self::SendMessages => "send-messages",
            Self::EmbedLinks => "embed-links",
            Self::ManageRoles => "manage-roles",
            Self::ManageChannels => "manage-channels",
            Self::ManageMessages => "manage-messages",
            Self::CreatePublicThreads => "create-public-threads",
            Self::CreatePrivateThreads => "create-private-threads",
            Self::SendMessagesInThreads => "send-messages-in-threads",
            Self::ModerateMembers => "moderate-members",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The permissions a REST request needs (method and path, ids as digits), so that a refusal
/// names the permission that failed rather than every permission a step might need. Discord's
/// 403 does not say which one is missing; the route does.
pub fn needed_for(method: &str, path: &str) -> Vec<Perm> {
    use Perm::*;
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match (method, parts.as_slice()) {
        ("PUT" | "DELETE", ["channels", _, "pins", _] | ["channels", _, "messages", "pins", _]) => {
            vec![ManageMessages]
        }
        ("POST", ["channels", _, "messages", _, "threads"]) => {
            vec![CreatePublicThreads]
        }
        ("POST", ["channels", _, "threads"]) => vec![CreatePublicThreads, CreatePrivateThreads],
        ("PUT" | "DELETE", ["channels", _, "thread-members", _]) => vec![SendMessagesInThreads],
        ("POST", ["channels", _, "messages"]) => vec![ViewChannel, SendMessages, EmbedLinks],
        ("PATCH", ["channels", _, "messages", _]) => vec![ViewChannel],
        ("PATCH" | "DELETE", ["channels", _])
        | ("PUT" | "DELETE", ["channels", _, "permissions", _]) => {
            vec![ManageChannels, ManageRoles]
        }
        ("POST", ["guilds", _, "channels"]) => vec![ManageChannels],
        ("PATCH", ["guilds", _, "members", _]) => vec![ModerateMembers],
        (_, ["guilds", _, "roles", ..] | ["guilds", _, "members", _, "roles", _]) => {
            vec![ManageRoles]
        }
        _ => vec![],
    }
}

/// Appends the permissions a refused request needed to its error text, as `[needs a, b]`.
pub fn with_needs(detail: String, perms: &[Perm]) -> String {
    if perms.is_empty() {
        return detail;
    }
    let keys: Vec<&str> = perms.iter().map(|p| p.key()).collect();
    format!("{detail} [needs {}]", keys.join(", "))
}

/// The permissions [`with_needs`] named in an error text.
pub fn needs_in(detail: &str) -> Vec<Perm> {
    let Some(start) = detail.rfind("[needs ") else {
        return vec![];
    };
    detail[start + 7..]
        .trim_end_matches(']')
        .split(", ")
        .filter_map(Perm::from_key)
        .collect()
}

/// What a channel is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelUse {
    Announcements,
    Tsc,
    Rfc,
    Releases,
    Security,
    Maintainers,
}

/// A role Steward grants or removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleUse {
    Governance(GovRole),
    /// A working group's role; its name.
    WorkingGroup(String),
}

/// A channel as Steward sees it: `None` permissions when it no longer exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelSeen {
    pub id: u64,
    pub permissions: Option<u64>,
}

/// A role as Discord orders it: `None` position when it no longer exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSeen {
    pub used_for: RoleUse,
    pub id: u64,
    pub position: Option<u16>,
}

/// Everything the check needs, read from Discord.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerFacts {
    /// The application's Server Members intent (`None`: could not be read).
    pub members_intent: Option<bool>,
    /// Steward's permissions in the server (from its roles).
    pub server_permissions: u64,
    /// The position of Steward's highest role.
    pub bot_position: u16,
    pub channels: Vec<(ChannelUse, ChannelSeen)>,
    pub wg_category: Option<ChannelSeen>,
    pub roles: Vec<RoleSeen>,
}

/// What a line is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    MembersIntent,
    Channel(ChannelUse, u64),
    ManageRoles,
    RoleOrder(RoleUse, u64),
    WgCategory(u64),
    /// Manage Messages, to pin RFC cards and charters.
    Pins,
    /// Members reached in DMs: not checkable from the server, said as a note.
    DirectMessages,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    IntentOff,
    /// The channel or category was deleted: `/govern setup` must name another.
    ChannelGone,
    Missing(Vec<Perm>),
    RoleGone,
    /// Steward's highest role is not above this role.
    RoleNotBelow,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub subject: Subject,
    /// `None`: OK.
    pub problem: Option<Problem>,
}

/// What a failure of a line breaks, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    Ballots,
    Announcements,
    TscNotices,
    Rfcs,
    Releases,
    Security,
    Mediation,
    Roster,
    WorkingGroups,
    Succession,
}

impl Feature {
    pub const fn key(self) -> &'static str {
        match self {
            Self::Ballots => "ballots",
            Self::Announcements => "announcements",
            Self::TscNotices => "tsc-notices",
            Self::Rfcs => "rfcs",
            Self::Releases => "releases",
            Self::Security => "security",
            Self::Mediation => "mediation",
            Self::Roster => "roster",
            Self::WorkingGroups => "working-groups",
            Self::Succession => "succession",
        }
    }
}

const POSTING: [Perm; 3] = [Perm::ViewChannel, Perm::SendMessages, Perm::EmbedLinks];

impl Subject {
    /// The features that stop working while this line has a problem.
    pub fn breaks(&self) -> &'static [Feature] {
        match self {
            Self::MembersIntent => &[Feature::Ballots, Feature::Roster, Feature::Succession],
            Self::Channel(ChannelUse::Announcements, _) => {
                &[Feature::Ballots, Feature::Announcements]
            }
            Self::Channel(ChannelUse::Tsc, _) => &[Feature::TscNotices, Feature::Succession],
            Self::Channel(ChannelUse::Rfc, _) => &[Feature::Rfcs],
            Self::Channel(ChannelUse::Releases, _) => &[Feature::Releases],
            Self::Channel(ChannelUse::Security, _) => &[Feature::Security],
            Self::Channel(ChannelUse::Maintainers, _) => &[Feature::Mediation],
            Self::ManageRoles => &[Feature::Roster, Feature::WorkingGroups],
            Self::RoleOrder(RoleUse::Governance(_), _) => &[Feature::Roster],
            Self::RoleOrder(RoleUse::WorkingGroup(_), _) => &[Feature::WorkingGroups],
            Self::WgCategory(_) => &[Feature::WorkingGroups],
            Self::Pins => &[Feature::Rfcs, Feature::WorkingGroups],
            Self::DirectMessages => &[Feature::Succession],
        }
    }
}

fn missing(have: u64, need: &[Perm]) -> Option<Problem> {
    let lacking: Vec<Perm> = need
        .iter()
        .copied()
        .filter(|p| have & p.bit() == 0)
        .collect();
    (!lacking.is_empty()).then_some(Problem::Missing(lacking))
}

/// The report: one line per capability, in the order an admin fixes them.
pub fn check(facts: &ServerFacts) -> Vec<Line> {
    let line = |subject, problem| Line { subject, problem };
    let mut lines = vec![line(
        Subject::MembersIntent,
        (facts.members_intent == Some(false)).then_some(Problem::IntentOff),
    )];
    for (used_for, seen) in &facts.channels {
        let problem = match seen.permissions {
            None => Some(Problem::ChannelGone),
            Some(p) => missing(p, &POSTING),
        };
        lines.push(line(Subject::Channel(*used_for, seen.id), problem));
    }
    let manages_roles = facts.server_permissions & Perm::ManageRoles.bit() != 0;
    lines.push(line(
        Subject::ManageRoles,
        (!manages_roles).then(|| Problem::Missing(vec![Perm::ManageRoles])),
    ));
    for role in &facts.roles {
        let problem = match role.position {
            None => Some(Problem::RoleGone),
            // Discord lets a bot manage only the roles strictly below its highest.
            Some(p) if p >= facts.bot_position => Some(Problem::RoleNotBelow),
            Some(_) => None,
        };
        lines.push(line(
            Subject::RoleOrder(role.used_for.clone(), role.id),
            problem,
        ));
    }
    if let Some(category) = &facts.wg_category {
        let problem = match category.permissions {
            None => Some(Problem::ChannelGone),
            Some(p) => missing(p, &[Perm::ViewChannel, Perm::ManageChannels]),
        };
        lines.push(line(Subject::WgCategory(category.id), problem));
    }
    // Pins happen in the RFC channel and in working-group channels: where those are set, the
    // permission must hold there; otherwise in the server.
    let pin_places: Vec<Option<u64>> = facts
        .channels
        .iter()
        .filter(|(u, _)| *u == ChannelUse::Rfc)
        .map(|(_, c)| c.permissions)
        .chain(facts.wg_category.iter().map(|c| c.permissions))
        .collect();
    let pins = if pin_places.is_empty() {
        facts.server_permissions & Perm::ManageMessages.bit() != 0
    } else {
        pin_places
            .iter()
            .flatten()
            .all(|p| p & Perm::ManageMessages.bit() != 0)
    };
    lines.push(line(
        Subject::Pins,
        (!pins).then(|| Problem::Missing(vec![Perm::ManageMessages])),
    ));
    lines.push(line(Subject::DirectMessages, None));
    lines
}

/// Whether the report has anything to fix.
pub fn has_problems(lines: &[Line]) -> bool {
    lines.iter().any(|l| l.problem.is_some())
}

#[cfg(test)]
#[path = "capabilities_tests.rs"]
mod tests;
