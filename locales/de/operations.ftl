# Betrieb: /govern check und /govern status.

## /govern check
check-title = Was Steward auf diesem Server braucht
check-line-ok = ✅ { $what }
check-line-problem = ❌ { $what }: { $problem }
    ↳ Lösung: { $fix }
    ↳ Betrifft: { $features }
check-line-note = ℹ️ { $what }: { $note }
check-summary-ok = Alles, was Steward braucht, ist vorhanden.
check-summary-problems = { $count ->
    [one] Eine Sache muss behoben werden.
   *[other] { $count } Dinge müssen behoben werden.
}
check-setup-problems = Steward ist eingerichtet, aber einiges, was es braucht, fehlt. Führe nach der Behebung /govern check aus:
check-what-members-intent = Server-Members-Intent
check-what-channel = { $use }-Kanal { $channel }
check-what-manage-roles = Berechtigung „Rollen verwalten“
check-what-role-order = Rollenreihenfolge: { $role } ({ $use })
check-what-wg-category = Kategorie der Arbeitsgruppen { $channel }
check-what-pins = Nachrichten verwalten (Anheften)
check-what-dms = Direktnachrichten
check-use-announcements = Ankündigungs
check-use-tsc = TSC
check-use-rfc = RFC
check-use-releases = Release
check-use-security = Sicherheits
check-use-maintainers = Maintainer
check-role-tsc = TSC-Rolle
check-role-maintainer = Rolle der Maintainer
check-role-contributor = Rolle der Mitwirkenden
check-role-security_team = Rolle des Sicherheitsteams
check-role-emeritus = Emeritus-Rolle
check-role-working-group = Rolle der Arbeitsgruppe { $name }
check-perm-view-channel = Kanal ansehen
check-perm-send-messages = Nachrichten senden
check-perm-embed-links = Links einbetten
check-perm-manage-roles = Rollen verwalten
check-perm-manage-channels = Kanäle verwalten
check-perm-manage-messages = Nachrichten verwalten
check-perm-create-public-threads = Öffentliche Threads erstellen
check-perm-create-private-threads = Private Threads erstellen
check-perm-send-messages-in-threads = Nachrichten in Threads senden
check-perm-moderate-members = Mitglieder timeouten
check-problem-intent-off = der Server-Members-Intent ist für Stewards Anwendung ausgeschaltet.
check-fix-intent-off = öffne im Discord-Entwicklerportal die Anwendung → Bot → Privileged Gateway Intents, schalte „Server Members Intent“ ein und starte Steward neu.
check-problem-channel-gone = den Kanal gibt es nicht mehr.
check-fix-channel-gone = führe /govern setup aus und wähle einen anderen Kanal.
check-problem-role-gone = die Rolle gibt es nicht mehr.
check-fix-role-gone = führe /govern setup aus und ordne eine andere Rolle zu.
check-problem-role-order = Stewards höchste Rolle steht nicht über dieser Rolle, daher kann es sie weder vergeben noch entziehen.
check-fix-role-order = ziehe unter Servereinstellungen → Rollen die Steward-Rolle über { $role }.
check-problem-missing = Steward fehlt: { $perms }.
check-fix-missing-channel = erlaube in den Kanaleinstellungen → Berechtigungen der Steward-Rolle: { $perms }.
check-fix-missing-server = schalte unter Servereinstellungen → Rollen → Steward ein: { $perms }.
check-note-dms = Steward schreibt Mitgliedern Direktnachrichten (Nachfolgeplanung, Nominierungen). Wer Direktnachrichten von Servermitgliedern abgeschaltet hat, wird nicht erreicht: bitte diese Mitglieder, sie für diesen Server zu erlauben.
check-feature-ballots = Abstimmungen
check-feature-announcements = Ankündigungen
check-feature-tsc-notices = Mitteilungen an das TSC
check-feature-rfcs = RFCs und Änderungsanträge
check-feature-releases = Releases
check-feature-security = Sicherheitsmeldungen
check-feature-mediation = Vermittlung
check-feature-roster = die Mitgliederliste (Wechsel zu Emeritus)
check-feature-working-groups = Arbeitsgruppen
check-feature-succession = Nachfolgeplanung

## /govern status
status-title = Stewards Zustand
status-version = Version { $version }, läuft seit { $uptime }
status-outbox-empty = Postausgang: nichts wartet.
status-outbox = Postausgang: { $count } warten, das älteste seit { $since }.
status-failing-none = Fehlschlagende Zustellungen: keine.
status-failing = Fehlschlagende Zustellungen:
status-failing-line = • { $kind }: { $count }
status-jobs-none = Nächste Aufgaben: keine geplant.
status-jobs = Nächste Aufgaben:
status-job-line = • { $kind } { $at }
status-errors-none = Letzte Fehler: keine.
status-errors = Letzte Fehler:
status-error-line = • { $at } { $kind }: { $error }

## Befehle und Fehler
cmd-govern-check = prüfen
    .description = Prüfe, was Steward auf diesem Server braucht: Intents, Berechtigungen, Rollenreihenfolge
cmd-govern-status = status
    .description = Stewards Zustand: Postausgang, fehlschlagende Zustellungen, nächste Aufgaben, letzte Fehler
error-needs-tsc-or-manage-server = Nur Mitglieder des TSC oder mit der Berechtigung „Server verwalten“ können das.
