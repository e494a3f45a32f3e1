//! Threads in the state: the channel object Discord sends for one, thread members, who can see a
//! thread, and what a message in a thread does (its author and the members it pings join, an
//! archived thread is unarchived).

use std::collections::HashMap;

use serde_json::{Value, json};

use super::{State, now_ts, sid};
use crate::fixture::{channel_kind, perms};
use crate::thread::SimThread;

impl State {
    /// A new thread, with its creator as first member; THREAD_CREATE follows.
    pub(crate) fn new_thread(
        &mut self,
        id: u64,
        parent: u64,
        name: &str,
        kind: u8,
        body: &Value,
    ) -> &SimThread {
        let now = now_ts();
        let t = SimThread {
            id,
            parent_id: parent,
            name: name.to_string(),
            kind,
            owner_id: self.fx.bot,
            archived: false,
            locked: false,
            invitable: kind == channel_kind::PRIVATE_THREAD
                && body["invitable"].as_bool().unwrap_or(true),
            auto_archive_duration: body["auto_archive_duration"].as_u64().unwrap_or(1440),
            members: vec![self.fx.bot],
            starter_message: None,
            created: now.clone(),
            archive_timestamp: now.clone(),
            joined: HashMap::from([(self.fx.bot, now)]),
        };
        self.threads.insert(id, t);
        if self.has_intent(0) {
            let mut j = self.thread_json(id);
            j["newly_created"] = json!(true);
            self.dispatch("THREAD_CREATE", j);
        }
        &self.threads[&id]
    }

    /// The channel object of a thread (with `member` when the bot is in it).
    pub fn thread_json(&self, id: u64) -> Value {
        let t = &self.threads[&id];
        let last = self
            .channel_order
            .get(&id)
            .and_then(|v| v.last())
            .map(|m| sid(*m));
        let counted = self
            .channel_order
            .get(&id)
            .map(|v| v.iter().filter(|m| **m != id).count())
            .unwrap_or(0);
        let mut metadata = json!({
            "archived": t.archived,
            "auto_archive_duration": t.auto_archive_duration,
            "archive_timestamp": t.archive_timestamp,
            "locked": t.locked,
            "create_timestamp": t.created,
        });
        if t.is_private() {
            metadata["invitable"] = json!(t.invitable);
        }
        let mut j = json!({
            "id": sid(id),
            "type": t.kind,
            "guild_id": sid(self.fx.guild),
            "parent_id": sid(t.parent_id),
            "owner_id": sid(t.owner_id),
            "name": t.name,
            "last_message_id": last,
            "rate_limit_per_user": 0,
            "flags": 0,
            "message_count": counted,
            "total_message_sent": counted,
            "member_count": t.members.len().min(50),
            "thread_metadata": metadata,
        });
        if self
            .channels
            .get(&t.parent_id)
            .is_some_and(|p| p.kind == channel_kind::FORUM)
        {
            j["applied_tags"] = json!([]);
        }
        if let Some(ts) = t.joined.get(&self.fx.bot) {
            j["member"] = json!({"join_timestamp": ts, "flags": 0});
        }
        j
    }

    /// A thread member object; with the guild member when `with_member`.
    pub fn thread_member_json(&self, thread: u64, user: u64, with_member: bool) -> Value {
        let t = &self.threads[&thread];
        let mut j = json!({
            "id": sid(thread),
            "user_id": sid(user),
            "join_timestamp": t.joined.get(&user).cloned().unwrap_or_else(now_ts),
            "flags": 0,
        });
        if with_member && self.members.contains_key(&user) {
            j["member"] = self.member_json(user);
        }
        j
    }

    /// Discord's visibility rule (see [`crate::Sim::can_see`]).
    pub fn can_see(&self, user: u64, channel: u64) -> bool {
        if let Some(t) = self.threads.get(&channel) {
            let parent = t.parent_id;
            return self.can_see(user, parent)
                && (!t.is_private()
                    || t.has_member(user)
                    || self.channel_permissions(user, parent) & perms::MANAGE_THREADS != 0);
        }
        if self.channels.contains_key(&channel) {
            return self.members.contains_key(&user)
                && self.channel_permissions(user, channel) & perms::VIEW_CHANNEL != 0;
        }
        self.is_dm(channel) == Some(user)
    }

    /// Adds a member to a thread; THREAD_MEMBERS_UPDATE if it changed.
    pub(crate) fn add_thread_member(&mut self, thread: u64, user: u64) -> bool {
        let Some(t) = self.threads.get_mut(&thread) else {
            return false;
        };
        if t.has_member(user) {
            return false;
        }
        t.members.push(user);
        t.joined.insert(user, now_ts());
        let added = self.thread_member_json(thread, user, true);
        self.thread_members_update(thread, user, json!({"added_members": [added]}));
        true
    }

    /// Removes a member from a thread; THREAD_MEMBERS_UPDATE if it changed.
    pub(crate) fn remove_thread_member(&mut self, thread: u64, user: u64) -> bool {
        let Some(t) = self.threads.get_mut(&thread) else {
            return false;
        };
        if !t.has_member(user) {
            return false;
        }
        t.members.retain(|u| *u != user);
        t.joined.remove(&user);
        self.thread_members_update(thread, user, json!({"removed_member_ids": [sid(user)]}));
        true
    }

    /// THREAD_MEMBERS_UPDATE: other members' changes need GUILD_MEMBERS, the bot's own do not.
    fn thread_members_update(&mut self, thread: u64, user: u64, change: Value) {
        if !(self.has_intent(1) || (user == self.fx.bot && self.has_intent(0))) {
            return;
        }
        let mut d = json!({
            "id": sid(thread),
            "guild_id": sid(self.fx.guild),
            "member_count": self.threads[&thread].members.len().min(50),
        });
        if let (Some(d), Value::Object(c)) = (d.as_object_mut(), change) {
            d.extend(c);
        }
        self.dispatch("THREAD_MEMBERS_UPDATE", d);
    }

    /// Sets a thread's archived flag; THREAD_UPDATE follows.
    pub(crate) fn set_archived(&mut self, thread: u64, archived: bool) {
        if let Some(t) = self.threads.get_mut(&thread) {
            t.archived = archived;
            t.archive_timestamp = now_ts();
        }
        self.thread_update(thread);
    }

    pub(crate) fn thread_update(&mut self, thread: u64) {
        if self.threads.contains_key(&thread) && self.has_intent(0) {
            let j = self.thread_json(thread);
            self.dispatch("THREAD_UPDATE", j);
        }
    }

    /// A message was posted in a thread: an archived thread is unarchived, its author and the
    /// members it pings (if they can see the parent) join.
    pub(crate) fn thread_message_posted(&mut self, thread: u64, author: u64, pinged: &[u64]) {
        let Some(t) = self.threads.get(&thread) else {
            return;
        };
        if t.archived {
            self.set_archived(thread, false);
        }
        let parent = self.threads[&thread].parent_id;
        for u in std::iter::once(&author).chain(pinged) {
            if self.members.contains_key(u) && self.can_see(*u, parent) {
                self.add_thread_member(thread, *u);
            }
        }
    }
}
