# Steward, en-US: GitHub identities and activity.

## Commands

cmd-roster-github = github
    .description = Link your GitHub username (or a member's, for the TSC)
    .username-name = username
    .username-description = The GitHub username, as in github.com/username
    .member-name = member
    .member-description = The member (yourself if left empty)

## Linking

github-linked = { $member } is now linked to GitHub as `{ $login }`. Their public activity in the project's repositories counts for succession planning; only its time is kept.
github-error-link-not-allowed = You can link your own GitHub username; only a TSC member can link someone else's.
github-error-login-invalid = That is not a GitHub username: up to { $max } letters, digits and single hyphens, not starting or ending with a hyphen.
github-error-login-unknown = GitHub has no user `{ $login }`. Check the spelling in github.com/{ $login }.
github-error-login-organisation = `{ $login }` is an organisation on GitHub, not a person's account.
github-error-login-taken = That GitHub username is already linked to another member of this server.
github-error-unavailable = GitHub could not be asked just now. Nothing was changed; please try again later.

## Set-up

github-sources-line = GitHub: { $sources }
github-error-source-unknown = GitHub has no organisation or repository `{ $name }`. Nothing was changed.
github-error-source-outside = `{ $repo }` is outside the project's organisation: name one organisation and only its repositories. Nothing was changed.
github-error-source-two-orgs = Name one GitHub organisation (or its repositories), not two. Nothing was changed.
github-error-source-too-many = Name at most { $max } repositories, or the whole organisation. Nothing was changed.
github-error-source-empty = Name the project's GitHub organisation, such as `wasm-sandbox`, or repositories such as `wasm-sandbox/core`. Nothing was changed.
github-error-source-invalid = `{ $name }` is not a GitHub organisation or repository name (such as `wasm-sandbox` or `wasm-sandbox/core`). Nothing was changed.

## Activity in /roster show

github-activity-known = last active { $at } on { $source ->
        [github] GitHub
       *[discord] Discord
    }
github-activity-none = no activity seen yet
github-activity-awaiting = waiting for GitHub data

## Export

roster-export-discord-fallback = { $name } (Discord name)

## TSC notes

github-poll-failing = GitHub activity could not be read since { $since }. Until it can, succession planning takes no step for members with a linked GitHub account (nobody is judged on missing data). Check `GITHUB_TOKEN` and the repositories in `/govern setup`.
