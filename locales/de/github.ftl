# Steward, de: GitHub-Konten und -Aktivität.

## Befehle

cmd-roster-github = github
    .description = Deinen GitHub-Benutzernamen verknüpfen (oder als TSC den eines Mitglieds)
    .username-name = benutzername
    .username-description = Der GitHub-Benutzername, wie in github.com/benutzername
    .member-name = mitglied
    .member-description = Das Mitglied (du selbst, wenn leer)

## Verknüpfen

github-linked = { $member } ist jetzt mit GitHub als `{ $login }` verknüpft. Die öffentliche Aktivität in den Repositories des Projekts zählt für die Nachfolgeplanung; gespeichert wird nur ihr Zeitpunkt.
github-error-link-not-allowed = Du kannst deinen eigenen GitHub-Benutzernamen verknüpfen; den eines anderen nur ein TSC-Mitglied.
github-error-login-invalid = Das ist kein GitHub-Benutzername: bis zu { $max } Buchstaben, Ziffern und einzelne Bindestriche, nicht am Anfang oder Ende.
github-error-login-unknown = Auf GitHub gibt es keinen Benutzer `{ $login }`. Prüfe die Schreibweise unter github.com/{ $login }.
github-error-login-organisation = `{ $login }` ist auf GitHub eine Organisation, kein persönliches Konto.
github-error-login-taken = Dieser GitHub-Benutzername ist schon mit einem anderen Mitglied dieses Servers verknüpft.
github-error-unavailable = GitHub war gerade nicht erreichbar. Es wurde nichts geändert; bitte versuche es später noch einmal.

## Einrichtung

github-sources-line = GitHub: { $sources }
github-error-source-unknown = Auf GitHub gibt es keine Organisation und kein Repository `{ $name }`. Es wurde nichts geändert.
github-error-source-outside = `{ $repo }` liegt außerhalb der Organisation des Projekts: Nenne eine Organisation und nur ihre Repositories. Es wurde nichts geändert.
github-error-source-two-orgs = Nenne eine GitHub-Organisation (oder ihre Repositories), nicht zwei. Es wurde nichts geändert.
github-error-source-too-many = Nenne höchstens { $max } Repositories oder die ganze Organisation. Es wurde nichts geändert.
github-error-source-empty = Nenne die GitHub-Organisation des Projekts, etwa `wasm-sandbox`, oder Repositories wie `wasm-sandbox/core`. Es wurde nichts geändert.
github-error-source-invalid = `{ $name }` ist kein Name einer GitHub-Organisation oder eines Repositorys (etwa `wasm-sandbox` oder `wasm-sandbox/core`). Es wurde nichts geändert.

## Aktivität in /verzeichnis anzeigen

github-activity-known = zuletzt aktiv { $at } auf { $source ->
        [github] GitHub
       *[discord] Discord
    }
github-activity-none = noch keine Aktivität gesehen
github-activity-awaiting = wartet auf Daten von GitHub

## Export

roster-export-discord-fallback = { $name } (Discord-Name)

## Hinweise an das TSC

github-poll-failing = Die GitHub-Aktivität konnte seit { $since } nicht gelesen werden. Solange das so bleibt, unternimmt die Nachfolgeplanung nichts gegenüber Mitgliedern mit verknüpftem GitHub-Konto (niemand wird nach fehlenden Daten beurteilt). Prüfe `GITHUB_TOKEN` und die Repositories in `/govern setup`.
