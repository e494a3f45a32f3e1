## Die Transparenzseite (Issue 16): /govern web und die öffentlichen Seiten

cmd-govern-web = web
    .description = Die Transparenzseite: die Governance des Projekts im Web
cmd-govern-web-enable = aktivieren
    .description = Die Governance dieses Servers unter einem Kürzel im Web veröffentlichen (nur TSC)
    .slug-name = kuerzel
    .slug-description = Der öffentliche Name der Seite in ihrer Adresse: Kleinbuchstaben, Ziffern und Bindestriche
cmd-govern-web-disable = deaktivieren
    .description = Die Transparenzseite dieses Servers zurückziehen (nur TSC)

govern-web-enabled = Die Transparenzseite ist unter `{ $slug }` veröffentlicht: `/{ $slug }/leadership`, `/{ $slug }/decisions` und dieselben Daten als JSON unter `/api/{ $slug }/`.
govern-web-disabled = Die Transparenzseite `{ $slug }` ist zurückgezogen.
web-error-slug-length = Ein Kürzel hat 1 bis { $max } Zeichen.
web-error-slug-characters = Ein Kürzel besteht aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen dazwischen (zum Beispiel `mein-projekt`).
web-error-slug-reserved = Dieses Wort gehört zu den eigenen Adressen der Seite; bitte ein anderes Kürzel wählen.
web-error-slug-taken = Ein anderer Server veröffentlicht bereits unter diesem Kürzel; bitte ein anderes wählen.
web-error-not-enabled = Die Transparenzseite dieses Servers ist nicht veröffentlicht.

web-nav-leadership = Leitung
web-nav-decisions = Entscheidungen
web-footer = Von Steward aus den Governance-Aufzeichnungen des Projekts veröffentlicht. Nur lesbar; Zeiten in UTC.
web-not-found = Seite nicht gefunden
web-bad-request = Diesen Filter kennt diese Seite nicht.
web-internal-error = Etwas ist schiefgegangen; bitte später erneut versuchen.
web-since = seit

web-leadership-title = Aktuelle Projektleitung
web-leadership-tsc = Technischer Lenkungsausschuss (TSC)
web-leadership-maintainers = Maintainer
web-leadership-security = Sicherheitsteam
web-leadership-emeritus = Emeritiert
web-leadership-empty = Derzeit niemand.

web-decisions-title = Entscheidungen
web-decisions-kind = Art
web-decisions-year = Jahr
web-decisions-all = Alle
web-decisions-apply = Anzeigen
web-decisions-empty = Keine Entscheidungen aufgezeichnet.
web-decisions-feed = Atom-Feed der Entscheidungen
web-decisions-tally = Ja { $yes }, Nein { $no }, Enthaltung { $abstain }, von { $electorate } Stimmberechtigten.
web-decisions-tally-secret = Geheime Abstimmung, nur Summen: Ja { $yes }, Nein { $no }, Enthaltung { $abstain }, von { $electorate } Stimmberechtigten.

web-nav-working-groups = Arbeitsgruppen
web-nav-rfcs = RFCs
web-nav-releases = Releases
web-nav-dependencies = Abhängigkeiten

web-wg-title = Aktuelle Arbeitsgruppen
web-wg-empty = Keine Arbeitsgruppen.
web-wg-chair = Vorsitz:
web-wg-members = { $count ->
    [one] 1 Mitglied
   *[other] { $count } Mitglieder
}
web-wg-ends = Charta endet
web-wg-reports = { $count ->
    [0] Noch keine Berichte an das TSC
    [one] 1 Bericht an das TSC
   *[other] { $count } Berichte an das TSC
}
web-wg-last-report = der letzte am

web-rfc-title = RFCs und Änderungen
web-rfc-empty = Noch keine RFCs oder Änderungen.
web-rfc-number = { $kind ->
    [amendment] Änderung
   *[rfc] RFC
} { $number }
web-rfc-discussion = Diskussionszeitraum:
web-rfc-decided = entschieden
web-rfc-postponed = Zurückgestellt:
web-rfc-revisions = Überarbeitungen

web-releases-title = Releases
web-releases-empty = Noch keine Releases.
web-releases-proposed = Vorgeschlagen
web-releases-planned = geplant für
web-releases-published = veröffentlicht
web-releases-changelog = Änderungsprotokoll
web-releases-history = Verlauf

web-deps-title = Genehmigte Abhängigkeiten
web-deps-empty = Keine genehmigten Abhängigkeiten.
web-deps-approved = genehmigt
