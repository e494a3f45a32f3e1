# Steward, de: das Verzeichnis der Rollen, die Nachfolgeplanung und die Jahresüberprüfung.

## Befehle

cmd-roster = verzeichnis
    .description = Die Projektleitung: TSC, Maintainer, Sicherheitsteam, Emeriti
cmd-roster-show = anzeigen
    .description = Die aktuellen Listen der Projektleitung anzeigen
cmd-roster-set-area = bereich-setzen
    .description = Den Schwerpunkt eines Maintainers festhalten (den eigenen, oder als TSC jeden)
    .area-name = bereich
    .area-description = Der Schwerpunkt, etwa „Laufzeit“ oder „Dokumentation“
    .member-name = mitglied
    .member-description = Der Maintainer (du selbst, wenn leer)
cmd-roster-export = export
    .description = Die Listen der Projektleitung als Markdown für GOVERNANCE.md
cmd-review = ueberpruefung
    .description = Die Jahresüberprüfung des TSC
cmd-review-now = jetzt
    .description = Die Zusammenfassung der letzten zwölf Monate (nur TSC)

## Verzeichnis

roster-title = Aktuelle Projektleitung
roster-section-tsc = Technical Steering Committee
roster-section-maintainers = Maintainer
roster-section-security = Security Response Team
roster-section-emeritus = Emeriti
roster-section-wg-chairs = Vorsitz der Arbeitsgruppen
roster-section-working-groups = Aktuelle Arbeitsgruppen
# Ein Amt über mehrere Felder verteilt: „Maintainer (2/3)“.
roster-section-part = { $section } ({ $part }/{ $parts })
roster-nobody = noch niemand
roster-area-unset = kein Schwerpunkt festgehalten
roster-export-title = Aktuelle Projektleitung
roster-area-set = Der Schwerpunkt von { $member } ist jetzt: { $area }
roster-role-tsc = TSC-Mitglied
roster-role-maintainer = Maintainer
roster-role-contributor = Contributor
roster-role-security = Mitglied des Sicherheitsteams
roster-role-emeritus = Emeritus
error-area-not-allowed = Nur der Maintainer selbst oder ein TSC-Mitglied kann einen Schwerpunkt festhalten.
error-area-length = Ein Schwerpunkt hat 1 bis { $max } Zeichen.
error-area-not-maintainer = Dieses Mitglied ist kein Maintainer: Nur Maintainer haben einen Schwerpunkt.

## Nachfolgeplanung

succession-contact-dm = Hallo! Du hast eine Rolle in der Projektleitung (TSC-Mitglied oder Maintainer) auf dem Server des Projekts ({ $server }), und Steward hat dich dort seit { $months } Monaten nicht gesehen. Das Governance-Dokument bittet uns nachzufragen: Bist du noch aktiv? Du kannst auch, mit dem Dank des Projekts, in den Emeritus-Status wechseln. So oder so genügt ein Klick unten.
succession-button-active = Ich bin noch aktiv
succession-button-emeritus = Zu Emeritus wechseln
succession-answer-active = Danke! Du bist als aktiv vermerkt, und das TSC wurde informiert.
succession-answer-emeritus = Danke für alles, was du dem Projekt gegeben hast. Deine Rolle wechselt zu Emeritus; das wird auf dem Server angekündigt.
error-succession-no-office = Du hast keine TSC- oder Maintainer-Rolle mehr, es gibt also nichts zu ändern.
succession-reported = { $member } war seit { $months } Monaten nicht aktiv und wurde per Direktnachricht gefragt, ob die Mitarbeit weitergeht.
succession-dm-undeliverable = { $member } war nicht erreichbar: Die Direktnachrichten sind geschlossen. Bitte nehmt auf anderem Weg Kontakt auf.
succession-answered = { $member } hat bestätigt, weiterhin aktiv zu sein.
emeritus-announcement = { $member } wechselt in den Emeritus-Status. Danke für deine Arbeit am Projekt!
nominations-needed = Für die Rolle { $role } gibt es { $count } von mindestens { $min } nötigen Personen. Bitte schlagt Nachfolger vor: `/nominieren mitglied amt:{ $office }`.
review-ballot-title = Statusprüfung: { $name } zu Emeritus verschieben
review-ballot-description = { $member } war seit { $months } Monaten nicht aktiv und wurde bereits kontaktiert. Ein +1 verschiebt die Person in den Emeritus-Status; sonst behält sie ihre Rolle.
review-cancelled-answered = Das Mitglied hat die Nachfrage zur Inaktivität selbst beantwortet.
action-send-dm = einem Mitglied eine Direktnachricht zu senden
action-change-role = die Rollen eines Mitglieds zu ändern (die Rolle des Bots muss über den geänderten Rollen stehen)

## Jahresüberprüfung

review-title = **Jahresüberprüfung** ({ $from } bis { $to })
review-ballots-header = **Entschiedene Abstimmungen: { $count }** (noch offen: { $open })
review-roles-header = **Rollenänderungen**
review-role-gained = { $name } wurde { $role } ({ $date })
review-role-lost = { $name } ist nicht mehr { $role } ({ $date })
review-wg-header = **Arbeitsgruppen**
review-wg-line = { $name } ({ $status }): { $reports ->
    [one] ein Bericht
   *[other] { $reports } Berichte
}
review-inactivity-header = **Nachfolgeplanung**
review-step-contact = { $name } wurde wegen Inaktivität kontaktiert ({ $date })
review-step-review = Der Status von { $name } wurde geprüft ({ $date })
review-none = keine
review-offices = **Jetzt**: { $tsc } TSC-Mitglieder, { $maintainers } Maintainer, { $emeritus } Emeriti.
