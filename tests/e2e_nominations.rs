//! Nominations end to end: the real bot against the Discord simulator, from `/nominate member`
//! to the role granted, and every way a nomination ends privately. Everything the bot sent
//! Discord is searched for the nominee's name and the statement, not only what is on screen.

mod support;

use chrono::Duration;
use serde_json::json;
use support::bot::{Harness, ballot_id, custom_ids};
use support::sim::{RecordedRequest, SimMessage};

const STATEMENT: &str = "FRANKS-STATEMENT: two years of runtime reviews and the WASI docs";
const LINKS: &str = "https://example.org/pulls?author=frank";
const CONCERN: &str = "Needs more time reviewing the scheduler";

/// erin (a maintainer) nominates frank as maintainer, area "Runtime", and fills in the form.
async fn nominate(h: &Harness) -> String {
    let fx = h.sim.fx().clone();
    let r = h
        .sim
        .slash(
            fx.erin,
            "nominate member",
            json!({"member": fx.frank, "area": "Runtime"}),
        )
        .await;
    let form = r.modal().custom_id.clone();
    assert!(form.starts_with("v2:nomination:"), "{form}");
    let r = h
        .sim
        .submit_modal(
            fx.erin,
            fx.general,
            &form,
            &[("statement", STATEMENT), ("links", LINKS)],
        )
        .await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains("is on its way"), "{}", r.text());
    form
}

/// The consent DM frank received, with its buttons.
async fn invitation(h: &Harness) -> SimMessage {
    let fx = h.sim.fx();
    h.sim
        .wait_for_dm(fx.frank, |m| !m.buttons().is_empty())
        .await
}

fn button(m: &SimMessage, suffix: &str) -> String {
    custom_ids(m)
        .into_iter()
        .find(|id| id.ends_with(suffix))
        .unwrap_or_else(|| panic!("no {suffix} button on {:?}", custom_ids(m)))
}

/// The private thread in the TSC channel: only the TSC (and moderators) can see it.
async fn private_thread(h: &Harness) -> u64 {
    let fx = h.sim.fx().clone();
    let thread = h
        .sim
        .wait_for_thread(fx.tsc_private, |t| t.is_private())
        .await;
    assert!(!thread.invitable, "members cannot bring others in");
    assert!(
        !thread.name.contains("Frank") && !thread.name.contains("Erin"),
        "{}",
        thread.name
    );
    thread.id
}

/// frank accepts; returns the ballot message in the private thread.
async fn accepted(h: &Harness) -> (u64, SimMessage) {
    let fx = h.sim.fx().clone();
    let dm = invitation(h).await;
    let r = h.sim.click(fx.frank, &dm, &button(&dm, ":accept")).await;
    assert!(r.text().contains("Thank you for accepting"), "{}", r.text());
    let thread = private_thread(h).await;
    let ballot = h
        .sim
        .wait_for_message(thread, |m| !m.buttons().is_empty())
        .await;
    (thread, ballot)
}

async fn vote(h: &Harness, ballot: &SimMessage, voters: &[u64], choice: &str) {
    let id = ballot_id(ballot);
    for voter in voters {
        h.sim
            .click(*voter, ballot, &format!("v2:ballot:{id}:vote:{choice}"))
            .await;
        if choice == "-1" {
            h.sim
                .submit_modal(
                    *voter,
                    ballot.channel_id,
                    &format!("v2:ballot:{id}:concern"),
                    &[("concern", CONCERN)],
                )
                .await;
        }
    }
}

/// The requests that went anywhere but the allowed places and the invoking member's own
/// ephemeral answers.
fn sent_elsewhere(h: &Harness, allowed_channels: &[u64]) -> Vec<RecordedRequest> {
    h.sim
        .requests()
        .into_iter()
        .filter(|r| {
            let to_allowed = allowed_channels
                .iter()
                .any(|c| r.path.starts_with(&format!("/channels/{c}/")));
            // Answers to a member's own command or click (ephemeral, or their own DM's update).
            let own_answer =
                r.path.starts_with("/interactions/") || r.path.starts_with("/webhooks/");
            !to_allowed && !own_answer
        })
        .collect()
}

fn mentions_nomination(r: &RecordedRequest, frank: u64) -> bool {
    let body = r.body.to_string();
    body.contains("FRANKS-STATEMENT")
        || body.contains("Frank")
        || body.contains(&format!("<@{frank}>"))
        || body.contains("example.org/pulls")
}

fn dm_channel(h: &Harness, user: u64) -> u64 {
    h.sim.dm_messages(user)[0].channel_id
}

#[tokio::test]
async fn accepted_and_approved_grants_the_role_and_updates_the_roster_export() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    nominate(&h).await;
    let dm = invitation(&h).await;
    assert!(dm.embed_text().contains(STATEMENT), "{}", dm.embed_text());
    assert!(dm.pinged_users().is_empty());
    let (thread, ballot) = accepted(&h).await;
    // The TSC is in the private thread; nobody else can see it; the card holds the statement.
    for member in [fx.alice, fx.bob, fx.carol, fx.dave] {
        assert!(h.sim.thread_members(thread).contains(&member), "{member}");
        assert!(h.sim.can_see(member, thread));
    }
    for outsider in [fx.erin, fx.frank] {
        assert!(
            !h.sim.can_see(outsider, thread),
            "{outsider} sees the thread"
        );
    }
    let card = h
        .sim
        .wait_for_message(thread, |m| m.embed_text().contains(STATEMENT))
        .await;
    assert!(
        card.content().contains("confirmed their interest"),
        "{}",
        card.content()
    );
    assert!(
        ballot.embed_text().contains("Nomination #1"),
        "{}",
        ballot.embed_text()
    );

    vote(&h, &ballot, &[fx.alice, fx.bob, fx.carol], "+1").await;
    // Until the decision, nothing about the nomination left the private places.
    let frank_dm = dm_channel(&h, fx.frank);
    let erin_dm = dm_channel(&h, fx.erin);
    let leaked: Vec<_> = sent_elsewhere(&h, &[thread, fx.tsc_private, frank_dm, erin_dm])
        .into_iter()
        .filter(|r| mentions_nomination(r, fx.frank))
        .collect();
    assert!(leaked.is_empty(), "{leaked:#?}");

    h.advance(Duration::days(7));
    h.sim
        .wait_for_role(fx.frank, fx.maintainers_role, true)
        .await;
    let welcome = h
        .sim
        .wait_for_message(fx.announcements, |m| m.content().contains("Please welcome"))
        .await;
    assert!(welcome.content().contains(&format!("<@{}>", fx.frank)));
    assert!(welcome.content().contains("Runtime"));
    assert!(welcome.pinged_users().is_empty());
    assert!(!welcome.content().contains("FRANKS-STATEMENT"));
    h.sim
        .wait_for_dm(fx.frank, |m| m.content().contains("Congratulations"))
        .await;
    h.sim
        .wait_for_edit(card.id, |m| m.content().contains("Approved"))
        .await;
    let export = h.sim.slash(fx.alice, "roster export", json!({})).await;
    assert!(
        export
            .content()
            .contains("- Frank - frank (Discord name) - Runtime"),
        "{}",
        export.content()
    );
    // The only public trace is the welcome.
    let public: Vec<_> = h
        .announcements()
        .into_iter()
        .filter(|m| {
            m.text().contains(&format!("<@{}>", fx.frank)) || m.text().contains("Nomination")
        })
        .collect();
    assert_eq!(public.len(), 1, "{public:#?}");
}

#[tokio::test]
async fn a_decline_ends_it_privately() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    nominate(&h).await;
    let dm = invitation(&h).await;
    let r = h.sim.click(fx.frank, &dm, &button(&dm, ":decline")).await;
    assert!(r.text().contains("is closed, privately"), "{}", r.text());
    assert!(r.buttons().is_empty(), "the buttons are gone");
    h.sim
        .wait_for_dm(fx.erin, |m| {
            m.content().contains("declined your nomination")
        })
        .await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains("declined nomination #1")
        })
        .await;
    // No thread, no ballot, nothing public, and the statement is gone from the database.
    assert!(h.sim.requests_to("POST /channels/{}/threads").is_empty());
    assert_eq!(h.count("ballots").await, 0);
    let leaked: Vec<_> = sent_elsewhere(
        &h,
        &[
            fx.tsc_private,
            dm_channel(&h, fx.frank),
            dm_channel(&h, fx.erin),
        ],
    )
    .into_iter()
    .filter(|r| mentions_nomination(r, fx.frank))
    .collect();
    assert!(leaked.is_empty(), "{leaked:#?}");
    let kept: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM nominations WHERE statement IS NOT NULL")
            .fetch_one(h.bot().app().db())
            .await
            .unwrap();
    assert_eq!(kept, 0);
    // The same answer again is refused.
    let again = h
        .sim
        .forge_click(fx.frank, &dm, &button(&dm, ":accept"))
        .await;
    assert!(again.text().contains("no longer waits"), "{}", again.text());
}

#[tokio::test]
async fn a_rejection_reaches_the_nominee_only_with_the_concerns_and_no_names() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    nominate(&h).await;
    let (thread, ballot) = accepted(&h).await;
    vote(&h, &ballot, &[fx.alice, fx.bob], "-1").await;
    vote(&h, &ballot, &[fx.carol], "+1").await;
    let announcements_before = h.announcements().len();
    h.advance(Duration::days(7));

    let told = h
        .sim
        .wait_for_dm(fx.frank, |m| m.content().contains("did not approve it"))
        .await;
    assert!(told.content().contains(CONCERN), "{}", told.content());
    for voter in [fx.alice, fx.bob, fx.carol] {
        assert!(!told.content().contains(&format!("<@{voter}>")), "no names");
    }
    h.sim
        .wait_for_message(fx.tsc_private, |m| m.content().contains("was not approved"))
        .await;
    h.advance(Duration::minutes(5));
    assert_eq!(
        h.announcements().len(),
        announcements_before,
        "nothing announced"
    );
    assert!(!h.sim.has_role(fx.frank, fx.maintainers_role));
    // Erin is not told the TSC's "no"; the nominee's DM is the only one about it.
    assert!(
        !h.sim
            .dm_messages(fx.erin)
            .iter()
            .any(|m| m.content().contains("not approved"))
    );
    let leaked: Vec<_> = sent_elsewhere(
        &h,
        &[
            thread,
            fx.tsc_private,
            dm_channel(&h, fx.frank),
            dm_channel(&h, fx.erin),
        ],
    )
    .into_iter()
    .filter(|r| mentions_nomination(r, fx.frank) || r.body.to_string().contains(CONCERN))
    .collect();
    assert!(leaked.is_empty(), "{leaked:#?}");
}

#[tokio::test]
async fn closed_dms_tell_the_tsc_and_the_nominee_answers_in_the_server() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    h.sim.close_dms(fx.frank);
    nominate(&h).await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| {
            m.content().contains("does not accept direct messages")
        })
        .await;
    h.sim
        .wait_for_dm(fx.erin, |m| m.content().contains("/nominate respond"))
        .await;
    // Someone else has nothing to answer; frank has.
    let other = h.sim.slash(fx.bob, "nominate respond", json!({})).await;
    assert!(
        other.text().contains("no nomination waiting"),
        "{}",
        other.text()
    );
    let r = h.sim.slash(fx.frank, "nominate respond", json!({})).await;
    assert!(r.is_ephemeral());
    assert!(r.text().contains(STATEMENT), "{}", r.text());
    let answer = r.message().clone();
    // A click by anyone but the nominee is refused and changes nothing.
    let forged = h
        .sim
        .forge_click(fx.bob, &answer, &button(&answer, ":accept"))
        .await;
    assert!(
        forged.text().contains("Only the member nominated"),
        "{}",
        forged.text()
    );
    assert!(h.sim.requests_to("POST /channels/{}/threads").is_empty());
    let accepted = h
        .sim
        .click(fx.frank, &answer, &button(&answer, ":accept"))
        .await;
    assert!(
        accepted.text().contains("Thank you for accepting"),
        "{}",
        accepted.text()
    );
    private_thread(&h).await;
}

#[tokio::test]
async fn a_tsc_seat_is_filled_the_same_way() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    // A maintainer cannot nominate for the TSC; a TSC member can, and names a maintainer.
    let refused = h
        .sim
        .slash(
            fx.erin,
            "nominate member",
            json!({"member": fx.erin, "office": 1}),
        )
        .await;
    assert!(
        refused.text().contains("Only TSC members"),
        "{}",
        refused.text()
    );
    let r = h
        .sim
        .slash(
            fx.alice,
            "nominate member",
            json!({"member": fx.erin, "office": 1}),
        )
        .await;
    let form = r.modal().custom_id.clone();
    h.sim
        .submit_modal(
            fx.alice,
            fx.general,
            &form,
            &[("statement", STATEMENT), ("links", LINKS)],
        )
        .await;
    let dm = h
        .sim
        .wait_for_dm(fx.erin, |m| !m.buttons().is_empty())
        .await;
    assert!(dm.content().contains("TSC member"), "{}", dm.content());
    h.sim.click(fx.erin, &dm, &button(&dm, ":accept")).await;
    let thread = private_thread(&h).await;
    let ballot = h
        .sim
        .wait_for_message(thread, |m| !m.buttons().is_empty())
        .await;
    vote(&h, &ballot, &[fx.alice, fx.bob, fx.carol, fx.dave], "+1").await;
    h.advance(Duration::days(7));
    h.sim.wait_for_role(fx.erin, fx.tsc_role, true).await;
    assert!(
        h.sim.has_role(fx.erin, fx.maintainers_role),
        "still a maintainer"
    );
    let export = h.sim.slash(fx.alice, "roster export", json!({})).await;
    let tsc_section = export
        .content()
        .split("### Maintainers")
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        tsc_section.contains("- Erin - erin"),
        "{}",
        export.content()
    );
}

#[tokio::test]
async fn bad_nominations_get_a_clear_private_answer() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    let cases = [
        (fx.frank, fx.bob, "Only maintainers"),
        (fx.erin, fx.erin, "cannot nominate yourself"),
        (fx.erin, fx.dave, "already a maintainer"),
        (fx.alice, fx.alice, "cannot nominate yourself"),
        (fx.alice, fx.bob, "already a maintainer"),
        (fx.erin, fx.bot, "A bot cannot be nominated"),
    ];
    for (by, nominee, expected) in cases {
        let r = h
            .sim
            .slash(by, "nominate member", json!({"member": nominee}))
            .await;
        assert!(r.is_ephemeral(), "{expected}");
        assert!(r.text().contains(expected), "{expected}: {}", r.text());
    }
    // One open nomination per member.
    nominate(&h).await;
    let again = h
        .sim
        .slash(fx.alice, "nominate member", json!({"member": fx.frank}))
        .await;
    assert!(
        again.text().contains("already has an open nomination"),
        "{}",
        again.text()
    );
    let list = h.sim.slash(fx.erin, "nominate list", json!({})).await;
    assert!(list.text().contains("TSC"), "{}", list.text());
    let list = h.sim.slash(fx.alice, "nominate list", json!({})).await;
    assert!(
        list.text().contains("waiting for their answer"),
        "{}",
        list.text()
    );
    assert_eq!(h.count("nominations").await, 1);
}

#[tokio::test]
async fn a_nominee_who_leaves_ends_the_nomination() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    nominate(&h).await;
    invitation(&h).await;
    h.sim.remove_member(fx.frank);
    h.sim
        .wait_for_message(fx.tsc_private, |m| m.content().contains("left the server"))
        .await;
    h.sim
        .wait_for_dm(fx.erin, |m| m.content().contains("left the server"))
        .await;
    let list = h.sim.slash(fx.alice, "nominate list", json!({})).await;
    assert!(
        list.text().contains("no open nomination"),
        "{}",
        list.text()
    );
    assert!(h.sim.requests_to("POST /channels/{}/threads").is_empty());
}

#[tokio::test]
async fn a_role_grant_refused_for_manage_roles_is_told_once_and_lands_once_granted() {
    let h = Harness::start().await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    h.sim.deny("PUT /guilds/{}/members/{}/roles/{}", None);
    nominate(&h).await;
    let (_, ballot) = accepted(&h).await;
    vote(&h, &ballot, &[fx.alice, fx.bob, fx.carol], "+1").await;
    h.advance(Duration::days(7));
    let told = h
        .sim
        .wait_for_message(fx.announcements, |m| m.content().contains("for lack of"))
        .await;
    assert!(
        told.content().contains("for lack of Manage Roles"),
        "{}",
        told.content()
    );
    // Said without naming the member or the nomination.
    assert!(!told.content().contains(&format!("<@{}>", fx.frank)));
    assert!(!told.content().contains("omination"), "{}", told.content());
    assert!(!h.sim.has_role(fx.frank, fx.maintainers_role));

    // The server admin grants the permission; the next retry finishes the job.
    h.sim.allow("PUT /guilds/{}/members/{}/roles/{}");
    h.advance(Duration::hours(1));
    h.sim
        .wait_for_role(fx.frank, fx.maintainers_role, true)
        .await;
    let told_twice = h
        .announcements()
        .iter()
        .filter(|m| m.content().contains("for lack of"))
        .count();
    assert_eq!(told_twice, 1, "the TSC is told once");
}

#[tokio::test]
async fn without_private_threads_the_tsc_channel_itself_holds_the_vote() {
    use support::sim::{Fixture, perms};
    let mut fx = Fixture::standard();
    fx.set_bot_permissions(perms::BOT & !perms::CREATE_PRIVATE_THREADS);
    let h = Harness::start_with(fx).await;
    h.setup().await;
    let fx = h.sim.fx().clone();
    nominate(&h).await;
    let dm = invitation(&h).await;
    h.sim.click(fx.frank, &dm, &button(&dm, ":accept")).await;
    h.sim
        .wait_for_message(fx.tsc_private, |m| m.embed_text().contains(STATEMENT))
        .await;
    let ballot = h
        .sim
        .wait_for_message(fx.tsc_private, |m| !m.buttons().is_empty())
        .await;
    assert!(h.sim.threads_of(fx.tsc_private).is_empty());
    vote(&h, &ballot, &[fx.alice, fx.bob, fx.carol], "+1").await;
    h.advance(Duration::days(7));
    h.sim
        .wait_for_role(fx.frank, fx.maintainers_role, true)
        .await;
}
