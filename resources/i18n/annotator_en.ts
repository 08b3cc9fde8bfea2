<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import texts, JSONL, other tools&apos; files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export training data (JSONL, spaCy, Parquet, CSV, CoNLL…) or files for other tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Projects…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in other annotators&apos; copies of this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project&apos;s backups: restore one, back up now, show the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema: add, rename, recolour or remove labels and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deselect the span and the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the next span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the previous span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend Start Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the span&apos;s start one word left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink Start Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the span&apos;s start one word right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink End Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the span&apos;s end one word left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend End Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the span&apos;s end one word right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap to &amp;Words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap new spans to whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search All Documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the text and the annotations of every document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guidelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the annotation guidelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to &amp;Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the selected quote to its speaker (attributed_to)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to &amp;Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the selected quote to its cue (cued_by)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join Split Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quote continues the previous quote (continues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this document done and go to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;greement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter-annotator agreement, from each number to its disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adjudicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review every annotator&apos;s layer of this document into gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with &amp;Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How gold differs from your layer of this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead&apos;s view: who is assigned what, progress and time; assign, pack, merge packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this document and go to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Annotator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, word snapping, font, theme, backups and every command&apos;s keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every key of the window at a glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions and where this project file is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All &amp;Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the links of every quote on screen as arcs, not only the selected quote&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review in Context…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every annotator&apos;s layer of this document over the text, side by side, into gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ccept Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the suggestion under the caret into your layer, with its speaker and cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the suggestion under the caret (with none there: delete the selected span)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept &amp;All Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept every open suggestion of this document, as one undoable step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next open suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous open suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;uggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest quotes, speakers and cues for this document (layer suggest:rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest for All Documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest quotes, speakers and cues for every document (layer suggest:rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label as {0}</source>
        <extracomment>Every command of the window and its keys, in one table: actions, menus, the README&apos;s key table and tests all read it. Label and attribute keys come from the schema (see below). Commands whose keys belong to the text view alone: it owns Tab, and Return and Backspace must stay the editors&apos; own elsewhere (the inspector&apos;s fields).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the selection as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next value of {0} on the selected span</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Adjudication</name>
    <message>
        <source>unanimous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none done yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · not counted: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdjudicationView</name>
    <message>
        <source>Adjudicate — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include unfinished layers that have spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units to adjudicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why reject? (optional) — Enter rejects, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–9 accept version · E edit · R reject · A accept all unanimous · Ctrl+Z undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} earlier decision matches no unit now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} earlier decisions match no unit now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} / {1} unit decided{stale}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} / {1} units decided{stale}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <source>all pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <extracomment>A disagreement was double-clicked: its document id and the annotators covering it. A computation finished and its results are shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all human annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names separated by commas (the project has: {known}). Empty: every human annotator with a counted set; gold and suggest:* layers only when named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count unfinished sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare sets in progress too, not only done ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement computation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Compute to measure agreement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span agreement per label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairwise micro F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span matching:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to compare the annotators&apos; versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No annotator &quot;{0}&quot; in this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading annotation sets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing {0} annotation set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing {0} annotation sets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computation failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} · {documents} covered by at least two · {disagreements}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of each pair&apos;s first annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the second&apos;s (names sorted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: {rows}; columns: {columns}. {0} unit coded by both ({alignment} alignment): the data of Cohen&apos;s κ. Click a cell for its cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: {rows}; columns: {columns}. {0} units coded by both ({alignment} alignment): the data of Cohen&apos;s κ. Click a cell for its cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements: {title} ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice, bob, carol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlap share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators per overlap document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand every document out anew (work already done stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share given to several:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators per shared document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <source>type or pick</source>
        <extracomment>Return pressed in the typed value: the annotator is done here, back to the text.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New: add “{0}” to the registry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>By hand</source>
        <extracomment>Why a backup was taken, as the table says it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every half hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring replaces the project by the backup; the current file is kept beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet. One is taken on closing after changes, every half hour while you work, and before imports, merges and upgrades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups — {0}</source>
        <extracomment>Replace the project by this backup (a Path); the dialog has closed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace {0} by the backup of {1:%Y-%m-%d %H:%M:%S}?

The project closes and reopens on the backup. The current file is kept beside it as {2}.replaced-&lt;time&gt;.db, and edits made since the backup are only in that replaced file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionModel</name>
    <message>
        <source> (others differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unit: {1} (row) and {2} (column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} units: {1} (row) and {2} (column)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Decider</name>
    <message>
        <source>this unit has no version {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentFlow</name>
    <message>
        <source>no more documents that way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document still has problems:

{listed}{more}

Mark it done anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every document is done or skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed over {0} unreadable document ({names}): the file is damaged there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed over {0} unreadable documents ({names}): the file is damaged there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; no more documents that way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Filter: words in the title or text</source>
        <extracomment>The list now describes this annotator&apos;s layer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show documents with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status and spans of annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose status, spans and edits the list shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the documents assigned to the annotator whose layer the list shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} / {total} done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>{title}
{id} · {length:,} characters</source>
        <extracomment>Pause after the last move in the list before the document under it opens. Where a document is in a query&apos;s order (-1: not shown), counted in SQL, not by reading. One document&apos;s row as a query shows it (None: hidden). Sorts under which a row&apos;s place cannot change when its status, spans or edit time do.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Every layer (the whole project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only documents marked done in the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <extracomment>The preview waits this long after the last change (typing a split, a path) before it runs. The preview of a request: the lines to show (AnnotatorError: why it cannot run).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split by document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Des&amp;tination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What will be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes {what}; nothing appears there until the export is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no layer to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message>
        <source>Exporting {0}…</source>
        <extracomment>the export ended, however it ended</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: removing what was written…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported.

{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <source>Guidelines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Headers</name>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlap F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlap-any F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unitizing α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krippendorff α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleiss κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean Cohen κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per done document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Keyboard shortcuts</source>
        <extracomment>Keys every keyboard has; a standard key also brings dedicated ones (Undo, Zoom In, F14) that few keyboards have and that would only crowd the sheet.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remap any of them in Edit › Preferences › Keys. Any key or click closes this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Annotator {0}&lt;/h3&gt;&lt;p&gt;Annotate quotes, speakers, cues and stances in news articles.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;{1} (PySide6 {pyside_version})&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SQLite&lt;/td&gt;&lt;td&gt;{2}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Python&lt;/td&gt;&lt;td&gt;{3}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Project&amp;nbsp;&lt;/td&gt;&lt;td&gt;{4}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Data folder&amp;nbsp;&lt;/td&gt;&lt;td&gt;{5}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;MIT licence. The &lt;code&gt;annotator&lt;/code&gt; command does everything the window does.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Detect from the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappings (*.toml *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files to import</source>
        <extracomment>a mapping file&apos;s choices, under the table&apos;s edits (as --mapping under --map)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the names in the files (unnamed: the format&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: the column that holds the text. Label Studio: the data field that holds it, where the file does not tell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add labels, relations and attributes the schema lacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files or a folder to see what they hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names in the files and what each becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Mapping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a mapping file, as annotator import --mapping FILE does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Mapping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write what the table decides to a TOML file for the next import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nnotator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapping.toml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping was not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping saved to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{formats}: {documents}, {layers}{named}, {spans}, {relations}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some names map to nothing in the schema: type what each becomes in the table (empty drops it) or tick “Add labels”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the schema: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text column or field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files cannot be imported as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Label</source>
        <extracomment>A typed value was entered with Return: focus should go back to the text.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}
Key: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Said by: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document: {title}
No span selected: select text and press a label key, or Tab to the next span.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none in the schema</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labeller</name>
    <message>
        <source>select some text first (Shift+arrows), then press a label key</source>
        <extracomment>The selected span changed (by key, click or edit): panels should follow.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selection holds only white space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no span selected (Tab selects the next one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no span selected to resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a span to set its {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has no {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearningView</name>
    <message>
        <source>{0} compared with gold — {document}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences from gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in gold yet for this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your layer matches gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} difference from gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} differences from gold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkMode</name>
    <message>
        <source>the schema has no {relation} relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a {0} first, then link it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no {0} span to link to yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select the later part of a split quote first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no earlier {0} for this one to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{relation} cannot link to a {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linking cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link {0} → {1} {shown} ({2} of {3}): Tab or arrows for the next, Enter links, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LongWork</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Document text</source>
        <extracomment>Another project should replace this one (the application shell does it). Reopen this project as another annotator. Replace this project by a backup (a Path); the shell closes and reopens it. The user changed the preferences (the shell re-reads the backup interval).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

The window shows what the project file holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1}{2} — Annotator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingTableModel</name>
    <message>
        <source>same name</source>
        <extracomment>how a name mapped, as the table says it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name, other case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added to the schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maps to nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends do not fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what it becomes ({names}); empty drops it</source>
        <extracomment>kind, peer name, our name (&quot;&quot; drops it): the user changed a row&apos;s target</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairMatrixModel</name>
    <message>
        <source>missing or boundary, {0} vs {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} and {1} share no covered document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} as reference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>The user pressed OK and the choices were stored and applied (a Preferences).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap new spans to whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands and their keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key for the selected command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotator name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language shows from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Press the new key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every preference and key as the app comes, but your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} is already the key of “{other}”: not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{command}”: {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every preference and key is back to the default.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {0:,} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: this document can be marked done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Annotator projects (*.db *.annotator);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is annotating?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your annotator name (your annotations are stored under it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <extracomment>Another project should replace this one (the application shell does it). Reopen this project as another annotator. Documents, layers or registries came in: lists and the open document must reload. Replace this project by the backup at this path (the application shell does it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge other annotators&apos; copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was merged.

{exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged, with conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Kept this project&apos;s version for:
{listed}{more}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectSettings</name>
    <message>
        <source>Project settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels and attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema file (TOML), as stored in the project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its key (one character, optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add label {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for {old}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename label {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for {value}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename value {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a label to recolour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recolour {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove label {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove value {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select an attribute to add a value to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value of {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add value {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Annotator — damaged project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} cannot be opened for editing.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest good backup is from {0} ({1}, {2}). Restoring it replaces the project; the damaged file is kept beside it as {3}.replaced-&lt;time&gt;.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no good backup of it in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening it read-only shows what is still readable; nothing can be changed, and File › Export can save what is readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged; SQLite reports: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewColumn</name>
    <message>
        <source>{name}&apos;s layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Review — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include unfinished layers that have spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why reject? (optional) — Enter rejects, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab / Shift+Tab next / previous unit · 1–9 accept version · E edit gold · R reject · A accept all unanimous · Ctrl+Z undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} / {1} units decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} / {1} unit decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undecided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — version {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — nothing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unit under the caret: Tab goes to the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unanimous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no unit under the caret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowTableModel</name>
    <message>
        <source>undefined: nothing to compare, or no expected disagreement</source>
        <extracomment>The raw number behind a cell (None when undefined), for tests and tooltips. The DisagreementFilter that clicking the cell applies to the disagreements list.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text in spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text: words in the documents; annotations: a label, an attribute value or a speaker in your layer; text in spans: words inside your layer&apos;s spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no hits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The project is open read-only (it is damaged); nothing can be changed</source>
        <extracomment>What the edit touched when it was applied: its document, and its spans to show. The project file could not be written (StorageError): nothing of the edit was saved, and the open document was reloaded from the file. An undo or redo acted on another document: it was opened; show (document, start, end). Whose layer is shown; another than our own is read-only. Why the last apply or revert failed (None after one that succeeded).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s layer is read-only; switch back to your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import, merge or suggestion run holds the project; try again when it ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document {0} is unreadable: the file is damaged there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no document &quot;{document_id}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Annotator</source>
        <extracomment>How often Qt&apos;s event loop hands control to Python, so that a signal handler can run. The recovery screen while it waits for a choice (a damaged project).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: the file is damaged. File › Backups restores a backup; File › Export saves what is readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: nothing of it can be read ({1}); restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic backup failed: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was restored.

{exc}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideTabs</name>
    <message>
        <source>Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation guidelines (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpanTable</name>
    <message>
        <source>Spans of this document</source>
        <extracomment>The set shown; edits of it arrive through note() and sync(), not as a reset.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Kremlin spokesperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Q1968283</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Canonical name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wikidata id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a speaker to the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename or describe the selected speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected speaker is another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes of the selected speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes attributed to this speaker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is the same speaker as:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>todo</source>
        <extracomment>The preference meaning &quot;the system&apos;s language&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every edit is committed to the project file at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator: {annotator}</source>
        <extracomment>Red on light and dark themes alike: the one state the annotator must not miss.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewing {layer}&apos;s layer (read-only) as {annotator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: damaged file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File › Backups restores a backup; File › Export saves what is readable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionReview</name>
    <message>
        <source>Suggestions: {0} open, {accepted} accepted, {rejected} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestion under the caret (F8 goes to the next one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open suggestions in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted {0} suggestions (undo takes them all back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggesting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggesting cancelled; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, no speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: {kind} quote{who}. Enter accepts, Backspace rejects, F8 goes on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Stance target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stance target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Ukraine joining NATO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What FAVOR means, e.g. FAVOR = supports Ukraine joining NATO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Definition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>Stance targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose a new stance target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the target or define what FAVOR means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold this target into another one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete an unused target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold “{0}” into:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <source>Packs and projects (*.db *.annotator);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team — {0}</source>
        <extracomment>Packs were merged: documents, layers or registries may be new to the main window.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress per annotator</source>
        <extracomment>Where packs go and which packs to merge; tests answer these instead of a person.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pack All…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Packs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments (edit a row as: alice, bob):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{documents}, {0} shared by several annotators, {annotators} assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({documents})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{packs} written to {folder}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was assigned (see the status bar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing packs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: no pack was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pack was written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging packs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was merged: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: {0}{listed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one pack per annotator into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge packs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolWindows</name>
    <message>
        <source>Agreement — {0}</source>
        <extracomment>The reviewer wants to edit this gold span in the main window. The schema changed: the window must be rebuilt on it. Packs were merged from the Team view: lists and the open document must reload.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>{0} — versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document {document}; disagreeing annotations highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreement: {kinds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no annotations)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
