# RFCs, amendments and the decision log, en-US.

## Commands

cmd-rfc = rfc
    .description = RFCs: the process for significant changes
cmd-rfc-open = open
    .description = Open an RFC: its summary is asked next, then the community discusses it
    .title-name = title
    .title-description = The RFC's title, in a line
    .link-name = link
    .link-description = The GitHub issue or RFC-repository page (an http(s) URL)
cmd-rfc-revise = revise
    .description = Record a revision of an RFC (its author, maintainers or the TSC)
    .rfc-name = rfc
    .rfc-description = The RFC
    .what-changed-name = what-changed
    .what-changed-description = What changed, in a few words
    .link-name = link
    .link-description = A link to the revised text (optional)
cmd-rfc-decide = decide
    .description = Put an RFC to the TSC once its discussion period is over (TSC)
    .rfc-name = rfc
    .rfc-description = The RFC
cmd-rfc-withdraw = withdraw
    .description = Withdraw your RFC
    .rfc-name = rfc
    .rfc-description = The RFC
cmd-rfc-postpone = postpone
    .description = Postpone an RFC, with a reason (TSC)
    .rfc-name = rfc
    .rfc-description = The RFC
    .reason-name = reason
    .reason-description = Why it is postponed
cmd-rfc-list = list
    .description = List the RFCs
    .status-name = status
    .status-description = Only RFCs with this status
cmd-rfc-info = info
    .description = Show an RFC's card
    .rfc-name = rfc
    .rfc-description = The RFC

cmd-amend = amend
    .description = Amendments to governance
cmd-amend-propose = propose
    .description = Propose an amendment to governance; the community discusses, the TSC votes
    .title-name = title
    .title-description = The amendment's title, in a line
    .link-name = link
    .link-description = The issue or pull request that changes the governance text
    .changes-name = changes
    .changes-description = Policy changes, such as quorum=3/5 reminder_hours=48 (see /govern policy)
cmd-amend-revise = revise
    .description = Record a revision of an amendment (its author, maintainers or the TSC)
    .amendment-name = amendment
    .amendment-description = The amendment
    .what-changed-name = what-changed
    .what-changed-description = What changed, in a few words
    .link-name = link
    .link-description = A link to the revised text (optional)
cmd-amend-decide = decide
    .description = Put an amendment to the TSC once its discussion period is over (TSC)
    .amendment-name = amendment
    .amendment-description = The amendment
cmd-amend-withdraw = withdraw
    .description = Withdraw your amendment
    .amendment-name = amendment
    .amendment-description = The amendment
cmd-amend-postpone = postpone
    .description = Postpone an amendment, with a reason (TSC)
    .amendment-name = amendment
    .amendment-description = The amendment
    .reason-name = reason
    .reason-description = Why it is postponed
cmd-amend-list = list
    .description = List the amendments
    .status-name = status
    .status-description = Only amendments with this status
cmd-amend-info = info
    .description = Show an amendment's card
    .amendment-name = amendment
    .amendment-description = The amendment

cmd-decisions = decisions
    .description = The decision log: every decision the bot took part in
cmd-decisions-list = list
    .description = Page through the decision log, newest first
    .kind-name = kind
    .kind-description = Only decisions of this kind
    .since-name = since
    .since-description = Only decisions since this day, as YYYY-MM-DD
    .page-name = page
    .page-description = Which page (10 decisions each)
    .private-name = private
    .private-description = Include the TSC's private decisions (TSC only)
cmd-decisions-export = export
    .description = Export the decision log as a file
    .format-name = format
    .format-description = markdown (for a GOVERNANCE-LOG.md), csv or json
    .private-name = private
    .private-description = Include the TSC's private decisions (TSC only)

## Names and statuses

rfc-label = RFC { $number }
amendment-label = Amendment { $number }
rfc-status-draft = draft
rfc-status-discussion = open for discussion
rfc-status-awaiting-decision = awaiting the TSC's decision
rfc-status-voting = the TSC is voting
rfc-status-accepted = accepted
rfc-status-declined = declined
rfc-status-withdrawn = withdrawn
rfc-status-postponed = postponed
rfc-stance-support = Support
rfc-stance-neutral = Neutral
rfc-stance-concern = Concern

## The card and the forms

rfc-summary-form-title = Your RFC
amendment-summary-form-title = Your amendment
rfc-field-motivation = Motivation
rfc-field-proposal = Proposal
rfc-field-alternatives = Alternatives considered
rfc-field-author = Author
rfc-field-status = Status
rfc-field-period = Discussion period
rfc-field-link = Link
rfc-field-ballot = TSC ballot
rfc-ballot-line = Ballot #{ $id }
rfc-field-postponed = Postponed because
rfc-field-changes = Policy changes
rfc-field-revisions = { $count ->
    [one] One revision
   *[other] { $count } revisions
}
rfc-revision-line = { $number }. { $at } { $author }: { $what }
rfc-field-feedback = Community feedback (not binding)
rfc-feedback-counts = { $support } support · { $neutral } neutral · { $concern ->
    [one] 1 concern
   *[other] { $concern } concerns
}
rfc-field-concerns = Concerns
rfc-period-ends = Ends { $at }
rfc-period-ended = Ended { $at }
rfc-card-footer = Give your feedback with the buttons; you may change it until the TSC decides.
rfc-concern-form-title = Your concern
rfc-concern-form-label = What concerns you, in short

## Answers

rfc-opened = { $label } is open for discussion until { $ends }. Its thread and card are being made in the RFC channel.
rfc-revised = Revision { $revision } of { $label } is recorded.
rfc-withdrawn = { $label } is withdrawn.
rfc-postponed = { $label } is postponed.
rfc-decide-opened = The TSC's ballot #{ $id } on { $label } is open.
rfc-feedback-recorded = Your feedback on { $label } is recorded: { $stance }.
rfc-feedback-changed = Your feedback on { $label } is changed to: { $stance }.
rfc-list-empty = No RFCs yet. Open one with `/rfc open`.
amendment-list-empty = No amendments yet. Propose one with `/amend propose`.
rfc-list-line = - **{ $label }** { $title } ({ $status }) by { $author } { $place }

## Told in threads and channels

rfc-announced = New RFC: **{ $heading }** by { $author }. Discuss it in { $place } until { $ends }: { $link }
amendment-announced = Proposed amendment to governance: **{ $heading }** by { $author }. Discuss it in { $place } until { $ends }: { $link }
rfc-step-revised = { $actor } recorded revision { $revision } of { $label }: { $what }
rfc-step-ready = The discussion period of { $label } is over: the TSC may now decide.
rfc-step-ready-tsc = **{ $heading }** is ready for a decision: { $place }. Open the ballot with `/{ $command } decide { $number }`.
rfc-step-voting = The TSC is voting on { $label }: ballot #{ $ballot }. Revisions wait until it closes.
rfc-step-accepted = **{ $heading }** was accepted by the TSC (ballot #{ $ballot }).
rfc-step-declined = **{ $heading }** was declined by the TSC (ballot #{ $ballot }).
rfc-step-no-decision = The TSC's ballot #{ $ballot } on { $label } decided nothing; the TSC may decide again.
rfc-step-withdrawn = **{ $heading }** was withdrawn by its author.
rfc-step-postponed = **{ $heading }** was postponed by { $actor }: { $reason }
rfc-step-other = { $label } moved on.
amendment-applied = The policy changed:
amendment-not-applied = The policy changes could not be applied: { $reason }
amendment-text-change = The text change is { $link }; merging it stays with the maintainers.

## The TSC's ballot

rfc-ballot-intro = By { $author }: { $link } (discussion: { $place })
rfc-ballot-criteria = The TSC decides on: technical merit · alignment with project goals · community feedback · resource constraints · maintenance implications.
rfc-ballot-feedback = Community feedback: { $counts }
rfc-ballot-revisions = { $count ->
    [0] No revisions.
    [one] One revision:
   *[other] { $count } revisions:
}

## Refusals

rfc-error-title-empty = The title needs at least one visible character.
rfc-error-title-too-long = The title holds at most { $max } characters.
rfc-error-link = The link must be an http(s) URL, such as https://github.com/org/repo/issues/12.
rfc-error-summary-empty = The motivation and the proposal each need at least one visible character.
rfc-error-summary-too-long = Each part of the summary holds at most { $max } characters.
rfc-error-what-changed = Say what changed in at most { $max } characters, with at least one visible character.
rfc-error-reason = Give a reason of at most { $max } characters, with at least one visible character.
rfc-error-concern = A concern needs a short text: at most { $max } characters, with at least one visible character.
rfc-error-too-early = The discussion period is not over: the TSC may decide from { $at }.
rfc-error-ballot-running = The TSC is voting on it: wait until its ballot closes (or a TSC member cancels it with `/vote cancel`).
rfc-error-already-postponed = It is already postponed.
rfc-error-withdrawn = It was withdrawn by its author: nothing more can be done with it.
rfc-error-decided = It has been decided: nothing more can be done with it.
rfc-error-moved-on = It moved on meanwhile; look again with `/rfc info`.
rfc-error-no-channel = No RFC channel is set. Someone with Manage Server can set one with `/govern setup rfc-channel:` (a forum or a text channel).
rfc-error-not-allowed-to-open = Contributors, maintainers and the TSC may open RFCs and propose amendments.
rfc-error-not-allowed-to-revise = Only its author, maintainers and the TSC may revise it.
rfc-error-only-author-withdraws = Only its author may withdraw it.
rfc-error-not-found = There is no such RFC on this server.
amendment-error-not-found = There is no such amendment on this server.
rfc-error-status = Unknown status: use discussion, awaiting_decision, voting, accepted, declined, withdrawn or postponed.
amendment-error-too-long = The changes hold at most { $max } characters.
amendment-error-not-a-pair = Write each change as setting=value (`{ $pair }` is not).
amendment-error-unknown-setting = Unknown setting `{ $setting }`: see `/govern policy` for the list.
amendment-error-duplicate = The setting `{ $setting }` is changed twice.
amendment-error-ratio = `{ $setting }`: use a fraction between 0 and 1, such as 2/3.
amendment-error-number = `{ $setting }`: use a whole number within the setting's bounds.
amendment-error-choice = `{ $setting }`: use one of { $expected }.
policy-error-amend-instead = This server has run ballots, so its policy changes only by amendment: propose one with `/amend propose title link changes:` (for example `quorum=3/5`); the community discusses it, then the TSC votes. Nothing was changed.

## For the TSC's note about a missing permission

action-rfc-thread = create an RFC's thread and pin its card in the RFC channel
action-rfc-post = post in an RFC's thread or the announcement channel

## The decision log

decision-kind-ballot = Ballot
decision-kind-policy = Policy
decision-kind-setup = Set-up
decision-kind-working-group = Working group
decision-kind-emeritus = Emeritus
decision-kind-rfc = RFC
decision-kind-amendment = Amendment
decision-kind-nomination = Nomination
decision-kind-release = Release
decision-kind-dependency = Dependency
decision-kind-case = Case
decision-kind-annual-review = Annual review
decision-kind-dissolution = Dissolution
decision-outcome-changed = changed
decision-outcome-created = created
decision-outcome-closed = closed
decision-outcome-emeritus = moved to emeritus
decision-outcome-opened = opened
decision-outcome-accepted = accepted
decision-outcome-declined = declined
decision-outcome-withdrawn = withdrawn
decision-outcome-postponed = postponed
decision-summary-ballot = Ballot #{ $id } “{ $title }”: { $outcome } (+1: { $yes }, 0: { $abstain }, -1: { $no }; electorate { $electorate })
decision-summary-policy = `{ $setting }`: { $before } → { $after }
decision-summary-setup = The server's set-up changed
decision-summary-rfc = { $kind } { $number } “{ $title }”: { $outcome }
decision-summary-other = “{ $title }”: { $outcome }
decision-private = private
decision-list-empty = No decisions recorded yet.
decision-list-header = **Decision log**: { $count ->
    [one] one decision
   *[other] { $count } decisions
}, page { $page } of { $pages }, newest first.
decision-list-more = More with `page:{ $next }`.
decision-error-kind = Unknown kind: use ballot, policy, setup, working_group, emeritus, rfc, amendment, nomination, release, dependency, case, annual_review or dissolution.
decision-error-since = Give the day as YYYY-MM-DD.
decision-error-format = Use markdown, csv or json.
decision-export-done = The decision log: { $count ->
    [one] one decision
   *[other] { $count } decisions
}.
decision-export-heading = Governance decision log
decision-export-intro = Every decision the project's governance bot took part in, oldest first. Secret ballots show their totals only.
decision-column-date = Date (UTC)
decision-column-kind = Kind
decision-column-decision = Decision
decision-column-outcome = Outcome
decision-column-link = Link
