//! Threads and forum posts as tests look at them, and what members do with them: which threads a
//! channel has, who is in one, who can see it (Discord's rule for private threads), joining one.

use std::collections::HashMap;

use crate::Sim;
use crate::fixture::channel_kind;

/// A thread (or forum post) as the simulator keeps it; tests get clones.
#[derive(Clone, Debug)]
pub struct SimThread {
    pub id: u64,
    /// The text, announcement or forum channel it is in.
    pub parent_id: u64,
    pub name: String,
    /// 10 announcement thread, 11 public thread (and forum post), 12 private thread.
    pub kind: u8,
    /// Who created it.
    pub owner_id: u64,
    pub archived: bool,
    pub locked: bool,
    /// Private threads: whether non-moderators may add others.
    pub invitable: bool,
    /// Minutes of inactivity before Discord archives it: 60, 1440, 4320 or 10080.
    pub auto_archive_duration: u64,
    /// Members of the thread, in join order.
    pub members: Vec<u64>,
    /// Started from this message (whose id is the thread's), or a forum post's starter message.
    pub starter_message: Option<u64>,
    pub(crate) created: String,
    pub(crate) archive_timestamp: String,
    pub(crate) joined: HashMap<u64, String>,
}

impl SimThread {
    pub fn is_private(&self) -> bool {
        self.kind == channel_kind::PRIVATE_THREAD
    }

    pub fn has_member(&self, user: u64) -> bool {
        self.members.contains(&user)
    }
}

impl Sim {
    /// Threads and forum posts of a channel, oldest first.
    pub fn threads_of(&self, parent: u64) -> Vec<SimThread> {
        let st = self.inner.lock();
        st.threads
            .values()
            .filter(|t| t.parent_id == parent)
            .cloned()
            .collect()
    }

    pub fn thread(&self, id: u64) -> Option<SimThread> {
        self.inner.lock().threads.get(&id).cloned()
    }

    /// Members of a thread, in join order (empty if there is no such thread).
    pub fn thread_members(&self, id: u64) -> Vec<u64> {
        self.thread(id).map(|t| t.members).unwrap_or_default()
    }

    /// Whether `user` can see `channel` as Discord decides it: View Channel in a guild channel;
    /// for a thread, seeing its parent, and for a private thread also being in it or having
    /// Manage Threads in the parent; for a DM, being its recipient.
    pub fn can_see(&self, user: u64, channel: u64) -> bool {
        self.inner.lock().can_see(user, channel)
    }

    /// Waits until a thread of `parent` matches (the oldest match is returned).
    pub async fn wait_for_thread(
        &self,
        parent: u64,
        pred: impl Fn(&SimThread) -> bool,
    ) -> SimThread {
        self.wait_until(&format!("a matching thread in channel {parent}"), |v| {
            v.st.threads
                .values()
                .find(|t| t.parent_id == parent && pred(t))
                .cloned()
        })
        .await
    }

    /// A member joins a public thread (THREAD_MEMBERS_UPDATE with the GUILD_MEMBERS intent).
    /// Panics for a private thread (members are added to those) or one they cannot see.
    pub fn join_thread(&self, user: u64, thread: u64) {
        let r = self.inner.with(|st| {
            let t = st.threads.get(&thread).ok_or("no such thread")?;
            if t.is_private() {
                return Err("a member cannot join a private thread; they are added to it");
            }
            if !st.can_see(user, thread) {
                return Err("the member cannot see this thread");
            }
            st.add_thread_member(thread, user);
            Ok(())
        });
        if let Err(e) = r {
            panic!(
                "{} cannot join thread {thread}: {e}\n{}",
                self.fx.name_of(user),
                self.dump()
            );
        }
    }

    /// A member leaves a thread (THREAD_MEMBERS_UPDATE with the GUILD_MEMBERS intent).
    pub fn leave_thread(&self, user: u64, thread: u64) {
        self.inner.with(|st| st.remove_thread_member(thread, user));
    }
}
