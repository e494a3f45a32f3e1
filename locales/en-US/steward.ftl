# Steward, en-US. Every word a member reads. Discord markdown is allowed.

## Commands: the value is the command's name; .description and each option's name and
## description are attributes. Names: lowercase, no spaces, at most 32 characters.

cmd-govern = govern
    .description = Server set-up and the governance policy
cmd-govern-setup = setup
    .description = Map Discord roles to governance roles and pick the announcement channel
    .tsc-name = tsc
    .tsc-description = The role of the Technical Steering Committee
    .announcements-name = announcements
    .announcements-description = Where results and notices are announced
    .maintainers-name = maintainers
    .maintainers-description = The maintainers' role
    .contributors-name = contributors
    .contributors-description = The contributors' role
    .security-name = security
    .security-description = The security response team's role
    .emeritus-name = emeritus
    .emeritus-description = The role of emeritus members
    .locale-name = locale
    .locale-description = Default language of announcements (en-US or de)
    .tsc-channel-name = tsc-channel
    .tsc-channel-description = A private TSC channel for what only the TSC should read
    .wg-category-name = wg-category
    .wg-category-description = The category under which working-group channels are created
    .rfc-channel-name = rfc-channel
    .rfc-channel-description = Where RFCs and amendments are discussed (a forum, or a text channel for threads)
    .releases-channel-name = releases-channel
    .releases-channel-description = Where releases are tracked (the announcement channel otherwise)
    .security-channel-name = security-channel
    .security-channel-description = The security response team's private channel
    .maintainers-channel-name = maintainers-channel
    .maintainers-channel-description = The maintainers' channel, where mediators are asked
    .github-name = github
    .github-description = The project's GitHub organisation, or its repositories (org/repo, …); none to stop
cmd-govern-show = show
    .description = Show this server's governance set-up
cmd-govern-policy = policy
    .description = Show the governance policy in force (every threshold and period)
cmd-govern-policy-set = policy-set
    .description = Change one number of the policy, before the first ballot only (TSC or Manage Server)
    .setting-name = setting
    .setting-description = The setting to change, such as approval or min_voting_hours
    .value-name = value
    .value-description = The new value, such as 3/4 or 96
cmd-vote = vote
    .description = Formal TSC ballots
cmd-vote-start = start
    .description = Put a question to a formal TSC vote
    .title-name = title
    .title-description = The question, in a line
    .description-name = description
    .description-description = Background, links and what a +1 means
    .duration-name = duration
    .duration-description = How long the ballot stays open, such as 72h or 7d
    .secret-name = secret
    .secret-description = Hide the tallies until the ballot closes
cmd-vote-status = status
    .description = Show a ballot
    .ballot-name = ballot
    .ballot-description = The ballot number
cmd-vote-list = list
    .description = List the open ballots
cmd-vote-cancel = cancel
    .description = Withdraw a ballot you opened, before its first binding vote
    .ballot-name = ballot
    .ballot-description = The ballot number
    .reason-name = reason
    .reason-description = Why the ballot is cancelled

## Ballots

ballot-title = Ballot #{ $id }: { $title }
ballot-field-deadline = Closes
ballot-field-electorate = Electorate
ballot-electorate = { $count ->
    [one] { $count } TSC member
   *[other] { $count } TSC members
}
ballot-field-participation = Participation
ballot-participation = { $voted } of { $electorate } voted (quorum: { $needed })
ballot-field-tally = Binding votes
ballot-field-non-binding = Non-binding votes
ballot-tally = +1: **{ $yes }** · 0: **{ $abstain }** · -1: **{ $no }**
ballot-field-concerns = Concerns
ballot-electorate-departed = { $departed ->
    [one] { $departed } of them has left the TSC since it opened; quorum still counts the electorate at opening
   *[other] { $departed } of them have left the TSC since it opened; quorum still counts the electorate at opening
}
ballot-field-concern-binding = Concern (binding vote)
ballot-field-concern-non-binding = Concern (non-binding vote)
ballot-field-concern-continued = Concern (continued)
ballot-concerns-more = { $count ->
    [one] { $count } more concern does not fit this message: `/vote status { $id }` shows every concern in full.
   *[other] { $count } more concerns do not fit this message: `/vote status { $id }` shows every concern in full.
}
ballot-field-more-concerns = More concerns
error-cancel-votes-cast = Binding votes have been cast on this ballot: it runs to its deadline. (A ballot can be withdrawn by its opener only before the first binding vote.)
ballot-field-cancel-reason = Reason for cancelling
ballot-footer-open = Votes can be changed or withdrawn until the ballot closes. A -1 needs a concern.
ballot-footer-open-secret = Secret ballot: tallies are shown when it closes. A -1 needs a concern.
ballot-footer-closed = Closed: { $outcome }
choice-yes = +1 approve
choice-abstain = 0 abstain
choice-no = -1 reject
button-withdraw = Withdraw my vote
outcome-approved = approved
outcome-rejected = rejected
outcome-no-quorum = no quorum
outcome-cancelled = cancelled
result-title = Ballot #{ $id } { $outcome }: { $title }
ballot-reminder = { $mentions } Ballot #{ $id } "{ $title }" closes { $deadline } and you have not voted yet.

concern-modal-title = Your concern (ballot #{ $id })
concern-modal-label = What would change your vote to +1?
concern-modal-placeholder = A specific concern that could change your vote if addressed

vote-started = Ballot #{ $id } "{ $title }" is open until { $deadline }.
vote-recorded = Recorded your vote { $choice } on ballot #{ $id } "{ $title }".
vote-changed = Changed your vote to { $choice } on ballot #{ $id } "{ $title }".
vote-recorded-non-binding = Recorded your non-binding vote { $choice } on ballot #{ $id } "{ $title }". Only the TSC's votes decide.
vote-changed-non-binding = Changed your non-binding vote to { $choice } on ballot #{ $id } "{ $title }". Only the TSC's votes decide.
vote-withdrawn = Withdrew your vote on ballot #{ $id } "{ $title }".
vote-cancelled = Cancelled ballot #{ $id } "{ $title }".
vote-list-empty = No ballots are open.
vote-list-header = { $count ->
    [one] One open ballot:
   *[other] { $count } open ballots:
}
vote-list-line = **#{ $id }** { $title }: { $voted }/{ $electorate } voted, closes { $deadline }

## Set-up and policy

govern-setup-done = Steward is set up for this server.
govern-config = TSC: { $tsc }
    Maintainers: { $maintainers }
    Contributors: { $contributors }
    Security response team: { $security }
    Emeritus: { $emeritus }
    Announcements: { $announcements }
    Private TSC channel: { $tsc_channel }
    Working-group category: { $wg_category }
    RFC channel: { $rfc_channel }
    Releases channel: { $releases_channel }
    Security team's channel: { $security_channel }
    Maintainers' channel: { $maintainers_channel }
    Language: { $locale }
govern-tsc-channel-needed = ⚠️ No private TSC channel is set up. What only the TSC should read (inactive members contacted, status reviews and their results, set-up changes, the annual review) is never posted publicly: it waits until one is named with `/govern setup tsc-channel:`. { $count ->
    [0] Nothing is waiting yet.
    [one] { $count } notice is waiting.
   *[other] { $count } notices are waiting.
}
govern-unset = not set
govern-policy-header = **Governance policy in force** (change it with `/amend propose`; before the first ballot, also with `/govern policy-set`):
govern-policy-changed = `{ $setting }` is now `{ $value }`. The change is announced.
policy-changed-announcement = Governance policy: { $member } set `{ $setting }` to `{ $value }`.

## Errors (shown only to the member who caused them)

generic-error = Something went wrong on our side; nothing was changed. Please try again later.
error-guild-only = This only works inside a server.
error-invalid-input = That input was not understood; nothing was changed.
error-unknown-action = This button is not one of Steward's, or it has expired; nothing was changed.
error-not-configured = Steward is not set up here yet: a server manager runs `/govern setup` first.
error-needs-manage-server = Only members with the Manage Server permission can do that.
error-needs-tsc = Only members of the TSC can do that.
error-tsc-role-required = Pick the TSC role: the governance needs a TSC.
error-locale-unsupported = That language is not available; choose en-US or de.
error-title-empty = The title cannot be empty.
error-title-too-long = The title is too long (at most { $max } characters).
error-description-too-long = The description is too long (at most { $max } characters).
error-duration-invalid = The duration was not understood: use something like 72h, 7d or 1w 2d.
error-duration-too-short = A ballot stays open at least { $hours } hours under this server's policy.
error-duration-too-long = A ballot stays open at most { $hours } hours under this server's policy.
error-concern-required = A -1 must carry a specific concern that could change your vote if addressed.
error-concern-too-long = The concern is too long (at most { $max } characters).
error-reason-required = Say why the ballot is cancelled.
error-reason-too-long = The reason is too long (at most { $max } characters).
error-ballot-closed = This ballot is closed; votes can no longer be cast or changed.
error-ballot-not-found = There is no such ballot in this server.
error-no-vote-to-withdraw = You have no vote on this ballot to withdraw.
error-empty-electorate = Nobody holds the TSC role, so there is nobody to vote.
error-cancel-not-allowed = Only the member who opened this ballot can withdraw it, and a ballot the bot opened is withdrawn only by the bot. The document gives no one the power to stop a vote.
error-policy-key = Unknown setting: see `/govern policy` for the list.
error-policy-ratio = Use a fraction between 0 and 1, such as 2/3.
error-policy-number = Use a whole number (at least 1, at most a year).
error-policy-choice = Use one of: { $expected }.
error-policy-quorum = Quorum must be a fraction strictly between 0 and 1 (more than that fraction of the TSC must vote, so 1/1 could never be met).
error-policy-approval = Approval must be at least 1/2 and at most 1/1 (below a half, fewer +1 than -1 would approve).
error-policy-voting-too-short = The minimum voting period must be at least 24 hours.
error-policy-voting-periods = Voting periods must keep minimum ≤ default ≤ maximum, with the reminder inside the minimum.
error-policy-inactivity = The review threshold must come after the contact threshold.

## Missing permissions, told to the TSC in the announcement channel

setup-channel-gone = { $what ->
        [tsc] The TSC's private channel
        [wg-category] The working-group category
       *[announcements] The announcement channel
    } that Steward posts to no longer exists. Nothing is lost: what should go there waits. Someone who may manage the server, please run `/govern setup` and name a new one; everything waiting is then delivered.
permission-missing = Steward is missing a Discord permission and could not { $action } ({ $detail }). It keeps retrying: grant the permission and it will finish by itself.
permission-missing-named = Steward could not { $action }: Discord refused it for lack of { $permissions }. It keeps retrying: grant { $permissions } to the Steward role (in the server's or the channel's settings) and it will finish by itself.
action-post-ballot = post a ballot message
action-edit-ballot = update a ballot message
action-post-result = post a ballot result
action-post-tsc-note = post in the private TSC channel
action-post-reminder = post a voting reminder
action-post-announcement = post an announcement in { $channel }
setup-changed = { $member } changed Steward's set-up:
setup-changed-line = { $field }: { $before } → { $after }
setup-field-roles = Governance roles
setup-field-announcements = Announcements
setup-field-tsc-channel = Private TSC channel
setup-field-wg-category = Working-group category
setup-field-channels = Other channels
setup-field-locale = Language
setup-nothing = nothing
