# Operations: /govern check and /govern status.

## /govern check
check-title = What Steward needs in this server
check-line-ok = ✅ { $what }
check-line-problem = ❌ { $what }: { $problem }
    ↳ Fix: { $fix }
    ↳ Breaks: { $features }
check-line-note = ℹ️ { $what }: { $note }
check-summary-ok = Everything Steward needs is in place.
check-summary-problems = { $count ->
    [one] One thing needs fixing.
   *[other] { $count } things need fixing.
}
check-setup-problems = Steward is set up, but some things it needs are missing. Run /govern check after fixing them:
check-what-members-intent = Server Members intent
check-what-channel = { $use } channel { $channel }
check-what-manage-roles = Manage Roles permission
check-what-role-order = Role order: { $role } ({ $use })
check-what-wg-category = Working-group category { $channel }
check-what-pins = Manage Messages (pins)
check-what-dms = Direct messages
check-use-announcements = Announcements
check-use-tsc = TSC
check-use-rfc = RFC
check-use-releases = Releases
check-use-security = Security
check-use-maintainers = Maintainers
check-role-tsc = TSC role
check-role-maintainer = maintainers' role
check-role-contributor = contributors' role
check-role-security_team = security team's role
check-role-emeritus = emeritus role
check-role-working-group = role of the working group { $name }
check-perm-view-channel = View Channel
check-perm-send-messages = Send Messages
check-perm-embed-links = Embed Links
check-perm-manage-roles = Manage Roles
check-perm-manage-channels = Manage Channels
check-perm-manage-messages = Manage Messages
check-perm-create-public-threads = Create Public Threads
check-perm-create-private-threads = Create Private Threads
check-perm-send-messages-in-threads = Send Messages in Threads
check-perm-moderate-members = Timeout Members
check-problem-intent-off = the Server Members intent is off for Steward's application.
check-fix-intent-off = in the Discord developer portal, open the application → Bot → Privileged Gateway Intents, turn on Server Members Intent and restart Steward.
check-problem-channel-gone = the channel no longer exists.
check-fix-channel-gone = run /govern setup and name another channel.
check-problem-role-gone = the role no longer exists.
check-fix-role-gone = run /govern setup and map another role.
check-problem-role-order = Steward's highest role is not above this role, so it cannot give or take it.
check-fix-role-order = in Server Settings → Roles, drag the Steward role above { $role }.
check-problem-missing = Steward lacks { $perms }.
check-fix-missing-channel = in the channel's settings → Permissions, allow { $perms } for the Steward role.
check-fix-missing-server = in Server Settings → Roles → Steward, turn on { $perms }.
check-note-dms = Steward writes to members in direct messages (succession contacts, nominations). A member who turned off direct messages from server members is not reached: ask them to allow them for this server.
check-feature-ballots = ballots
check-feature-announcements = announcements
check-feature-tsc-notices = notices to the TSC
check-feature-rfcs = RFCs and amendments
check-feature-releases = releases
check-feature-security = security reports
check-feature-mediation = mediation
check-feature-roster = the roster (moving members to emeritus)
check-feature-working-groups = working groups
check-feature-succession = succession contacts

## /govern status
status-title = Steward's health
status-version = Version { $version }, up for { $uptime }
status-outbox-empty = Outbox: nothing waiting.
status-outbox = Outbox: { $count } waiting, the oldest since { $since }.
status-failing-none = Failing deliveries: none.
status-failing = Failing deliveries:
status-failing-line = • { $kind }: { $count }
status-jobs-none = Next jobs: none planned.
status-jobs = Next jobs:
status-job-line = • { $kind } { $at }
status-errors-none = Last errors: none.
status-errors = Last errors:
status-error-line = • { $at } { $kind }: { $error }

## Commands and errors
cmd-govern-check = check
    .description = Check what Steward needs in this server: intents, permissions, role order
cmd-govern-status = status
    .description = Steward's health: outbox backlog, failing deliveries, next jobs, last errors
error-needs-tsc-or-manage-server = Only members of the TSC or with the Manage Server permission can do that.
