<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>kindred::BackupService</name>
    <message>
        <source>Made by you</source>
        <translation>Von Ihnen erstellt</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>After naming</source>
        <translation>Nach dem Benennen</translation>
    </message>
    <message>
        <source>Before an update of Kindred</source>
        <translation>Vor einem Kindred-Update</translation>
    </message>
    <message>
        <source>Before a new face model</source>
        <translation>Vor einem neuen Gesichtsmodell</translation>
    </message>
    <message>
        <source>Before personalisation</source>
        <translation>Vor einer Anpassung</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
</context>
<context>
    <name>kindred::ClusterListModel</name>
    <message numerus="yes">
        <source>%n face(s) on their own</source>
        <translation>
            <numerusform>%n Gesicht für sich allein</numerusform>
            <numerusform>%n Gesichter für sich allein</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n Gesicht</numerusform>
            <numerusform>%n Gesichter</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>Sieht aus wie %1</translation>
    </message>
    <message numerus="yes">
        <source>Not faces: %n</source>
        <translation>
            <numerusform>Keine Gesichter: %n</numerusform>
            <numerusform>Keine Gesichter: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>hands, ears, patterns…</source>
        <translation>Hände, Ohren, Muster…</translation>
    </message>
    <message numerus="yes">
        <source>Maybe not faces: %n</source>
        <translation>
            <numerusform>Vielleicht keine Gesichter: %n</numerusform>
            <numerusform>Vielleicht keine Gesichter: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>the app is unsure</source>
        <translation>die App ist unsicher</translation>
    </message>
</context>
<context>
    <name>kindred::FaceIndexJob</name>
    <message>
        <source>Grouping the faces failed: %1</source>
        <translation>Das Gruppieren der Gesichter ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found</source>
        <translation>
            <numerusform>%n Gesicht gefunden</numerusform>
            <numerusform>%n Gesichter gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 photos/s</source>
        <translation>%1 Fotos/s</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>noch etwa %n s</numerusform>
            <numerusform>noch etwa %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>noch etwa %n Min.</numerusform>
            <numerusform>noch etwa %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces failed: %1</source>
        <translation>Die Gesichtersuche ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n photo(s)</source>
        <translation>
            <numerusform>Nach %n Foto angehalten</numerusform>
            <numerusform>Nach %n Fotos angehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) looked at</source>
        <translation>
            <numerusform>%n Foto angesehen</numerusform>
            <numerusform>%n Fotos angesehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of unknown faces</source>
        <translation>
            <numerusform>%n Gruppe unbekannter Gesichter</numerusform>
            <numerusform>%n Gruppen unbekannter Gesichter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n Vorschlag</numerusform>
            <numerusform>%n Vorschläge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named from the photos&apos; own tags</source>
        <translation>
            <numerusform>%n aus den Tags der Fotos benannt</numerusform>
            <numerusform>%n aus den Tags der Fotos benannt</numerusform>
        </translation>
    </message>
    <message>
        <source>Updating face recognition (better with turned faces): %1 of %2 faces, names kept</source>
        <translation>Gesichtserkennung wird aktualisiert (besser bei abgewandten Gesichtern): %1 von %2 Gesichtern, Namen bleiben erhalten</translation>
    </message>
    <message numerus="yes">
        <source>(%n more kept out as not faces)</source>
        <translation>
            <numerusform>(%n weiteres als kein Gesicht aussortiert)</numerusform>
            <numerusform>(%n weitere als keine Gesichter aussortiert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) the face check had hidden are back under Maybe not faces</source>
        <translation>
            <numerusform>%n von der Gesichtsprüfung ausgeblendetes Gesicht ist wieder unter „Vielleicht keine Gesichter“</numerusform>
            <numerusform>%n von der Gesichtsprüfung ausgeblendete Gesichter sind wieder unter „Vielleicht keine Gesichter“</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept out as not faces</source>
        <translation>
            <numerusform>%n als kein Gesicht aussortiert</numerusform>
            <numerusform>%n als keine Gesichter aussortiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::FaceListModel</name>
    <message>
        <source>%1?</source>
        <translation>%1?</translation>
    </message>
    <message>
        <source>Is this %1? (%2 sure)</source>
        <translation>Ist das %1? (%2 sicher)</translation>
    </message>
    <message>
        <source>A second box on a face found beside it</source>
        <translation>Ein zweiter Rahmen um ein Gesicht, das daneben gefunden wurde</translation>
    </message>
    <message>
        <source>Hidden by the face check: unlike a face</source>
        <translation>Von der Gesichtsprüfung ausgeblendet: sieht keinem Gesicht ähnlich</translation>
    </message>
</context>
<context>
    <name>kindred::FinetuneJob</name>
    <message>
        <source>Face recognition personalised: identification error %1% -&gt; %2%</source>
        <translation>Gesichtserkennung angepasst: Erkennungsfehler %1% -&gt; %2%</translation>
    </message>
    <message>
        <source>Personalisation not adopted: %1</source>
        <translation>Anpassung nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Not enough confirmed faces to personalise: %1</source>
        <translation>Zu wenige bestätigte Gesichter für eine Anpassung: %1</translation>
    </message>
    <message>
        <source>Personalisation cancelled</source>
        <translation>Anpassung abgebrochen</translation>
    </message>
    <message>
        <source>Personalisation failed: %1</source>
        <translation>Anpassung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>kindred::FolderView</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Choose a folder on the left.</source>
        <translation>Wählen Sie links einen Ordner.</translation>
    </message>
</context>
<context>
    <name>kindred::JobErrorsDialog</name>
    <message>
        <source>Problems: %1</source>
        <translation>Probleme: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n Datei konnte nicht gelesen werden.</numerusform>
            <numerusform>%n Dateien konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Liste kopieren</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>kindred::JobManager</name>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>kindred::JobStatusWidget</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Show the files that could not be read</source>
        <translation>Die Dateien zeigen, die nicht gelesen werden konnten</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::LibraryService</name>
    <message>
        <source>Cannot use the library folder %1: %2</source>
        <translation>Der Bibliotheksordner %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2</source>
        <translation>Der Katalog %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>Es ist keine Bibliothek geöffnet.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation>%1 kann nicht gelesen werden (keine Berechtigung).</translation>
    </message>
    <message>
        <source>Scanning %1</source>
        <translation>%1 wird durchsucht</translation>
    </message>
    <message>
        <source>There are no folders to scan yet. Add a folder first.</source>
        <translation>Es gibt noch keine Ordner zum Durchsuchen. Fügen Sie zuerst einen Ordner hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>Rescanning %n folder(s)</source>
        <translation>
            <numerusform>%n Ordner wird erneut durchsucht</numerusform>
            <numerusform>%n Ordner werden erneut durchsucht</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces</source>
        <translation>Gesichter werden gesucht</translation>
    </message>
    <message>
        <source>Grouping similar faces…</source>
        <translation>Ähnliche Gesichter werden gruppiert…</translation>
    </message>
    <message>
        <source>Face recognition is already being personalised.</source>
        <translation>Die Gesichtserkennung wird bereits angepasst.</translation>
    </message>
    <message>
        <source>Personalising face recognition</source>
        <translation>Gesichtserkennung wird angepasst</translation>
    </message>
    <message>
        <source>Training round %1 of %2, loss %3</source>
        <translation>Trainingsrunde %1 von %2, Fehler %3</translation>
    </message>
    <message>
        <source>Names are already being written.</source>
        <translation>Die Namen werden bereits geschrieben.</translation>
    </message>
    <message>
        <source>Writing names into the photos</source>
        <translation>Namen werden in die Fotos geschrieben</translation>
    </message>
    <message>
        <source>Writing names to sidecars</source>
        <translation>Namen werden in Begleitdateien geschrieben</translation>
    </message>
    <message>
        <source>Writing names failed: %1</source>
        <translation>Das Schreiben der Namen ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Names written to %n photo(s)</source>
        <translation>
            <numerusform>Namen in %n Foto geschrieben</numerusform>
            <numerusform>Namen in %n Fotos geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n bereits aktuell</numerusform>
            <numerusform>%n bereits aktuell</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be written</source>
        <translation>
            <numerusform>%n konnte nicht geschrieben werden</numerusform>
            <numerusform>%n konnten nicht geschrieben werden</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalog is in use by another Kindred window or kindred-cli; close it first.</source>
        <translation>Der Katalog wird von einem anderen Kindred-Fenster oder kindred-cli verwendet; schließen Sie es zuerst.</translation>
    </message>
    <message>
        <source>The current catalog could not be backed up first (%1); nothing was changed.</source>
        <translation>Der aktuelle Katalog konnte nicht zuerst gesichert werden (%1); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged (%2). Kindred has not changed it. Restore a backup to go on where you were.</source>
        <translation>Der Katalog %1 ist beschädigt (%2). Kindred hat ihn nicht verändert. Stellen Sie eine Sicherung wieder her, um dort weiterzumachen, wo Sie waren.</translation>
    </message>
    <message>
        <source>Kindred found damage in its catalog %1 and stopped changing it. Start Kindred again to restore a backup.</source>
        <translation>Kindred hat eine Beschädigung im Katalog %1 gefunden und ändert ihn nicht mehr. Starten Sie Kindred erneut, um eine Sicherung wiederherzustellen.</translation>
    </message>
    <message>
        <source>The catalog is damaged; nothing was changed. Start Kindred again to restore a backup.</source>
        <translation>Der Katalog ist beschädigt; nichts wurde geändert. Starten Sie Kindred erneut, um eine Sicherung wiederherzustellen.</translation>
    </message>
</context>
<context>
    <name>kindred::MainWindow</name>
    <message>
        <source>Kindred</source>
        <translation>Kindred</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Unknown faces</source>
        <translation>Unbekannte Gesichter</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>No photos yet.
Drop a folder of photos here, or add one.</source>
        <translation>Noch keine Fotos.
Ziehen Sie einen Fotoordner hierher oder fügen Sie einen hinzu.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>Ordner &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Rescan folders</source>
        <translation>Ordner &amp;erneut durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation>&amp;Größere Vorschaubilder</translation>
    </message>
    <message>
        <source>&amp;Smaller thumbnails</source>
        <translation>&amp;Kleinere Vorschaubilder</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Kindred</source>
        <translation>Ü&amp;ber Kindred</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation>%1 ist keine Datei auf diesem Computer.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a photo or a folder.</source>
        <translation>%1 ist weder ein Foto noch ein Ordner.</translation>
    </message>
    <message>
        <source>Could not add: %1</source>
        <translation>Konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Add a folder of photos</source>
        <translation>Fotoordner hinzufügen</translation>
    </message>
    <message>
        <source>Only folders and photos can be dropped here.</source>
        <translation>Hier können nur Ordner und Fotos abgelegt werden.</translation>
    </message>
    <message>
        <source>Kindred — %1</source>
        <translation>Kindred — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in the library</source>
        <translation>
            <numerusform>%n Foto in der Bibliothek</numerusform>
            <numerusform>%n Fotos in der Bibliothek</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart Kindred to use the new library location or language.</source>
        <translation>Starten Sie Kindred neu, um den neuen Bibliotheksort oder die neue Sprache zu verwenden.</translation>
    </message>
    <message>
        <source>About Kindred</source>
        <translation>Über Kindred</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;An offline family photo library that finds the people in your pictures. Your photos never leave this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;Eine Offline-Fotobibliothek für die Familie, die die Personen auf Ihren Bildern findet. Ihre Fotos verlassen diesen Computer nie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Find &amp;faces</source>
        <translation>&amp;Gesichter suchen</translation>
    </message>
    <message>
        <source>&amp;Personalise face recognition</source>
        <translation>Gesichtserkennung &amp;anpassen</translation>
    </message>
    <message>
        <source>Learn from the faces you named to tell your family apart better</source>
        <translation>Aus den benannten Gesichtern lernen, um Ihre Familie besser zu unterscheiden</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Write names to files…</source>
        <translation>Namen in Dateien &amp;schreiben…</translation>
    </message>
    <message>
        <source>Save the names as tags other photo programs can read</source>
        <translation>Die Namen als Tags speichern, die andere Fotoprogramme lesen können</translation>
    </message>
    <message>
        <source>Write names to files</source>
        <translation>Namen in Dateien schreiben</translation>
    </message>
    <message>
        <source>Save the names you gave as face tags that other photo programs (digiKam, Lightroom, Windows Photos, …) and a new Kindred library can read?</source>
        <translation>Die vergebenen Namen als Gesichts-Tags speichern, die andere Fotoprogramme (digiKam, Lightroom, Windows Fotos, …) und eine neue Kindred-Bibliothek lesen können?</translation>
    </message>
    <message>
        <source>Sidecar files are small .xmp files saved next to each photo; your photos stay exactly as they are. Writing into the photos changes the photo files themselves (JPEG, PNG, TIFF, WebP; the picture is checked to stay identical). Only photos whose names changed are written.</source>
        <translation>Begleitdateien sind kleine .xmp-Dateien neben jedem Foto; Ihre Fotos bleiben genau so, wie sie sind. Das Schreiben in die Fotos verändert die Fotodateien selbst (JPEG, PNG, TIFF, WebP; es wird geprüft, dass das Bild identisch bleibt). Geschrieben werden nur Fotos, deren Namen sich geändert haben.</translation>
    </message>
    <message>
        <source>Write &amp;sidecar files</source>
        <translation>&amp;Begleitdateien schreiben</translation>
    </message>
    <message>
        <source>Write &amp;into the photos</source>
        <translation>&amp;In die Fotos schreiben</translation>
    </message>
    <message>
        <source>Change your photo files?</source>
        <translation>Ihre Fotodateien verändern?</translation>
    </message>
    <message>
        <source>Kindred will rewrite the photos that have names, adding the names to their metadata. Make sure you have a backup of your photos first.</source>
        <translation>Kindred schreibt die Fotos mit Namen neu und fügt die Namen ihren Metadaten hinzu. Stellen Sie vorher sicher, dass Sie eine Sicherung Ihrer Fotos haben.</translation>
    </message>
    <message>
        <source>&amp;Rewrite photos</source>
        <translation>Fotos &amp;neu schreiben</translation>
    </message>
    <message>
        <source>&lt;p&gt;The EdgeFace face recognition weights are by the Idiap Research Institute, under the BSD 3-Clause licence (its notice is in the details).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Gewichte der EdgeFace-Gesichtserkennung stammen vom Idiap Research Institute und stehen unter der BSD-3-Clause-Lizenz (der Lizenzhinweis steht in den Details).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>EdgeFace face recognition weights (edgeface_xs_q.pt, edgeface_xxs_q.pt):</source>
        <translation>Gewichte der EdgeFace-Gesichtserkennung (edgeface_xs_q.pt, edgeface_xxs_q.pt):</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleController</name>
    <message>
        <source>The catalog is damaged; nothing was changed.</source>
        <translation>Der Katalog ist beschädigt; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleView</name>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation>Noch keine Personen</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>The people could not be read: %1</source>
        <translation>Die Personen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Open a person to see their photos. Right-click for more; drag one person onto another to merge them.</source>
        <translation>Öffnen Sie eine Person, um ihre Fotos zu sehen. Rechtsklick für mehr; ziehen Sie eine Person auf eine andere, um beide zusammenzuführen.</translation>
    </message>
    <message>
        <source>Show hidden people</source>
        <translation>Ausgeblendete Personen zeigen</translation>
    </message>
    <message>
        <source>When you name the faces Kindred finds (Unknown faces), the people appear here.</source>
        <translation>Sobald Sie die von Kindred gefundenen Gesichter benennen (Unbekannte Gesichter), erscheinen die Personen hier.</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(ausgeblendet)</translation>
    </message>
    <message>
        <source>Show photos</source>
        <translation>Fotos zeigen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>Choose cover face…</source>
        <translation>Titelgesicht wählen…</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>Wieder zeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Person löschen…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>Neuer Name für %1:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>%1 is the same person as:</source>
        <translation>%1 ist dieselbe Person wie:</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Person löschen</translation>
    </message>
    <message>
        <source>Forget %1? Their faces go back to the unknown faces. (Edit ▸ Undo brings them back.)</source>
        <translation>%1 vergessen? Die Gesichter kommen zurück zu den unbekannten Gesichtern. (Bearbeiten ▸ Rückgängig holt sie zurück.)</translation>
    </message>
    <message>
        <source>Cover face of %1</source>
        <translation>Titelgesicht von %1</translation>
    </message>
    <message>
        <source>Pick the face that shows %1 best.</source>
        <translation>Wählen Sie das Gesicht, das %1 am besten zeigt.</translation>
    </message>
    <message>
        <source>Merge %1 into %2? All of %1&apos;s faces become %2&apos;s.</source>
        <translation>%1 mit %2 zusammenführen? Alle Gesichter von %1 gehören dann zu %2.</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoGridView</name>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <source>Jump to a month</source>
        <translation>Zu einem Monat springen</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::PhotoListModel</name>
    <message>
        <source>(no preview)</source>
        <translation>(keine Vorschau)</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Ohne Datum</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoView</name>
    <message>
        <source>Who is this?</source>
        <translation>Wer ist das?</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoViewer</name>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>Zurück zu den Fotos (Esc)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation>Vorheriges Foto (Pfeil nach links)</translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation>Nächstes Foto (Pfeil nach rechts)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Kein Foto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>This photo cannot be shown: %1</source>
        <translation>Dieses Foto kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1 (file date)</source>
        <translation>%1 (Dateidatum)</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 Pixel, %3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Show the faces and their names (F)</source>
        <translation>Gesichter und ihre Namen zeigen (F)</translation>
    </message>
    <message>
        <source>Add a face Kindred missed: draw a box around it (D)</source>
        <translation>Ein übersehenes Gesicht hinzufügen: einen Rahmen darum ziehen (D)</translation>
    </message>
    <message>
        <source>Add a face</source>
        <translation>Gesicht hinzufügen</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1?</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Yes, this is %1</source>
        <translation>Ja, das ist %1</translation>
    </message>
    <message>
        <source>No, this is not %1</source>
        <translation>Nein, das ist nicht %1</translation>
    </message>
    <message>
        <source>Name this face…</source>
        <translation>Dieses Gesicht benennen…</translation>
    </message>
    <message>
        <source>This is someone else…</source>
        <translation>Das ist jemand anderes…</translation>
    </message>
    <message>
        <source>Who is this?</source>
        <translation>Wer ist das?</translation>
    </message>
    <message>
        <source>This is not %1</source>
        <translation>Das ist nicht %1</translation>
    </message>
    <message>
        <source>Ignore this face</source>
        <translation>Dieses Gesicht ignorieren</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>Kein Gesicht</translation>
    </message>
</context>
<context>
    <name>kindred::QuestionsView</name>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Ja (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>Nein (N)</translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation>Überspringen (S)</translation>
    </message>
    <message>
        <source>No questions</source>
        <translation>Keine Fragen</translation>
    </message>
    <message>
        <source>The questions could not be read: %1</source>
        <translation>Die Fragen konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n face(s)</source>
        <translation>
            <numerusform>etwa %n Gesicht</numerusform>
            <numerusform>etwa %n Gesichter</numerusform>
        </translation>
    </message>
    <message>
        <source>Is this group &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>Ist diese Gruppe &lt;b&gt;%1&lt;/b&gt;?</translation>
    </message>
    <message numerus="yes">
        <source>This group: %n face(s)</source>
        <translation>
            <numerusform>Diese Gruppe: %n Gesicht</numerusform>
            <numerusform>Diese Gruppe: %n Gesichter</numerusform>
        </translation>
    </message>
    <message>
        <source> (the best %1 shown)</source>
        <translation> (die besten %1 gezeigt)</translation>
    </message>
    <message>
        <source>%1, as you named them (%2 % sure)</source>
        <translation>%1, wie Sie sie benannt haben (%2 % sicher)</translation>
    </message>
    <message>
        <source>Not in this group (Del)</source>
        <translation>Nicht in dieser Gruppe (Entf)</translation>
    </message>
    <message>
        <source>Select faces of the group that are someone else, then take them out before answering.</source>
        <translation>Wählen Sie Gesichter der Gruppe, die jemand anderes sind, und nehmen Sie sie vor der Antwort heraus.</translation>
    </message>
    <message>
        <source>One answer names a whole group or joins two. &lt;b&gt;Y&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt;: no (never asked again). &lt;b&gt;S&lt;/b&gt;: skip. Edit ▸ Undo takes an answer back.</source>
        <translation>Eine Antwort benennt eine ganze Gruppe oder führt zwei zusammen. &lt;b&gt;Y&lt;/b&gt;: ja. &lt;b&gt;N&lt;/b&gt;: nein (wird nie wieder gefragt). &lt;b&gt;S&lt;/b&gt;: überspringen. Bearbeiten ▸ Rückgängig nimmt eine Antwort zurück.</translation>
    </message>
    <message>
        <source>When a whole group of unknown faces looks like someone you have named, or two groups look like one person, Kindred asks you here, once for the whole group.</source>
        <translation>Wenn eine ganze Gruppe unbekannter Gesichter wie jemand aussieht, den Sie benannt haben, oder zwei Gruppen wie eine Person aussehen, fragt Kindred hier – einmal für die ganze Gruppe.</translation>
    </message>
    <message>
        <source>Are these two groups the &lt;b&gt;same person&lt;/b&gt;?</source>
        <translation>Sind diese beiden Gruppen &lt;b&gt;dieselbe Person&lt;/b&gt;?</translation>
    </message>
    <message numerus="yes">
        <source>The other group: %n face(s) (%1 % sure)</source>
        <translation>
            <numerusform>Die andere Gruppe: %n Gesicht (%1 % sicher)</numerusform>
            <numerusform>Die andere Gruppe: %n Gesichter (%1 % sicher)</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, this is… (type a name, Enter)</source>
        <translation>Ja, das ist … (Namen eingeben, Eingabetaste)</translation>
    </message>
    <message>
        <source>Joins the two groups and names them in one answer</source>
        <translation>Führt die beiden Gruppen zusammen und benennt sie mit einer Antwort</translation>
    </message>
</context>
<context>
    <name>kindred::RestoreDialog</name>
    <message>
        <source>The catalog is damaged</source>
        <translation>Der Katalog ist beschädigt</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kindred&apos;s catalog, where your names and groups are kept, is damaged.&lt;/b&gt; This can happen after a disk error, a sync tool or a crash of the computer. Kindred has not changed it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Der Katalog von Kindred, in dem Ihre Namen und Gruppen gespeichert sind, ist beschädigt.&lt;/b&gt; Das kann nach einem Festplattenfehler, durch ein Synchronisierungsprogramm oder einen Absturz des Computers passieren. Kindred hat ihn nicht verändert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a backup to go on from where it was made. The damaged catalog is kept beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie eine Sicherung, um ab ihrem Stand weiterzumachen. Der beschädigte Katalog bleibt daneben erhalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Restoring replaces the catalog with the chosen backup: names given since then are not in it. Today&apos;s catalog is backed up first and kept, so you can come back to it. Kindred starts again to restore.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Wiederherstellung ersetzt den Katalog durch die gewählte Sicherung: Namen, die seitdem vergeben wurden, sind nicht darin. Der heutige Katalog wird zuerst gesichert und aufbewahrt, sodass Sie zu ihm zurückkehren können. Kindred startet dafür neu.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Start a new catalog</source>
        <translation>Neuen Katalog beginnen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named faces</source>
        <translation>
            <numerusform>%n benanntes Gesicht</numerusform>
            <numerusform>%n benannte Gesichter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos</source>
        <translation>
            <numerusform>%n Foto</numerusform>
            <numerusform>%n Fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;There is no backup of it. Names that were written to the photos (File ▸ Write names to files) come back when a new catalog scans them: choose &lt;i&gt;Start a new catalog&lt;/i&gt;. The damaged one is kept beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Es gibt keine Sicherung davon. Namen, die in die Fotos geschrieben wurden (Datei ▸ Namen in Dateien schreiben), kommen zurück, wenn ein neuer Katalog die Fotos durchsucht: Wählen Sie &lt;i&gt;Neuen Katalog beginnen&lt;/i&gt;. Der beschädigte bleibt daneben erhalten.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>kindred::ScanJob</name>
    <message>
        <source>Scan failed: %1</source>
        <translation>Durchsuchen fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Scan cancelled after %n file(s)</source>
        <translation>
            <numerusform>Durchsuchen nach %n Datei abgebrochen</numerusform>
            <numerusform>Durchsuchen nach %n Dateien abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found</source>
        <translation>
            <numerusform>%n Foto gefunden</numerusform>
            <numerusform>%n Fotos gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n verschoben</numerusform>
            <numerusform>%n verschoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n fehlt</numerusform>
            <numerusform>%n fehlen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SearchView</name>
    <message>
        <source>Taken between</source>
        <translation>Aufgenommen zwischen</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Personen:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Nobody has been named yet. Name people first, then search for them here.</source>
        <translation>Es wurde noch niemand benannt. Benennen Sie zuerst Personen und suchen Sie dann hier nach ihnen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found.</source>
        <translation>
            <numerusform>%n Foto gefunden.</numerusform>
            <numerusform>%n Fotos gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Person hinzufügen…</translation>
    </message>
    <message>
        <source>Click a person to switch between with (AND), or (OR) and not (NOT); Delete removes them.</source>
        <translation>Klicken Sie auf eine Person, um zwischen mit (UND), oder (ODER) und ohne (NICHT) zu wechseln; Entf entfernt sie.</translation>
    </message>
    <message>
        <source>with = in every photo, or = at least one of them, not = in none</source>
        <translation>mit = auf jedem Foto, oder = mindestens eine davon, ohne = auf keinem</translation>
    </message>
    <message>
        <source>Add one or more people and press Search.</source>
        <translation>Fügen Sie eine oder mehrere Personen hinzu und klicken Sie auf Suchen.</translation>
    </message>
    <message>
        <source>Nobody is called %1.</source>
        <translation>Niemand heißt %1.</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source>or %1</source>
        <translation>oder %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>ohne %1</translation>
    </message>
    <message>
        <source>Add at least one person.</source>
        <translation>Fügen Sie mindestens eine Person hinzu.</translation>
    </message>
</context>
<context>
    <name>kindred::SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA-GPU (CUDA)</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Look for faces in new photos after each scan</source>
        <translation>Nach jedem Durchsuchen Gesichter in neuen Fotos suchen</translation>
    </message>
    <message>
        <source>Rescan my folders when Kindred starts</source>
        <translation>Meine Ordner beim Start von Kindred erneut durchsuchen</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Library location:</source>
        <translation>Ort der Bibliothek:</translation>
    </message>
    <message>
        <source>Default location</source>
        <translation>Standardort</translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <source>Models shipped with Kindred</source>
        <translation>Mit Kindred gelieferte Modelle</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>Gesichtserkennung</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <source>Smallest face:</source>
        <translation>Kleinstes Gesicht:</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Hintergrundarbeit</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Changes to the library location and the language take effect when Kindred is restarted.</source>
        <translation>Änderungen am Bibliotheksort und an der Sprache werden nach einem Neustart von Kindred wirksam.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Choose an InceptionResnetV1 checkpoint</source>
        <translation>InceptionResnetV1-Checkpoint wählen</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch-Checkpoints (*.pt *.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>InceptionResnetV1 (checkpoint file)</source>
        <translation>InceptionResnetV1 (Checkpoint-Datei)</translation>
    </message>
    <message>
        <source>Kindred does not ship these weights. Download &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; from the releases of facenet-pytorch (github.com/timesler/facenet-pytorch) and choose the file here. Faces found so far are described again with the new model.</source>
        <translation>Kindred liefert diese Gewichte nicht mit. Laden Sie &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; aus den Releases von facenet-pytorch (github.com/timesler/facenet-pytorch) herunter und wählen Sie die Datei hier. Bereits gefundene Gesichter werden mit dem neuen Modell neu beschrieben.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Face model:</source>
        <translation>Gesichtsmodell:</translation>
    </message>
    <message>
        <source>Checkpoint file:</source>
        <translation>Checkpoint-Datei:</translation>
    </message>
    <message>
        <source>Choose the InceptionResnetV1 checkpoint file, or use the default face model.</source>
        <translation>Wählen Sie die InceptionResnetV1-Checkpoint-Datei oder verwenden Sie das Standard-Gesichtsmodell.</translation>
    </message>
    <message>
        <source>The checkpoint file %1 does not exist or cannot be read.</source>
        <translation>Die Checkpoint-Datei %1 existiert nicht oder ist nicht lesbar.</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA, not available on this computer)</source>
        <translation>NVIDIA-GPU (CUDA, auf diesem Computer nicht verfügbar)</translation>
    </message>
    <message>
        <source>Learn from the names I give to tell my family apart better (in the background)</source>
        <translation>Aus den vergebenen Namen lernen, um meine Familie besser auseinanderzuhalten (im Hintergrund)</translation>
    </message>
    <message>
        <source>Automatic (recommended: EdgeFace-XS)</source>
        <translation>Automatisch (empfohlen: EdgeFace-XS)</translation>
    </message>
    <message>
        <source>EdgeFace-XS</source>
        <translation>EdgeFace-XS</translation>
    </message>
    <message>
        <source>FaceRecognitionNet (the first network)</source>
        <translation>FaceRecognitionNet (das erste Netz)</translation>
    </message>
    <message>
        <source>EdgeFace-XXS (faster, less accurate)</source>
        <translation>EdgeFace-XXS (schneller, weniger genau)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Wird gesichert…</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>Die letzte Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Kindred backs up your names daily and after you name people, into %1. There is no backup yet.</source>
        <translation>Kindred sichert Ihre Namen täglich und nach dem Benennen von Personen in %1. Es gibt noch keine Sicherung.</translation>
    </message>
    <message numerus="yes">
        <source>Kindred backs up your names daily and after you name people, into %1. %n backup(s) (%2), the newest from %3.</source>
        <translation>
            <numerusform>Kindred sichert Ihre Namen täglich und nach dem Benennen von Personen in %1. %n Sicherung (%2) vom %3.</numerusform>
            <numerusform>Kindred sichert Ihre Namen täglich und nach dem Benennen von Personen in %1. %n Sicherungen (%2), die neueste vom %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SuggestionsView</name>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Is this who Kindred thinks? &lt;b&gt;Y&lt;/b&gt; or &lt;b&gt;Enter&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt; or &lt;b&gt;Delete&lt;/b&gt;: no. Select several faces to answer for all of them.</source>
        <translation>Ist das, wen Kindred vermutet? &lt;b&gt;Y&lt;/b&gt; oder &lt;b&gt;Eingabe&lt;/b&gt;: ja. &lt;b&gt;N&lt;/b&gt; oder &lt;b&gt;Entf&lt;/b&gt;: nein. Wählen Sie mehrere Gesichter, um für alle zu antworten.</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Ja (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>Nein (N)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nichts zu prüfen</translation>
    </message>
    <message>
        <source>When a face looks like someone you have already named, Kindred asks you here to confirm or reject it.</source>
        <translation>Wenn ein Gesicht jemandem ähnelt, den Sie schon benannt haben, fragt Kindred Sie hier, ob es stimmt.</translation>
    </message>
    <message>
        <source>Everyone (%1)</source>
        <translation>Alle (%1)</translation>
    </message>
    <message>
        <source>The suggestions could not be read: %1</source>
        <translation>Die Vorschläge konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n zu prüfen</numerusform>
            <numerusform>%n zu prüfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::ThumbnailProvider</name>
    <message>
        <source>No thumbnail could be made.</source>
        <translation>Es konnte kein Vorschaubild erstellt werden.</translation>
    </message>
</context>
<context>
    <name>kindred::UnknownFacesView</name>
    <message>
        <source>Unknown faces</source>
        <translation>Unbekannte Gesichter</translation>
    </message>
    <message>
        <source>Ignore selected groups</source>
        <translation>Ausgewählte Gruppen ignorieren</translation>
    </message>
    <message>
        <source>Strangers in the background: hide these faces for good (Delete). Undo brings them back.</source>
        <translation>Fremde im Hintergrund: diese Gesichter dauerhaft ausblenden (Entf). Rückgängig holt sie zurück.</translation>
    </message>
    <message>
        <source>Groups of faces that look alike, largest first.</source>
        <translation>Gruppen ähnlicher Gesichter, die größten zuerst.</translation>
    </message>
    <message>
        <source>Select faces that are someone else and take them out before naming the group.</source>
        <translation>Wählen Sie Gesichter, die jemand anderes sind, und nehmen Sie sie heraus, bevor Sie die Gruppe benennen.</translation>
    </message>
    <message>
        <source>Not this person</source>
        <translation>Nicht diese Person</translation>
    </message>
    <message>
        <source>Take the selected faces out of this group (Delete)</source>
        <translation>Die ausgewählten Gesichter aus dieser Gruppe nehmen (Entf)</translation>
    </message>
    <message>
        <source>Ignore faces</source>
        <translation>Gesichter ignorieren</translation>
    </message>
    <message>
        <source>Hide the selected faces: strangers</source>
        <translation>Die ausgewählten Gesichter ausblenden: Fremde</translation>
    </message>
    <message>
        <source>Who is this? Type a name…</source>
        <translation>Wer ist das? Namen eingeben…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benennen</translation>
    </message>
    <message>
        <source>No unknown faces</source>
        <translation>Keine unbekannten Gesichter</translation>
    </message>
    <message>
        <source>Faces nobody has named yet appear here, grouped by likeness, once Kindred has looked for faces in your photos (File ▸ Find faces).</source>
        <translation>Noch nicht benannte Gesichter erscheinen hier, nach Ähnlichkeit gruppiert, sobald Kindred Ihre Fotos nach Gesichtern durchsucht hat (Datei ▸ Gesichter suchen).</translation>
    </message>
    <message>
        <source>The unknown faces could not be read: %1</source>
        <translation>Die unbekannten Gesichter konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) that look like nobody else</source>
        <translation>
            <numerusform>%n Gesicht, das niemandem sonst ähnelt</numerusform>
            <numerusform>%n Gesichter, die niemandem sonst ähneln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A group of %n face(s)</source>
        <translation>
            <numerusform>Eine Gruppe mit %n Gesicht</numerusform>
            <numerusform>Eine Gruppe mit %n Gesichtern</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1. Type a name…</source>
        <translation>Sieht aus wie %1. Namen eingeben…</translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>Sieht aus wie %1</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>Kein Gesicht</translation>
    </message>
    <message>
        <source>A hand, an ear, a pattern: move the selected faces (or, with none selected, the selected groups) to &quot;Not faces&quot; (N)</source>
        <translation>Eine Hand, ein Ohr, ein Muster: die gewählten Gesichter (oder, wenn keines gewählt ist, die gewählten Gruppen) zu „Keine Gesichter“ verschieben (N)</translation>
    </message>
    <message>
        <source>It is a face</source>
        <translation>Es ist ein Gesicht</translation>
    </message>
    <message>
        <source>Bring the selected faces back among the unknown faces; Kindred will not hide them again</source>
        <translation>Die gewählten Gesichter zurück zu den unbekannten Gesichtern holen; Kindred blendet sie nicht wieder aus</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) hidden as not a face</source>
        <translation>
            <numerusform>%n Fund als „kein Gesicht“ ausgeblendet</numerusform>
            <numerusform>%n Funde als „kein Gesicht“ ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred hides what the face detector found but does not look like a face, a second box on a face already shown, and what you marked. Point at a face to see why. Select real faces and choose &quot;It is a face&quot;.</source>
        <translation>Kindred blendet aus, was der Gesichtsfinder fand, aber nicht wie ein Gesicht aussieht, einen zweiten Rahmen auf einem schon gezeigten Gesicht und was Sie markiert haben. Zeigen Sie auf ein Gesicht, um den Grund zu sehen. Wählen Sie echte Gesichter und dann „Es ist ein Gesicht“.</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) that may not be faces</source>
        <translation>
            <numerusform>%n Fund, der vielleicht kein Gesicht ist</numerusform>
            <numerusform>%n Funde, die vielleicht keine Gesichter sind</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred is not sure these are faces (small, blurred or half hidden ones, hands, patterns) and keeps them out of the groups. Least sure first: select what is not a face and choose &quot;Not a face&quot;; choose &quot;It is a face&quot; for faces, and they join the groups.</source>
        <translation>Kindred ist nicht sicher, ob dies Gesichter sind (kleine, unscharfe oder halb verdeckte, Hände, Muster), und hält sie aus den Gruppen heraus. Die unsichersten zuerst: Wählen Sie, was kein Gesicht ist, und dann „Kein Gesicht“; für Gesichter „Es ist ein Gesicht“, dann kommen sie in die Gruppen.</translation>
    </message>
    <message>
        <source>The selected detections are faces: Kindred groups them like any face</source>
        <translation>Die gewählten Funde sind Gesichter: Kindred gruppiert sie wie jedes Gesicht</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kindred</source>
        <translation>Kindred</translation>
    </message>
    <message>
        <source>The photo library could not be opened.
%1</source>
        <translation>Die Fotobibliothek konnte nicht geöffnet werden.
%1</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>Die Sicherung konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>The backup was restored. The catalog it replaced is kept as %1.</source>
        <translation>Die Sicherung wurde wiederhergestellt. Der ersetzte Katalog ist als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>The damaged catalog could not be moved aside.</source>
        <translation>Der beschädigte Katalog konnte nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>Catalog: %1
What SQLite found: %2</source>
        <translation>Katalog: %1
Befund von SQLite: %2</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Neu starten</translation>
    </message>
</context>
</TS>
