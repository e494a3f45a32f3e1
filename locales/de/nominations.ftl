# Steward, Deutsch: Nominierungen von Maintainern und TSC-Mitgliedern.

## Befehle

cmd-nominate = nominieren
    .description = Nominierungen: neue Maintainer und TSC-Mitglieder
cmd-nominate-member = mitglied
    .description = Ein Mitglied als Maintainer (oder einen Maintainer fürs TSC) nominieren; ein Formular fragt warum
    .member-name = mitglied
    .member-description = Das Mitglied, das du nominierst
    .office-name = amt
    .office-description = Wofür: Maintainer (Standard) oder ein Sitz im TSC (nominieren TSC-Mitglieder)
    .area-name = bereich
    .area-description = Der Schwerpunkt als Maintainer, etwa „Laufzeit“
cmd-nominate-respond = antworten
    .description = Hier auf die eigene Nominierung antworten (wenn die Direktnachricht nicht ankam)
cmd-nominate-list = liste
    .description = Die offenen Nominierungen und ihr Schritt (nur TSC)

## Wörter

nomination-office-maintainer = Maintainer
nomination-office-tsc = TSC-Mitglied

## Das Formular

nomination-form-title = Deine Nominierung
nomination-form-statement = Warum sie? (die Kriterien des Dokuments)
nomination-form-statement-placeholder = Beständige Beiträge, Fachwissen, Nähe zu unseren Zielen, Urteilsvermögen, Führung
nomination-form-links = Links zu ihrer Arbeit
nomination-form-links-placeholder = Pull Requests, Reviews, Dokumentation, Diskussionen …
nomination-submitted = Deine Nominierung von { $member } als { $office } ist unterwegs: Die Person wird per Direktnachricht gefragt und kann ihr Interesse bis { $deadline } bestätigen. Nichts davon ist öffentlich.

## Die Zustimmung der nominierten Person

nomination-invite = Hallo! { $nominator } hat dich als { $office } des Projekts auf { $server } nominiert. Die Begründung steht unten. Möchtest du in Betracht gezogen werden? Wenn du annimmst, berät das TSC deine Nominierung und stimmt vertraulich ab; nur eine Zustimmung wird je bekannt gegeben. Bitte antworte bis { $deadline }.
nomination-button-accept = Annehmen
nomination-button-decline = Ablehnen
nomination-answered-accepted = Danke für deine Zusage! Das TSC berät jetzt deine Nominierung als { $office } und stimmt vertraulich ab. Du hörst per Direktnachricht von uns.
nomination-answered-declined = Verstanden: Deine Nominierung als { $office } ist vertraulich beendet. Danke für deine Arbeit am Projekt.
nomination-respond = Deine Nominierung als { $office } wartet bis { $deadline } auf deine Antwort:

## Die Karte im vertraulichen Bereich des TSC

nomination-thread-name = Nominierung { $id }
nomination-card-title = Nominierung #{ $id }: { $office }
nomination-field-nominee = Nominiert
nomination-field-office = Amt
nomination-field-nominator = Nominiert von
nomination-field-area = Schwerpunkt
nomination-field-links = Ihre Arbeit
nomination-footer = Nur für das TSC. Die Begründung wird nur aufbewahrt, solange die Nominierung offen ist.
nomination-step-nominated = ✅ { $member } wurde von { $nominator } als { $office } nominiert.
nomination-step-consent-waiting = ⏳ Die nominierte Person bestätigt ihr Interesse (bis { $deadline }).
nomination-step-consented = ✅ { $member } hat das Interesse bestätigt.
nomination-step-vote-waiting = ⏳ Das TSC stimmt geheim ab.
nomination-step-voting = 🗳️ Das TSC stimmt geheim ab: Abstimmung #{ $ballot }, bis { $deadline }.
nomination-step-outcome-waiting = ⏳ Ergebnis.
nomination-step-approved = ✅ Angenommen: Die Rolle wird vergeben und die Begrüßung angekündigt.
nomination-step-rejected = ❌ Nicht angenommen. Die nominierte Person wurde vertraulich informiert, mit den Bedenken und ohne Namen.
nomination-step-no-quorum = ⚪ Beschlussunfähig: nicht angenommen. Die nominierte Person wurde vertraulich informiert.
nomination-step-withdrawn = ⚪ Zurückgezogen: Die Abstimmung wurde abgebrochen.
nomination-step-declined = ⚪ Die nominierte Person hat abgelehnt.
nomination-step-expired = ⚪ Die nominierte Person hat nicht rechtzeitig geantwortet.
nomination-step-left = ⚪ Beendet: Die nominierte Person hat den Server verlassen.

## Die Abstimmung des TSC (ihre Texte nennen niemanden: das tut die Karte darüber)

nomination-ballot-title = Nominierung #{ $id } ({ $office })
nomination-ballot-description = Geheime Abstimmung über Nominierung #{ $id }: Person, Begründung und Arbeit stehen in der Karte darüber. Ein +1 stimmt zu; ein -1 braucht ein Bedenken, das die Person ohne deinen Namen lesen wird.

## /nominieren liste

nomination-list-empty = Es gibt keine offene Nominierung.
nomination-list-header = Offene Nominierungen ({ $count }):
nomination-list-awaiting = #{ $id }: { $member } als { $office }, von { $nominator }: wartet auf Antwort bis { $deadline }
nomination-list-dm-closed = #{ $id }: { $member } als { $office }, von { $nominator }: Direktnachrichten geschlossen; Antwort mit /nominieren antworten bis { $deadline } möglich
nomination-list-accepted = #{ $id }: { $member } als { $office }, von { $nominator }: angenommen; die Abstimmung des TSC wird vorbereitet
nomination-list-voting = #{ $id }: { $member } als { $office }, von { $nominator }: das TSC stimmt ab (Abstimmung #{ $ballot })

## Notizen an das TSC, in seinem vertraulichen Kanal

nomination-tsc-accepted = { $member } hat Nominierung #{ $id } als { $office } angenommen.
nomination-tsc-declined = { $member } hat Nominierung #{ $id } als { $office }, vorgeschlagen von { $nominator }, abgelehnt. Nichts wurde angekündigt.
nomination-tsc-expired = { $member } hat auf Nominierung #{ $id } als { $office } nicht rechtzeitig geantwortet; sie ist vertraulich beendet.
nomination-tsc-dm-closed = { $member } empfängt keine Direktnachrichten und konnte nicht zu Nominierung #{ $id } als { $office } gefragt werden. { $nominator } wurde gebeten, der Person zu sagen, dass sie vor { $deadline } im Server mit /nominieren antworten zusagen oder absagen kann.
nomination-tsc-left = { $member } hat den Server verlassen; Nominierung #{ $id } als { $office } ist beendet.
nomination-tsc-approved = Nominierung #{ $id } ist angenommen: { $member } wird { $office }. Die Rolle wird vergeben und die Begrüßung gepostet.
nomination-tsc-rejected = Nominierung #{ $id } von { $member } als { $office } wurde nicht angenommen. { $member } wurde vertraulich informiert, mit den Bedenken und ohne Namen. Nichts wurde angekündigt.
nomination-tsc-no-quorum = Nominierung #{ $id } von { $member } als { $office } war beschlussunfähig und ist nicht angenommen. { $member } wurde vertraulich informiert. Nichts wurde angekündigt.
nomination-tsc-withdrawn = Die Abstimmung über Nominierung #{ $id } von { $member } als { $office } wurde abgebrochen; die Nominierung ist zurückgezogen. Nichts wurde angekündigt.
nomination-tsc-outcome-undelivered = { $member } empfängt keine Direktnachrichten und konnte nicht über das Ergebnis von Nominierung #{ $id } informiert werden. Bitte sagt es der Person selbst.

## Notizen an die nominierende Person, per Direktnachricht

nomination-nominator-accepted = { $member } hat deine Nominierung als { $office } auf { $server } angenommen. Das TSC berät sie jetzt und stimmt vertraulich ab.
nomination-nominator-declined = { $member } hat deine Nominierung als { $office } auf { $server } abgelehnt. Nichts wurde angekündigt.
nomination-nominator-expired = { $member } hat auf deine Nominierung als { $office } auf { $server } nicht rechtzeitig geantwortet; sie ist vertraulich beendet.
nomination-nominator-dm-closed = { $member } empfängt keine Direktnachrichten und konnte nicht zu deiner Nominierung als { $office } auf { $server } gefragt werden. Sag der Person bitte, dass sie vor { $deadline } im Server mit /nominieren antworten zusagen oder absagen kann.
nomination-nominator-left = { $member } hat den Server { $server } verlassen; deine Nominierung als { $office } ist beendet.
nomination-nominator-ended = Deine Nominierung von { $member } als { $office } auf { $server } ist beendet.

## Das Ergebnis, an die nominierte Person

nomination-outcome-approved = Herzlichen Glückwunsch! Das TSC hat deine Nominierung als { $office } auf { $server } angenommen. Danke für alles, was du für das Projekt getan hast; deine neue Rolle wird vergeben, und die Community begrüßt dich in den Ankündigungen.
nomination-outcome-rejected = Danke, dass du deine Nominierung als { $office } auf { $server } angenommen hast. Das TSC hat sie diesmal nicht angenommen. Das ist kein Urteil über deinen Platz im Projekt, und du kannst nach { $days } Tagen erneut nominiert werden.
nomination-outcome-no-quorum = Danke, dass du deine Nominierung als { $office } auf { $server } angenommen hast. Zu wenige TSC-Mitglieder haben abgestimmt, daher ist sie diesmal nicht angenommen. Du kannst nach { $days } Tagen erneut nominiert werden.
nomination-outcome-withdrawn = Danke, dass du deine Nominierung als { $office } auf { $server } angenommen hast. Das TSC hat die Abstimmung darüber zurückgezogen, die Nominierung ist damit beendet. Nichts wurde angekündigt.
nomination-outcome-concerns = Die geäußerten Bedenken, ohne Namen:

## Die Begrüßung, im Ankündigungskanal

nomination-welcome = Bitte begrüßt { $member }: Das TSC hat die Nominierung als { $office } angenommen!
nomination-welcome-area = Bitte begrüßt { $member }: Das TSC hat die Nominierung als { $office } angenommen (Schwerpunkt: { $area })!

## Ablehnungen

nomination-error-not-allowed = Nur Maintainer (und TSC-Mitglieder, die ebenfalls Maintainer sind) können Maintainer nominieren.
nomination-error-tsc-only = Nur TSC-Mitglieder können für einen Sitz im TSC nominieren.
nomination-error-not-nominee = Nur die nominierte Person kann auf diese Nominierung antworten.
nomination-error-not-found = Diese Nominierung gibt es nicht.
nomination-error-self = Du kannst dich nicht selbst nominieren.
nomination-error-bot = Ein Bot kann nicht nominiert werden.
nomination-error-already-maintainer = Dieses Mitglied ist bereits Maintainer (TSC-Mitglieder sind ebenfalls Maintainer).
nomination-error-already-tsc = Dieses Mitglied ist bereits im TSC.
nomination-error-not-contributor = Als Maintainer kann nur nominiert werden, wer die Rolle für Mitwirkende hat, und dieses Mitglied hat sie nicht.
nomination-error-not-maintainer = Ein Sitz im TSC ist für Maintainer, und dieses Mitglied ist keiner.
nomination-error-role-not-mapped = Dieser Server hat keine Discord-Rolle für dieses Amt zugeordnet; ein Admin kann sie mit /govern setup festlegen.
nomination-error-not-in-server = Dieses Mitglied ist nicht mehr auf dem Server.
nomination-error-no-private-channel = Nominierungen sind vertraulich für das TSC, und dieser Server hat keinen vertraulichen TSC-Kanal; ein Admin kann ihn mit /govern setup festlegen.
nomination-error-already-open = Für dieses Mitglied gibt es bereits eine offene Nominierung.
nomination-error-too-soon = Die letzte Nominierung dieses Mitglieds für dieses Amt ist erst kürzlich zu Ende gegangen; eine neue ist ab <t:{ $until }:D> möglich.
nomination-error-statement-empty = Bitte schreib, warum du die Person nominierst.
nomination-error-statement-too-long = Die Begründung darf höchstens { $max } Zeichen lang sein.
nomination-error-links-empty = Bitte füge Links zu ihrer Arbeit hinzu.
nomination-error-links-too-long = Die Links dürfen höchstens { $max } Zeichen lang sein.
nomination-error-area-too-long = Der Schwerpunkt darf höchstens { $max } Zeichen lang sein.
nomination-error-closed = Diese Nominierung wartet nicht mehr darauf.
nomination-error-expired = Die Frist für eine Antwort auf diese Nominierung ist abgelaufen.
nomination-error-nothing-to-answer = Du hast keine Nominierung, die auf deine Antwort wartet.

## Was eine fehlende Berechtigung verhindert hat

action-post-tsc-private = im vertraulichen Kanal des TSC zu posten (dafür braucht es „Private Threads erstellen“ und „Nachrichten in Threads senden“, oder „Nachrichten senden“ dort)
action-post-welcome = eine Begrüßung im Ankündigungskanal zu posten
