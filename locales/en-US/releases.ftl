# Releases and dependencies, en-US.

## Commands

cmd-release = release
    .description = Releases: the seven steps of the release process
cmd-release-propose = propose
    .description = Propose a release; its changelog and planned date are asked next, then the TSC votes
    .version-name = version
    .version-description = The semantic version, such as 1.4.0
cmd-release-rc = rc
    .description = Record a release candidate with its link; the feedback window starts
    .version-name = version
    .version-description = The release's version
    .link-name = link
    .link-description = Where the candidate can be downloaded or tested (http or https)
cmd-release-approve = approve
    .description = Ask for the final approval (refused while the window runs or a blocker is open)
    .version-name = version
    .version-description = The release's version
cmd-release-published = published
    .description = Record the publication of an approved release; it is announced
    .version-name = version
    .version-description = The release's version
    .link-name = link
    .link-description = Where the release is published (http or https)
cmd-release-withdraw = withdraw
    .description = Withdraw a release before it is published (its proposer or the TSC)
    .version-name = version
    .version-description = The release's version
    .reason-name = reason
    .reason-description = Why the release is withdrawn
cmd-release-list = list
    .description = List the releases and where each stands
cmd-release-info = info
    .description = Show a release's steps, changelog, candidates, feedback and blocking issues
    .version-name = version
    .version-description = The release's version

cmd-dependency = dependency
    .description = Third-party dependencies: proposals, reviews, the approved list
cmd-dependency-propose = propose
    .description = Propose a dependency; the need and alternatives considered are asked next
    .name-name = name
    .name-description = The package's name, such as serde or @types/node
    .version-name = version
    .version-description = The version or requirement, such as 1.0
    .ecosystem-name = ecosystem
    .ecosystem-description = Where it comes from, such as cargo, npm or pypi
cmd-dependency-remove = remove
    .description = Propose removing an approved dependency; a maintainer decides
    .name-name = name
    .name-description = The approved dependency
    .reason-name = reason
    .reason-description = Why it should be removed
    .ecosystem-name = ecosystem
    .ecosystem-description = Its ecosystem, if it was given one
cmd-dependency-list = list
    .description = List the approved dependencies and the proposals under way
cmd-dependency-info = info
    .description = Show a dependency's proposal: need, alternatives, reviews, decision
    .name-name = name
    .name-description = The dependency
    .ecosystem-name = ecosystem
    .ecosystem-description = Its ecosystem, if it was given one
cmd-dependency-export = export
    .description = Export the approved list as a Markdown table and as JSON

## The release card

release-card-title = Release { $version }
release-card-footer = Release #{ $id } · the card follows every step
release-step-propose = Proposal with a changelog
release-step-plan = The TSC approves the release plan
release-step-candidate = Release candidate
release-step-feedback = Community feedback
release-step-blockers = Blocking issues addressed
release-step-final = Final approval and publication
release-step-announcement = Announcement
release-stage-draft = waiting for the changelog
release-stage-plan-vote = the TSC votes on the plan
release-stage-awaiting-candidate = plan approved; waiting for the first candidate
release-stage-feedback = feedback window open, until { $ends }
release-stage-blocked = waiting for blocking issues to be addressed
release-stage-ready = ready for the final approval (`/release approve`)
release-stage-final-vote = the TSC votes on the final release
release-stage-approved = approved; waiting for the publication (`/release published`)
release-stage-published = published; the announcement is on its way
release-stage-announced = published and announced
release-stage-rejected = the plan was not approved
release-stage-withdrawn = withdrawn
release-field-proposer = Proposed by
release-field-stage = Now
release-field-planned = Planned for
release-field-plan-ballot = Plan ballot
release-field-final-ballot = Final ballot
release-field-signed-off = Signed off by
release-field-candidates = Release candidates
release-field-feedback = Feedback
release-feedback-count = Works for me: { $count } on rc{ $candidate } · blocking issues: { $blockers } ({ $open } open)
release-field-blockers = Blocking issues
release-blocker-open = 🔴 #{ $id } { $link }: { $reason } ({ $reporter })
release-blocker-resolved = ✅ #{ $id } { $link }: resolved by { $decision }
release-blocker-not-blocking = ➖ #{ $id } { $link }: not blocking, { $decision }
release-field-published = Published at
release-field-withdrawn = Withdrawn because
release-field-changelog = Changelog
release-field-changelog-part = Changelog ({ $part }/{ $parts })
release-button-works = Works for me
release-button-blocker = Report a blocking issue
release-list-empty = There are no releases yet.
release-list-header = **Releases**
release-list-line = - { $version }: { $stage } (proposed by { $proposer })

## Ballots on a release

release-ballot-plan-title = Release plan: { $version }
release-ballot-plan-description = { $proposer } proposes releasing { $version }, planned for { $planned }. The release card is in { $channel }.
release-ballot-final-title = Final release: { $version }
release-ballot-final-description = Approve publishing { $version }.
    Release candidates:
    { $candidates }
    Works for me on the latest candidate: { $works }. Blocking issues reported: { $blockers }, all addressed.
    The release card is in { $channel }.

## Posts

release-thread-name = Release { $version }
release-blocker-posted = { $proposer }: a blocking issue was reported on { $version }. A maintainer marks it resolved or not blocking.
release-blocker-title = Blocking issue #{ $id } on { $version }
release-field-issue = Issue
release-field-reporter = Reported by
release-field-candidate = Candidate
release-blocker-footer = The final approval waits until every blocking issue is addressed.
release-button-resolved = Resolved
release-button-not-blocking = Not blocking
release-blocker-told-resolved = Your blocking issue #{ $id } on { $version } ({ $link }) was marked resolved by { $by }: { $decision }
release-blocker-told-not-blocking = Your blocking issue #{ $id } on { $version } ({ $link }) was judged not blocking by { $by }: { $decision }
release-plan-not-approved = { $proposer }: the TSC did not approve the release plan of { $version }; the release ends here.
release-final-not-approved = { $proposer }: the TSC did not approve the final release of { $version }. Record a new candidate or ask again with `/release approve`.
release-stale = { $proposer }: release { $version } has waited at step { $step } since { $since }.
release-announcement = 🎉 **{ $version } is released!** { $link }

    { "**" }Changelog**
    { $changelog }

    Release candidates tested by the community:
    { $candidates }

## Answers

release-proposed = The plan of { $version } is before the TSC: ballot #{ $id }. Its card is in { $channel }.
release-rc-recorded = Release candidate rc{ $number } of { $version } is recorded. Community feedback is open until { $ends }.
release-final-ballot-opened = The final approval of { $version } is before the TSC: ballot #{ $id }.
release-signed-off = You signed off { $version }. Record its publication with `/release published`.
release-published-recorded = { $version } is recorded as published; it is announced to the community.
release-withdrawn = { $version } is withdrawn.
release-works-counted = Thank you: "works for me" on rc{ $candidate } of { $version } is counted.
release-works-already = Your "works for me" on rc{ $candidate } of { $version } is already counted.
release-blocker-reported = Blocking issue #{ $id } on { $version } is recorded; the final approval waits until it is addressed. You will be told.
release-blocker-marked-resolved = Blocking issue #{ $id } on { $version } is marked resolved; { $reporter } is told.
release-blocker-marked-not-blocking = Blocking issue #{ $id } on { $version } is marked not blocking; { $reporter } is told.

## Release forms

release-form-plan-title = Release plan
release-form-changelog = Changelog
release-form-planned = Planned date (YYYY-MM-DD)
release-form-blocker-title = Report a blocking issue
release-form-issue-link = Link to the issue (http or https)
release-form-why-blocks = Why it blocks the release
release-form-resolved-title = Blocking issue resolved
release-form-fix-link = Link to the fix (http or https)
release-form-not-blocking-title = Not a blocking issue
release-form-why-not-blocking = Why it does not block the release

## Release errors

release-error-version = Give the version as a semantic version, such as 1.4.0 or 2.0.0-rc.1.
release-error-version-taken = This version is already released or in flight.
release-error-changelog-empty = The changelog cannot be empty.
release-error-changelog-long = The changelog is too long (at most { $max } characters).
release-error-planned-date = Give the planned date as YYYY-MM-DD, today or later.
release-error-link = Give a link starting with http:// or https:// (at most { $max } characters).
release-error-reason = Give a reason (at most { $max } characters).
release-error-not-found = There is no such release in this server.
release-error-plan-not-approved = The TSC has not approved the release plan yet.
release-error-no-candidate = No release candidate has been recorded yet (`/release rc`).
release-error-window-running = The community feedback window is still open, until { $ends }.
release-error-blockers-open = { $count ->
    [one] A blocking issue is still open; it must be marked resolved or not blocking first.
   *[other] { $count } blocking issues are still open; each must be marked resolved or not blocking first.
}
release-error-final-underway = The final approval is under way or done; feedback and candidates are closed.
release-error-not-approved = The final release is not approved yet.
release-error-already-published = This release is already published.
release-error-ended = This release is over.
release-error-blocker-decided = This blocking issue was already decided.
release-error-not-allowed-to-propose = Only maintainers and TSC members propose releases.
release-error-needs-maintainer = Only maintainers and TSC members can do that.
release-error-sign-off-not-allowed = Only a maintainer other than the release's proposer signs the final release off.
release-error-withdraw-not-allowed = Only the release's proposer or a TSC member can withdraw it.

## The dependency card

dependency-card-title = Dependency proposal: { $name }
dependency-card-removal-title = Removal proposal: { $name }
dependency-card-footer = Dependency proposal #{ $id }
dependency-field-proposer = Proposed by
dependency-field-stage = Now
dependency-field-need = Need
dependency-field-alternatives = Alternatives considered
dependency-field-reason = Why remove it
dependency-field-security = Security review
dependency-field-license = License compatibility review
dependency-field-decision = Maintainer decision
dependency-review-pending = pending
dependency-review-passed = passed, by { $by }: { $note }
dependency-review-rejected = rejected, by { $by }: { $note }
dependency-decision = { $by }: { $note }
dependency-stage-draft = waiting for the proposal
dependency-stage-review = security and license reviews under way
dependency-stage-awaiting-approval = waiting for a maintainer's approval
dependency-stage-approved = approved
dependency-stage-removed = approved, since removed
dependency-stage-removal-approved = removed from the approved list
dependency-stage-rejected = not approved
dependency-button-security-pass = Security: pass
dependency-button-security-reject = Security: reject
dependency-button-license-pass = License: pass
dependency-button-license-reject = License: reject
dependency-button-approve = Approve
dependency-button-reject = Reject
dependency-list-header = **Approved dependencies**
dependency-list-empty = None yet.
dependency-list-line = - { $name }, approved { $approved }
dependency-list-proposals = **Proposals under way**
dependency-list-proposal-line = - #{ $id } { $name }: { $stage }

## Dependency forms

dependency-form-proposal-title = Dependency proposal
dependency-form-need = The need
dependency-form-alternatives = Alternatives considered
dependency-form-security-pass = Security review: pass
dependency-form-security-reject = Security review: reject
dependency-form-license-pass = License review: pass
dependency-form-license-reject = License review: reject
dependency-form-approve = Approve the dependency
dependency-form-reject = Reject the dependency
dependency-form-note = Note
dependency-form-reason = Reason

## Dependency answers

dependency-proposed = { $name } is proposed; its card is in { $channel }. The security and license reviews come next.
dependency-removal-proposed = The removal of { $name } is proposed; its card is in { $channel }. A maintainer decides.
dependency-reviewed = Review recorded for { $name }: { $stage }.
dependency-decided = Decision recorded for { $name }: { $stage }.
dependency-export-done = { $count ->
    [one] One approved dependency, as a Markdown table and as JSON.
   *[other] { $count } approved dependencies, as a Markdown table and as JSON.
}
dependency-export-title = Approved third-party dependencies
dependency-export-name = Name
dependency-export-version = Version
dependency-export-ecosystem = Ecosystem
dependency-export-approved = Approved
dependency-export-need = Need

## Dependency errors

dependency-error-name = Give the package's name without spaces (at most { $max } characters).
dependency-error-version = The version is too long (at most { $max } characters).
dependency-error-ecosystem = Give the ecosystem in a word, such as cargo (at most { $max } characters).
dependency-error-need = Describe the need (at most { $max } characters).
dependency-error-alternatives = Describe the alternatives considered (at most { $max } characters).
dependency-error-note = Give a note or a reason (at most { $max } characters).
dependency-error-too-long = A text is too long (at most { $max } characters).
dependency-error-duplicate = This dependency is already approved or proposed.
dependency-error-not-approved = This dependency is not on the approved list.
dependency-error-not-found = There is no such dependency proposal in this server.
dependency-error-already-reviewed = This review was already given.
dependency-error-no-review-for-removal = A removal needs no review, only a maintainer's approval.
dependency-error-reviews-pending = Both reviews must pass before a maintainer approves.
dependency-error-decided = This proposal was already decided.
dependency-error-not-allowed-to-propose = Only contributors, maintainers and TSC members propose dependencies.
dependency-error-needs-maintainer = Only maintainers and TSC members propose removing a dependency.
dependency-error-security-review = Only the security team reviews security, and never the proposer.
dependency-error-security-review-maintainer = Without a security team, a maintainer other than the proposer reviews security.
dependency-error-license-review = Only a maintainer other than the proposer reviews license compatibility.
dependency-error-approve-not-allowed = Only a maintainer other than the proposer approves or rejects.

## Missing permissions

action-release-thread = open a release's thread (it needs Create Public Threads)
action-release-post = post or update a release or dependency card
