//! The governance roles of the document, and a member's standing (what the rules need to know
//! of them). What each role may do is `permissions`.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_round_trip() {
        for role in GovRole::ALL {
            assert_eq!(GovRole::from_key(role.key()), Some(role));
        }
    }
}
