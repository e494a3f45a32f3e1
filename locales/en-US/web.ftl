## The transparency page (issue 16): /govern web, and the public pages

cmd-govern-web = web
    .description = The transparency page: the project's governance on the web
cmd-govern-web-enable = enable
    .description = Publish the server's governance on the web under a slug (TSC only)
    .slug-name = slug
    .slug-description = The page's public name in its address: lowercase letters, digits and dashes
cmd-govern-web-disable = disable
    .description = Withdraw the server's transparency page (TSC only)

govern-web-enabled = The transparency page is published under `{ $slug }`: `/{ $slug }/leadership`, `/{ $slug }/decisions`, and the same data as JSON under `/api/{ $slug }/`.
govern-web-disabled = The transparency page `{ $slug }` is withdrawn.
web-error-slug-length = A slug has 1 to { $max } characters.
web-error-slug-characters = A slug is lowercase letters, digits and single dashes between them (for example `my-project`).
web-error-slug-reserved = That word is part of the page's own addresses; choose another slug.
web-error-slug-taken = Another server publishes under that slug; choose another.
web-error-not-enabled = This server's transparency page is not published.

web-nav-leadership = Leadership
web-nav-decisions = Decisions
web-footer = Published by Steward from the project's governance records. Read-only; times in UTC.
web-not-found = Page not found
web-bad-request = That filter is not one this page knows.
web-internal-error = Something went wrong; try again later.
web-since = since

web-leadership-title = Current project leadership
web-leadership-tsc = Technical Steering Committee
web-leadership-maintainers = Maintainers
web-leadership-security = Security response team
web-leadership-emeritus = Emeritus
web-leadership-empty = Nobody at the moment.

web-decisions-title = Decisions
web-decisions-kind = Kind
web-decisions-year = Year
web-decisions-all = All
web-decisions-apply = Show
web-decisions-empty = No decisions recorded.
web-decisions-feed = Atom feed of decisions
web-decisions-tally = Yes { $yes }, no { $no }, abstain { $abstain }, of { $electorate } voters.
web-decisions-tally-secret = Secret ballot, totals only: yes { $yes }, no { $no }, abstain { $abstain }, of { $electorate } voters.

web-nav-working-groups = Working groups
web-nav-rfcs = RFCs
web-nav-releases = Releases
web-nav-dependencies = Dependencies

web-wg-title = Current working groups
web-wg-empty = No working groups.
web-wg-chair = Chair:
web-wg-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
web-wg-ends = charter ends
web-wg-reports = { $count ->
    [0] No reports filed to the TSC yet
    [one] 1 report filed to the TSC
   *[other] { $count } reports filed to the TSC
}
web-wg-last-report = the last on

web-rfc-title = RFCs and amendments
web-rfc-empty = No RFCs or amendments yet.
web-rfc-number = { $kind ->
    [amendment] Amendment
   *[rfc] RFC
} { $number }
web-rfc-discussion = Discussion period:
web-rfc-decided = decided
web-rfc-postponed = Postponed:
web-rfc-revisions = Revisions

web-releases-title = Releases
web-releases-empty = No releases yet.
web-releases-proposed = Proposed
web-releases-planned = planned for
web-releases-published = published
web-releases-changelog = Changelog
web-releases-history = History

web-deps-title = Approved dependencies
web-deps-empty = No approved dependencies.
web-deps-approved = approved
