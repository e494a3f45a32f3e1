# Steward, Deutsch. Jedes Wort, das Mitglieder lesen.

## Befehle: der Wert ist der Name des Befehls; .description sowie Name und Beschreibung jeder
## Option sind Attribute. Namen: klein geschrieben, ohne Leerzeichen, höchstens 32 Zeichen.

cmd-govern = governance
    .description = Einrichtung des Servers und Governance-Richtlinie
cmd-govern-setup = einrichten
    .description = Discord-Rollen den Governance-Rollen zuordnen und den Ankündigungskanal wählen
    .tsc-name = tsc
    .tsc-description = Die Rolle des Technical Steering Committee
    .announcements-name = ankündigungen
    .announcements-description = Wo Ergebnisse und Hinweise angekündigt werden
    .maintainers-name = maintainer
    .maintainers-description = Die Rolle der Maintainer
    .contributors-name = mitwirkende
    .contributors-description = Die Rolle der Mitwirkenden
    .security-name = sicherheit
    .security-description = Die Rolle des Security-Response-Teams
    .emeritus-name = emeritus
    .emeritus-description = Die Rolle der Emeritus-Mitglieder
    .locale-name = sprache
    .locale-description = Standardsprache der Ankündigungen (en-US oder de)
    .tsc-channel-name = tsc-kanal
    .tsc-channel-description = Ein privater TSC-Kanal für das, was nur das TSC lesen soll
    .wg-category-name = ag-kategorie
    .wg-category-description = Die Kategorie, unter der Kanäle von Arbeitsgruppen angelegt werden
    .rfc-channel-name = rfc-kanal
    .rfc-channel-description = Wo RFCs und Änderungen besprochen werden (ein Forum oder ein Textkanal für Threads)
    .releases-channel-name = release-kanal
    .releases-channel-description = Wo Releases verfolgt werden (sonst der Ankündigungskanal)
    .security-channel-name = sicherheits-kanal
    .security-channel-description = Der private Kanal des Security-Response-Teams
    .maintainers-channel-name = maintainer-kanal
    .maintainers-channel-description = Der Kanal der Maintainer, in dem um Vermittlung gebeten wird
    .github-name = github
    .github-description = Die GitHub-Organisation des Projekts oder seine Repositories (org/repo, …); none zum Beenden
cmd-govern-show = anzeigen
    .description = Die Governance-Einrichtung dieses Servers anzeigen
cmd-govern-policy = richtlinie
    .description = Die geltende Richtlinie anzeigen (alle Schwellen und Fristen)
cmd-govern-policy-set = richtlinie-setzen
    .description = Einen Wert der Richtlinie ändern, nur vor der ersten Abstimmung (TSC oder Server verwalten)
    .setting-name = einstellung
    .setting-description = Die Einstellung, etwa approval oder min_voting_hours
    .value-name = wert
    .value-description = Der neue Wert, etwa 3/4 oder 96
cmd-vote = abstimmung
    .description = Förmliche Abstimmungen des TSC
cmd-vote-start = starten
    .description = Eine Frage dem TSC zur förmlichen Abstimmung vorlegen
    .title-name = titel
    .title-description = Die Frage, in einer Zeile
    .description-name = beschreibung
    .description-description = Hintergrund, Links und was ein +1 bedeutet
    .duration-name = dauer
    .duration-description = Wie lange die Abstimmung offen bleibt, etwa 72h oder 7d
    .secret-name = geheim
    .secret-description = Zwischenstände bis zum Ende der Abstimmung verbergen
cmd-vote-status = status
    .description = Eine Abstimmung anzeigen
    .ballot-name = abstimmung
    .ballot-description = Die Nummer der Abstimmung
cmd-vote-list = liste
    .description = Die offenen Abstimmungen auflisten
cmd-vote-cancel = abbrechen
    .description = Eine selbst eröffnete Abstimmung vor der ersten verbindlichen Stimme zurückziehen
    .ballot-name = abstimmung
    .ballot-description = Die Nummer der Abstimmung
    .reason-name = grund
    .reason-description = Warum die Abstimmung abgebrochen wird

## Abstimmungen

ballot-title = Abstimmung #{ $id }: { $title }
ballot-field-deadline = Endet
ballot-field-electorate = Stimmberechtigte
ballot-electorate = { $count ->
    [one] { $count } TSC-Mitglied
   *[other] { $count } TSC-Mitglieder
}
ballot-field-participation = Beteiligung
ballot-participation = { $voted } von { $electorate } haben abgestimmt (Quorum: { $needed })
ballot-field-tally = Verbindliche Stimmen
ballot-field-non-binding = Unverbindliche Stimmen
ballot-tally = +1: **{ $yes }** · 0: **{ $abstain }** · -1: **{ $no }**
ballot-field-concerns = Bedenken
ballot-electorate-departed = { $departed ->
    [one] { $departed } davon hat das TSC seitdem verlassen; das Quorum zählt weiter die Wahlberechtigten bei Beginn
   *[other] { $departed } davon haben das TSC seitdem verlassen; das Quorum zählt weiter die Wahlberechtigten bei Beginn
}
ballot-field-concern-binding = Bedenken (verbindliche Stimme)
ballot-field-concern-non-binding = Bedenken (unverbindliche Stimme)
ballot-field-concern-continued = Bedenken (Fortsetzung)
ballot-concerns-more = { $count ->
    [one] { $count } weiteres Bedenken passt nicht in diese Nachricht: `/abstimmung status { $id }` zeigt alle Bedenken vollständig.
   *[other] { $count } weitere Bedenken passen nicht in diese Nachricht: `/abstimmung status { $id }` zeigt alle Bedenken vollständig.
}
ballot-field-more-concerns = Weitere Bedenken
error-cancel-votes-cast = Für diese Abstimmung wurden verbindliche Stimmen abgegeben: sie läuft bis zu ihrem Ende. (Wer sie eröffnet hat, kann sie nur vor der ersten verbindlichen Stimme zurückziehen.)
ballot-field-cancel-reason = Grund des Abbruchs
ballot-footer-open = Stimmen können bis zum Ende geändert oder zurückgezogen werden. Ein -1 braucht ein Bedenken.
ballot-footer-open-secret = Geheime Abstimmung: die Stimmen werden am Ende gezeigt. Ein -1 braucht ein Bedenken.
ballot-footer-closed = Beendet: { $outcome }
choice-yes = +1 dafür
choice-abstain = 0 Enthaltung
choice-no = -1 dagegen
button-withdraw = Meine Stimme zurückziehen
outcome-approved = angenommen
outcome-rejected = abgelehnt
outcome-no-quorum = Quorum verfehlt
outcome-cancelled = abgebrochen
result-title = Abstimmung #{ $id } { $outcome }: { $title }
ballot-reminder = { $mentions } Abstimmung #{ $id } „{ $title }“ endet { $deadline } und ihr habt noch nicht abgestimmt.

concern-modal-title = Dein Bedenken (Abstimmung #{ $id })
concern-modal-label = Was würde dich zu +1 bewegen?
concern-modal-placeholder = Ein konkretes Bedenken, das deine Stimme ändern könnte, wenn es ausgeräumt wird

vote-started = Abstimmung #{ $id } „{ $title }“ ist offen bis { $deadline }.
vote-recorded = Deine Stimme { $choice } zu Abstimmung #{ $id } „{ $title }“ ist gespeichert.
vote-changed = Deine Stimme zu Abstimmung #{ $id } „{ $title }“ ist jetzt { $choice }.
vote-recorded-non-binding = Deine unverbindliche Stimme { $choice } zu Abstimmung #{ $id } „{ $title }“ ist gespeichert. Es entscheiden nur die Stimmen des TSC.
vote-changed-non-binding = Deine unverbindliche Stimme zu Abstimmung #{ $id } „{ $title }“ ist jetzt { $choice }. Es entscheiden nur die Stimmen des TSC.
vote-withdrawn = Deine Stimme zu Abstimmung #{ $id } „{ $title }“ ist zurückgezogen.
vote-cancelled = Abstimmung #{ $id } „{ $title }“ ist abgebrochen.
vote-list-empty = Es sind keine Abstimmungen offen.
vote-list-header = { $count ->
    [one] Eine offene Abstimmung:
   *[other] { $count } offene Abstimmungen:
}
vote-list-line = **#{ $id }** { $title }: { $voted }/{ $electorate } abgestimmt, endet { $deadline }

## Einrichtung und Richtlinie

govern-setup-done = Steward ist für diesen Server eingerichtet.
govern-config = TSC: { $tsc }
    Maintainer: { $maintainers }
    Mitwirkende: { $contributors }
    Security-Response-Team: { $security }
    Emeritus: { $emeritus }
    Ankündigungen: { $announcements }
    Privater TSC-Kanal: { $tsc_channel }
    Kategorie der Arbeitsgruppen: { $wg_category }
    RFC-Kanal: { $rfc_channel }
    Release-Kanal: { $releases_channel }
    Kanal des Security-Teams: { $security_channel }
    Kanal der Maintainer: { $maintainers_channel }
    Sprache: { $locale }
govern-tsc-channel-needed = ⚠️ Es ist kein privater TSC-Kanal eingerichtet. Was nur das TSC lesen soll (kontaktierte inaktive Mitglieder, Statusüberprüfungen und ihre Ergebnisse, Änderungen der Einrichtung, die Jahresüberprüfung), wird nie öffentlich gepostet: es wartet, bis einer mit `/governance einrichten tsc-kanal:` benannt ist. { $count ->
    [0] Noch wartet nichts.
    [one] { $count } Hinweis wartet.
   *[other] { $count } Hinweise warten.
}
govern-unset = nicht festgelegt
govern-policy-header = **Geltende Governance-Richtlinie** (ändern mit `/änderung vorschlagen`; vor der ersten Abstimmung auch mit `/governance richtlinie-setzen`):
govern-policy-changed = `{ $setting }` ist jetzt `{ $value }`. Die Änderung wird angekündigt.
policy-changed-announcement = Governance-Richtlinie: { $member } hat `{ $setting }` auf `{ $value }` gesetzt.

## Fehler (nur für das Mitglied sichtbar, das sie ausgelöst hat)

generic-error = Bei uns ist etwas schiefgegangen; nichts wurde geändert. Bitte versuche es später noch einmal.
error-guild-only = Das geht nur auf einem Server.
error-invalid-input = Diese Eingabe wurde nicht verstanden; nichts wurde geändert.
error-unknown-action = Diese Schaltfläche gehört nicht zu Steward oder ist abgelaufen; nichts wurde geändert.
error-not-configured = Steward ist hier noch nicht eingerichtet: zuerst führt jemand mit „Server verwalten“ `/governance einrichten` aus.
error-needs-manage-server = Nur Mitglieder mit der Berechtigung „Server verwalten“ können das.
error-needs-tsc = Nur Mitglieder des TSC können das.
error-tsc-role-required = Wähle die TSC-Rolle: die Governance braucht ein TSC.
error-locale-unsupported = Diese Sprache gibt es nicht; wähle en-US oder de.
error-title-empty = Der Titel darf nicht leer sein.
error-title-too-long = Der Titel ist zu lang (höchstens { $max } Zeichen).
error-description-too-long = Die Beschreibung ist zu lang (höchstens { $max } Zeichen).
error-duration-invalid = Die Dauer wurde nicht verstanden: schreibe etwa 72h, 7d oder 1w 2d.
error-duration-too-short = Nach der Richtlinie dieses Servers bleibt eine Abstimmung mindestens { $hours } Stunden offen.
error-duration-too-long = Nach der Richtlinie dieses Servers bleibt eine Abstimmung höchstens { $hours } Stunden offen.
error-concern-required = Ein -1 braucht ein konkretes Bedenken, das deine Stimme ändern könnte, wenn es ausgeräumt wird.
error-concern-too-long = Das Bedenken ist zu lang (höchstens { $max } Zeichen).
error-reason-required = Gib an, warum die Abstimmung abgebrochen wird.
error-reason-too-long = Der Grund ist zu lang (höchstens { $max } Zeichen).
error-ballot-closed = Diese Abstimmung ist beendet; Stimmen können nicht mehr abgegeben oder geändert werden.
error-ballot-not-found = Auf diesem Server gibt es keine solche Abstimmung.
error-no-vote-to-withdraw = Du hast bei dieser Abstimmung keine Stimme, die du zurückziehen könntest.
error-empty-electorate = Niemand hat die TSC-Rolle, also kann niemand abstimmen.
error-cancel-not-allowed = Nur wer diese Abstimmung eröffnet hat, kann sie zurückziehen; eine vom Bot eröffnete Abstimmung zieht nur der Bot zurück. Das Dokument gibt niemandem die Macht, eine Abstimmung anzuhalten.
error-policy-key = Unbekannte Einstellung: siehe `/governance richtlinie` für die Liste.
error-policy-ratio = Gib einen Bruch zwischen 0 und 1 an, etwa 2/3.
error-policy-number = Gib eine ganze Zahl an (mindestens 1, höchstens ein Jahr).
error-policy-choice = Erlaubt ist: { $expected }.
error-policy-quorum = Das Quorum muss ein Bruch echt zwischen 0 und 1 sein (mehr als dieser Anteil des TSC muss abstimmen, 1/1 wäre nie erreichbar).
error-policy-approval = Die Zustimmung muss mindestens 1/2 und höchstens 1/1 sein (unter der Hälfte würden weniger +1 als -1 genügen).
error-policy-voting-too-short = Die Mindestdauer einer Abstimmung beträgt 24 Stunden.
error-policy-voting-periods = Die Fristen müssen Minimum ≤ Standard ≤ Maximum einhalten, die Erinnerung innerhalb des Minimums.
error-policy-inactivity = Die Schwelle für die Überprüfung muss nach der für die Kontaktaufnahme liegen.

## Fehlende Berechtigungen, dem TSC im Ankündigungskanal mitgeteilt

setup-channel-gone = Steward kann dort nicht mehr posten: { $what ->
        [tsc] Der private Kanal des TSC
        [wg-category] Die Kategorie der Arbeitsgruppen
       *[announcements] Der Ankündigungskanal
    } existiert nicht mehr. Nichts geht verloren: Was dorthin gehört, wartet. Wer den Server verwalten darf, führe bitte `/govern setup` aus und gebe einen neuen an; danach wird alles Wartende zugestellt.
permission-missing = Steward fehlt eine Discord-Berechtigung, um { $action } ({ $detail }). Es versucht es weiter: sobald die Berechtigung erteilt ist, geht es von selbst weiter.
permission-missing-named = Steward fehlt die Berechtigung { $permissions }, um { $action }: Discord hat die Anfrage abgelehnt. Es versucht es weiter: erteile der Steward-Rolle { $permissions } (in den Einstellungen des Servers oder des Kanals), dann geht es von selbst weiter.
action-post-ballot = eine Abstimmungsnachricht zu senden
action-edit-ballot = eine Abstimmungsnachricht zu aktualisieren
action-post-result = ein Abstimmungsergebnis zu senden
action-post-tsc-note = im privaten TSC-Kanal zu schreiben
action-post-reminder = eine Erinnerung zum Abstimmen zu senden
action-post-announcement = eine Ankündigung in { $channel } zu senden
setup-changed = { $member } hat Stewards Einrichtung geändert:
setup-changed-line = { $field }: { $before } → { $after }
setup-field-roles = Governance-Rollen
setup-field-announcements = Ankündigungen
setup-field-tsc-channel = Privater TSC-Kanal
setup-field-wg-category = Kategorie der Arbeitsgruppen
setup-field-channels = Weitere Kanäle
setup-field-locale = Sprache
setup-nothing = nichts
