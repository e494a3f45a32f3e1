# Steward, en-US: nominations of maintainers and TSC members.

## Commands

cmd-nominate = nominate
    .description = Nominations: new maintainers and TSC members
cmd-nominate-member = member
    .description = Nominate a member as maintainer (or a maintainer for a TSC seat); a form asks why
    .member-name = member
    .member-description = The member you nominate
    .office-name = office
    .office-description = What for: maintainer (the default), or a TSC seat (TSC members nominate)
    .area-name = area
    .area-description = Their area of focus as a maintainer, such as "runtime"
cmd-nominate-respond = respond
    .description = Answer your own nomination here (when the DM did not reach you)
cmd-nominate-list = list
    .description = The open nominations and their step (TSC only)

## Words

nomination-office-maintainer = maintainer
nomination-office-tsc = TSC member

## The statement form

nomination-form-title = Your nomination
nomination-form-statement = Why them? (the document's qualities)
nomination-form-statement-placeholder = Sustained contributions, expertise, alignment with our goals, judgment, community leadership
nomination-form-links = Links to their work
nomination-form-links-placeholder = Pull requests, reviews, documentation, discussions…
nomination-submitted = Your nomination of { $member } as { $office } is on its way: they are asked by DM and have until { $deadline } to confirm their interest. Nothing about it is public.

## The nominee's consent

nomination-invite = Hello! { $nominator } has nominated you as { $office } of the project at { $server }. Their statement is below. Would you like to be considered? If you accept, the TSC discusses your nomination and votes privately; only an approval is ever announced. Please answer by { $deadline }.
nomination-button-accept = Accept
nomination-button-decline = Decline
nomination-answered-accepted = Thank you for accepting! The TSC now discusses your nomination as { $office } and votes privately. You will hear from us by direct message.
nomination-answered-declined = Understood: your nomination as { $office } is closed, privately. Thank you for your work on the project.
nomination-respond = Your nomination as { $office } waits for your answer until { $deadline }:

## The card in the TSC's private place

nomination-thread-name = Nomination { $id }
nomination-card-title = Nomination #{ $id }: { $office }
nomination-field-nominee = Nominee
nomination-field-office = Office
nomination-field-nominator = Nominated by
nomination-field-area = Area of focus
nomination-field-links = Their work
nomination-footer = Private to the TSC. The statement is kept only while the nomination is open.
nomination-step-nominated = ✅ { $member } was nominated as { $office } by { $nominator }.
nomination-step-consent-waiting = ⏳ The nominee confirms their interest (until { $deadline }).
nomination-step-consented = ✅ { $member } confirmed their interest.
nomination-step-vote-waiting = ⏳ The TSC votes in secret.
nomination-step-voting = 🗳️ The TSC votes in secret: ballot #{ $ballot }, until { $deadline }.
nomination-step-outcome-waiting = ⏳ Outcome.
nomination-step-approved = ✅ Approved: the role is granted and the welcome announced.
nomination-step-rejected = ❌ Not approved. The nominee was told privately, with the concerns and without names.
nomination-step-no-quorum = ⚪ No quorum: not approved. The nominee was told privately.
nomination-step-withdrawn = ⚪ Withdrawn: the ballot was cancelled.
nomination-step-declined = ⚪ The nominee declined.
nomination-step-expired = ⚪ The nominee did not answer in time.
nomination-step-left = ⚪ Ended: the nominee left the server.

## The TSC ballot (its texts name no one: the card above the ballot does)

nomination-ballot-title = Nomination #{ $id } ({ $office })
nomination-ballot-description = Secret ballot on nomination #{ $id }: the nominee, the statement and their work are in the card above. A +1 approves; a -1 needs a concern, which the nominee will read without your name.

## /nominate list

nomination-list-empty = There is no open nomination.
nomination-list-header = Open nominations ({ $count }):
nomination-list-awaiting = #{ $id }: { $member } as { $office }, by { $nominator }: waiting for their answer until { $deadline }
nomination-list-dm-closed = #{ $id }: { $member } as { $office }, by { $nominator }: their DMs are closed; they can answer with /nominate respond until { $deadline }
nomination-list-accepted = #{ $id }: { $member } as { $office }, by { $nominator }: accepted; the TSC's ballot is being prepared
nomination-list-voting = #{ $id }: { $member } as { $office }, by { $nominator }: the TSC votes (ballot #{ $ballot })

## Notes to the TSC, in its private channel

nomination-tsc-accepted = { $member } accepted nomination #{ $id } as { $office }.
nomination-tsc-declined = { $member } declined nomination #{ $id } as { $office }, proposed by { $nominator }. Nothing was announced.
nomination-tsc-expired = { $member } did not answer nomination #{ $id } as { $office } in time; it ended privately.
nomination-tsc-dm-closed = { $member } does not accept direct messages, so they could not be asked about nomination #{ $id } as { $office }. { $nominator } was asked to tell them to answer with /nominate respond in the server before { $deadline }.
nomination-tsc-left = { $member } left the server; nomination #{ $id } as { $office } ended.
nomination-tsc-approved = Nomination #{ $id } is approved: { $member } becomes { $office }. The role is being granted and the welcome posted.
nomination-tsc-rejected = Nomination #{ $id } of { $member } as { $office } was not approved. { $member } was told privately, with the concerns and without names. Nothing was announced.
nomination-tsc-no-quorum = Nomination #{ $id } of { $member } as { $office } reached no quorum and was not approved. { $member } was told privately. Nothing was announced.
nomination-tsc-withdrawn = The ballot on nomination #{ $id } of { $member } as { $office } was cancelled; the nomination is withdrawn. Nothing was announced.
nomination-tsc-outcome-undelivered = { $member } does not accept direct messages and could not be told the outcome of nomination #{ $id }. Please tell them personally.

## Notes to the nominator, by direct message

nomination-nominator-accepted = { $member } accepted your nomination as { $office } at { $server }. The TSC now discusses it and votes privately.
nomination-nominator-declined = { $member } declined your nomination as { $office } at { $server }. Nothing was announced.
nomination-nominator-expired = { $member } did not answer your nomination as { $office } at { $server } in time; it ended privately.
nomination-nominator-dm-closed = { $member } does not accept direct messages, so they could not be asked about your nomination as { $office } at { $server }. Please ask them to answer with /nominate respond in the server before { $deadline }.
nomination-nominator-left = { $member } left the server at { $server }; your nomination of them as { $office } ended.
nomination-nominator-ended = Your nomination of { $member } as { $office } at { $server } has ended.

## The outcome, to the nominee

nomination-outcome-approved = Congratulations! The TSC approved your nomination as { $office } at { $server }. Thank you for everything you have done for the project; your new role is being granted, and the community is welcoming you in the announcements.
nomination-outcome-rejected = Thank you for accepting your nomination as { $office } at { $server }. The TSC did not approve it this time. This is not a verdict on your place in the project, and you may be nominated again after { $days } days.
nomination-outcome-no-quorum = Thank you for accepting your nomination as { $office } at { $server }. Too few TSC members voted, so it was not approved this time. You may be nominated again after { $days } days.
nomination-outcome-withdrawn = Thank you for accepting your nomination as { $office } at { $server }. The TSC withdrew its vote on it, so the nomination is closed. Nothing was announced.
nomination-outcome-concerns = The concerns raised, without names:

## The welcome, in the announcement channel

nomination-welcome = Please welcome { $member }, approved by the TSC as our new { $office }!
nomination-welcome-area = Please welcome { $member }, approved by the TSC as our new { $office } (area of focus: { $area })!

## Refusals

nomination-error-not-allowed = Only maintainers (and TSC members, who are maintainers too) can nominate a maintainer.
nomination-error-tsc-only = Only TSC members can nominate for a TSC seat.
nomination-error-not-nominee = Only the member nominated can answer this nomination.
nomination-error-not-found = There is no such nomination.
nomination-error-self = You cannot nominate yourself.
nomination-error-bot = A bot cannot be nominated.
nomination-error-already-maintainer = This member is already a maintainer (TSC members are maintainers too).
nomination-error-already-tsc = This member is already on the TSC.
nomination-error-not-contributor = Only a contributor can be nominated as maintainer, and this member does not hold the contributor role.
nomination-error-not-maintainer = A TSC seat is for a maintainer, and this member is not one.
nomination-error-role-not-mapped = This server maps no Discord role for that office; an administrator can set it with /govern setup.
nomination-error-not-in-server = This member is no longer in the server.
nomination-error-no-private-channel = Nominations are private to the TSC, and this server has no private TSC channel; an administrator can set one with /govern setup.
nomination-error-already-open = This member already has an open nomination.
nomination-error-too-soon = This member's last nomination for that office ended recently; they can be nominated again from <t:{ $until }:D>.
nomination-error-statement-empty = Please write why you nominate them.
nomination-error-statement-too-long = The statement can be at most { $max } characters.
nomination-error-links-empty = Please add links to their work.
nomination-error-links-too-long = The links can be at most { $max } characters.
nomination-error-area-too-long = The area of focus can be at most { $max } characters.
nomination-error-closed = This nomination no longer waits for that.
nomination-error-expired = The time to answer this nomination has passed.
nomination-error-nothing-to-answer = You have no nomination waiting for your answer.

## What a missing permission stopped

action-post-tsc-private = post in the TSC's private channel (it needs Create Private Threads and Send Messages in Threads, or Send Messages there)
action-post-welcome = post a welcome in the announcement channel
