//! The sample community the demo runs: the simulator's standard server ("Open Project") with a
//! five-member TSC, two maintainers and two contributors, all using one Discord language.

use discord_sim::Fixture;

/// The fixture and the members the demo added to it.
pub struct Community {
    pub fx: Fixture,
    /// The members' language, also the server's language in Steward's set-up.
    pub locale: String,
    /// The fifth TSC member.
    pub grace: u64,
    /// A second maintainer.
    pub heidi: u64,
    /// A contributor (frank, the fixture's member without a role, is the other).
    pub ivan: u64,
}

/// The standard server with the demo's members; every member's Discord client (and the server's
/// preferred language) set to `locale` ("en-US", "de").
pub fn community(locale: &str) -> Community {
    let mut fx = Fixture::standard();
    let grace = fx.add_member("grace", &[fx.tsc_role]);
    let heidi = fx.add_member("heidi", &[fx.maintainers_role]);
    let ivan = fx.add_member("ivan", &[fx.contributors_role]);
    let contributors = fx.contributors_role;
    let frank = fx.frank;
    for m in fx.members.iter_mut().filter(|m| !m.bot) {
        m.locale = locale.to_owned();
        if m.id == frank {
            m.roles.push(contributors);
        }
    }
    fx.preferred_locale = locale.to_owned();
    Community {
        fx,
        locale: locale.to_owned(),
        grace,
        heidi,
        ivan,
    }
}
