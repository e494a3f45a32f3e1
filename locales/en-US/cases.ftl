# Steward, en-US: private cases (conflicts, conduct and security reports), the annual review's
# publication, and dissolution.

## Commands

cmd-conflict = conflict
    .description = Conflicts between members, resolved privately in three steps
cmd-conflict-open = open
    .description = Open a conflict with another member: a private thread with the two of you
    .with-name = with
    .with-description = The other member of the conflict
    .summary-name = summary
    .summary-description = What the conflict is about (only the two of you read it)
cmd-conflict-escalate = escalate
    .description = Take the conflict to its next step (in its thread)
cmd-conflict-resolve = resolve
    .description = Mark the conflict resolved (in its thread)
cmd-conflict-decide = decide
    .description = Propose or record the TSC's final decision (TSC, in the case's thread)
    .decision-name = decision
    .decision-description = The decision, as the parties will read it
cmd-report = report
    .description = Report privately to the TSC or the security team
cmd-report-conduct = conduct
    .description = Report a code-of-conduct violation to the TSC, privately
    .member-name = member
    .member-description = The member you report, if any
cmd-report-security = security
    .description = Report a security vulnerability to the security response team, privately
cmd-report-status = status
    .description = Your conflicts and reports, and where they stand
cmd-report-message = Report to the TSC
cmd-review-publish = publish
    .description = Complete the annual review and put it to the TSC, to be shared (TSC only)
cmd-govern-dissolve = dissolve
    .description = Propose dissolving the project on a date; the TSC votes (TSC only)
    .date-name = date
    .date-description = The dissolution date (YYYY-MM-DD), at least the notice period after the vote
    .reason-name = reason
    .reason-description = Why the project is dissolved
    .steward-name = steward
    .steward-description = Who receives the project's resources (domains, CI, funds)
    .archive-name = archive
    .archive-description = Where the documentation is archived
    .license-name = license
    .license-description = The code's license, to name it in the notice (optional)
cmd-govern-dissolve-call-off = dissolve-call-off
    .description = Propose calling the decided dissolution off; the TSC votes (TSC only)
    .reason-name = reason
    .reason-description = Why it is called off

## Cases: names, cards, buttons

case-name-conflict = Conflict #{ $id }
case-name-conduct = Conduct report #{ $id }
case-name-security = Security report #{ $id }
case-text-erased = (erased after the case closed)
case-nobody-named = nobody named
case-field-parties = Parties
case-field-step = Step
case-field-decision = The TSC's decision
case-field-reported = Reported member
case-field-reporter = Reported by
case-field-message = Message
case-field-status = Status
case-field-thread = Case thread
case-conflict-title = Conflict #{ $id }
case-conflict-greeting = { $mentions } This private thread is for your conflict; only the two of you (and later a mediator, then the TSC) can read it. First, try to resolve it together.
case-conflict-footer = Private: read only by its parties, its mediator and, at step 3, the TSC.
case-conflict-step-direct = 1 of 3: the parties try to resolve it directly. Either may take it to mediation from { $until }, or at once if both agree.
case-conflict-step-asked = { $member } asked to go to mediation now.
case-conflict-step-wanted = 2 of 3: waiting for a maintainer to mediate. If nobody has by { $until }, either party may take it to the TSC.
case-conflict-step-mediation = 2 of 3: { $mediator } mediates. A party or the mediator may take it to the TSC.
case-conflict-step-tsc = 3 of 3: before the TSC for a final decision. A TSC member proposes it with `/conflict decide` in this thread.
case-conflict-step-voting = 3 of 3: the TSC is voting on a decision (ballot #{ $ballot }).
case-conflict-resolved-parties = Resolved by the parties.
case-conflict-resolved-tsc = Resolved by the TSC's final decision.
case-conduct-title = Conduct report #{ $id }
case-conduct-greeting = { $mentions } A conduct report for the TSC. Please record the TSC's response with a button below.
case-conduct-footer = Private: the TSC only, without a reported member. The reporter is told it was handled, never how.
case-conduct-open = Waiting for the TSC's response.
case-conduct-responded = { $response }, recorded by { $member } ({ $date }).
case-security-title = Security report #{ $id }: { $title }
case-security-greeting = { $mentions } A security report for the security response team. Please acknowledge it.
case-security-footer = Private: the security response team only.
case-security-open = Waiting for acknowledgement (due { $due }).
case-security-acknowledged = Acknowledged by { $member } ({ $date }).
case-security-resolved = Resolved by { $member } ({ $date }).
case-response-no-action = No action
case-response-warning = Warning
case-response-timeout = Timeout ({ $minutes } minutes)
case-response-ban = Ban (carried out by hand)
case-button-resolve = Mark resolved
case-button-escalate = Escalate
case-button-mediate = I'll mediate
case-button-no-action = No action
case-button-warning = Warning
case-button-timeout = Timeout…
case-button-ban = Ban (recorded)
case-button-acknowledge = Acknowledge
case-button-resolved = Resolved

## Cases: notes in the thread, requests, DMs

case-note-escalation-asked = { $member } asks to take this conflict to mediation now. { $other }, if you agree, press **Escalate** or run `/conflict escalate` here.
case-note-mediation-requested = The maintainers were asked for a mediator. If nobody has taken it by { $until }, either party may take the conflict to the TSC.
case-note-mediator-joined = { $mentions } { $mediator } mediates this conflict from now on.
case-note-with-tsc = { $mentions } This conflict is before the TSC for a final decision. Propose it with `/conflict decide` here.
case-note-decided = { $mentions } The TSC's final decision: { $decision }
case-note-decision-rejected = The TSC did not approve the decision proposed. A TSC member may propose another with `/conflict decide`.
case-note-resolved = { $member } marked this conflict resolved. This thread stays as its record.
case-note-responded = { $member } recorded the TSC's response: { $response }. The reporter is told that the report was handled.
case-note-acknowledged = { $member } acknowledged the report; the reporter was told.
case-note-security-resolved = { $member } marked the report resolved; the reporter was told.
case-note-ack-reminder = { $mentions } Nobody has acknowledged this report in { $hours } hours. Please acknowledge it.
case-note-reporter-unreachable = The reporter could not be reached by DM (their DMs are closed); `/report status` shows them where it stands.
case-note-timeout-failed = The timeout could not be applied: Steward needs the Moderate Members permission, and its role must be above the member's. Please apply it by hand.
case-mediator-wanted = Conflict #{ $id } needs a maintainer to mediate. Whoever takes it joins the conflict's private thread.
case-mediator-taken = Conflict #{ $id }: { $mediator } mediates.
case-decision-proposed-title = Conflict #{ $id }: the decision before the TSC (ballot #{ $ballot })
case-decision-proposed-footer = Only for the TSC while it votes. The parties are told the decision once it is approved.
case-dm-conduct-handled = Your conduct report (case #{ $id }) was handled by the TSC. Thank you for reporting it.
case-dm-security-acknowledged = Your security report (case #{ $id }) was acknowledged by the security response team.
case-dm-security-timeline = Your security report (case #{ $id }) has not been acknowledged yet, so the security response team was reminded. Reports are acknowledged within { $hours } hours; you will hear from the team here.
case-dm-security-resolved = Your security report (case #{ $id }) was resolved by the security response team. Thank you.

## Cases: answers to members

case-conflict-opened = { $name } is open: a private thread for the two of you appears in this channel.
case-updated = { $name } is updated; its card in the thread shows where it stands.
case-decision-put-to-vote = { $name }: the decision goes to a private TSC ballot (#{ $ballot }).
case-conduct-receipt = Thank you. Your report ({ $name }) reached the TSC privately. You will be told by DM when it was handled; `/report status` shows it too.
case-security-receipt = Thank you. Your report ({ $name }) reached the security response team privately. Reports are acknowledged within { $hours } hours; you will be told by DM.
case-status-none = You have no conflicts or reports.
case-status-header = **Your conflicts and reports**
case-status-conflict-step = at step { $step } of 3
case-status-with-tsc = with the TSC
case-status-handled = handled
case-status-awaiting-ack = waiting for acknowledgement
case-status-acknowledged = acknowledged
case-status-dm-closed = we could not DM you
case-ballot-title = Conflict #{ $id }: the TSC's final decision
case-ballot-description = The decision proposed is posted in this channel, for the TSC only. The parties do not vote; they are told the decision once it is approved.

## Cases: forms

case-conduct-form-title = Report to the TSC
case-conduct-form-label = What happened?
case-security-form-title = Report a security issue
case-security-form-summary = Summary
case-security-form-details = Details (affected versions, steps)
case-timeout-form-title = Timeout
case-timeout-form-label = How long? (1h, 3d, at most 28d)

## Cases: refusals

case-error-not-found = There is no such case here.
case-error-not-in-thread = Run this in the case's private thread.
case-error-channel = Open a conflict in a text channel both of you can read: its private thread is made there.
case-error-other-cannot-see = That member cannot read this channel, so they could not read the conflict's thread. Open it in a channel both of you can read.
case-error-text-empty = The text needs at least one visible character.
case-error-text-too-long = The text holds at most { $max } characters.
case-error-same-party = A conflict is between you and another member.
case-error-bot-party = A bot cannot be part of a case.
case-error-closed = This case is closed.
case-error-already-asked = You already asked to move on; the other party has to agree (or the period has to end).
case-error-waiting-for-mediator = No maintainer has taken the mediation yet. If nobody has { $until }, either party may take it to the TSC.
case-error-no-mediation = This conflict is not waiting for a mediator.
case-error-already-with-tsc = This conflict is already before the TSC.
case-error-not-with-tsc = The TSC decides only once the conflict has been taken to it.
case-error-decision-pending = A decision on this conflict is already before the TSC.
case-error-already-responded = The TSC's response to this report is already recorded.
case-error-nobody-to-time-out = This report names no member to time out.
case-error-bad-timeout = A timeout lasts from one minute to 28 days, such as 1h or 3d.
case-error-already-acknowledged = This report was already acknowledged.
case-error-not-party = Only the parties to this conflict (and, at step 2, its mediator) can do that.
case-error-mediate-not-allowed = Only a maintainer who is not a party can mediate this conflict.
case-error-decide-not-allowed = Only a TSC member who is not a party decides this conflict.
case-error-respond-not-allowed = Only a TSC member who is not the member reported can respond to this report.
case-error-not-security-team = Only the security response team handles security reports.
case-error-no-tsc-channel = The TSC decides conflicts in its private channel, and none is set up: a server manager sets one with `/govern setup`.
case-error-which-server = Steward serves several servers: please run this in the server it is about (the form stays private there).
action-case-thread = make a case's private thread (it needs Create Private Threads and Send Messages in Threads)
action-case-post = post in a case's private thread
action-case-timeout = time out a member
action-post-community = post an announcement for the community

## The annual review, shared with the community

review-publish-hint = To share the review with the community, a TSC member completes it with `/review publish`; the TSC then approves it by ballot.
review-cases = **Cases handled in private**: { $conflicts } conflicts, { $conduct } conduct reports, { $security } security reports.
review-form-title = Annual review
review-section-progress = Progress toward goals
review-section-community = Community health
review-section-debt = Technical debt assessment
review-section-roadmap = Roadmap adjustments
review-section-governance = Governance effectiveness
review-draft-title = **Annual review, before the TSC** ({ $from } to { $to }): this is what the community will read.
review-published-title = **The project's annual review** ({ $from } to { $to }), approved by the TSC
review-numbers-header = **The year in numbers**
review-private-ballots = Also decided in private (status reviews, cases): { $count }.
review-proposed = The review goes to the TSC: ballot #{ $id }. Once approved, it is posted for the community.
annual-review-ballot-title = Share the annual review with the community
annual-review-ballot-description = The review, with the TSC's five sections, is posted in this channel. Approved, it is posted in the announcement channel and recorded in the decision log.
review-error-section-empty = Every section of the review needs at least one visible character.
review-error-section-too-long = A section holds at most { $max } characters.
review-error-already-proposed = A review is already before the TSC; wait for its ballot to close.
review-error-not-found = There is no such review.

## Dissolution

dissolution-ballot-title = Dissolve the project on { $date }
dissolution-ballot-description = Reason: { $reason }
    Resources go to: { $steward }
    Documentation is archived at: { $archive }
    All code remains available under its license{ $license }.
dissolution-proposed = The proposal goes to the TSC: ballot #{ $id }. Approved, the community is notified at once, every month and a week before the date.
dissolution-call-off-title = Call off the dissolution planned for { $date }
dissolution-call-off-proposed = Calling the dissolution off goes to the TSC: ballot #{ $id }.
dissolution-notice-title = The project will be dissolved on { $date }
dissolution-notice-footer = Decided by the TSC. This notice is repeated every month and a week before the date.
dissolution-field-steward = Resources are transferred to
dissolution-field-code = The code
dissolution-field-archive = Documentation is archived at
dissolution-license = All code remains available under its license.
dissolution-license-named = All code remains available under its license ({ $license }).
dissolution-called-off = The TSC called off the dissolution planned for { $date }. The project continues.
dissolution-error-date = The date is not understood: write it as YYYY-MM-DD.
dissolution-error-too-soon = The date must lie at least the notice period (`dissolution_notice_months`) after the vote closes: the earliest date is { $earliest }.
dissolution-error-field-empty = The steward and the archive need at least one visible character.
dissolution-error-field-too-long = A field holds at most { $max } characters.
dissolution-error-underway = A dissolution is already proposed or decided.
dissolution-error-nothing-to-call-off = There is no decided dissolution to call off.
dissolution-error-call-off-pending = Calling it off is already before the TSC.
dissolution-error-not-found = There is no such dissolution proposal.
