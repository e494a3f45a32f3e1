# Working groups, en-US.

## Commands

cmd-wg = wg
    .description = Working groups
cmd-wg-create = create
    .description = Propose a working group; its charter is asked next, then the TSC votes
    .name-name = name
    .name-description = The group's name (its channel and role are named after it)
    .focus-name = focus
    .focus-description = The group's focus area, in a line
    .chair-name = chair
    .chair-description = The proposed chair (the TSC appoints them with the charter)
    .members-name = members
    .members-description = Founding members, as mentions
    .report-every-name = report-every
    .report-every-description = How often the chair reports, such as 4w or 30d (default 4w)
    .ends-name = ends
    .ends-description = The charter's end date, as YYYY-MM-DD
cmd-wg-list = list
    .description = List the working groups: name, focus area, chair, status
cmd-wg-info = info
    .description = Show a group's charter, chair, members and next report
    .name-name = name
    .name-description = The group
cmd-wg-join = join
    .description = Ask to join a group; its chair decides
    .name-name = name
    .name-description = The group
cmd-wg-leave = leave
    .description = Leave a group
    .name-name = name
    .name-description = The group
cmd-wg-remove = remove
    .description = Remove a member from a group (its chair or the TSC)
    .name-name = name
    .name-description = The group
    .member-name = member
    .member-description = The member to remove
cmd-wg-chair = chair
    .description = Propose a new chair; the TSC decides by ballot
    .name-name = name
    .name-description = The group
    .member-name = member
    .member-description = The proposed chair
cmd-wg-report = report
    .description = File the group's report (its chair)
    .name-name = name
    .name-description = The group
cmd-wg-close = close
    .description = Propose closing a group; the TSC decides by ballot
    .name-name = name
    .name-description = The group
    .reason-name = reason
    .reason-description = Why the group should close

## The charter

wg-charter-form-title = Working group charter
wg-charter-scope = Scope and objectives
wg-charter-deliverables = Expected deliverables
wg-charter-timeline = Timeline
wg-charter-resources = Resource requirements
wg-charter-reporting = Reporting requirements
wg-heading = { $name }: { $focus }
wg-field-chair = Chair
wg-field-status = Status
wg-field-reporting = Reports
wg-reporting-every = { $days ->
    [one] every day
   *[other] every { $days } days
}
wg-field-next-report = Next report due
wg-field-ends = Charter ends
wg-field-members = { $count ->
    [one] One member
   *[other] { $count } members
}
wg-status-draft = draft
wg-status-proposed = before the TSC
wg-status-active = active
wg-status-rejected = not approved
wg-status-closed = closed
wg-list-empty = There are no working groups yet.
wg-list-header = **Current Working Groups**
wg-list-line = - { $name } - { $focus } - { $chair } ({ $status })

## Ballots about groups

wg-ballot-charter-title = Establish working group: { $name }
wg-ballot-charter-description = Focus: { $focus }
    Proposed chair: { $chair }
    Founding members: { $members }
wg-ballot-chair-title = New chair for working group { $name }
wg-ballot-chair-description = Appoint { $member } as chair of { $name } (now: { $chair }).
wg-ballot-close-title = Close working group: { $name }
wg-close-reason-ended = The charter's end date has passed.
wg-proposed = The charter of { $name } is before the TSC: ballot #{ $id }.
wg-ballot-opened = Ballot #{ $id } is open.

## Posts

wg-announced = New working group **{ $name }** ({ $focus }), chaired by { $chair }: { $channel }
wg-welcome = Welcome to **{ $name }**. The charter below is pinned; { $chair } chairs the group.
wg-join-requested = { $chair }: { $member } asks to join **{ $name }**.
wg-join-approved = { $member } joined **{ $name }** (approved by { $by }).
wg-join-declined = { $member }'s request to join **{ $name }** was declined by { $by }.
wg-button-approve = Approve
wg-button-decline = Decline
wg-button-report = File the report
wg-button-propose-close = Open the closing ballot
wg-report-title = Report of { $name }
wg-report-reminder = { $chair }: the report of **{ $name }** is due { $due }. Use the button or `/wg report`.
wg-report-overdue = The report of **{ $name }** (chair { $chair }) was due { $due } and has not been filed.
wg-ending-soon = { $chair }: the charter of **{ $name }** ends { $ends }. The TSC may extend it with a new charter or close the group.
wg-end-reached = The charter of **{ $name }** (chair { $chair }) ended { $ends }. A TSC member can open the closing ballot.
wg-closed = Working group **{ $name }** is closed. Thank you to everyone who took part; its channel { $channel } stays readable.
wg-report-form-title = Report of { $name }
wg-report-form-label = What was done, what is next, what is needed

## Answers

wg-join-sent = Your request to join **{ $name }** went to its chair, { $chair }.
wg-left = You left **{ $name }**.
wg-removed = { $member } is no longer a member of **{ $name }**.
wg-report-filed = The report of **{ $name }** is filed and posted for the TSC. The next one is due { $due }.

## Errors

wg-error-name = The name needs letters or digits.
wg-error-name-too-long = The name is too long (at most { $max } characters).
wg-error-name-taken = A working group with that name already exists or is before the TSC.
wg-error-focus = Give the focus area in a line (at most { $max } characters).
wg-error-charter-empty = Every part of the charter is required.
wg-error-charter-too-long = A part of the charter is too long (at most { $max } characters).
wg-error-cadence = Give the reporting cadence in whole days, such as 2w or 30d (1 to 365 days).
wg-error-end-date = Give the end date as YYYY-MM-DD, in the future.
wg-error-too-many-members = At most { $max } founding members.
wg-error-report = The report cannot be empty (at most { $max } characters).
wg-error-not-allowed-to-propose = Only maintainers and TSC members propose working groups.
wg-error-not-active = This working group is not active.
wg-error-not-chair = Only the group's chair or a TSC member can do that.
wg-error-already-member = You are already a member of this group.
wg-error-not-member = That member is not in this group.
wg-error-chair-cannot-leave = The chair stays until the TSC appoints a new one (`/wg chair`).
wg-error-not-found = There is no such working group in this server.
wg-error-only-chair-reports = Only the group's chair files its report.
wg-error-request-pending = Your request to join **{ $group }** is already waiting for the chair (asked <t:{ $asked }:R>).
wg-error-request-too-soon = The chair declined your last request to join **{ $group }**; you can ask again from <t:{ $until }:f>.
wg-error-request-decided = This request was already decided.
wg-error-already-chair = That member already chairs the group.
wg-error-ballot-open = Ballot #{ $id } about this group is still open.
wg-error-bot-chair = A bot cannot chair a working group.

## Missing permissions

action-wg-provision = set up a working group (its role, its channel and the pinned charter)
action-wg-role = give or take a working group's role (it needs Manage Roles, and its role above the group's)
action-wg-archive = archive a working group's channel
action-wg-post = post about a working group
