# Arbeitsgruppen, Deutsch.

## Befehle

cmd-wg = ag
    .description = Arbeitsgruppen
cmd-wg-create = gründen
    .description = Eine Arbeitsgruppe vorschlagen; danach wird die Charta erfragt, dann stimmt das TSC ab
    .name-name = name
    .name-description = Der Name der Gruppe (Kanal und Rolle werden danach benannt)
    .focus-name = schwerpunkt
    .focus-description = Der Schwerpunkt der Gruppe, in einer Zeile
    .chair-name = vorsitz
    .chair-description = Der vorgeschlagene Vorsitz (das TSC ernennt ihn mit der Charta)
    .members-name = mitglieder
    .members-description = Gründungsmitglieder, als Erwähnungen
    .report-every-name = bericht-alle
    .report-every-description = Wie oft der Vorsitz berichtet, etwa 4w oder 30d (Standard 4w)
    .ends-name = ende
    .ends-description = Das Enddatum der Charta, als JJJJ-MM-TT
cmd-wg-list = liste
    .description = Die Arbeitsgruppen auflisten: Name, Schwerpunkt, Vorsitz, Status
cmd-wg-info = info
    .description = Charta, Vorsitz, Mitglieder und nächsten Bericht einer Gruppe zeigen
    .name-name = name
    .name-description = Die Gruppe
cmd-wg-join = beitreten
    .description = Um Aufnahme in eine Gruppe bitten; der Vorsitz entscheidet
    .name-name = name
    .name-description = Die Gruppe
cmd-wg-leave = verlassen
    .description = Eine Gruppe verlassen
    .name-name = name
    .name-description = Die Gruppe
cmd-wg-remove = entfernen
    .description = Ein Mitglied aus einer Gruppe entfernen (Vorsitz oder TSC)
    .name-name = name
    .name-description = Die Gruppe
    .member-name = mitglied
    .member-description = Das zu entfernende Mitglied
cmd-wg-chair = vorsitz
    .description = Einen neuen Vorsitz vorschlagen; das TSC stimmt ab
    .name-name = name
    .name-description = Die Gruppe
    .member-name = mitglied
    .member-description = Der vorgeschlagene Vorsitz
cmd-wg-report = bericht
    .description = Den Bericht der Gruppe einreichen (Vorsitz)
    .name-name = name
    .name-description = Die Gruppe
cmd-wg-close = schließen
    .description = Vorschlagen, eine Gruppe zu schließen; das TSC stimmt ab
    .name-name = name
    .name-description = Die Gruppe
    .reason-name = grund
    .reason-description = Warum die Gruppe geschlossen werden soll

## Die Charta

wg-charter-form-title = Charta der Arbeitsgruppe
wg-charter-scope = Umfang und Ziele
wg-charter-deliverables = Erwartete Ergebnisse
wg-charter-timeline = Zeitplan
wg-charter-resources = Benötigte Ressourcen
wg-charter-reporting = Berichtspflichten
wg-heading = { $name }: { $focus }
wg-field-chair = Vorsitz
wg-field-status = Status
wg-field-reporting = Berichte
wg-reporting-every = { $days ->
    [one] jeden Tag
   *[other] alle { $days } Tage
}
wg-field-next-report = Nächster Bericht fällig
wg-field-ends = Charta endet
wg-field-members = { $count ->
    [one] Ein Mitglied
   *[other] { $count } Mitglieder
}
wg-status-draft = Entwurf
wg-status-proposed = beim TSC
wg-status-active = aktiv
wg-status-rejected = nicht angenommen
wg-status-closed = geschlossen
wg-list-empty = Es gibt noch keine Arbeitsgruppen.
wg-list-header = **Aktuelle Arbeitsgruppen**
wg-list-line = - { $name } - { $focus } - { $chair } ({ $status })

## Abstimmungen über Gruppen

wg-ballot-charter-title = Arbeitsgruppe gründen: { $name }
wg-ballot-charter-description = Schwerpunkt: { $focus }
    Vorgeschlagener Vorsitz: { $chair }
    Gründungsmitglieder: { $members }
wg-ballot-chair-title = Neuer Vorsitz für die Arbeitsgruppe { $name }
wg-ballot-chair-description = { $member } zum Vorsitz von { $name } ernennen (bisher: { $chair }).
wg-ballot-close-title = Arbeitsgruppe schließen: { $name }
wg-close-reason-ended = Das Enddatum der Charta ist erreicht.
wg-proposed = Die Charta von { $name } liegt dem TSC vor: Abstimmung #{ $id }.
wg-ballot-opened = Abstimmung #{ $id } ist offen.

## Beiträge

wg-announced = Neue Arbeitsgruppe **{ $name }** ({ $focus }), Vorsitz { $chair }: { $channel }
wg-welcome = Willkommen bei **{ $name }**. Die Charta unten ist angeheftet; { $chair } hat den Vorsitz.
wg-join-requested = { $chair }: { $member } bittet um Aufnahme in **{ $name }**.
wg-join-approved = { $member } ist **{ $name }** beigetreten (angenommen von { $by }).
wg-join-declined = Die Bitte von { $member } um Aufnahme in **{ $name }** wurde von { $by } abgelehnt.
wg-button-approve = Annehmen
wg-button-decline = Ablehnen
wg-button-report = Bericht einreichen
wg-button-propose-close = Abstimmung zum Schließen eröffnen
wg-report-title = Bericht von { $name }
wg-report-reminder = { $chair }: der Bericht von **{ $name }** ist fällig { $due }. Nutze die Schaltfläche oder `/ag bericht`.
wg-report-overdue = Der Bericht von **{ $name }** (Vorsitz { $chair }) war fällig { $due } und fehlt noch.
wg-ending-soon = { $chair }: die Charta von **{ $name }** endet { $ends }. Das TSC kann sie mit einer neuen Charta verlängern oder die Gruppe schließen.
wg-end-reached = Die Charta von **{ $name }** (Vorsitz { $chair }) ist { $ends } abgelaufen. Ein TSC-Mitglied kann die Abstimmung zum Schließen eröffnen.
wg-closed = Die Arbeitsgruppe **{ $name }** ist geschlossen. Danke an alle, die mitgewirkt haben; ihr Kanal { $channel } bleibt lesbar.
wg-report-form-title = Bericht von { $name }
wg-report-form-label = Erledigtes, Nächstes, Bedarf

## Antworten

wg-join-sent = Deine Bitte um Aufnahme in **{ $name }** ging an den Vorsitz, { $chair }.
wg-left = Du hast **{ $name }** verlassen.
wg-removed = { $member } ist nicht mehr Mitglied von **{ $name }**.
wg-report-filed = Der Bericht von **{ $name }** ist eingereicht und für das TSC veröffentlicht. Der nächste ist fällig { $due }.

## Fehler

wg-error-name = Der Name braucht Buchstaben oder Ziffern.
wg-error-name-too-long = Der Name ist zu lang (höchstens { $max } Zeichen).
wg-error-name-taken = Eine Arbeitsgruppe dieses Namens gibt es schon oder sie liegt dem TSC vor.
wg-error-focus = Gib den Schwerpunkt in einer Zeile an (höchstens { $max } Zeichen).
wg-error-charter-empty = Jeder Teil der Charta ist nötig.
wg-error-charter-too-long = Ein Teil der Charta ist zu lang (höchstens { $max } Zeichen).
wg-error-cadence = Gib den Berichtsrhythmus in ganzen Tagen an, etwa 2w oder 30d (1 bis 365 Tage).
wg-error-end-date = Gib das Enddatum als JJJJ-MM-TT an, in der Zukunft.
wg-error-too-many-members = Höchstens { $max } Gründungsmitglieder.
wg-error-report = Der Bericht darf nicht leer sein (höchstens { $max } Zeichen).
wg-error-not-allowed-to-propose = Nur Maintainer und TSC-Mitglieder schlagen Arbeitsgruppen vor.
wg-error-not-active = Diese Arbeitsgruppe ist nicht aktiv.
wg-error-not-chair = Nur der Vorsitz der Gruppe oder ein TSC-Mitglied kann das.
wg-error-already-member = Du bist schon Mitglied dieser Gruppe.
wg-error-not-member = Dieses Mitglied ist nicht in der Gruppe.
wg-error-chair-cannot-leave = Der Vorsitz bleibt, bis das TSC einen neuen ernennt (`/ag vorsitz`).
wg-error-not-found = Auf diesem Server gibt es keine solche Arbeitsgruppe.
wg-error-only-chair-reports = Nur der Vorsitz reicht den Bericht der Gruppe ein.
wg-error-request-pending = Deine Bitte um Aufnahme in **{ $group }** wartet schon auf den Vorsitz (gestellt <t:{ $asked }:R>).
wg-error-request-too-soon = Der Vorsitz hat deine letzte Bitte um Aufnahme in **{ $group }** abgelehnt; du kannst ab <t:{ $until }:f> erneut fragen.
wg-error-request-decided = Über diese Bitte wurde schon entschieden.
wg-error-already-chair = Dieses Mitglied hat den Vorsitz schon.
wg-error-ballot-open = Abstimmung #{ $id } über diese Gruppe ist noch offen.
wg-error-bot-chair = Ein Bot kann keine Arbeitsgruppe leiten.

## Fehlende Berechtigungen

action-wg-provision = eine Arbeitsgruppe einzurichten (ihre Rolle, ihren Kanal und die angeheftete Charta)
action-wg-role = die Rolle einer Arbeitsgruppe zu vergeben oder zu entziehen (nötig: Rollen verwalten, und die eigene Rolle über der der Gruppe)
action-wg-archive = den Kanal einer Arbeitsgruppe zu archivieren
action-wg-post = über eine Arbeitsgruppe zu schreiben
