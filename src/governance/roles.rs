//! The governance roles of the document and what each may do.

use serde::{Deserialize, Serialize};

/// A role of the governance document that a guild maps to a Discord role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GovRole {
    Tsc,
    Maintainer,
    Contributor,
    SecurityTeam,
    Emeritus,
}

impl GovRole {
    pub const ALL: [GovRole; 5] = [
        Self::Tsc,
        Self::Maintainer,
        Self::Contributor,
        Self::SecurityTeam,
        Self::Emeritus,
    ];

    /// Stable name used in the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::Tsc => "tsc",
            Self::Maintainer => "maintainer",
            Self::Contributor => "contributor",
            Self::SecurityTeam => "security_team",
            Self::Emeritus => "emeritus",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// The governance roles one member holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleSet(Vec<GovRole>);

impl RoleSet {
    pub fn new(roles: impl IntoIterator<Item = GovRole>) -> Self {
        let mut roles: Vec<GovRole> = roles.into_iter().collect();
        roles.sort();
        roles.dedup();
        Self(roles)
    }

    pub fn has(&self, role: GovRole) -> bool {
        self.0.contains(&role)
    }

    pub fn iter(&self) -> impl Iterator<Item = GovRole> + '_ {
        self.0.iter().copied()
    }
}

/// Who the member is, as far as the rules care.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    pub roles: RoleSet,
    /// Holds Discord's Manage Server permission (guild administration, not governance).
    pub manages_guild: bool,
}

impl Standing {
    /// Only the TSC puts questions to a formal vote.
    pub fn may_start_ballot(&self) -> bool {
        self.roles.has(GovRole::Tsc)
    }

    /// The member who opened a ballot, or any TSC member, may cancel it.
    /// The member a ballot is about (a status review) may not cancel it.
    pub fn may_cancel_ballot(&self, is_opener: bool, is_its_subject: bool) -> bool {
        !is_its_subject && (is_opener || self.roles.has(GovRole::Tsc))
    }

    /// Mapping roles and channels is server administration.
    pub fn may_configure_guild(&self) -> bool {
        self.manages_guild
    }

    /// The numbers of the policy are the TSC's to change ("Update governance documents").
    pub fn may_change_policy(&self) -> bool {
        self.roles.has(GovRole::Tsc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(roles: &[GovRole], admin: bool) -> Standing {
        Standing {
            roles: RoleSet::new(roles.iter().copied()),
            manages_guild: admin,
        }
    }

    #[test]
    fn only_the_tsc_starts_ballots_and_changes_policy() {
        assert!(standing(&[GovRole::Tsc], false).may_start_ballot());
        assert!(standing(&[GovRole::Tsc], false).may_change_policy());
        for role in [GovRole::Maintainer, GovRole::Contributor, GovRole::Emeritus] {
            assert!(!standing(&[role], true).may_start_ballot(), "{role:?}");
            assert!(!standing(&[role], true).may_change_policy(), "{role:?}");
        }
    }

    #[test]
    fn opener_or_tsc_cancels() {
        assert!(standing(&[], false).may_cancel_ballot(true, false));
        assert!(standing(&[GovRole::Tsc], false).may_cancel_ballot(false, false));
        assert!(!standing(&[GovRole::Maintainer], true).may_cancel_ballot(false, false));
        assert!(
            !standing(&[GovRole::Tsc], false).may_cancel_ballot(false, true),
            "own review"
        );
    }

    #[test]
    fn guild_setup_needs_manage_server_not_a_governance_role() {
        assert!(standing(&[], true).may_configure_guild());
        assert!(!standing(&[GovRole::Tsc], false).may_configure_guild());
    }

    #[test]
    fn role_keys_round_trip() {
        for role in GovRole::ALL {
            assert_eq!(GovRole::from_key(role.key()), Some(role));
        }
    }
}
