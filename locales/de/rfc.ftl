# RFCs, Änderungen der Governance und das Entscheidungsprotokoll, Deutsch.

## Befehle

cmd-rfc = rfc
    .description = RFCs: das Verfahren für bedeutende Änderungen
cmd-rfc-open = eröffnen
    .description = Einen RFC eröffnen: danach wird die Zusammenfassung erfragt, dann diskutiert die Community
    .title-name = titel
    .title-description = Der Titel des RFC, in einer Zeile
    .link-name = link
    .link-description = Das GitHub-Issue oder die Seite im RFC-Repository (eine http(s)-URL)
cmd-rfc-revise = überarbeiten
    .description = Eine Überarbeitung eines RFC festhalten (Autor, Maintainer oder TSC)
    .rfc-name = rfc
    .rfc-description = Der RFC
    .what-changed-name = was-geändert
    .what-changed-description = Was sich geändert hat, in wenigen Worten
    .link-name = link
    .link-description = Ein Link zum überarbeiteten Text (optional)
cmd-rfc-decide = entscheiden
    .description = Einen RFC nach der Diskussionsphase dem TSC vorlegen (TSC)
    .rfc-name = rfc
    .rfc-description = Der RFC
cmd-rfc-withdraw = zurückziehen
    .description = Deinen RFC zurückziehen
    .rfc-name = rfc
    .rfc-description = Der RFC
cmd-rfc-postpone = vertagen
    .description = Einen RFC mit Begründung vertagen (TSC)
    .rfc-name = rfc
    .rfc-description = Der RFC
    .reason-name = grund
    .reason-description = Warum er vertagt wird
cmd-rfc-list = liste
    .description = Die RFCs auflisten
    .status-name = status
    .status-description = Nur RFCs mit diesem Status
cmd-rfc-info = info
    .description = Die Karte eines RFC zeigen
    .rfc-name = rfc
    .rfc-description = Der RFC

cmd-amend = änderung
    .description = Änderungen der Governance
cmd-amend-propose = vorschlagen
    .description = Eine Änderung der Governance vorschlagen; die Community diskutiert, das TSC stimmt ab
    .title-name = titel
    .title-description = Der Titel der Änderung, in einer Zeile
    .link-name = link
    .link-description = Das Issue oder der Pull-Request, der den Governance-Text ändert
    .changes-name = richtlinie
    .changes-description = Änderungen der Richtlinie, etwa quorum=3/5 reminder_hours=48 (siehe /governance richtlinie)
cmd-amend-revise = überarbeiten
    .description = Eine Überarbeitung einer Änderung festhalten (Autor, Maintainer oder TSC)
    .amendment-name = änderung
    .amendment-description = Die Änderung
    .what-changed-name = was-geändert
    .what-changed-description = Was sich geändert hat, in wenigen Worten
    .link-name = link
    .link-description = Ein Link zum überarbeiteten Text (optional)
cmd-amend-decide = entscheiden
    .description = Eine Änderung nach der Diskussionsphase dem TSC vorlegen (TSC)
    .amendment-name = änderung
    .amendment-description = Die Änderung
cmd-amend-withdraw = zurückziehen
    .description = Deine Änderung zurückziehen
    .amendment-name = änderung
    .amendment-description = Die Änderung
cmd-amend-postpone = vertagen
    .description = Eine Änderung mit Begründung vertagen (TSC)
    .amendment-name = änderung
    .amendment-description = Die Änderung
    .reason-name = grund
    .reason-description = Warum sie vertagt wird
cmd-amend-list = liste
    .description = Die Änderungen auflisten
    .status-name = status
    .status-description = Nur Änderungen mit diesem Status
cmd-amend-info = info
    .description = Die Karte einer Änderung zeigen
    .amendment-name = änderung
    .amendment-description = Die Änderung

cmd-decisions = entscheidungen
    .description = Das Entscheidungsprotokoll: jede Entscheidung, an der der Bot beteiligt war
cmd-decisions-list = liste
    .description = Das Entscheidungsprotokoll seitenweise lesen, neueste zuerst
    .kind-name = art
    .kind-description = Nur Entscheidungen dieser Art
    .since-name = seit
    .since-description = Nur Entscheidungen seit diesem Tag, als JJJJ-MM-TT
    .page-name = seite
    .page-description = Welche Seite (je 10 Entscheidungen)
    .private-name = privat
    .private-description = Auch die vertraulichen Entscheidungen des TSC (nur TSC)
cmd-decisions-export = exportieren
    .description = Das Entscheidungsprotokoll als Datei exportieren
    .format-name = format
    .format-description = markdown (für eine GOVERNANCE-LOG.md), csv oder json
    .private-name = privat
    .private-description = Auch die vertraulichen Entscheidungen des TSC (nur TSC)

## Namen und Status

rfc-label = RFC { $number }
amendment-label = Änderung { $number }
rfc-status-draft = Entwurf
rfc-status-discussion = in Diskussion
rfc-status-awaiting-decision = wartet auf die Entscheidung des TSC
rfc-status-voting = das TSC stimmt ab
rfc-status-accepted = angenommen
rfc-status-declined = abgelehnt
rfc-status-withdrawn = zurückgezogen
rfc-status-postponed = vertagt
rfc-stance-support = Dafür
rfc-stance-neutral = Neutral
rfc-stance-concern = Bedenken

## Die Karte und die Formulare

rfc-summary-form-title = Dein RFC
amendment-summary-form-title = Deine Änderung
rfc-field-motivation = Motivation
rfc-field-proposal = Vorschlag
rfc-field-alternatives = Erwogene Alternativen
rfc-field-author = Autor
rfc-field-status = Status
rfc-field-period = Diskussionsphase
rfc-field-link = Link
rfc-field-ballot = Abstimmung des TSC
rfc-ballot-line = Abstimmung #{ $id }
rfc-field-postponed = Vertagt, weil
rfc-field-changes = Änderungen der Richtlinie
rfc-field-revisions = { $count ->
    [one] Eine Überarbeitung
   *[other] { $count } Überarbeitungen
}
rfc-revision-line = { $number }. { $at } { $author }: { $what }
rfc-field-feedback = Rückmeldungen der Community (nicht bindend)
rfc-feedback-counts = { $support } dafür · { $neutral } neutral · { $concern ->
    [one] 1 Bedenken
   *[other] { $concern } Bedenken
}
rfc-field-concerns = Bedenken
rfc-period-ends = Endet { $at }
rfc-period-ended = Endete { $at }
rfc-card-footer = Gib deine Rückmeldung mit den Knöpfen; du kannst sie ändern, bis das TSC entscheidet.
rfc-concern-form-title = Deine Bedenken
rfc-concern-form-label = Was dir Sorgen macht, kurz gesagt

## Antworten

rfc-opened = { $label } ist bis { $ends } zur Diskussion offen. Thread und Karte werden im RFC-Kanal angelegt.
rfc-revised = Überarbeitung { $revision } von { $label } ist festgehalten.
rfc-withdrawn = { $label } ist zurückgezogen.
rfc-postponed = { $label } ist vertagt.
rfc-decide-opened = Die Abstimmung #{ $id } des TSC über { $label } ist eröffnet.
rfc-feedback-recorded = Deine Rückmeldung zu { $label } ist festgehalten: { $stance }.
rfc-feedback-changed = Deine Rückmeldung zu { $label } ist geändert in: { $stance }.
rfc-list-empty = Noch keine RFCs. Eröffne einen mit `/rfc eröffnen`.
amendment-list-empty = Noch keine Änderungen. Schlage eine vor mit `/änderung vorschlagen`.
rfc-list-line = - **{ $label }** { $title } ({ $status }) von { $author } { $place }

## In Threads und Kanälen

rfc-announced = Neuer RFC: **{ $heading }** von { $author }. Diskutiere ihn bis { $ends } in { $place }: { $link }
amendment-announced = Vorgeschlagene Änderung der Governance: **{ $heading }** von { $author }. Diskutiere sie bis { $ends } in { $place }: { $link }
rfc-step-revised = { $actor } hat Überarbeitung { $revision } von { $label } festgehalten: { $what }
rfc-step-ready = Die Diskussionsphase von { $label } ist vorbei: das TSC kann jetzt entscheiden.
rfc-step-ready-tsc = **{ $heading }** ist bereit zur Entscheidung: { $place }. Die Abstimmung eröffnet `/{ $command } entscheiden { $number }`.
rfc-step-voting = Das TSC stimmt über { $label } ab: Abstimmung #{ $ballot }. Überarbeitungen warten, bis sie endet.
rfc-step-accepted = **{ $heading }** wurde vom TSC angenommen (Abstimmung #{ $ballot }).
rfc-step-declined = **{ $heading }** wurde vom TSC abgelehnt (Abstimmung #{ $ballot }).
rfc-step-no-decision = Die Abstimmung #{ $ballot } des TSC über { $label } hat nichts entschieden; das TSC kann erneut entscheiden.
rfc-step-withdrawn = **{ $heading }** wurde vom Autor zurückgezogen.
rfc-step-postponed = **{ $heading }** wurde von { $actor } vertagt: { $reason }
rfc-step-other = { $label } ist weitergegangen.
amendment-applied = Die Richtlinie hat sich geändert:
amendment-not-applied = Die Änderungen der Richtlinie konnten nicht übernommen werden: { $reason }
amendment-text-change = Die Textänderung ist { $link }; sie zu mergen bleibt Sache der Maintainer.

## Die Abstimmung des TSC

rfc-ballot-intro = Von { $author }: { $link } (Diskussion: { $place })
rfc-ballot-criteria = Das TSC entscheidet nach: technischem Wert · Übereinstimmung mit den Projektzielen · Rückmeldungen der Community · verfügbaren Ressourcen · Wartungsaufwand.
rfc-ballot-feedback = Rückmeldungen der Community: { $counts }
rfc-ballot-revisions = { $count ->
    [0] Keine Überarbeitungen.
    [one] Eine Überarbeitung:
   *[other] { $count } Überarbeitungen:
}

## Ablehnungen

rfc-error-title-empty = Der Titel braucht mindestens ein sichtbares Zeichen.
rfc-error-title-too-long = Der Titel hat höchstens { $max } Zeichen.
rfc-error-link = Der Link muss eine http(s)-URL sein, etwa https://github.com/org/repo/issues/12.
rfc-error-summary-empty = Motivation und Vorschlag brauchen je mindestens ein sichtbares Zeichen.
rfc-error-summary-too-long = Jeder Teil der Zusammenfassung hat höchstens { $max } Zeichen.
rfc-error-what-changed = Sag in höchstens { $max } Zeichen, was sich geändert hat, mit mindestens einem sichtbaren Zeichen.
rfc-error-reason = Gib eine Begründung mit höchstens { $max } Zeichen und mindestens einem sichtbaren Zeichen an.
rfc-error-concern = Bedenken brauchen einen kurzen Text: höchstens { $max } Zeichen, mindestens ein sichtbares.
rfc-error-too-early = Die Diskussionsphase ist nicht vorbei: das TSC kann ab { $at } entscheiden.
rfc-error-ballot-running = Das TSC stimmt darüber ab: warte, bis die Abstimmung endet (oder ein TSC-Mitglied sie mit `/abstimmung abbrechen` abbricht).
rfc-error-already-postponed = Das ist bereits vertagt.
rfc-error-withdrawn = Das wurde vom Autor zurückgezogen: damit lässt sich nichts mehr tun.
rfc-error-decided = Darüber ist entschieden: damit lässt sich nichts mehr tun.
rfc-error-moved-on = Das ist inzwischen weitergegangen; sieh mit `/rfc info` nach.
rfc-error-no-channel = Es ist kein RFC-Kanal eingerichtet. Wer „Server verwalten“ darf, richtet ihn mit `/governance einrichten rfc-kanal:` ein (ein Forum oder ein Textkanal).
rfc-error-not-allowed-to-open = RFCs eröffnen und Änderungen vorschlagen dürfen Contributors, Maintainer und das TSC.
rfc-error-not-allowed-to-revise = Überarbeiten dürfen nur der Autor, Maintainer und das TSC.
rfc-error-only-author-withdraws = Zurückziehen darf nur der Autor.
rfc-error-not-found = Diesen RFC gibt es auf diesem Server nicht.
amendment-error-not-found = Diese Änderung gibt es auf diesem Server nicht.
rfc-error-status = Unbekannter Status: nimm discussion, awaiting_decision, voting, accepted, declined, withdrawn oder postponed.
amendment-error-too-long = Die Änderungen haben höchstens { $max } Zeichen.
amendment-error-not-a-pair = Schreib jede Änderung als einstellung=wert (`{ $pair }` ist es nicht).
amendment-error-unknown-setting = Unbekannte Einstellung `{ $setting }`: die Liste zeigt `/governance richtlinie`.
amendment-error-duplicate = Die Einstellung `{ $setting }` wird zweimal geändert.
amendment-error-ratio = `{ $setting }`: nimm einen Bruch zwischen 0 und 1, etwa 2/3.
amendment-error-number = `{ $setting }`: nimm eine ganze Zahl innerhalb der Grenzen der Einstellung.
amendment-error-choice = `{ $setting }`: nimm eines von { $expected }.
policy-error-amend-instead = Auf diesem Server gab es schon Abstimmungen, daher ändert sich die Richtlinie nur noch durch eine Änderung der Governance: schlage sie mit `/änderung vorschlagen` vor (etwa mit `quorum=3/5`); die Community diskutiert, dann stimmt das TSC ab. Es wurde nichts geändert.

## Für den Hinweis an das TSC zu einer fehlenden Berechtigung

action-rfc-thread = den Thread eines RFC im RFC-Kanal anlegen und seine Karte anheften
action-rfc-post = im Thread eines RFC oder im Ankündigungskanal schreiben

## Das Entscheidungsprotokoll

decision-kind-ballot = Abstimmung
decision-kind-policy = Richtlinie
decision-kind-setup = Einrichtung
decision-kind-working-group = Arbeitsgruppe
decision-kind-emeritus = Emeritus
decision-kind-rfc = RFC
decision-kind-amendment = Änderung
decision-kind-nomination = Nominierung
decision-kind-release = Release
decision-kind-dependency = Abhängigkeit
decision-kind-case = Fall
decision-kind-annual-review = Jahresrückblick
decision-kind-dissolution = Auflösung
decision-outcome-changed = geändert
decision-outcome-created = gegründet
decision-outcome-closed = geschlossen
decision-outcome-emeritus = in den Emeritus-Status gewechselt
decision-outcome-opened = eröffnet
decision-outcome-accepted = angenommen
decision-outcome-declined = abgelehnt
decision-outcome-withdrawn = zurückgezogen
decision-outcome-postponed = vertagt
decision-summary-ballot = Abstimmung #{ $id } „{ $title }“: { $outcome } (+1: { $yes }, 0: { $abstain }, -1: { $no }; Stimmberechtigte { $electorate })
decision-summary-policy = `{ $setting }`: { $before } → { $after }
decision-summary-setup = Die Einrichtung des Servers hat sich geändert
decision-summary-rfc = { $kind } { $number } „{ $title }“: { $outcome }
decision-summary-other = „{ $title }“: { $outcome }
decision-private = vertraulich
decision-list-empty = Noch keine Entscheidungen festgehalten.
decision-list-header = **Entscheidungsprotokoll**: { $count ->
    [one] eine Entscheidung
   *[other] { $count } Entscheidungen
}, Seite { $page } von { $pages }, neueste zuerst.
decision-list-more = Weiter mit `seite:{ $next }`.
decision-error-kind = Unbekannte Art: nimm ballot, policy, setup, working_group, emeritus, rfc, amendment, nomination, release, dependency, case, annual_review oder dissolution.
decision-error-since = Gib den Tag als JJJJ-MM-TT an.
decision-error-format = Nimm markdown, csv oder json.
decision-export-done = Das Entscheidungsprotokoll: { $count ->
    [one] eine Entscheidung
   *[other] { $count } Entscheidungen
}.
decision-export-heading = Protokoll der Governance-Entscheidungen
decision-export-intro = Jede Entscheidung, an der der Governance-Bot des Projekts beteiligt war, älteste zuerst. Geheime Abstimmungen zeigen nur ihre Summen.
decision-column-date = Datum (UTC)
decision-column-kind = Art
decision-column-decision = Entscheidung
decision-column-outcome = Ergebnis
decision-column-link = Link
