//! Permissions as Discord computes them: base permissions from roles, then channel overwrites
//! (`@everyone`, roles, the member), a category's overwrites for a channel without its own.

use serde_json::Value;

use super::{State, as_id};
use crate::fixture::perms;

impl State {
    /// Base permissions of a member from its roles (Administrator = all).
    pub fn member_permissions(&self, user: u64) -> u64 {
        let Some(m) = self.members.get(&user) else {
            return 0;
        };
        if user == self.fx.owner {
            return perms::ALL;
        }
        let mut p = self
            .roles
            .get(&self.fx.guild)
            .map(|r| r.permissions)
            .unwrap_or(0);
        for r in &m.roles {
            if let Some(role) = self.roles.get(r) {
                p |= role.permissions;
            }
        }
        if p & perms::ADMINISTRATOR != 0 {
            perms::ALL
        } else {
            p & self.timeout_mask(user)
        }
    }

    /// What a timed-out member keeps (View Channel, Read Message History); all bits otherwise.
    fn timeout_mask(&self, user: u64) -> u64 {
        if self.is_timed_out(user) {
            perms::VIEW_CHANNEL | perms::READ_MESSAGE_HISTORY
        } else {
            perms::ALL
        }
    }

    /// Permissions of a member in a channel, applying overwrites as Discord does (a thread has
    /// its parent's).
    pub fn channel_permissions(&self, user: u64, channel: u64) -> u64 {
        let channel = self
            .threads
            .get(&channel)
            .map(|t| t.parent_id)
            .unwrap_or(channel);
        let base = self.member_permissions(user);
        if base & perms::ADMINISTRATOR != 0 || user == self.fx.owner {
            return perms::ALL;
        }
        let Some(c) = self.channels.get(&channel) else {
            return base;
        };
        let mut overwrites = c.permission_overwrites.clone();
        // A channel without overwrites of its own shows its category's (as if synced).
        if let Some(parent) = c.parent_id.and_then(|p| self.channels.get(&p))
            && overwrites.is_empty()
        {
            overwrites = parent.permission_overwrites.clone();
        }
        let roles = self
            .members
            .get(&user)
            .map(|m| m.roles.clone())
            .unwrap_or_default();
        let bits = |o: &Value, k: &str| {
            o[k].as_str()
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0)
        };
        let mut p = base;
        let everyone = self.fx.guild;
        for o in overwrites
            .iter()
            .filter(|o| as_id(&o["id"]) == Some(everyone))
        {
            p = (p & !bits(o, "deny")) | bits(o, "allow");
        }
        let (mut allow, mut deny) = (0, 0);
        for o in overwrites
            .iter()
            .filter(|o| o["type"] == 0 && as_id(&o["id"]).is_some_and(|id| roles.contains(&id)))
        {
            allow |= bits(o, "allow");
            deny |= bits(o, "deny");
        }
        p = (p & !deny) | allow;
        for o in overwrites
            .iter()
            .filter(|o| o["type"] == 1 && as_id(&o["id"]) == Some(user))
        {
            p = (p & !bits(o, "deny")) | bits(o, "allow");
        }
        p & self.timeout_mask(user)
    }
}
