<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import texts, JSONL, other tools&apos; files</source>
        <translation>Texte, JSONL und Dateien anderer Werkzeuge importieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export training data (JSONL, spaCy, Parquet, CSV, CoNLL…) or files for other tools</source>
        <translation>Trainingsdaten (JSONL, spaCy, Parquet, CSV, CoNLL…) oder Dateien für andere Werkzeuge exportieren</translation>
    </message>
    <message>
        <source>&amp;Merge Projects…</source>
        <translation>Projekte &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>Bring in other annotators&apos; copies of this project</source>
        <translation>Die Kopien dieses Projekts von anderen Annotatoren übernehmen</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <source>This project&apos;s backups: restore one, back up now, show the folder</source>
        <translation>Die Sicherungen dieses Projekts: eine wiederherstellen, jetzt sichern, den Ordner zeigen</translation>
    </message>
    <message>
        <source>Project &amp;Settings…</source>
        <translation>Projekt&amp;einstellungen…</translation>
    </message>
    <message>
        <source>The schema: add, rename, recolour or remove labels and values</source>
        <translation>Das Schema: Labels und Werte hinzufügen, umbenennen, umfärben oder entfernen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
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
        <source>&amp;Delete Span</source>
        <translation>Spanne &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the selected span</source>
        <translation>Die ausgewählte Spanne löschen</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Deselect the span and the text</source>
        <translation>Spanne und Text abwählen</translation>
    </message>
    <message>
        <source>Next Span</source>
        <translation>Nächste Spanne</translation>
    </message>
    <message>
        <source>Select the next span</source>
        <translation>Die nächste Spanne auswählen</translation>
    </message>
    <message>
        <source>Previous Span</source>
        <translation>Vorige Spanne</translation>
    </message>
    <message>
        <source>Select the previous span</source>
        <translation>Die vorige Spanne auswählen</translation>
    </message>
    <message>
        <source>Extend Start Left</source>
        <translation>Anfang nach links erweitern</translation>
    </message>
    <message>
        <source>Move the span&apos;s start one word left</source>
        <translation>Den Anfang der Spanne um ein Wort nach links verschieben</translation>
    </message>
    <message>
        <source>Shrink Start Right</source>
        <translation>Anfang nach rechts verkürzen</translation>
    </message>
    <message>
        <source>Move the span&apos;s start one word right</source>
        <translation>Den Anfang der Spanne um ein Wort nach rechts verschieben</translation>
    </message>
    <message>
        <source>Shrink End Left</source>
        <translation>Ende nach links verkürzen</translation>
    </message>
    <message>
        <source>Move the span&apos;s end one word left</source>
        <translation>Das Ende der Spanne um ein Wort nach links verschieben</translation>
    </message>
    <message>
        <source>Extend End Right</source>
        <translation>Ende nach rechts erweitern</translation>
    </message>
    <message>
        <source>Move the span&apos;s end one word right</source>
        <translation>Das Ende der Spanne um ein Wort nach rechts verschieben</translation>
    </message>
    <message>
        <source>Snap to &amp;Words</source>
        <translation>An &amp;Wortgrenzen ausrichten</translation>
    </message>
    <message>
        <source>Snap new spans to whole words</source>
        <translation>Neue Spannen an ganzen Wörtern ausrichten</translation>
    </message>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>Im Dokument &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Search All Documents…</source>
        <translation>In &amp;allen Dokumenten suchen…</translation>
    </message>
    <message>
        <source>Search the text and the annotations of every document</source>
        <translation>Text und Annotationen aller Dokumente durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Guidelines</source>
        <translation>&amp;Richtlinien</translation>
    </message>
    <message>
        <source>Show the annotation guidelines</source>
        <translation>Die Annotationsrichtlinien zeigen</translation>
    </message>
    <message>
        <source>Link to &amp;Speaker</source>
        <translation>Mit &amp;Sprecher verknüpfen</translation>
    </message>
    <message>
        <source>Link the selected quote to its speaker (attributed_to)</source>
        <translation>Das ausgewählte Zitat mit seinem Sprecher verknüpfen (attributed_to)</translation>
    </message>
    <message>
        <source>Link to &amp;Cue</source>
        <translation>Mit &amp;Redeeinleitung verknüpfen</translation>
    </message>
    <message>
        <source>Link the selected quote to its cue (cued_by)</source>
        <translation>Das ausgewählte Zitat mit seiner Redeeinleitung verknüpfen (cued_by)</translation>
    </message>
    <message>
        <source>&amp;Join Split Quote</source>
        <translation>Geteiltes Zitat &amp;verbinden</translation>
    </message>
    <message>
        <source>This quote continues the previous quote (continues)</source>
        <translation>Dieses Zitat setzt das vorige fort (continues)</translation>
    </message>
    <message>
        <source>&amp;Next Document</source>
        <translation>&amp;Nächstes Dokument</translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation>&amp;Voriges Dokument</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Als &amp;fertig markieren</translation>
    </message>
    <message>
        <source>Mark this document done and go to the next</source>
        <translation>Dieses Dokument als fertig markieren und zum nächsten gehen</translation>
    </message>
    <message>
        <source>A&amp;greement…</source>
        <translation>&amp;Übereinstimmung…</translation>
    </message>
    <message>
        <source>Inter-annotator agreement, from each number to its disagreements</source>
        <translation>Übereinstimmung zwischen Annotatoren, von jeder Zahl zu ihren Abweichungen</translation>
    </message>
    <message>
        <source>&amp;Adjudicate…</source>
        <translation>&amp;Adjudizieren…</translation>
    </message>
    <message>
        <source>Review every annotator&apos;s layer of this document into gold</source>
        <translation>Die Ebenen aller Annotatoren dieses Dokuments zu Gold zusammenführen</translation>
    </message>
    <message>
        <source>Compare with &amp;Gold</source>
        <translation>Mit &amp;Gold vergleichen</translation>
    </message>
    <message>
        <source>How gold differs from your layer of this document</source>
        <translation>Wie Gold von Ihrer Ebene dieses Dokuments abweicht</translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation>&amp;Team…</translation>
    </message>
    <message>
        <source>The lead&apos;s view: who is assigned what, progress and time; assign, pack, merge packs</source>
        <translation>Die Sicht der Leitung: wer was zugewiesen hat, Fortschritt und Zeit; zuweisen, Pakete packen und zusammenführen</translation>
    </message>
    <message>
        <source>&amp;Skip Document</source>
        <translation>Dokument ü&amp;berspringen</translation>
    </message>
    <message>
        <source>Skip this document and go to the next</source>
        <translation>Dieses Dokument überspringen und zum nächsten gehen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Dark Palette</source>
        <translation>&amp;Dunkle Farben</translation>
    </message>
    <message>
        <source>Change &amp;Annotator…</source>
        <translation>&amp;Annotator wechseln…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>Your name, word snapping, font, theme, backups and every command&apos;s keys</source>
        <translation>Ihr Name, Wortausrichtung, Schrift, Farbschema, Sicherungen und die Tasten aller Befehle</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key of the window at a glance</source>
        <translation>Alle Tasten des Fensters auf einen Blick</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>Ü&amp;ber Annotator</translation>
    </message>
    <message>
        <source>Versions and where this project file is</source>
        <translation>Versionen und der Ort dieser Projektdatei</translation>
    </message>
    <message>
        <source>Show All &amp;Links</source>
        <translation>Alle &amp;Verknüpfungen zeigen</translation>
    </message>
    <message>
        <source>Draw the links of every quote on screen as arcs, not only the selected quote&apos;s</source>
        <translation>Die Verknüpfungen aller sichtbaren Zitate als Bögen zeichnen, nicht nur die des ausgewählten</translation>
    </message>
    <message>
        <source>&amp;Review in Context…</source>
        <translation>Im &amp;Kontext prüfen…</translation>
    </message>
    <message>
        <source>Every annotator&apos;s layer of this document over the text, side by side, into gold</source>
        <translation>Die Ebenen aller Annotatoren dieses Dokuments nebeneinander über dem Text, zu Gold zusammengeführt</translation>
    </message>
    <message>
        <source>A&amp;ccept Suggestion</source>
        <translation>Vorschlag &amp;annehmen</translation>
    </message>
    <message>
        <source>Accept the suggestion under the caret into your layer, with its speaker and cue</source>
        <translation>Den Vorschlag an der Schreibmarke mit Sprecher und Redeeinleitung in Ihre Ebene übernehmen</translation>
    </message>
    <message>
        <source>&amp;Reject Suggestion</source>
        <translation>Vorschlag a&amp;blehnen</translation>
    </message>
    <message>
        <source>Reject the suggestion under the caret (with none there: delete the selected span)</source>
        <translation>Den Vorschlag an der Schreibmarke ablehnen (ohne Vorschlag dort: die ausgewählte Spanne löschen)</translation>
    </message>
    <message>
        <source>Accept &amp;All Suggestions</source>
        <translation>A&amp;lle Vorschläge annehmen</translation>
    </message>
    <message>
        <source>Accept every open suggestion of this document, as one undoable step</source>
        <translation>Alle offenen Vorschläge dieses Dokuments annehmen, als ein rückgängig machbarer Schritt</translation>
    </message>
    <message>
        <source>Next Suggestion</source>
        <translation>Nächster Vorschlag</translation>
    </message>
    <message>
        <source>Go to the next open suggestion</source>
        <translation>Zum nächsten offenen Vorschlag gehen</translation>
    </message>
    <message>
        <source>Previous Suggestion</source>
        <translation>Voriger Vorschlag</translation>
    </message>
    <message>
        <source>Go to the previous open suggestion</source>
        <translation>Zum vorigen offenen Vorschlag gehen</translation>
    </message>
    <message>
        <source>S&amp;uggest</source>
        <translation>V&amp;orschlagen</translation>
    </message>
    <message>
        <source>Suggest quotes, speakers and cues for this document (layer suggest:rules)</source>
        <translation>Zitate, Sprecher und Redeeinleitungen für dieses Dokument vorschlagen (Ebene suggest:rules)</translation>
    </message>
    <message>
        <source>Suggest for All Documents…</source>
        <translation>Für alle Dokumente vorschlagen…</translation>
    </message>
    <message>
        <source>Suggest quotes, speakers and cues for every document (layer suggest:rules)</source>
        <translation>Zitate, Sprecher und Redeeinleitungen für alle Dokumente vorschlagen (Ebene suggest:rules)</translation>
    </message>
    <message>
        <source>Label as {0}</source>
        <extracomment>Every command of the window and its keys, in one table: actions, menus, the README&apos;s key table and tests all read it. Label and attribute keys come from the schema (see below). Commands whose keys belong to the text view alone: it owns Tab, and Return and Backspace must stay the editors&apos; own elsewhere (the inspector&apos;s fields).</extracomment>
        <translation>Als {0} labeln</translation>
    </message>
    <message>
        <source>Label the selection as {0}</source>
        <translation>Die Auswahl als {0} labeln</translation>
    </message>
    <message>
        <source>Cycle {0}</source>
        <translation>{0} weiterschalten</translation>
    </message>
    <message>
        <source>Next value of {0} on the selected span</source>
        <translation>Nächster Wert von {0} auf der ausgewählten Spanne</translation>
    </message>
</context>
<context>
    <name>Adjudication</name>
    <message>
        <source>unanimous</source>
        <translation>einstimmig</translation>
    </message>
    <message>
        <source>rejected — {0}</source>
        <translation>abgelehnt — {0}</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>none done yet</source>
        <translation>noch keine fertig</translation>
    </message>
    <message>
        <source>Layers: {0}</source>
        <translation>Ebenen: {0}</translation>
    </message>
    <message>
        <source> · not counted: {0}</source>
        <translation> · nicht gezählt: {0}</translation>
    </message>
</context>
<context>
    <name>AdjudicationView</name>
    <message>
        <source>Adjudicate — {0}</source>
        <translation>Adjudizieren — {0}</translation>
    </message>
    <message>
        <source>Include unfinished layers that have spans</source>
        <translation>Unfertige Ebenen mit Spannen einbeziehen</translation>
    </message>
    <message>
        <source>Units to adjudicate</source>
        <translation>Zu entscheidende Einheiten</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>Why reject? (optional) — Enter rejects, Esc cancels</source>
        <translation>Warum ablehnen? (optional) — Eingabe lehnt ab, Esc bricht ab</translation>
    </message>
    <message>
        <source>1–9 accept version · E edit · R reject · A accept all unanimous · Ctrl+Z undo</source>
        <translation>1–9 Version annehmen · E bearbeiten · R ablehnen · A alle einstimmigen annehmen · Ctrl+Z rückgängig</translation>
    </message>
    <message>
        <source> · {0} earlier decision matches no unit now</source>
        <translation> · {0} frühere Entscheidung passt zu keiner Einheit mehr</translation>
    </message>
    <message>
        <source> · {0} earlier decisions match no unit now</source>
        <translation> · {0} frühere Entscheidungen passen zu keiner Einheit mehr</translation>
    </message>
    <message>
        <source>{0} / {1} unit decided{stale}</source>
        <translation>{0} / {1} Einheit entschieden{stale}</translation>
    </message>
    <message>
        <source>{0} / {1} units decided{stale}</source>
        <translation>{0} / {1} Einheiten entschieden{stale}</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>all pairs</source>
        <translation>alle Paare</translation>
    </message>
    <message>
        <source>none yet</source>
        <extracomment>A disagreement was double-clicked: its document id and the annotators covering it. A computation finished and its results are shown.</extracomment>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>all human annotators</source>
        <translation>alle menschlichen Annotatoren</translation>
    </message>
    <message>
        <source>Annotators to compare</source>
        <translation>Zu vergleichende Annotatoren</translation>
    </message>
    <message>
        <source>Names separated by commas (the project has: {known}). Empty: every human annotator with a counted set; gold and suggest:* layers only when named.</source>
        <translation>Namen durch Kommas getrennt (im Projekt: {known}). Leer: alle menschlichen Annotatoren mit einem gezählten Satz; Gold- und suggest:*-Ebenen nur, wenn genannt.</translation>
    </message>
    <message>
        <source>Count unfinished sets</source>
        <translation>Unfertige Sätze mitzählen</translation>
    </message>
    <message>
        <source>Compare sets in progress too, not only done ones</source>
        <translation>Auch Sätze in Arbeit vergleichen, nicht nur fertige</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Agreement computation</source>
        <translation>Berechnung der Übereinstimmung</translation>
    </message>
    <message>
        <source>Press Compute to measure agreement.</source>
        <translation>Berechnen drücken, um die Übereinstimmung zu messen.</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>Annotatoren:</translation>
    </message>
    <message>
        <source>Span agreement per label</source>
        <translation>Übereinstimmung der Spannen je Label</translation>
    </message>
    <message>
        <source>Attribute agreement</source>
        <translation>Übereinstimmung der Attribute</translation>
    </message>
    <message>
        <source>Span matching</source>
        <translation>Abgleich der Spannen</translation>
    </message>
    <message>
        <source>Pairwise micro F1</source>
        <translation>Paarweises Mikro-F1</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spannen</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Span matching:</source>
        <translation>Abgleich der Spannen:</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Konfusion</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Abweichungen</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Double-click to compare the annotators&apos; versions</source>
        <translation>Doppelklick vergleicht die Versionen der Annotatoren</translation>
    </message>
    <message>
        <source>No annotator &quot;{0}&quot; in this project.</source>
        <translation>Kein Annotator „{0}“ in diesem Projekt.</translation>
    </message>
    <message>
        <source>Reading annotation sets…</source>
        <translation>Annotationssätze werden gelesen…</translation>
    </message>
    <message>
        <source>Comparing {0} annotation set…</source>
        <translation>{0} Annotationssatz wird verglichen…</translation>
    </message>
    <message>
        <source>Comparing {0} annotation sets…</source>
        <translation>{0} Annotationssätze werden verglichen…</translation>
    </message>
    <message>
        <source>The computation failed: {message}</source>
        <translation>Die Berechnung ist fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>{names} · {documents} covered by at least two · {disagreements}</source>
        <translation>{names} · {documents} von mindestens zweien bearbeitet · {disagreements}</translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation>{0} Dokument</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} Dokumente</translation>
    </message>
    <message>
        <source>{0} disagreement</source>
        <translation>{0} Abweichung</translation>
    </message>
    <message>
        <source>{0} disagreements</source>
        <translation>{0} Abweichungen</translation>
    </message>
    <message>
        <source>{0}&apos;s value</source>
        <translation>Wert von {0}</translation>
    </message>
    <message>
        <source>the value of each pair&apos;s first annotator</source>
        <translation>der Wert des ersten Annotators jedes Paars</translation>
    </message>
    <message>
        <source>{0}&apos;s</source>
        <translation>der von {0}</translation>
    </message>
    <message>
        <source>the second&apos;s (names sorted)</source>
        <translation>der des zweiten (Namen sortiert)</translation>
    </message>
    <message>
        <source>Rows: {rows}; columns: {columns}. {0} unit coded by both ({alignment} alignment): the data of Cohen&apos;s κ. Click a cell for its cases.</source>
        <translation>Zeilen: {rows}; Spalten: {columns}. {0} von beiden kodierte Einheit (Abgleich {alignment}): die Daten von Cohens κ. Ein Klick auf eine Zelle zeigt ihre Fälle.</translation>
    </message>
    <message>
        <source>Rows: {rows}; columns: {columns}. {0} units coded by both ({alignment} alignment): the data of Cohen&apos;s κ. Click a cell for its cases.</source>
        <translation>Zeilen: {rows}; Spalten: {columns}. {0} von beiden kodierte Einheiten (Abgleich {alignment}): die Daten von Cohens κ. Ein Klick auf eine Zelle zeigt ihre Fälle.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Disagreements: {title} ({0})</source>
        <translation>Abweichungen: {title} ({0})</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign documents</source>
        <translation>Dokumente zuweisen</translation>
    </message>
    <message>
        <source>alice, bob, carol</source>
        <translation>alice, bob, carol</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Annotatoren</translation>
    </message>
    <message>
        <source>Overlap share</source>
        <translation>Anteil der Überschneidung</translation>
    </message>
    <message>
        <source>Annotators per overlap document</source>
        <translation>Annotatoren je geteiltem Dokument</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Hand every document out anew (work already done stays)</source>
        <translation>Alle Dokumente neu verteilen (bereits geleistete Arbeit bleibt)</translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation>Annotatoren:</translation>
    </message>
    <message>
        <source>Share given to several:</source>
        <translation>Anteil für mehrere:</translation>
    </message>
    <message>
        <source>Annotators per shared document:</source>
        <translation>Annotatoren je geteiltem Dokument:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <source>type or pick</source>
        <extracomment>Return pressed in the typed value: the annotator is done here, back to the text.</extracomment>
        <translation>eingeben oder wählen</translation>
    </message>
    <message>
        <source>New: add “{0}” to the registry</source>
        <translation>Neu: „{0}“ ins Verzeichnis aufnehmen</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>By hand</source>
        <extracomment>Why a backup was taken, as the table says it.</extracomment>
        <translation>Von Hand</translation>
    </message>
    <message>
        <source>Every half hour</source>
        <translation>Jede halbe Stunde</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>Beim Schließen</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Vor einem Import</translation>
    </message>
    <message>
        <source>Before a merge</source>
        <translation>Vor einem Zusammenführen</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Vor einer Aktualisierung</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>Restoring replaces the project by the backup; the current file is kept beside it.</source>
        <translation>Wiederherstellen ersetzt das Projekt durch die Sicherung; die jetzige Datei bleibt daneben erhalten.</translation>
    </message>
    <message>
        <source>No backups yet. One is taken on closing after changes, every half hour while you work, and before imports, merges and upgrades.</source>
        <translation>Noch keine Sicherungen. Eine wird nach Änderungen beim Schließen angelegt, jede halbe Stunde während der Arbeit und vor Importen, Zusammenführungen und Aktualisierungen.</translation>
    </message>
    <message>
        <source>Backups — {0}</source>
        <extracomment>Replace the project by this backup (a Path); the dialog has closed.</extracomment>
        <translation>Sicherungen — {0}</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Ordner zeigen</translation>
    </message>
    <message>
        <source>The backup failed: {exc}</source>
        <translation>Die Sicherung ist fehlgeschlagen: {exc}</translation>
    </message>
    <message>
        <source>Backed up as {0}.</source>
        <translation>Gesichert als {0}.</translation>
    </message>
    <message>
        <source>Replace {0} by the backup of {1:%Y-%m-%d %H:%M:%S}?

The project closes and reopens on the backup. The current file is kept beside it as {2}.replaced-&lt;time&gt;.db, and edits made since the backup are only in that replaced file.</source>
        <translation>{0} durch die Sicherung vom {1:%d.%m.%Y %H:%M:%S} ersetzen?

Das Projekt wird geschlossen und mit der Sicherung wieder geöffnet. Die jetzige Datei bleibt daneben als {2}.replaced-&lt;Zeit&gt;.db erhalten; Änderungen seit der Sicherung sind nur in dieser ersetzten Datei.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>ConfusionModel</name>
    <message>
        <source> (others differ)</source>
        <translation> (andere weichen ab)</translation>
    </message>
    <message>
        <source>{0} unit: {1} (row) and {2} (column)</source>
        <translation>{0} Einheit: {1} (Zeile) und {2} (Spalte)</translation>
    </message>
    <message>
        <source>{0} units: {1} (row) and {2} (column)</source>
        <translation>{0} Einheiten: {1} (Zeile) und {2} (Spalte)</translation>
    </message>
</context>
<context>
    <name>Decider</name>
    <message>
        <source>this unit has no version {0}</source>
        <translation>diese Einheit hat keine Version {0}</translation>
    </message>
</context>
<context>
    <name>DocumentFlow</name>
    <message>
        <source>no more documents that way</source>
        <translation>keine weiteren Dokumente in dieser Richtung</translation>
    </message>
    <message>
        <source>Mark done?</source>
        <translation>Als fertig markieren?</translation>
    </message>
    <message>
        <source>This document still has problems:

{listed}{more}

Mark it done anyway?</source>
        <translation>Dieses Dokument hat noch Probleme:

{listed}{more}

Trotzdem als fertig markieren?</translation>
    </message>
    <message>
        <source>every document is done or skipped</source>
        <translation>jedes Dokument ist fertig oder übersprungen</translation>
    </message>
    <message>
        <source>Passed over {0} unreadable document ({names}): the file is damaged there</source>
        <translation>{0} unlesbares Dokument übersprungen ({names}): die Datei ist dort beschädigt</translation>
    </message>
    <message>
        <source>Passed over {0} unreadable documents ({names}): the file is damaged there</source>
        <translation>{0} unlesbare Dokumente übersprungen ({names}): die Datei ist dort beschädigt</translation>
    </message>
    <message>
        <source>; no more documents that way</source>
        <translation>; keine weiteren Dokumente in dieser Richtung</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Filter: words in the title or text</source>
        <extracomment>The list now describes this annotator&apos;s layer.</extracomment>
        <translation>Filter: Wörter in Titel oder Text</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Dokumente filtern</translation>
    </message>
    <message>
        <source>Show documents with status</source>
        <translation>Dokumente mit diesem Status zeigen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Status and spans of annotator</source>
        <translation>Status und Spannen des Annotators</translation>
    </message>
    <message>
        <source>Whose status, spans and edits the list shows</source>
        <translation>Wessen Status, Spannen und Änderungen die Liste zeigt</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Mir zugewiesen</translation>
    </message>
    <message>
        <source>Only the documents assigned to the annotator whose layer the list shows</source>
        <translation>Nur die Dokumente, die der Annotatorin oder dem Annotator zugewiesen sind, deren Ebene die Liste zeigt</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Documents done</source>
        <translation>Fertige Dokumente</translation>
    </message>
    <message>
        <source>{done} / {total} done</source>
        <translation>{done} / {total} fertig</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>{title}
{id} · {length:,} characters</source>
        <extracomment>Pause after the last move in the list before the document under it opens. Where a document is in a query&apos;s order (-1: not shown), counted in SQL, not by reading. One document&apos;s row as a query shows it (None: hidden). Sorts under which a row&apos;s place cannot change when its status, spans or edit time do.</extracomment>
        <translation>{title}
{id} · {length:,} Zeichen</translation>
    </message>
    <message>
        <source> · open</source>
        <translation> · geöffnet</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Every layer (the whole project)</source>
        <translation>Alle Ebenen (das ganze Projekt)</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <source>Only documents marked done in the layer</source>
        <translation>Nur in der Ebene als fertig markierte Dokumente</translation>
    </message>
    <message>
        <source>Export</source>
        <extracomment>The preview waits this long after the last change (typing a split, a path) before it runs. The preview of a request: the lines to show (AnnotatorError: why it cannot run).</extracomment>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Split by document</source>
        <translation>Nach Dokumenten aufteilen</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Ebene</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <source>Des&amp;tination</source>
        <translation>&amp;Ziel</translation>
    </message>
    <message>
        <source>&amp;What will be written</source>
        <translation>&amp;Was geschrieben wird</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>einen Ordner</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>Writes {what}; nothing appears there until the export is complete.</source>
        <translation>Schreibt {what}; dort erscheint nichts, bevor der Export vollständig ist.</translation>
    </message>
    <message>
        <source>Export into</source>
        <translation>Exportieren in</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>This project has no layer to export yet.</source>
        <translation>Dieses Projekt hat noch keine Ebene zum Exportieren.</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>Wählen Sie, wohin der Export geschrieben wird.</translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message>
        <source>Exporting {0}…</source>
        <extracomment>the export ended, however it ended</extracomment>
        <translation>{0} wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancelling: removing what was written…</source>
        <translation>Abbruch: bereits Geschriebenes wird entfernt…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export beendet</translation>
    </message>
    <message>
        <source>Exported {0} to {1}</source>
        <translation>{0} nach {1} exportiert</translation>
    </message>
    <message>
        <source>Nothing was exported.

{message}</source>
        <translation>Nichts wurde exportiert.

{message}</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written</source>
        <translation>Export abgebrochen: nichts wurde geschrieben</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this document</source>
        <translation>In diesem Dokument suchen</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Die Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <source>no hits</source>
        <translation>keine Treffer</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <source>Guidelines</source>
        <translation>Richtlinien</translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 exakt</translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation>F1 Überlappung</translation>
    </message>
    <message>
        <source>Overlap-any F1</source>
        <translation>F1 beliebige Überlappung</translation>
    </message>
    <message>
        <source>Unitizing α</source>
        <translation>Unitizing-α</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Krippendorff α</source>
        <translation>Krippendorff-α</translation>
    </message>
    <message>
        <source>Fleiss κ</source>
        <translation>Fleiss-κ</translation>
    </message>
    <message>
        <source>Mean Cohen κ</source>
        <translation>Mittleres Cohen-κ</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spannen</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>Aktive Zeit</translation>
    </message>
    <message>
        <source>Per done document</source>
        <translation>Je fertigem Dokument</translation>
    </message>
    <message>
        <source>Agreement (F1)</source>
        <translation>Übereinstimmung (F1)</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>In the files</source>
        <translation>In den Dateien</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wird zu</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>Keys every keyboard has; a standard key also brings dedicated ones (Undo, Zoom In, F14) that few keyboards have and that would only crowd the sheet.</extracomment>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Remap any of them in Edit › Preferences › Keys. Any key or click closes this.</source>
        <translation>Jede davon lässt sich unter Bearbeiten › Einstellungen › Tasten ändern. Jede Taste oder ein Klick schließt dies.</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>Über Annotator</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Annotator {0}&lt;/h3&gt;&lt;p&gt;Annotate quotes, speakers, cues and stances in news articles.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;{1} (PySide6 {pyside_version})&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLite&lt;/td&gt;&lt;td&gt;{2}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Python&lt;/td&gt;&lt;td&gt;{3}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Project&amp;nbsp;&lt;/td&gt;&lt;td&gt;{4}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Data folder&amp;nbsp;&lt;/td&gt;&lt;td&gt;{5}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;MIT licence. The &lt;code&gt;annotator&lt;/code&gt; command does everything the window does.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Annotator {0}&lt;/h3&gt;&lt;p&gt;Zitate, Sprecher, Redeeinleitungen und Haltungen in Nachrichtenartikeln annotieren.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;{1} (PySide6 {pyside_version})&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLite&lt;/td&gt;&lt;td&gt;{2}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Python&lt;/td&gt;&lt;td&gt;{3}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Projekt&amp;nbsp;&lt;/td&gt;&lt;td&gt;{4}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Datenordner&amp;nbsp;&lt;/td&gt;&lt;td&gt;{5}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;MIT-Lizenz. Der Befehl &lt;code&gt;annotator&lt;/code&gt; kann alles, was das Fenster kann.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Detect from the content</source>
        <translation>Am Inhalt erkennen</translation>
    </message>
    <message>
        <source>Mappings (*.toml *.txt *.tsv);;All files (*)</source>
        <translation>Zuordnungen (*.toml *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Files to import</source>
        <extracomment>a mapping file&apos;s choices, under the table&apos;s edits (as --mapping under --map)</extracomment>
        <translation>Zu importierende Dateien</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>the names in the files (unnamed: the format&apos;s name)</source>
        <translation>die Namen in den Dateien (ohne Namen: der Name des Formats)</translation>
    </message>
    <message>
        <source>CSV: the column that holds the text. Label Studio: the data field that holds it, where the file does not tell.</source>
        <translation>CSV: die Spalte mit dem Text. Label Studio: das Datenfeld mit dem Text, wo die Datei es nicht angibt.</translation>
    </message>
    <message>
        <source>&amp;Add labels, relations and attributes the schema lacks</source>
        <translation>&amp;Labels, Relationen und Attribute ergänzen, die dem Schema fehlen</translation>
    </message>
    <message>
        <source>Add files or a folder to see what they hold.</source>
        <translation>Dateien oder einen Ordner hinzufügen, um ihren Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>Names in the files and what each becomes</source>
        <translation>Namen in den Dateien und was aus ihnen wird</translation>
    </message>
    <message>
        <source>&amp;Load Mapping…</source>
        <translation>Zuordnung &amp;laden…</translation>
    </message>
    <message>
        <source>Start from a mapping file, as annotator import --mapping FILE does</source>
        <translation>Mit einer Zuordnungsdatei beginnen, wie annotator import --mapping DATEI</translation>
    </message>
    <message>
        <source>&amp;Save Mapping…</source>
        <translation>Zuordnung &amp;speichern…</translation>
    </message>
    <message>
        <source>Write what the table decides to a TOML file for the next import</source>
        <translation>Was die Tabelle festlegt, als TOML-Datei für den nächsten Import schreiben</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>A&amp;nnotator:</source>
        <translation>A&amp;nnotator:</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Einen Ordner importieren</translation>
    </message>
    <message>
        <source>Load a mapping</source>
        <translation>Zuordnung laden</translation>
    </message>
    <message>
        <source>Mapping from {0}</source>
        <translation>Zuordnung aus {0}</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <source>mapping.toml</source>
        <translation>zuordnung.toml</translation>
    </message>
    <message>
        <source>The mapping was not saved: {0}</source>
        <translation>Die Zuordnung wurde nicht gespeichert: {0}</translation>
    </message>
    <message>
        <source>Mapping saved to {0}</source>
        <translation>Zuordnung gespeichert in {0}</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>{formats}: {documents}, {layers}{named}, {spans}, {relations}</source>
        <translation>{formats}: {documents}, {layers}{named}, {spans}, {relations}</translation>
    </message>
    <message>
        <source>Some names map to nothing in the schema: type what each becomes in the table (empty drops it) or tick “Add labels”.</source>
        <translation>Einige Namen entsprechen nichts im Schema: in der Tabelle eingeben, was aus jedem wird (leer verwirft ihn), oder „Labels ergänzen“ ankreuzen.</translation>
    </message>
    <message>
        <source>Added to the schema: {0}</source>
        <translation>Zum Schema hinzugefügt: {0}</translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation>{0} Dokument</translation>
    </message>
    <message>
        <source>&amp;Text column or field:</source>
        <translation>&amp;Textspalte oder -feld:</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} Dokumente</translation>
    </message>
    <message>
        <source>{0} layer</source>
        <translation>{0} Ebene</translation>
    </message>
    <message>
        <source>{0} layers</source>
        <translation>{0} Ebenen</translation>
    </message>
    <message>
        <source>{0} span</source>
        <translation>{0} Spanne</translation>
    </message>
    <message>
        <source>{0} spans</source>
        <translation>{0} Spannen</translation>
    </message>
    <message>
        <source>{0} relation</source>
        <translation>{0} Relation</translation>
    </message>
    <message>
        <source>{0} relations</source>
        <translation>{0} Relationen</translation>
    </message>
    <message>
        <source>These files cannot be imported as they are.</source>
        <translation>Diese Dateien lassen sich so nicht importieren.</translation>
    </message>
    <message>
        <source>Nothing was imported. {0}</source>
        <translation>Nichts wurde importiert. {0}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Abgebrochen: nichts wurde importiert.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Label</source>
        <extracomment>A typed value was entered with Return: focus should go back to the text.</extracomment>
        <translation>Label</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0} oder {1}</translation>
    </message>
    <message>
        <source>{0}
Key: {1}</source>
        <translation>{0}
Taste: {1}</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Verknüpfungen</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Verknüpfung entfernen</translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation>Die ausgewählte Verknüpfung entfernen</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <source>
Said by: {0}</source>
        <translation>
Gesagt von: {0}</translation>
    </message>
    <message>
        <source>{0} attributes</source>
        <translation>Attribute von {0}</translation>
    </message>
    <message>
        <source>Document: {title}
No span selected: select text and press a label key, or Tab to the next span.</source>
        <translation>Dokument: {title}
Keine Spanne ausgewählt: Text auswählen und eine Label-Taste drücken, oder mit Tab zur nächsten Spanne.</translation>
    </message>
    <message>
        <source>Document attributes</source>
        <translation>Dokumentattribute</translation>
    </message>
    <message>
        <source>none in the schema</source>
        <translation>keine im Schema</translation>
    </message>
</context>
<context>
    <name>Labeller</name>
    <message>
        <source>select some text first (Shift+arrows), then press a label key</source>
        <extracomment>The selected span changed (by key, click or edit): panels should follow.</extracomment>
        <translation>zuerst Text auswählen (Umschalt+Pfeile), dann eine Label-Taste drücken</translation>
    </message>
    <message>
        <source>the selection holds only white space</source>
        <translation>die Auswahl enthält nur Leerraum</translation>
    </message>
    <message>
        <source>no span selected (Tab selects the next one)</source>
        <translation>keine Spanne ausgewählt (Tab wählt die nächste)</translation>
    </message>
    <message>
        <source>no span selected to resize</source>
        <translation>keine Spanne zum Ändern der Grenzen ausgewählt</translation>
    </message>
    <message>
        <source>select a span to set its {name}</source>
        <translation>eine Spanne auswählen, um ihr {name} zu setzen</translation>
    </message>
    <message>
        <source>{0} has no {name}</source>
        <translation>{0} hat kein {name}</translation>
    </message>
</context>
<context>
    <name>LearningView</name>
    <message>
        <source>{0} compared with gold — {document}</source>
        <translation>{0} verglichen mit Gold — {document}</translation>
    </message>
    <message>
        <source>Differences from gold</source>
        <translation>Abweichungen von Gold</translation>
    </message>
    <message>
        <source>Nothing in gold yet for this document</source>
        <translation>Noch nichts in Gold für dieses Dokument</translation>
    </message>
    <message>
        <source>Your layer matches gold</source>
        <translation>Ihre Ebene stimmt mit Gold überein</translation>
    </message>
    <message>
        <source>{0} difference from gold</source>
        <translation>{0} Abweichung von Gold</translation>
    </message>
    <message>
        <source>{0} differences from gold</source>
        <translation>{0} Abweichungen von Gold</translation>
    </message>
</context>
<context>
    <name>LinkMode</name>
    <message>
        <source>the schema has no {relation} relation</source>
        <translation>das Schema hat keine Relation {relation}</translation>
    </message>
    <message>
        <source>select a {0} first, then link it</source>
        <translation>zuerst ein {0} auswählen, dann verknüpfen</translation>
    </message>
    <message>
        <source>no {0} span to link to yet</source>
        <translation>noch keine Spanne {0} zum Verknüpfen</translation>
    </message>
    <message>
        <source>select the later part of a split quote first</source>
        <translation>zuerst den späteren Teil eines geteilten Zitats auswählen</translation>
    </message>
    <message>
        <source>no earlier {0} for this one to continue</source>
        <translation>kein früheres {0}, das hier fortgesetzt würde</translation>
    </message>
    <message>
        <source>{relation} cannot link to a {0}</source>
        <translation>{relation} kann nicht mit {0} verknüpfen</translation>
    </message>
    <message>
        <source>linking cancelled</source>
        <translation>Verknüpfen abgebrochen</translation>
    </message>
    <message>
        <source>Link {0} → {1} {shown} ({2} of {3}): Tab or arrows for the next, Enter links, Esc cancels</source>
        <translation>Verknüpfen {0} → {1} {shown} ({2} von {3}): Tab oder Pfeile zum nächsten, Eingabe verknüpft, Esc bricht ab</translation>
    </message>
</context>
<context>
    <name>LongWork</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Document text</source>
        <extracomment>Another project should replace this one (the application shell does it). Reopen this project as another annotator. Replace this project by a backup (a Path); the shell closes and reopens it. The user changed the preferences (the shell re-reads the backup interval).</extracomment>
        <translation>Dokumenttext</translation>
    </message>
    <message>
        <source>{error}

The window shows what the project file holds.</source>
        <translation>{error}

Das Fenster zeigt, was in der Projektdatei steht.</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>{0} — {1}{2} — Annotator</source>
        <translation>{0} — {1}{2} — Annotator</translation>
    </message>
</context>
<context>
    <name>MappingTableModel</name>
    <message>
        <source>same name</source>
        <extracomment>how a name mapped, as the table says it</extracomment>
        <translation>gleicher Name</translation>
    </message>
    <message>
        <source>same name, other case</source>
        <translation>gleicher Name, andere Schreibung</translation>
    </message>
    <message>
        <source>your mapping</source>
        <translation>Ihre Zuordnung</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>added to the schema</source>
        <translation>zum Schema hinzugefügt</translation>
    </message>
    <message>
        <source>maps to nothing</source>
        <translation>ohne Entsprechung</translation>
    </message>
    <message>
        <source>ends do not fit</source>
        <translation>Enden passen nicht</translation>
    </message>
    <message>
        <source>Type what it becomes ({names}); empty drops it</source>
        <extracomment>kind, peer name, our name (&quot;&quot; drops it): the user changed a row&apos;s target</extracomment>
        <translation>Eingeben, was daraus wird ({names}); leer verwirft es</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>D&amp;okument</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;Layer</source>
        <translation>&amp;Ebene zeigen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source> (you)</source>
        <translation> (Sie)</translation>
    </message>
</context>
<context>
    <name>PairMatrixModel</name>
    <message>
        <source>missing or boundary, {0} vs {1}</source>
        <translation>fehlend oder Grenze, {0} gegen {1}</translation>
    </message>
    <message>
        <source>{0} and {1} share no covered document</source>
        <translation>{0} und {1} haben kein gemeinsames Dokument</translation>
    </message>
    <message>
        <source>{0} as reference</source>
        <translation>{0} als Referenz</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>The user pressed OK and the choices were stored and applied (a Preferences).</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation>Name des Annotators</translation>
    </message>
    <message>
        <source>Snap new spans to whole words</source>
        <translation>Neue Spannen an ganzen Wörtern ausrichten</translation>
    </message>
    <message>
        <source>Text font</source>
        <translation>Schrift des Texts</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Backup interval</source>
        <translation>Sicherungsintervall</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Commands and their keys</source>
        <translation>Befehle und ihre Tasten</translation>
    </message>
    <message>
        <source>New key for the selected command</source>
        <translation>Neue Taste für den ausgewählten Befehl</translation>
    </message>
    <message>
        <source>&amp;No Key</source>
        <translation>&amp;Keine Taste</translation>
    </message>
    <message>
        <source>&amp;Default Key</source>
        <translation>&amp;Standardtaste</translation>
    </message>
    <message>
        <source>Shortcut message</source>
        <translation>Meldung zum Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Annotator name:</source>
        <translation>&amp;Name des Annotators:</translation>
    </message>
    <message>
        <source>Text &amp;font:</source>
        <translation>&amp;Schrift:</translation>
    </message>
    <message>
        <source>Text &amp;size:</source>
        <translation>Schrift&amp;größe:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>A new language shows from the next start.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Back up every:</source>
        <translation>&amp;Sichern alle:</translation>
    </message>
    <message>
        <source>&amp;Press the new key:</source>
        <translation>Neue Taste &amp;drücken:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Tasten</translation>
    </message>
    <message>
        <source>Every preference and key as the app comes, but your name</source>
        <translation>Alle Einstellungen und Tasten wie ausgeliefert, außer Ihrem Namen</translation>
    </message>
    <message>
        <source>{shown} is already the key of “{other}”: not changed.</source>
        <translation>{shown} ist schon die Taste von „{other}“: nicht geändert.</translation>
    </message>
    <message>
        <source>“{command}”: {keys}.</source>
        <translation>„{command}“: {keys}.</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>keine Taste</translation>
    </message>
    <message>
        <source>Every preference and key is back to the default.</source>
        <translation>Alle Einstellungen und Tasten sind wieder auf dem Standard.</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>… and {0:,} more</source>
        <translation>… und {0:,} weitere</translation>
    </message>
    <message>
        <source>No problems: this document can be marked done.</source>
        <translation>Keine Probleme: dieses Dokument kann als fertig markiert werden.</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Annotator projects (*.db *.annotator);;All files (*)</source>
        <translation>Annotator-Projekte (*.db *.annotator);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Who is annotating?</source>
        <translation>Wer annotiert?</translation>
    </message>
    <message>
        <source>Your annotator name (your annotations are stored under it):</source>
        <translation>Ihr Annotatorname (Ihre Annotationen werden darunter gespeichert):</translation>
    </message>
    <message>
        <source>New project</source>
        <extracomment>Another project should replace this one (the application shell does it). Reopen this project as another annotator. Documents, layers or registries came in: lists and the open document must reload. Replace this project by the backup at this path (the application shell does it).</extracomment>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Merge other annotators&apos; copies</source>
        <translation>Kopien anderer Annotatoren zusammenführen</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <source>Nothing was merged.

{exc}</source>
        <translation>Nichts wurde zusammengeführt.

{exc}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was merged.</source>
        <translation>Abgebrochen: nichts wurde zusammengeführt.</translation>
    </message>
    <message>
        <source>Merged, with conflicts</source>
        <translation>Zusammengeführt, mit Konflikten</translation>
    </message>
    <message>
        <source>{0}

Kept this project&apos;s version for:
{listed}{more}</source>
        <translation>{0}

Die Fassung dieses Projekts wurde behalten für:
{listed}{more}</translation>
    </message>
</context>
<context>
    <name>ProjectSettings</name>
    <message>
        <source>Project settings</source>
        <translation>Projekteinstellungen</translation>
    </message>
    <message>
        <source>Labels and attributes</source>
        <translation>Labels und Attribute</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>Schema file</source>
        <translation>Schemadatei</translation>
    </message>
    <message>
        <source>Add label…</source>
        <translation>Label hinzufügen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add value…</source>
        <translation>Wert hinzufügen…</translation>
    </message>
    <message>
        <source>The schema file (TOML), as stored in the project:</source>
        <translation>Die Schemadatei (TOML), wie sie im Projekt gespeichert ist:</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Label hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new label:</source>
        <translation>Name des neuen Labels:</translation>
    </message>
    <message>
        <source>Its key (one character, optional):</source>
        <translation>Seine Taste (ein Zeichen, optional):</translation>
    </message>
    <message>
        <source>add label {0}</source>
        <translation>Label {0} hinzufügen</translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>Label umbenennen</translation>
    </message>
    <message>
        <source>New name for {old}:</source>
        <translation>Neuer Name für {old}:</translation>
    </message>
    <message>
        <source>rename label {0}</source>
        <translation>Label {0} umbenennen</translation>
    </message>
    <message>
        <source>Rename value</source>
        <translation>Wert umbenennen</translation>
    </message>
    <message>
        <source>New name for {value}:</source>
        <translation>Neuer Name für {value}:</translation>
    </message>
    <message>
        <source>rename value {0}</source>
        <translation>Wert {0} umbenennen</translation>
    </message>
    <message>
        <source>select a label to recolour</source>
        <translation>ein Label zum Umfärben auswählen</translation>
    </message>
    <message>
        <source>recolour {0}</source>
        <translation>{0} umfärben</translation>
    </message>
    <message>
        <source>remove label {0}</source>
        <translation>Label {0} entfernen</translation>
    </message>
    <message>
        <source>remove value {0}</source>
        <translation>Wert {0} entfernen</translation>
    </message>
    <message>
        <source>select an attribute to add a value to</source>
        <translation>ein Attribut auswählen, um ihm einen Wert hinzuzufügen</translation>
    </message>
    <message>
        <source>Add value</source>
        <translation>Wert hinzufügen</translation>
    </message>
    <message>
        <source>New value of {0}:</source>
        <translation>Neuer Wert von {0}:</translation>
    </message>
    <message>
        <source>add value {0}</source>
        <translation>Wert {0} hinzufügen</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Annotator — damaged project</source>
        <translation>Annotator — beschädigtes Projekt</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot be opened for editing.&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0} kann nicht zum Bearbeiten geöffnet werden.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The newest good backup is from {0} ({1}, {2}). Restoring it replaces the project; the damaged file is kept beside it as {3}.replaced-&lt;time&gt;.db.</source>
        <translation>Die neueste intakte Sicherung ist vom {0} ({1}, {2}). Wiederherstellen ersetzt das Projekt; die beschädigte Datei bleibt daneben als {3}.replaced-&lt;Zeit&gt;.db erhalten.</translation>
    </message>
    <message>
        <source>There is no good backup of it in {0}.</source>
        <translation>In {0} gibt es keine intakte Sicherung davon.</translation>
    </message>
    <message>
        <source>Opening it read-only shows what is still readable; nothing can be changed, and File › Export can save what is readable.</source>
        <translation>Schreibgeschützt geöffnet zeigt es, was noch lesbar ist; nichts kann geändert werden, und Datei › Exportieren kann das Lesbare sichern.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>The file is damaged; SQLite reports: {0}.</source>
        <translation>Die Datei ist beschädigt; SQLite meldet: {0}.</translation>
    </message>
</context>
<context>
    <name>ReviewColumn</name>
    <message>
        <source>{name}&apos;s layer</source>
        <translation>Ebene von {name}</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Review — {0}</source>
        <translation>Prüfen — {0}</translation>
    </message>
    <message>
        <source>Include unfinished layers that have spans</source>
        <translation>Unfertige Ebenen mit Spannen einbeziehen</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>Why reject? (optional) — Enter rejects, Esc cancels</source>
        <translation>Warum ablehnen? (optional) — Eingabe lehnt ab, Esc bricht ab</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab next / previous unit · 1–9 accept version · E edit gold · R reject · A accept all unanimous · Ctrl+Z undo</source>
        <translation>Tab / Shift+Tab nächste / vorige Einheit · 1–9 Version annehmen · E Gold bearbeiten · R ablehnen · A alle einstimmigen annehmen · Ctrl+Z rückgängig</translation>
    </message>
    <message>
        <source>{0} / {1} units decided</source>
        <translation>{0} / {1} Einheiten entschieden</translation>
    </message>
    <message>
        <source>{0} / {1} unit decided</source>
        <translation>{0} / {1} Einheit entschieden</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>unentschieden</translation>
    </message>
    <message>
        <source>{0} — version {1}</source>
        <translation>{0} — Version {1}</translation>
    </message>
    <message>
        <source>{0} — nothing here</source>
        <translation>{0} — nichts hier</translation>
    </message>
    <message>
        <source>No unit under the caret: Tab goes to the next one</source>
        <translation>Keine Einheit an der Schreibmarke: Tab geht zur nächsten</translation>
    </message>
    <message>
        <source>unanimous</source>
        <translation>einstimmig</translation>
    </message>
    <message>
        <source>{0} versions</source>
        <translation>{0} Versionen</translation>
    </message>
    <message>
        <source>{0} version</source>
        <translation>{0} Version</translation>
    </message>
    <message>
        <source>no unit under the caret</source>
        <translation>keine Einheit an der Schreibmarke</translation>
    </message>
</context>
<context>
    <name>RowTableModel</name>
    <message>
        <source>undefined: nothing to compare, or no expected disagreement</source>
        <extracomment>The raw number behind a cell (None when undefined), for tests and tooltips. The DisagreementFilter that clicking the cell applies to the disagreements list.</extracomment>
        <translation>undefiniert: nichts zu vergleichen oder keine erwartete Abweichung</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all documents</source>
        <translation>Alle Dokumente durchsuchen</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>text in spans</source>
        <translation>Text in Spannen</translation>
    </message>
    <message>
        <source>text: words in the documents; annotations: a label, an attribute value or a speaker in your layer; text in spans: words inside your layer&apos;s spans</source>
        <translation>Text: Wörter in den Dokumenten; Annotationen: ein Label, ein Attributwert oder ein Sprecher in Ihrer Ebene; Text in Spannen: Wörter innerhalb der Spannen Ihrer Ebene</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>no hits</source>
        <translation>keine Treffer</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The project is open read-only (it is damaged); nothing can be changed</source>
        <extracomment>What the edit touched when it was applied: its document, and its spans to show. The project file could not be written (StorageError): nothing of the edit was saved, and the open document was reloaded from the file. An undo or redo acted on another document: it was opened; show (document, start, end). Whose layer is shown; another than our own is read-only. Why the last apply or revert failed (None after one that succeeded).</extracomment>
        <translation>Das Projekt ist schreibgeschützt geöffnet (es ist beschädigt); nichts kann geändert werden</translation>
    </message>
    <message>
        <source>{0}&apos;s layer is read-only; switch back to your own</source>
        <translation>Die Ebene von {0} ist schreibgeschützt; wechseln Sie zurück zu Ihrer eigenen</translation>
    </message>
    <message>
        <source>An import, merge or suggestion run holds the project; try again when it ends</source>
        <translation>Ein Import, eine Zusammenführung oder ein Vorschlagslauf belegt das Projekt; versuchen Sie es erneut, wenn er endet</translation>
    </message>
    <message>
        <source>Document {0} is unreadable: the file is damaged there</source>
        <translation>Dokument {0} ist nicht lesbar: die Datei ist dort beschädigt</translation>
    </message>
    <message>
        <source>no document &quot;{document_id}&quot;</source>
        <translation>kein Dokument „{document_id}“</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Annotator</source>
        <extracomment>How often Qt&apos;s event loop hands control to Python, so that a signal handler can run. The recovery screen while it waits for a choice (a damaged project).</extracomment>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Read-only: the file is damaged. File › Backups restores a backup; File › Export saves what is readable.</source>
        <translation>Schreibgeschützt: die Datei ist beschädigt. Datei › Sicherungen stellt eine Sicherung wieder her; Datei › Exportieren sichert das Lesbare.</translation>
    </message>
    <message>
        <source>{0}: nothing of it can be read ({1}); restore a backup.</source>
        <translation>{0}: nichts davon ist lesbar ({1}); stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {exc}</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen: {exc}</translation>
    </message>
    <message>
        <source>Nothing was restored.

{exc}</source>
        <translation>Nichts wurde wiederhergestellt.

{exc}</translation>
    </message>
</context>
<context>
    <name>SideTabs</name>
    <message>
        <source>Span</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>Annotation guidelines (F1)</source>
        <translation>Annotationsrichtlinien (F1)</translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation>Probleme ({count})</translation>
    </message>
</context>
<context>
    <name>SpanTable</name>
    <message>
        <source>Spans of this document</source>
        <extracomment>The set shown; edits of it arrive through note() and sync(), not as a reset.</extracomment>
        <translation>Spannen dieses Dokuments</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>New speaker</source>
        <translation>Neuer Sprecher</translation>
    </message>
    <message>
        <source>e.g. Kremlin spokesperson</source>
        <translation>z. B. Kremlsprecher</translation>
    </message>
    <message>
        <source>e.g. Q1968283</source>
        <translation>z. B. Q1968283</translation>
    </message>
    <message>
        <source>&amp;Canonical name</source>
        <translation>&amp;Kanonischer Name</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Wikidata id</source>
        <translation>&amp;Wikidata-ID</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>Speakers</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Nennungen</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Add a speaker to the registry</source>
        <translation>Einen Sprecher ins Verzeichnis aufnehmen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Rename or describe the selected speaker</source>
        <translation>Den ausgewählten Sprecher umbenennen oder beschreiben</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>The selected speaker is another one</source>
        <translation>Der ausgewählte Sprecher ist ein anderer</translation>
    </message>
    <message>
        <source>Quotes of the selected speaker</source>
        <translation>Zitate des ausgewählten Sprechers</translation>
    </message>
    <message>
        <source>Quotes attributed to this speaker:</source>
        <translation>Diesem Sprecher zugeschriebene Zitate:</translation>
    </message>
    <message>
        <source>Merge speaker</source>
        <translation>Sprecher zusammenführen</translation>
    </message>
    <message>
        <source>“{0}” is the same speaker as:</source>
        <translation>„{0}“ ist derselbe Sprecher wie:</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>todo</source>
        <extracomment>The preference meaning &quot;the system&apos;s language&quot;.</extracomment>
        <translation>offen</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>Every edit is committed to the project file at once</source>
        <translation>Jede Änderung wird sofort in die Projektdatei geschrieben</translation>
    </message>
    <message>
        <source>Annotator: {annotator}</source>
        <extracomment>Red on light and dark themes alike: the one state the annotator must not miss.</extracomment>
        <translation>Annotator: {annotator}</translation>
    </message>
    <message>
        <source>Viewing {layer}&apos;s layer (read-only) as {annotator}</source>
        <translation>Ebene von {layer} (schreibgeschützt), angesehen als {annotator}</translation>
    </message>
    <message>
        <source>1 span</source>
        <translation>1 Spanne</translation>
    </message>
    <message>
        <source>{0} spans</source>
        <translation>{0} Spannen</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Nicht gespeichert: {0}</translation>
    </message>
    <message>
        <source>Read-only: damaged file</source>
        <translation>Schreibgeschützt: beschädigte Datei</translation>
    </message>
    <message>
        <source>File › Backups restores a backup; File › Export saves what is readable</source>
        <translation>Datei › Sicherungen stellt eine Sicherung wieder her; Datei › Exportieren sichert das Lesbare</translation>
    </message>
</context>
<context>
    <name>SuggestionReview</name>
    <message>
        <source>Suggestions: {0} open, {accepted} accepted, {rejected} rejected</source>
        <translation>Vorschläge: {0} offen, {accepted} angenommen, {rejected} abgelehnt</translation>
    </message>
    <message>
        <source>No suggestion under the caret (F8 goes to the next one)</source>
        <translation>Kein Vorschlag an der Schreibmarke (F8 geht zum nächsten)</translation>
    </message>
    <message>
        <source>No open suggestions in this document</source>
        <translation>Keine offenen Vorschläge in diesem Dokument</translation>
    </message>
    <message>
        <source>Accepted {0} suggestions (undo takes them all back)</source>
        <translation>{0} Vorschläge angenommen (Rückgängig nimmt alle zurück)</translation>
    </message>
    <message>
        <source>Suggesting…</source>
        <translation>Vorschläge werden erstellt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Suggesting cancelled; nothing changed</source>
        <translation>Vorschlagen abgebrochen; nichts geändert</translation>
    </message>
    <message>
        <source>, no speaker</source>
        <translation>, kein Sprecher</translation>
    </message>
    <message>
        <source>Suggested: {kind} quote{who}. Enter accepts, Backspace rejects, F8 goes on.</source>
        <translation>Vorgeschlagen: Zitat ({kind}){who}. Eingabe nimmt an, Rücktaste lehnt ab, F8 geht weiter.</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Stance target</source>
        <translation>Haltungsziel</translation>
    </message>
    <message>
        <source>New stance target</source>
        <translation>Neues Haltungsziel</translation>
    </message>
    <message>
        <source>e.g. Ukraine joining NATO</source>
        <translation>z. B. NATO-Beitritt der Ukraine</translation>
    </message>
    <message>
        <source>What FAVOR means, e.g. FAVOR = supports Ukraine joining NATO</source>
        <translation>Was FAVOR bedeutet, z. B. FAVOR = befürwortet den NATO-Beitritt der Ukraine</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Bezeichnung</translation>
    </message>
    <message>
        <source>&amp;Definition</source>
        <translation>&amp;Definition</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>Stance targets</source>
        <translation>Haltungsziele</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Verwendungen</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Propose a new stance target</source>
        <translation>Ein neues Haltungsziel vorschlagen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Rename the target or define what FAVOR means</source>
        <translation>Das Ziel umbenennen oder festlegen, was FAVOR bedeutet</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>Fold this target into another one</source>
        <translation>Dieses Ziel in ein anderes einfügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete an unused target</source>
        <translation>Ein unbenutztes Ziel löschen</translation>
    </message>
    <message>
        <source>Merge target</source>
        <translation>Ziel zusammenführen</translation>
    </message>
    <message>
        <source>Fold “{0}” into:</source>
        <translation>„{0}“ einfügen in:</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>Packs and projects (*.db *.annotator);;All files (*)</source>
        <translation>Pakete und Projekte (*.db *.annotator);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Team — {0}</source>
        <extracomment>Packs were merged: documents, layers or registries may be new to the main window.</extracomment>
        <translation>Team — {0}</translation>
    </message>
    <message>
        <source>Progress per annotator</source>
        <extracomment>Where packs go and which packs to merge; tests answer these instead of a person.</extracomment>
        <translation>Fortschritt je Annotator</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;Zuweisen…</translation>
    </message>
    <message>
        <source>&amp;Pack All…</source>
        <translation>Alle &amp;packen…</translation>
    </message>
    <message>
        <source>&amp;Merge Packs…</source>
        <translation>Pakete zusammen&amp;führen…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Assignments per document</source>
        <translation>Zuweisungen je Dokument</translation>
    </message>
    <message>
        <source>Assignments (edit a row as: alice, bob):</source>
        <translation>Zuweisungen (eine Zeile bearbeiten als: alice, bob):</translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation>{0} Dokument</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} Dokumente</translation>
    </message>
    <message>
        <source>{0} annotator</source>
        <translation>{0} Annotator</translation>
    </message>
    <message>
        <source>{0} annotators</source>
        <translation>{0} Annotatoren</translation>
    </message>
    <message>
        <source>{documents}, {0} shared by several annotators, {annotators} assigned</source>
        <translation>{documents}, {0} von mehreren Annotatoren geteilt, {annotators} zugewiesen</translation>
    </message>
    <message>
        <source>{0} pack</source>
        <translation>{0} Paket</translation>
    </message>
    <message>
        <source>{0} packs</source>
        <translation>{0} Pakete</translation>
    </message>
    <message>
        <source>{0} ({documents})</source>
        <translation>{0} ({documents})</translation>
    </message>
    <message>
        <source>{packs} written to {folder}: </source>
        <translation>{packs} nach {folder} geschrieben: </translation>
    </message>
    <message>
        <source>Nothing was assigned (see the status bar).</source>
        <translation>Nichts wurde zugewiesen (siehe Statusleiste).</translation>
    </message>
    <message>
        <source>Writing packs…</source>
        <translation>Pakete werden geschrieben…</translation>
    </message>
    <message>
        <source>Cancelled: no pack was written.</source>
        <translation>Abgebrochen: kein Paket wurde geschrieben.</translation>
    </message>
    <message>
        <source>No pack was written: {0}</source>
        <translation>Kein Paket wurde geschrieben: {0}</translation>
    </message>
    <message>
        <source>Merging packs…</source>
        <translation>Pakete werden zusammengeführt…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was merged.</source>
        <translation>Abgebrochen: nichts wurde zusammengeführt.</translation>
    </message>
    <message>
        <source>Nothing was merged: {0}</source>
        <translation>Nichts wurde zusammengeführt: {0}</translation>
    </message>
    <message>
        <source>Merged: {0}{listed}</source>
        <translation>Zusammengeführt: {0}{listed}</translation>
    </message>
    <message>
        <source>Write one pack per annotator into</source>
        <translation>Ein Paket je Annotator schreiben in</translation>
    </message>
    <message>
        <source>Merge packs</source>
        <translation>Pakete zusammenführen</translation>
    </message>
</context>
<context>
    <name>ToolWindows</name>
    <message>
        <source>Agreement — {0}</source>
        <extracomment>The reviewer wants to edit this gold span in the main window. The schema changed: the window must be rebuilt on it. Packs were merged from the Team view: lists and the open document must reload.</extracomment>
        <translation>Übereinstimmung — {0}</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>{0} — versions</source>
        <translation>{0} — Versionen</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; · {status}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; · {status}</translation>
    </message>
    <message>
        <source>Document {document}; disagreeing annotations highlighted.</source>
        <translation>Dokument {document}; abweichende Annotationen hervorgehoben.</translation>
    </message>
    <message>
        <source>{0}&apos;s annotations</source>
        <translation>Annotationen von {0}</translation>
    </message>
    <message>
        <source>Disagreement: {kinds}</source>
        <translation>Abweichung: {kinds}</translation>
    </message>
    <message>
        <source>(no annotations)</source>
        <translation>(keine Annotationen)</translation>
    </message>
</context>
</TS>
