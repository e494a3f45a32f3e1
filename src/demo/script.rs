//! The walk-through: setting up the server, a TSC ballot, a working group chartered by a
//! ballot, and a quiet TSC member contacted after three months. Each step checks that members
//! saw what they should, so a broken step fails the demo (and its test) instead of printing less.

use anyhow::{Context, ensure};
use chrono::{Duration, Months};
use serde_json::json;

use super::{Community, Demo, start_time};
use crate::governance::working_group::slug;

/// The ballot the TSC votes on.
const BALLOT: &str = "Adopt the 2026 release schedule";
/// The working group erin proposes.
const GROUP: &str = "Release Tooling";
const CHARTER: [(&str, &str); 5] = [
    (
        "scope",
        "Automate releases: changelogs, signing, publishing",
    ),
    ("deliverables", "A release bot and a documented process"),
    ("timeline", "Six months"),
    ("resources", "CI minutes and a signing key"),
    ("reporting", "A short report every four weeks"),
];

pub async fn walk(d: &mut Demo<'_>, c: &Community) -> anyhow::Result<()> {
    setup(d, c).await?;
    ballot(d, c).await?;
    working_group(d, c).await?;
    succession(d, c).await?;
    d.t.title("The end")?;
    d.t.note("that was Steward's real code, against a simulated Discord; run it on your server with a bot token (see the README)")?;
    Ok(())
}

async fn setup(d: &mut Demo<'_>, c: &Community) -> anyhow::Result<()> {
    let fx = &c.fx;
    d.t.title("1. An admin sets Steward up")?;
    d.t.note("the server: a five-member TSC (Alice, Bob, Carol, Dave, Grace), maintainers Erin and Heidi, contributors Frank and Ivan")?;
    let r = d
        .slash(
            fx.alice,
            "govern setup",
            json!({
                "tsc": fx.tsc_role,
                "announcements": fx.announcements,
                "maintainers": fx.maintainers_role,
                "emeritus": fx.emeritus_role,
                "tsc-channel": fx.tsc_private,
                "wg-category": fx.governance_category,
                // Announcements and DMs in the community's language too.
                "locale": c.locale,
            }),
        )
        .await?;
    ensure!(r.is_ephemeral(), "the set-up answer is for the admin only");
    Ok(())
}

async fn ballot(d: &mut Demo<'_>, c: &Community) -> anyhow::Result<()> {
    let fx = &c.fx;
    d.t.title("2. A TSC ballot")?;
    d.slash(
        fx.alice,
        "vote start",
        json!({"title": BALLOT, "duration": "72h"}),
    )
    .await?;
    let ballot = d
        .find(fx.general, "the ballot in #general", |m| {
            m.embed_text().contains(BALLOT) && !m.buttons().is_empty()
        })
        .await?;
    let yes = vote_button(&ballot)?;
    // A contributor's vote is recorded as non-binding (only the TSC's votes decide).
    d.click(fx.frank, &ballot, &yes).await?;
    for who in [fx.alice, fx.bob, fx.carol, c.grace] {
        d.click(who, &ballot, &yes).await?;
    }
    d.settle().await?;
    d.pass(
        Duration::hours(72),
        "three days pass: the voting period ends",
    )
    .await?;
    d.find(
        fx.announcements,
        "the ballot's result in #announcements",
        |m| m.embed_text().contains(BALLOT),
    )
    .await?;
    Ok(())
}

async fn working_group(d: &mut Demo<'_>, c: &Community) -> anyhow::Result<()> {
    let fx = &c.fx;
    d.t.title("3. A working group and its charter")?;
    let r = d
        .slash(
            fx.erin,
            "wg create",
            json!({"name": GROUP, "focus": "Releases", "chair": fx.erin,
                   "members": format!("<@{}>", c.heidi)}),
        )
        .await?;
    let form = r
        .modal
        .as_ref()
        .context("`/wg create` shows the charter form")?
        .custom_id
        .clone();
    d.submit(fx.erin, &form, &CHARTER).await?;
    let charter = d
        .find(fx.general, "the charter ballot in #general", |m| {
            m.embed_text().contains(GROUP) && !m.buttons().is_empty()
        })
        .await?;
    let yes = vote_button(&charter)?;
    for who in [fx.alice, fx.bob, fx.carol, c.grace] {
        d.click(who, &charter, &yes).await?;
    }
    d.settle().await?;
    d.write(c.heidi, fx.general, "Happy to help with the release bot!")
        .await?;
    d.write(
        c.ivan,
        fx.general,
        "Can contributors join the group's meetings?",
    )
    .await?;
    d.pass(
        Duration::days(7),
        "a week passes: the charter ballot closes",
    )
    .await?;
    let channel = slug(GROUP);
    d.sim
        .try_wait_until(std::time::Duration::from_secs(10), |v| {
            v.has_channel(&channel).then_some(())
        })
        .await
        .with_context(|| format!("the approved group's channel #{channel}"))?;
    Ok(())
}

async fn succession(d: &mut Demo<'_>, c: &Community) -> anyhow::Result<()> {
    let fx = &c.fx;
    d.t.title("4. Succession: a quiet TSC member is contacted")?;
    d.t.note("Dave has not voted, written or typed a command since Steward was set up")?;
    let three_months = start_time()
        .checked_add_months(Months::new(3))
        .context("a date three months on")?
        + Duration::hours(1);
    let by = three_months - d.now();
    d.pass(by, "three months pass").await?;
    let dm = d
        .sim
        .try_wait_until(std::time::Duration::from_secs(10), |v| {
            v.dm_messages(fx.dave)
                .into_iter()
                .find(|m| !m.buttons().is_empty())
        })
        .await
        .context("the succession contact DM to Dave")?;
    let active = dm
        .custom_ids()
        .into_iter()
        .find(|id| id.starts_with("v2:succession:") && id.ends_with(":active"))
        .context("the DM's \"still active\" button")?;
    d.click(fx.dave, &dm, &active).await?;
    d.settle().await?;
    Ok(())
}

/// The ballot's +1 button (`v2:ballot:<id>:vote:+1`).
fn vote_button(m: &discord_sim::SimMessage) -> anyhow::Result<String> {
    m.custom_ids()
        .into_iter()
        .find(|id| id.starts_with("v2:ballot:") && id.ends_with(":vote:+1"))
        .context("the ballot's +1 button")
}
