# Steward, en-US: the roster, succession planning and the annual review.

## Commands

cmd-roster = roster
    .description = The project's leadership: TSC, maintainers, security team, emeritus
cmd-roster-show = show
    .description = Show the current leadership lists
cmd-roster-set-area = set-area
    .description = Record a maintainer's area of focus (your own, or anyone's for the TSC)
    .area-name = area
    .area-description = The area of focus, such as "runtime" or "documentation"
    .member-name = member
    .member-description = The maintainer (yourself if left empty)
cmd-roster-export = export
    .description = The leadership lists as Markdown for GOVERNANCE.md
cmd-review = review
    .description = The TSC's annual review
cmd-review-now = now
    .description = The review summary of the past twelve months (TSC only)

## Roster

roster-title = Current project leadership
roster-section-tsc = Technical Steering Committee
roster-section-maintainers = Maintainers
roster-section-security = Security Response Team
roster-section-emeritus = Emeritus
roster-section-wg-chairs = Working group chairs
roster-section-working-groups = Current Working Groups
# An office listed across several fields: "Maintainers (2/3)".
roster-section-part = { $section } ({ $part }/{ $parts })
roster-nobody = nobody yet
roster-area-unset = area not recorded
roster-export-title = Current Project Leadership
roster-area-set = The area of focus of { $member } is now: { $area }
roster-role-tsc = TSC member
roster-role-maintainer = maintainer
roster-role-contributor = contributor
roster-role-security = security response team member
roster-role-emeritus = emeritus member
error-area-not-allowed = Only the maintainer themself or a TSC member can record an area of focus.
error-area-length = An area of focus has 1 to { $max } characters.
error-area-not-maintainer = That member is not a maintainer: only maintainers have an area of focus.

## Succession planning

succession-contact-dm = Hello! You hold a governance role (TSC member or maintainer) in the project's server ({ $server }), and Steward has not seen you there for { $months } months. The governance document asks us to check in: are you still active? You may also move to emeritus status, with the project's thanks. Either way, a click below is all it takes.
succession-button-active = I'm still active
succession-button-emeritus = Move me to emeritus
succession-answer-active = Thank you! You are recorded as active, and the TSC has been told.
succession-answer-emeritus = Thank you for everything you have given the project. Your role is moving to emeritus; it is announced in the server.
error-succession-no-office = You no longer hold a TSC or maintainer role, so there is nothing to change.
succession-reported = { $member } has shown no activity for { $months } months and was asked by DM whether they are still active.
succession-dm-undeliverable = { $member } could not be reached: their DMs are closed. Please contact them another way.
succession-answered = { $member } confirmed they are still active.
emeritus-announcement = { $member } has moved to emeritus status. Thank you for your work on the project!
nominations-needed = There are { $count } of at least { $min } needed for the role { $role }. Please nominate replacements: `/nominate member office:{ $office }`.
review-ballot-title = Status review: move { $name } to emeritus
review-ballot-description = { $member } has shown no activity for { $months } months and was contacted earlier. A +1 moves them to emeritus status; otherwise they keep their role.
review-cancelled-answered = The member answered the inactivity check themselves.
action-send-dm = send a direct message to a member
action-change-role = change a member's roles (the bot's role must be above the roles it changes)

## Annual review

review-title = **Annual review** ({ $from } to { $to })
review-ballots-header = **Ballots decided: { $count }** (still open: { $open })
review-roles-header = **Role changes**
review-role-gained = { $name } became { $role } ({ $date })
review-role-lost = { $name } is no longer { $role } ({ $date })
review-wg-header = **Working groups**
review-wg-line = { $name } ({ $status }): { $reports ->
    [one] one report
   *[other] { $reports } reports
}
review-inactivity-header = **Succession planning**
review-step-contact = { $name } was contacted for inactivity ({ $date })
review-step-review = { $name }'s status was reviewed ({ $date })
review-none = none
review-offices = **Now**: { $tsc } TSC members, { $maintainers } maintainers, { $emeritus } emeritus members.
