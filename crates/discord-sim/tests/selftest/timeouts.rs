//! Member timeouts over REST: recorded with their reason, shown on the member, lifted; refused
//! without Moderate Members, for the owner, administrators and members not below the bot, and
//! beyond 28 days (judged by the clock the test gives the simulator).

use chrono::{Duration, TimeZone, Utc};
use discord_sim::{Fixture, FxRole, Sim, SimTimeout, perms};
use serenity::all::{EditMember, GuildId, Timestamp, UserId};

use super::bot::status_of;

fn until(days: i64) -> EditMember<'static> {
    let t = Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap() + Duration::days(days);
    EditMember::new()
        .disable_communication_until_datetime(Timestamp::from(t))
        .audit_log_reason("spam in #general")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_are_recorded_and_lifted() {
    let mut fx = Fixture::standard();
    // A role above the bot's (position 8), and a member who has it.
    fx.roles.push(FxRole {
        position: 9,
        ..fx.roles[2].clone()
    });
    fx.roles.last_mut().unwrap().id = fx.guild + 170;
    let boss = fx.add_member("boss", &[fx.guild + 170]);
    let sim = Sim::start(fx.clone()).await;
    // The simulator judges "28 days ahead" by the bot's (here: a fixed) clock.
    sim.use_clock(|| Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap());
    let http = sim.serenity_http();
    let guild = GuildId::new(fx.guild);

    let m = guild
        .edit_member(&http, UserId::new(fx.frank), until(7))
        .await
        .expect("timeout frank");
    let expected = Utc.with_ymd_and_hms(2026, 5, 11, 10, 0, 0).unwrap();
    assert_eq!(sim.timed_out_until(fx.frank), Some(expected));
    assert_eq!(
        m.communication_disabled_until.map(|t| t.unix_timestamp()),
        Some(expected.timestamp())
    );
    assert!(sim.is_timed_out(fx.frank));
    assert!(
        sim.can_see(fx.frank, fx.general),
        "a timed-out member still reads"
    );
    assert_eq!(
        sim.timeouts(),
        [SimTimeout {
            user: fx.frank,
            until: Some(expected),
            reason: Some("spam in #general".into())
        }]
    );

    for (who, why) in [
        (fx.alice, "the owner"),
        (fx.bot, "the bot itself"),
        (boss, "a member above the bot"),
    ] {
        let e = guild
            .edit_member(&http, UserId::new(who), until(1))
            .await
            .unwrap_err();
        assert_eq!(status_of(&e), Some((403, 50013)), "{why}");
    }
    let e = guild
        .edit_member(&http, UserId::new(fx.erin), until(29))
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((400, 50035)), "more than 28 days ahead");
    assert_eq!(sim.take_problems().len(), 1);

    guild
        .edit_member(
            &http,
            UserId::new(fx.frank),
            EditMember::new().enable_communication(),
        )
        .await
        .expect("lift");
    assert_eq!(sim.timed_out_until(fx.frank), None);
    assert!(!sim.is_timed_out(fx.frank));
    assert_eq!(sim.timeouts().len(), 2);
    sim.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_need_moderate_members() {
    let mut fx = Fixture::standard();
    fx.set_bot_permissions(perms::BOT & !perms::MODERATE_MEMBERS);
    let sim = Sim::start(fx.clone()).await;
    sim.use_clock(|| Utc.with_ymd_and_hms(2026, 5, 4, 10, 0, 0).unwrap());
    let http = sim.serenity_http();
    let guild = GuildId::new(fx.guild);
    let e = guild
        .edit_member(&http, UserId::new(fx.frank), until(1))
        .await
        .unwrap_err();
    assert_eq!(status_of(&e), Some((403, 50013)));
    assert_eq!(sim.timed_out_until(fx.frank), None);
    sim.set_role_permissions(fx.bot_role, perms::BOT);
    guild
        .edit_member(&http, UserId::new(fx.frank), until(1))
        .await
        .expect("granted");
    assert!(sim.timed_out_until(fx.frank).is_some());
    sim.assert_clean();
}
