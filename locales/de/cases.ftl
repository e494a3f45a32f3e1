# Steward, de: vertrauliche Fälle (Konflikte, Verhaltens- und Sicherheitsmeldungen), die
# Veröffentlichung der Jahresüberprüfung und die Auflösung des Projekts.

## Befehle

cmd-conflict = konflikt
    .description = Konflikte zwischen Mitgliedern, vertraulich in drei Schritten gelöst
cmd-conflict-open = eröffnen
    .description = Einen Konflikt mit einem anderen Mitglied eröffnen: ein privater Thread für euch beide
    .with-name = mit
    .with-description = Das andere Mitglied des Konflikts
    .summary-name = zusammenfassung
    .summary-description = Worum es geht (nur ihr beide lest es)
cmd-conflict-escalate = eskalieren
    .description = Den Konflikt zum nächsten Schritt bringen (in seinem Thread)
cmd-conflict-resolve = gelöst
    .description = Den Konflikt als gelöst markieren (in seinem Thread)
cmd-conflict-decide = entscheiden
    .description = Die endgültige Entscheidung des TSC vorschlagen oder festhalten (TSC, im Thread)
    .decision-name = entscheidung
    .decision-description = Die Entscheidung, wie die Beteiligten sie lesen werden
cmd-report = melden
    .description = Vertraulich an das TSC oder das Sicherheitsteam melden
cmd-report-conduct = verhalten
    .description = Einen Verstoß gegen den Verhaltenskodex vertraulich an das TSC melden
    .member-name = mitglied
    .member-description = Das gemeldete Mitglied, falls es eines gibt
cmd-report-security = sicherheit
    .description = Eine Sicherheitslücke vertraulich an das Security-Response-Team melden
cmd-report-status = stand
    .description = Deine Konflikte und Meldungen und wo sie stehen
cmd-report-message = An das TSC melden
cmd-review-publish = veröffentlichen
    .description = Die Jahresüberprüfung vervollständigen und dem TSC zur Freigabe vorlegen (nur TSC)
cmd-govern-dissolve = auflösen
    .description = Die Auflösung des Projekts zu einem Datum vorschlagen; das TSC stimmt ab (nur TSC)
    .date-name = datum
    .date-description = Das Datum der Auflösung (JJJJ-MM-TT), mindestens die Ankündigungsfrist nach der Abstimmung
    .reason-name = grund
    .reason-description = Warum das Projekt aufgelöst wird
    .steward-name = verwalter
    .steward-description = Wer die Ressourcen des Projekts übernimmt (Domains, CI, Mittel)
    .archive-name = archiv
    .archive-description = Wo die Dokumentation archiviert wird
    .license-name = lizenz
    .license-description = Die Lizenz des Codes, um sie in der Ankündigung zu nennen (optional)
cmd-govern-dissolve-call-off = auflösung-absagen
    .description = Vorschlagen, die beschlossene Auflösung abzusagen; das TSC stimmt ab (nur TSC)
    .reason-name = grund
    .reason-description = Warum sie abgesagt wird

## Fälle: Namen, Karten, Schaltflächen

case-name-conflict = Konflikt #{ $id }
case-name-conduct = Verhaltensmeldung #{ $id }
case-name-security = Sicherheitsmeldung #{ $id }
case-text-erased = (nach Abschluss des Falls gelöscht)
case-nobody-named = niemand genannt
case-field-parties = Beteiligte
case-field-step = Schritt
case-field-decision = Die Entscheidung des TSC
case-field-reported = Gemeldetes Mitglied
case-field-reporter = Gemeldet von
case-field-message = Nachricht
case-field-status = Stand
case-field-thread = Thread des Falls
case-conflict-title = Konflikt #{ $id }
case-conflict-greeting = { $mentions } Dieser private Thread ist für euren Konflikt; nur ihr beide (später eine Vermittlerin oder ein Vermittler, dann das TSC) könnt ihn lesen. Versucht zuerst, ihn gemeinsam zu lösen.
case-conflict-footer = Vertraulich: nur für die Beteiligten, die Vermittlung und im 3. Schritt das TSC.
case-conflict-step-direct = 1 von 3: Die Beteiligten versuchen, ihn direkt zu lösen. Ab { $until } kann jede Seite die Vermittlung anrufen, im Einvernehmen auch sofort.
case-conflict-step-asked = { $member } möchte jetzt die Vermittlung anrufen.
case-conflict-step-wanted = 2 von 3: Es wird ein Maintainer gesucht, der vermittelt. Findet sich bis { $until } niemand, kann jede Seite das TSC anrufen.
case-conflict-step-mediation = 2 von 3: { $mediator } vermittelt. Eine beteiligte Person oder die Vermittlung kann das TSC anrufen.
case-conflict-step-tsc = 3 von 3: Das TSC trifft die endgültige Entscheidung. Ein TSC-Mitglied schlägt sie mit `/konflikt entscheiden` in diesem Thread vor.
case-conflict-step-voting = 3 von 3: Das TSC stimmt über eine Entscheidung ab (Abstimmung #{ $ballot }).
case-conflict-resolved-parties = Von den Beteiligten gelöst.
case-conflict-resolved-tsc = Durch die endgültige Entscheidung des TSC gelöst.
case-conduct-title = Verhaltensmeldung #{ $id }
case-conduct-greeting = { $mentions } Eine Verhaltensmeldung für das TSC. Bitte haltet die Reaktion des TSC mit einer der Schaltflächen fest.
case-conduct-footer = Vertraulich: nur das TSC, ohne ein gemeldetes Mitglied. Die meldende Person erfährt, dass die Meldung bearbeitet wurde, nie wie.
case-conduct-open = Wartet auf die Reaktion des TSC.
case-conduct-responded = { $response }, festgehalten von { $member } ({ $date }).
case-security-title = Sicherheitsmeldung #{ $id }: { $title }
case-security-greeting = { $mentions } Eine Sicherheitsmeldung für das Security-Response-Team. Bitte bestätigt den Eingang.
case-security-footer = Vertraulich: nur das Security-Response-Team.
case-security-open = Wartet auf Bestätigung (fällig { $due }).
case-security-acknowledged = Bestätigt von { $member } ({ $date }).
case-security-resolved = Erledigt von { $member } ({ $date }).
case-response-no-action = Keine Maßnahme
case-response-warning = Verwarnung
case-response-timeout = Timeout ({ $minutes } Minuten)
case-response-ban = Bann (von Hand vollzogen)
case-button-resolve = Als gelöst markieren
case-button-escalate = Eskalieren
case-button-mediate = Ich vermittle
case-button-no-action = Keine Maßnahme
case-button-warning = Verwarnung
case-button-timeout = Timeout…
case-button-ban = Bann (festgehalten)
case-button-acknowledge = Eingang bestätigen
case-button-resolved = Erledigt

## Fälle: Hinweise im Thread, Anfragen, Direktnachrichten

case-note-escalation-asked = { $member } möchte diesen Konflikt jetzt in die Vermittlung geben. { $other }, wenn du einverstanden bist, drücke **Eskalieren** oder nutze hier `/konflikt eskalieren`.
case-note-mediation-requested = Die Maintainer wurden um eine Vermittlung gebeten. Hat sie bis { $until } niemand übernommen, kann jede Seite den Konflikt vor das TSC bringen.
case-note-mediator-joined = { $mentions } { $mediator } vermittelt ab jetzt in diesem Konflikt.
case-note-with-tsc = { $mentions } Dieser Konflikt liegt dem TSC zur endgültigen Entscheidung vor. Schlagt sie hier mit `/konflikt entscheiden` vor.
case-note-decided = { $mentions } Die endgültige Entscheidung des TSC: { $decision }
case-note-decision-rejected = Das TSC hat die vorgeschlagene Entscheidung nicht angenommen. Ein TSC-Mitglied kann mit `/konflikt entscheiden` eine andere vorschlagen.
case-note-resolved = { $member } hat diesen Konflikt als gelöst markiert. Der Thread bleibt als Aufzeichnung erhalten.
case-note-responded = { $member } hat die Reaktion des TSC festgehalten: { $response }. Die meldende Person erfährt, dass die Meldung bearbeitet wurde.
case-note-acknowledged = { $member } hat den Eingang der Meldung bestätigt; die meldende Person wurde benachrichtigt.
case-note-security-resolved = { $member } hat die Meldung als erledigt markiert; die meldende Person wurde benachrichtigt.
case-note-ack-reminder = { $mentions } Seit { $hours } Stunden hat niemand den Eingang dieser Meldung bestätigt. Bitte bestätigt ihn.
case-note-reporter-unreachable = Die meldende Person war per Direktnachricht nicht erreichbar (ihre Direktnachrichten sind geschlossen); `/melden stand` zeigt ihr, wo die Meldung steht.
case-note-timeout-failed = Der Timeout konnte nicht verhängt werden: Steward braucht die Berechtigung „Mitglieder moderieren“, und seine Rolle muss über der des Mitglieds stehen. Bitte verhängt ihn von Hand.
case-mediator-wanted = Konflikt #{ $id } braucht einen Maintainer, der vermittelt. Wer übernimmt, kommt in den privaten Thread des Konflikts.
case-mediator-taken = Konflikt #{ $id }: { $mediator } vermittelt.
case-decision-proposed-title = Konflikt #{ $id }: die dem TSC vorliegende Entscheidung (Abstimmung #{ $ballot })
case-decision-proposed-footer = Nur für das TSC während der Abstimmung. Die Beteiligten erfahren die Entscheidung, sobald sie angenommen ist.
case-dm-conduct-handled = Deine Verhaltensmeldung (Fall #{ $id }) wurde vom TSC bearbeitet. Danke, dass du sie gemeldet hast.
case-dm-security-acknowledged = Das Security-Response-Team hat den Eingang deiner Sicherheitsmeldung (Fall #{ $id }) bestätigt.
case-dm-security-timeline = Der Eingang deiner Sicherheitsmeldung (Fall #{ $id }) wurde noch nicht bestätigt, deshalb wurde das Security-Response-Team erinnert. Meldungen werden innerhalb von { $hours } Stunden bestätigt; du hörst hier vom Team.
case-dm-security-resolved = Das Security-Response-Team hat deine Sicherheitsmeldung (Fall #{ $id }) erledigt. Danke.

## Fälle: Antworten an Mitglieder

case-conflict-opened = { $name } ist eröffnet: In diesem Kanal erscheint ein privater Thread für euch beide.
case-updated = { $name } ist aktualisiert; seine Karte im Thread zeigt, wo er steht.
case-decision-put-to-vote = { $name }: Die Entscheidung geht in eine vertrauliche Abstimmung des TSC (#{ $ballot }).
case-conduct-receipt = Danke. Deine Meldung ({ $name }) ist vertraulich beim TSC angekommen. Du erfährst per Direktnachricht, wenn sie bearbeitet wurde; `/melden stand` zeigt es auch.
case-security-receipt = Danke. Deine Meldung ({ $name }) ist vertraulich beim Security-Response-Team angekommen. Meldungen werden innerhalb von { $hours } Stunden bestätigt; du wirst per Direktnachricht benachrichtigt.
case-status-none = Du hast keine Konflikte oder Meldungen.
case-status-header = **Deine Konflikte und Meldungen**
case-status-conflict-step = in Schritt { $step } von 3
case-status-with-tsc = beim TSC
case-status-handled = bearbeitet
case-status-awaiting-ack = wartet auf Bestätigung
case-status-acknowledged = bestätigt
case-status-dm-closed = wir konnten dir keine Direktnachricht schicken
case-ballot-title = Konflikt #{ $id }: die endgültige Entscheidung des TSC
case-ballot-description = Die vorgeschlagene Entscheidung steht in diesem Kanal, nur für das TSC. Die Beteiligten stimmen nicht mit ab; sie erfahren die Entscheidung, sobald sie angenommen ist.

## Fälle: Formulare

case-conduct-form-title = An das TSC melden
case-conduct-form-label = Was ist passiert?
case-security-form-title = Ein Sicherheitsproblem melden
case-security-form-summary = Zusammenfassung
case-security-form-details = Details (betroffene Versionen, Schritte)
case-timeout-form-title = Timeout
case-timeout-form-label = Wie lange? (1h, 3d, höchstens 28d)

## Fälle: Ablehnungen

case-error-not-found = Diesen Fall gibt es hier nicht.
case-error-not-in-thread = Nutze das im privaten Thread des Falls.
case-error-channel = Eröffne einen Konflikt in einem Textkanal, den ihr beide lesen könnt: Dort entsteht sein privater Thread.
case-error-other-cannot-see = Dieses Mitglied kann diesen Kanal nicht lesen und damit auch nicht den Thread des Konflikts. Eröffne ihn in einem Kanal, den ihr beide lesen könnt.
case-error-text-empty = Der Text braucht mindestens ein sichtbares Zeichen.
case-error-text-too-long = Der Text darf höchstens { $max } Zeichen lang sein.
case-error-same-party = Ein Konflikt besteht zwischen dir und einem anderen Mitglied.
case-error-bot-party = Ein Bot kann nicht Teil eines Falls sein.
case-error-closed = Dieser Fall ist abgeschlossen.
case-error-already-asked = Du hast schon darum gebeten; die andere Seite muss zustimmen (oder die Frist ablaufen).
case-error-waiting-for-mediator = Noch hat kein Maintainer die Vermittlung übernommen. Wenn bis { $until } niemand übernimmt, kann jede Seite das TSC anrufen.
case-error-no-mediation = Dieser Konflikt sucht keine Vermittlung.
case-error-already-with-tsc = Dieser Konflikt liegt bereits dem TSC vor.
case-error-not-with-tsc = Das TSC entscheidet erst, wenn der Konflikt ihm vorgelegt wurde.
case-error-decision-pending = Dem TSC liegt schon eine Entscheidung über diesen Konflikt vor.
case-error-already-responded = Die Reaktion des TSC auf diese Meldung ist schon festgehalten.
case-error-nobody-to-time-out = Diese Meldung nennt kein Mitglied für einen Timeout.
case-error-bad-timeout = Ein Timeout dauert eine Minute bis 28 Tage, etwa 1h oder 3d.
case-error-already-acknowledged = Der Eingang dieser Meldung ist schon bestätigt.
case-error-not-party = Das können nur die Beteiligten dieses Konflikts (und im 2. Schritt die Vermittlung).
case-error-mediate-not-allowed = Vermitteln kann nur ein Maintainer, der nicht beteiligt ist.
case-error-decide-not-allowed = Über diesen Konflikt entscheidet nur ein TSC-Mitglied, das nicht beteiligt ist.
case-error-respond-not-allowed = Auf diese Meldung reagieren kann nur ein TSC-Mitglied, das nicht selbst gemeldet wurde.
case-error-not-security-team = Sicherheitsmeldungen bearbeitet nur das Security-Response-Team.
case-error-no-tsc-channel = Das TSC entscheidet Konflikte in seinem privaten Kanal, und es ist keiner eingerichtet: Eine Person mit Serververwaltung legt ihn mit `/governance einrichten` fest.
case-error-which-server = Steward betreut mehrere Server: Bitte nutze das in dem Server, um den es geht (das Formular bleibt dort vertraulich).
action-case-thread = den privaten Thread eines Falls anlegen (dafür braucht es „Private Threads erstellen“ und „Nachrichten in Threads senden“)
action-case-post = im privaten Thread eines Falls schreiben
action-case-timeout = ein Mitglied in den Timeout schicken
action-post-community = eine Ankündigung für die Community veröffentlichen

## Die Jahresüberprüfung, mit der Community geteilt

review-publish-hint = Um die Überprüfung mit der Community zu teilen, vervollständigt ein TSC-Mitglied sie mit `/ueberpruefung veröffentlichen`; das TSC gibt sie dann per Abstimmung frei.
review-cases = **Vertraulich bearbeitete Fälle**: { $conflicts } Konflikte, { $conduct } Verhaltensmeldungen, { $security } Sicherheitsmeldungen.
review-form-title = Jahresüberprüfung
review-section-progress = Fortschritt bei den Zielen
review-section-community = Zustand der Community
review-section-debt = Bewertung der technischen Schulden
review-section-roadmap = Anpassungen der Roadmap
review-section-governance = Wirksamkeit der Governance
review-draft-title = **Jahresüberprüfung, dem TSC vorgelegt** ({ $from } bis { $to }): So wird die Community sie lesen.
review-published-title = **Die Jahresüberprüfung des Projekts** ({ $from } bis { $to }), vom TSC freigegeben
review-numbers-header = **Das Jahr in Zahlen**
review-private-ballots = Außerdem vertraulich entschieden (Statusüberprüfungen, Fälle): { $count }.
review-proposed = Die Überprüfung geht an das TSC: Abstimmung #{ $id }. Nach der Freigabe wird sie für die Community veröffentlicht.
annual-review-ballot-title = Die Jahresüberprüfung mit der Community teilen
annual-review-ballot-description = Die Überprüfung mit den fünf Abschnitten des TSC steht in diesem Kanal. Nach der Freigabe wird sie im Ankündigungskanal veröffentlicht und im Entscheidungsprotokoll festgehalten.
review-error-section-empty = Jeder Abschnitt der Überprüfung braucht mindestens ein sichtbares Zeichen.
review-error-section-too-long = Ein Abschnitt darf höchstens { $max } Zeichen lang sein.
review-error-already-proposed = Dem TSC liegt schon eine Überprüfung vor; warte, bis ihre Abstimmung endet.
review-error-not-found = Diese Überprüfung gibt es nicht.

## Auflösung

dissolution-ballot-title = Das Projekt am { $date } auflösen
dissolution-ballot-description = Grund: { $reason }
    Die Ressourcen übernimmt: { $steward }
    Die Dokumentation wird archiviert unter: { $archive }
    Der gesamte Code bleibt unter seiner Lizenz verfügbar{ $license }.
dissolution-proposed = Der Vorschlag geht an das TSC: Abstimmung #{ $id }. Wird er angenommen, erfährt es die Community sofort, dann jeden Monat und eine Woche vor dem Datum.
dissolution-call-off-title = Die für den { $date } geplante Auflösung absagen
dissolution-call-off-proposed = Die Absage der Auflösung geht an das TSC: Abstimmung #{ $id }.
dissolution-notice-title = Das Projekt wird am { $date } aufgelöst
dissolution-notice-footer = Vom TSC beschlossen. Diese Ankündigung wird jeden Monat und eine Woche vor dem Datum wiederholt.
dissolution-field-steward = Die Ressourcen übernimmt
dissolution-field-code = Der Code
dissolution-field-archive = Die Dokumentation wird archiviert unter
dissolution-license = Der gesamte Code bleibt unter seiner Lizenz verfügbar.
dissolution-license-named = Der gesamte Code bleibt unter seiner Lizenz ({ $license }) verfügbar.
dissolution-called-off = Das TSC hat die für { $date } geplante Auflösung abgesagt. Das Projekt geht weiter.
dissolution-error-date = Das Datum ist nicht verständlich: Schreibe es als JJJJ-MM-TT.
dissolution-error-too-soon = Das Datum muss mindestens die Ankündigungsfrist (`dissolution_notice_months`) nach dem Ende der Abstimmung liegen: Das früheste Datum ist der { $earliest }.
dissolution-error-field-empty = Verwalter und Archiv brauchen mindestens ein sichtbares Zeichen.
dissolution-error-field-too-long = Ein Feld darf höchstens { $max } Zeichen lang sein.
dissolution-error-underway = Eine Auflösung ist schon vorgeschlagen oder beschlossen.
dissolution-error-nothing-to-call-off = Es gibt keine beschlossene Auflösung, die abgesagt werden könnte.
dissolution-error-call-off-pending = Die Absage liegt dem TSC bereits vor.
dissolution-error-not-found = Diesen Auflösungsvorschlag gibt es nicht.
