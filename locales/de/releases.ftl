# Releases und Abhängigkeiten, Deutsch.

## Befehle

cmd-release = release
    .description = Releases: die sieben Schritte des Release-Prozesses
cmd-release-propose = vorschlagen
    .description = Ein Release vorschlagen; Changelog und geplantes Datum folgen, dann stimmt das TSC ab
    .version-name = version
    .version-description = Die semantische Version, etwa 1.4.0
cmd-release-rc = rc
    .description = Einen Release-Kandidaten mit Link erfassen; das Feedback-Fenster beginnt
    .version-name = version
    .version-description = Die Version des Releases
    .link-name = link
    .link-description = Wo der Kandidat heruntergeladen oder getestet werden kann (http oder https)
cmd-release-approve = freigeben
    .description = Die endgültige Freigabe beantragen (nicht während des Fensters oder bei offenen Blockern)
    .version-name = version
    .version-description = Die Version des Releases
cmd-release-published = veroeffentlicht
    .description = Die Veröffentlichung eines freigegebenen Releases erfassen; es wird angekündigt
    .version-name = version
    .version-description = Die Version des Releases
    .link-name = link
    .link-description = Wo das Release veröffentlicht ist (http oder https)
cmd-release-withdraw = zurueckziehen
    .description = Ein Release vor der Veröffentlichung zurückziehen (wer es vorschlug oder das TSC)
    .version-name = version
    .version-description = Die Version des Releases
    .reason-name = grund
    .reason-description = Warum das Release zurückgezogen wird
cmd-release-list = liste
    .description = Die Releases auflisten und wo jedes steht
cmd-release-info = info
    .description = Schritte, Changelog, Kandidaten, Feedback und Blocker eines Releases zeigen
    .version-name = version
    .version-description = Die Version des Releases

cmd-dependency = abhaengigkeit
    .description = Abhängigkeiten von Dritten: Vorschläge, Prüfungen, die genehmigte Liste
cmd-dependency-propose = vorschlagen
    .description = Eine Abhängigkeit vorschlagen; Bedarf und geprüfte Alternativen folgen
    .name-name = name
    .name-description = Der Name des Pakets, etwa serde oder @types/node
    .version-name = version
    .version-description = Die Version oder Anforderung, etwa 1.0
    .ecosystem-name = oekosystem
    .ecosystem-description = Woher es kommt, etwa cargo, npm oder pypi
cmd-dependency-remove = entfernen
    .description = Das Entfernen einer genehmigten Abhängigkeit vorschlagen; ein Maintainer entscheidet
    .name-name = name
    .name-description = Die genehmigte Abhängigkeit
    .reason-name = grund
    .reason-description = Warum sie entfernt werden soll
    .ecosystem-name = oekosystem
    .ecosystem-description = Ihr Ökosystem, falls eines angegeben wurde
cmd-dependency-list = liste
    .description = Die genehmigten Abhängigkeiten und die laufenden Vorschläge auflisten
cmd-dependency-info = info
    .description = Den Vorschlag einer Abhängigkeit zeigen: Bedarf, Alternativen, Prüfungen, Entscheidung
    .name-name = name
    .name-description = Die Abhängigkeit
    .ecosystem-name = oekosystem
    .ecosystem-description = Ihr Ökosystem, falls eines angegeben wurde
cmd-dependency-export = export
    .description = Die genehmigte Liste als Markdown-Tabelle und als JSON exportieren

## Die Release-Karte

release-card-title = Release { $version }
release-card-footer = Release #{ $id } · die Karte folgt jedem Schritt
release-step-propose = Vorschlag mit Changelog
release-step-plan = Das TSC genehmigt den Release-Plan
release-step-candidate = Release-Kandidat
release-step-feedback = Feedback der Community
release-step-blockers = Blockierende Probleme behoben
release-step-final = Endgültige Freigabe und Veröffentlichung
release-step-announcement = Ankündigung
release-stage-draft = wartet auf den Changelog
release-stage-plan-vote = das TSC stimmt über den Plan ab
release-stage-awaiting-candidate = Plan genehmigt; wartet auf den ersten Kandidaten
release-stage-feedback = Feedback-Fenster offen, bis { $ends }
release-stage-blocked = wartet darauf, dass blockierende Probleme behoben werden
release-stage-ready = bereit für die endgültige Freigabe (`/release freigeben`)
release-stage-final-vote = das TSC stimmt über das endgültige Release ab
release-stage-approved = freigegeben; wartet auf die Veröffentlichung (`/release veroeffentlicht`)
release-stage-published = veröffentlicht; die Ankündigung ist unterwegs
release-stage-announced = veröffentlicht und angekündigt
release-stage-rejected = der Plan wurde nicht genehmigt
release-stage-withdrawn = zurückgezogen
release-field-proposer = Vorgeschlagen von
release-field-stage = Jetzt
release-field-planned = Geplant für
release-field-plan-ballot = Abstimmung über den Plan
release-field-final-ballot = Abstimmung über die Freigabe
release-field-signed-off = Freigegeben von
release-field-candidates = Release-Kandidaten
release-field-feedback = Feedback
release-feedback-count = Funktioniert bei mir: { $count } für rc{ $candidate } · blockierende Probleme: { $blockers } ({ $open } offen)
release-field-blockers = Blockierende Probleme
release-blocker-open = 🔴 #{ $id } { $link }: { $reason } ({ $reporter })
release-blocker-resolved = ✅ #{ $id } { $link }: behoben durch { $decision }
release-blocker-not-blocking = ➖ #{ $id } { $link }: nicht blockierend, { $decision }
release-field-published = Veröffentlicht unter
release-field-withdrawn = Zurückgezogen, weil
release-field-changelog = Changelog
release-field-changelog-part = Changelog ({ $part }/{ $parts })
release-button-works = Funktioniert bei mir
release-button-blocker = Blockierendes Problem melden
release-list-empty = Es gibt noch keine Releases.
release-list-header = **Releases**
release-list-line = - { $version }: { $stage } (vorgeschlagen von { $proposer })

## Abstimmungen über ein Release

release-ballot-plan-title = Release-Plan: { $version }
release-ballot-plan-description = { $proposer } schlägt vor, { $version } zu veröffentlichen, geplant für { $planned }. Die Release-Karte steht in { $channel }.
release-ballot-final-title = Endgültiges Release: { $version }
release-ballot-final-description = Die Veröffentlichung von { $version } freigeben.
    Release-Kandidaten:
    { $candidates }
    „Funktioniert bei mir“ für den letzten Kandidaten: { $works }. Gemeldete blockierende Probleme: { $blockers }, alle behoben.
    Die Release-Karte steht in { $channel }.

## Beiträge

release-thread-name = Release { $version }
release-blocker-posted = { $proposer }: Für { $version } wurde ein blockierendes Problem gemeldet. Ein Maintainer markiert es als behoben oder nicht blockierend.
release-blocker-title = Blockierendes Problem #{ $id } in { $version }
release-field-issue = Problem
release-field-reporter = Gemeldet von
release-field-candidate = Kandidat
release-blocker-footer = Die endgültige Freigabe wartet, bis jedes blockierende Problem behoben ist.
release-button-resolved = Behoben
release-button-not-blocking = Nicht blockierend
release-blocker-told-resolved = Dein blockierendes Problem #{ $id } in { $version } ({ $link }) wurde von { $by } als behoben markiert: { $decision }
release-blocker-told-not-blocking = Dein blockierendes Problem #{ $id } in { $version } ({ $link }) wurde von { $by } als nicht blockierend eingestuft: { $decision }
release-plan-not-approved = { $proposer }: Das TSC hat den Release-Plan von { $version } nicht genehmigt; das Release endet hier.
release-final-not-approved = { $proposer }: Das TSC hat das endgültige Release von { $version } nicht freigegeben. Erfasse einen neuen Kandidaten oder beantrage es erneut mit `/release freigeben`.
release-stale = { $proposer }: Release { $version } wartet seit { $since } bei Schritt { $step }.
release-announcement = 🎉 **{ $version } ist veröffentlicht!** { $link }

    { "**" }Changelog**
    { $changelog }

    Von der Community getestete Release-Kandidaten:
    { $candidates }

## Antworten

release-proposed = Der Plan von { $version } liegt dem TSC vor: Abstimmung #{ $id }. Die Karte steht in { $channel }.
release-rc-recorded = Release-Kandidat rc{ $number } von { $version } ist erfasst. Das Feedback der Community ist offen bis { $ends }.
release-final-ballot-opened = Die endgültige Freigabe von { $version } liegt dem TSC vor: Abstimmung #{ $id }.
release-signed-off = Du hast { $version } freigegeben. Erfasse die Veröffentlichung mit `/release veroeffentlicht`.
release-published-recorded = { $version } ist als veröffentlicht erfasst; es wird der Community angekündigt.
release-withdrawn = { $version } ist zurückgezogen.
release-works-counted = Danke: „Funktioniert bei mir“ für rc{ $candidate } von { $version } ist gezählt.
release-works-already = Dein „Funktioniert bei mir“ für rc{ $candidate } von { $version } ist bereits gezählt.
release-blocker-reported = Das blockierende Problem #{ $id } in { $version } ist erfasst; die endgültige Freigabe wartet, bis es behoben ist. Du wirst benachrichtigt.
release-blocker-marked-resolved = Das blockierende Problem #{ $id } in { $version } ist als behoben markiert; { $reporter } wird benachrichtigt.
release-blocker-marked-not-blocking = Das blockierende Problem #{ $id } in { $version } ist als nicht blockierend markiert; { $reporter } wird benachrichtigt.

## Release-Formulare

release-form-plan-title = Release-Plan
release-form-changelog = Changelog
release-form-planned = Geplantes Datum (JJJJ-MM-TT)
release-form-blocker-title = Blockierendes Problem melden
release-form-issue-link = Link zum Problem (http oder https)
release-form-why-blocks = Warum es das Release blockiert
release-form-resolved-title = Blockierendes Problem behoben
release-form-fix-link = Link zur Behebung (http oder https)
release-form-not-blocking-title = Kein blockierendes Problem
release-form-why-not-blocking = Warum es das Release nicht blockiert

## Release-Fehler

release-error-version = Gib die Version als semantische Version an, etwa 1.4.0 oder 2.0.0-rc.1.
release-error-version-taken = Diese Version ist bereits veröffentlicht oder in Arbeit.
release-error-changelog-empty = Der Changelog darf nicht leer sein.
release-error-changelog-long = Der Changelog ist zu lang (höchstens { $max } Zeichen).
release-error-planned-date = Gib das geplante Datum als JJJJ-MM-TT an, heute oder später.
release-error-link = Gib einen Link an, der mit http:// oder https:// beginnt (höchstens { $max } Zeichen).
release-error-reason = Gib einen Grund an (höchstens { $max } Zeichen).
release-error-not-found = Ein solches Release gibt es auf diesem Server nicht.
release-error-plan-not-approved = Das TSC hat den Release-Plan noch nicht genehmigt.
release-error-no-candidate = Es wurde noch kein Release-Kandidat erfasst (`/release rc`).
release-error-window-running = Das Feedback-Fenster der Community ist noch offen, bis { $ends }.
release-error-blockers-open = { $count ->
    [one] Ein blockierendes Problem ist noch offen; es muss zuerst als behoben oder nicht blockierend markiert werden.
   *[other] { $count } blockierende Probleme sind noch offen; jedes muss zuerst als behoben oder nicht blockierend markiert werden.
}
release-error-final-underway = Die endgültige Freigabe läuft oder ist erfolgt; Feedback und Kandidaten sind geschlossen.
release-error-not-approved = Das endgültige Release ist noch nicht freigegeben.
release-error-already-published = Dieses Release ist bereits veröffentlicht.
release-error-ended = Dieses Release ist abgeschlossen.
release-error-blocker-decided = Über dieses blockierende Problem wurde bereits entschieden.
release-error-not-allowed-to-propose = Nur Maintainer und TSC-Mitglieder schlagen Releases vor.
release-error-needs-maintainer = Nur Maintainer und TSC-Mitglieder können das tun.
release-error-sign-off-not-allowed = Nur ein anderer Maintainer als der Vorschlagende gibt das endgültige Release frei.
release-error-withdraw-not-allowed = Nur wer das Release vorschlug oder ein TSC-Mitglied kann es zurückziehen.

## Die Karte einer Abhängigkeit

dependency-card-title = Vorschlag einer Abhängigkeit: { $name }
dependency-card-removal-title = Vorschlag zum Entfernen: { $name }
dependency-card-footer = Abhängigkeitsvorschlag #{ $id }
dependency-field-proposer = Vorgeschlagen von
dependency-field-stage = Jetzt
dependency-field-need = Bedarf
dependency-field-alternatives = Geprüfte Alternativen
dependency-field-reason = Warum entfernen
dependency-field-security = Sicherheitsprüfung
dependency-field-license = Prüfung der Lizenzverträglichkeit
dependency-field-decision = Entscheidung eines Maintainers
dependency-review-pending = ausstehend
dependency-review-passed = bestanden, von { $by }: { $note }
dependency-review-rejected = abgelehnt, von { $by }: { $note }
dependency-decision = { $by }: { $note }
dependency-stage-draft = wartet auf den Vorschlag
dependency-stage-review = Sicherheits- und Lizenzprüfung laufen
dependency-stage-awaiting-approval = wartet auf die Genehmigung eines Maintainers
dependency-stage-approved = genehmigt
dependency-stage-removed = genehmigt, inzwischen entfernt
dependency-stage-removal-approved = von der genehmigten Liste entfernt
dependency-stage-rejected = nicht genehmigt
dependency-button-security-pass = Sicherheit: bestanden
dependency-button-security-reject = Sicherheit: ablehnen
dependency-button-license-pass = Lizenz: bestanden
dependency-button-license-reject = Lizenz: ablehnen
dependency-button-approve = Genehmigen
dependency-button-reject = Ablehnen
dependency-list-header = **Genehmigte Abhängigkeiten**
dependency-list-empty = Noch keine.
dependency-list-line = - { $name }, genehmigt am { $approved }
dependency-list-proposals = **Laufende Vorschläge**
dependency-list-proposal-line = - #{ $id } { $name }: { $stage }

## Formulare für Abhängigkeiten

dependency-form-proposal-title = Vorschlag einer Abhängigkeit
dependency-form-need = Der Bedarf
dependency-form-alternatives = Geprüfte Alternativen
dependency-form-security-pass = Sicherheitsprüfung: bestanden
dependency-form-security-reject = Sicherheitsprüfung: ablehnen
dependency-form-license-pass = Lizenzprüfung: bestanden
dependency-form-license-reject = Lizenzprüfung: ablehnen
dependency-form-approve = Abhängigkeit genehmigen
dependency-form-reject = Abhängigkeit ablehnen
dependency-form-note = Anmerkung
dependency-form-reason = Grund

## Antworten zu Abhängigkeiten

dependency-proposed = { $name } ist vorgeschlagen; die Karte steht in { $channel }. Als Nächstes folgen Sicherheits- und Lizenzprüfung.
dependency-removal-proposed = Das Entfernen von { $name } ist vorgeschlagen; die Karte steht in { $channel }. Ein Maintainer entscheidet.
dependency-reviewed = Prüfung für { $name } erfasst: { $stage }.
dependency-decided = Entscheidung für { $name } erfasst: { $stage }.
dependency-export-done = { $count ->
    [one] Eine genehmigte Abhängigkeit, als Markdown-Tabelle und als JSON.
   *[other] { $count } genehmigte Abhängigkeiten, als Markdown-Tabelle und als JSON.
}
dependency-export-title = Genehmigte Abhängigkeiten von Dritten
dependency-export-name = Name
dependency-export-version = Version
dependency-export-ecosystem = Ökosystem
dependency-export-approved = Genehmigt
dependency-export-need = Bedarf

## Fehler zu Abhängigkeiten

dependency-error-name = Gib den Namen des Pakets ohne Leerzeichen an (höchstens { $max } Zeichen).
dependency-error-version = Die Version ist zu lang (höchstens { $max } Zeichen).
dependency-error-ecosystem = Gib das Ökosystem in einem Wort an, etwa cargo (höchstens { $max } Zeichen).
dependency-error-need = Beschreibe den Bedarf (höchstens { $max } Zeichen).
dependency-error-alternatives = Beschreibe die geprüften Alternativen (höchstens { $max } Zeichen).
dependency-error-note = Gib eine Anmerkung oder einen Grund an (höchstens { $max } Zeichen).
dependency-error-too-long = Ein Text ist zu lang (höchstens { $max } Zeichen).
dependency-error-duplicate = Diese Abhängigkeit ist bereits genehmigt oder vorgeschlagen.
dependency-error-not-approved = Diese Abhängigkeit steht nicht auf der genehmigten Liste.
dependency-error-not-found = Einen solchen Abhängigkeitsvorschlag gibt es auf diesem Server nicht.
dependency-error-already-reviewed = Diese Prüfung wurde bereits abgegeben.
dependency-error-no-review-for-removal = Das Entfernen braucht keine Prüfung, nur die Genehmigung eines Maintainers.
dependency-error-reviews-pending = Beide Prüfungen müssen bestanden sein, bevor ein Maintainer genehmigt.
dependency-error-decided = Über diesen Vorschlag wurde bereits entschieden.
dependency-error-not-allowed-to-propose = Nur Contributors, Maintainer und TSC-Mitglieder schlagen Abhängigkeiten vor.
dependency-error-needs-maintainer = Nur Maintainer und TSC-Mitglieder schlagen das Entfernen einer Abhängigkeit vor.
dependency-error-security-review = Nur das Sicherheitsteam prüft die Sicherheit, und nie wer den Vorschlag machte.
dependency-error-security-review-maintainer = Ohne Sicherheitsteam prüft ein anderer Maintainer als der Vorschlagende die Sicherheit.
dependency-error-license-review = Nur ein anderer Maintainer als der Vorschlagende prüft die Lizenzverträglichkeit.
dependency-error-approve-not-allowed = Nur ein anderer Maintainer als der Vorschlagende genehmigt oder lehnt ab.

## Fehlende Berechtigungen

action-release-thread = den Thread eines Releases eröffnen (dafür braucht es „Öffentliche Threads erstellen“)
action-release-post = die Karte eines Releases oder einer Abhängigkeit posten oder aktualisieren
