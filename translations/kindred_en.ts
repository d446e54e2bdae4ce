<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>kindred::BackupService</name>
    <message>
        <source>Made by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After naming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an update of Kindred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a new face model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before personalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::ClusterListModel</name>
    <message numerus="yes">
        <source>%n face(s) on their own</source>
        <translation>
            <numerusform>%n face on its own</numerusform>
            <numerusform>%n faces on their own</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n face</numerusform>
            <numerusform>%n faces</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not faces: %n</source>
        <translation>
            <numerusform>Not faces: %n</numerusform>
            <numerusform>Not faces: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>hands, ears, patterns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Maybe not faces: %n</source>
        <translation>
            <numerusform>Maybe not faces: %n</numerusform>
            <numerusform>Maybe not faces: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>the app is unsure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::FaceIndexJob</name>
    <message>
        <source>Grouping the faces failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found</source>
        <translation>
            <numerusform>%n face found</numerusform>
            <numerusform>%n faces found</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 photos/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n photo(s)</source>
        <translation>
            <numerusform>Stopped after %n photo</numerusform>
            <numerusform>Stopped after %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) looked at</source>
        <translation>
            <numerusform>%n photo looked at</numerusform>
            <numerusform>%n photos looked at</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of unknown faces</source>
        <translation>
            <numerusform>%n group of unknown faces</numerusform>
            <numerusform>%n groups of unknown faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n could not be read</numerusform>
            <numerusform>%n could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named from the photos&apos; own tags</source>
        <translation>
            <numerusform>%n named from the photo&apos;s own tags</numerusform>
            <numerusform>%n named from the photos&apos; own tags</numerusform>
        </translation>
    </message>
    <message>
        <source>Updating face recognition (better with turned faces): %1 of %2 faces, names kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n more kept out as not faces)</source>
        <translation>
            <numerusform>(%n more kept out as not a face)</numerusform>
            <numerusform>(%n more kept out as not faces)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) the face check had hidden are back under Maybe not faces</source>
        <translation>
            <numerusform>%n face the face check had hidden is back under Maybe not faces</numerusform>
            <numerusform>%n faces the face check had hidden are back under Maybe not faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept out as not faces</source>
        <translation>
            <numerusform>%n kept out as not a face</numerusform>
            <numerusform>%n kept out as not faces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::FaceListModel</name>
    <message>
        <source>%1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this %1? (%2 sure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second box on a face found beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden by the face check: unlike a face</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::FinetuneJob</name>
    <message>
        <source>Face recognition personalised: identification error %1% -&gt; %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personalisation not adopted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough confirmed faces to personalise: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personalisation cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personalisation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::FolderView</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder on the left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::JobErrorsDialog</name>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n file could not be read.</numerusform>
            <numerusform>%n files could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::JobManager</name>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::JobStatusWidget</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files that could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::LibraryService</name>
    <message numerus="yes">
        <source>Rescanning %n folder(s)</source>
        <translation>
            <numerusform>Rescanning %n folder</numerusform>
            <numerusform>Rescanning %n folders</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use the library folder %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no folders to scan yet. Add a folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouping similar faces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face recognition is already being personalised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personalising face recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training round %1 of %2, loss %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names are already being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing names into the photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing names to sidecars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing names failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Names written to %n photo(s)</source>
        <translation>
            <numerusform>Names written to %n photo</numerusform>
            <numerusform>Names written to %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n already up to date</numerusform>
            <numerusform>%n already up to date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be written</source>
        <translation>
            <numerusform>%n could not be written</numerusform>
            <numerusform>%n could not be written</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalog is in use by another Kindred window or kindred-cli; close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current catalog could not be backed up first (%1); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog %1 is damaged (%2). Kindred has not changed it. Restore a backup to go on where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kindred found damage in its catalog %1 and stopped changing it. Start Kindred again to restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog is damaged; nothing was changed. Start Kindred again to restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::MainWindow</name>
    <message numerus="yes">
        <source>%n photo(s) in the library</source>
        <translation>
            <numerusform>%n photo in the library</numerusform>
            <numerusform>%n photos in the library</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos yet.
Drop a folder of photos here, or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rescan folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Personalise face recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn from the faces you named to tell your family apart better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
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
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kindred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a photo or a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder of photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only folders and photos can be dropped here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kindred — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart Kindred to use the new library location or language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kindred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;An offline family photo library that finds the people in your pictures. Your photos never leave this computer.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write names to files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the names as tags other photo programs can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write names to files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the names you gave as face tags that other photo programs (digiKam, Lightroom, Windows Photos, …) and a new Kindred library can read?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidecar files are small .xmp files saved next to each photo; your photos stay exactly as they are. Writing into the photos changes the photo files themselves (JPEG, PNG, TIFF, WebP; the picture is checked to stay identical). Only photos whose names changed are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &amp;sidecar files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &amp;into the photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your photo files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kindred will rewrite the photos that have names, adding the names to their metadata. Make sure you have a backup of your photos first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rewrite photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The EdgeFace face recognition weights are by the Idiap Research Institute, under the BSD 3-Clause licence (its notice is in the details).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EdgeFace face recognition weights (edgeface_xs_q.pt, edgeface_xxs_q.pt):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::PeopleController</name>
    <message>
        <source>The catalog is damaged; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::PeopleView</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a person to see their photos. Right-click for more; drag one person onto another to merge them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show hidden people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When you name the faces Kindred finds (Unknown faces), the people appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose cover face…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the same person as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget %1? Their faces go back to the unknown faces. (Edit ▸ Undo brings them back.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cover face of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the face that shows %1 best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 into %2? All of %1&apos;s faces become %2&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::PhotoGridView</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::PhotoListModel</name>
    <message>
        <source>(no preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::PhotoView</name>
    <message>
        <source>Who is this?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::PhotoViewer</name>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the faces and their names (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a face Kindred missed: draw a box around it (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, this is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, this is not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name this face…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is someone else…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore this face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (file date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::QuestionsView</name>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n face(s)</source>
        <translation>
            <numerusform>about %n face</numerusform>
            <numerusform>about %n faces</numerusform>
        </translation>
    </message>
    <message>
        <source>Is this group &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This group: %n face(s)</source>
        <translation>
            <numerusform>This group: %n face</numerusform>
            <numerusform>This group: %n faces</numerusform>
        </translation>
    </message>
    <message>
        <source> (the best %1 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, as you named them (%2 % sure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this group (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select faces of the group that are someone else, then take them out before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One answer names a whole group or joins two. &lt;b&gt;Y&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt;: no (never asked again). &lt;b&gt;S&lt;/b&gt;: skip. Edit ▸ Undo takes an answer back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a whole group of unknown faces looks like someone you have named, or two groups look like one person, Kindred asks you here, once for the whole group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are these two groups the &lt;b&gt;same person&lt;/b&gt;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The other group: %n face(s) (%1 % sure)</source>
        <translation>
            <numerusform>The other group: %n face (%1 % sure)</numerusform>
            <numerusform>The other group: %n faces (%1 % sure)</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, this is… (type a name, Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joins the two groups and names them in one answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::RestoreDialog</name>
    <message>
        <source>The catalog is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kindred&apos;s catalog, where your names and groups are kept, is damaged.&lt;/b&gt; This can happen after a disk error, a sync tool or a crash of the computer. Kindred has not changed it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a backup to go on from where it was made. The damaged catalog is kept beside it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Restoring replaces the catalog with the chosen backup: names given since then are not in it. Today&apos;s catalog is backed up first and kept, so you can come back to it. Kindred starts again to restore.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named faces</source>
        <translation>
            <numerusform>%n named face</numerusform>
            <numerusform>%n named faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;There is no backup of it. Names that were written to the photos (File ▸ Write names to files) come back when a new catalog scans them: choose &lt;i&gt;Start a new catalog&lt;/i&gt;. The damaged one is kept beside it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::ScanJob</name>
    <message numerus="yes">
        <source>Scan cancelled after %n file(s)</source>
        <translation>
            <numerusform>Scan cancelled after %n file</numerusform>
            <numerusform>Scan cancelled after %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found</source>
        <translation>
            <numerusform>%n photo found</numerusform>
            <numerusform>%n photos found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n could not be read</numerusform>
            <numerusform>%n could not be read</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::SearchView</name>
    <message numerus="yes">
        <source>%n photo(s) found.</source>
        <translation>
            <numerusform>%n photo found.</numerusform>
            <numerusform>%n photos found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a person to switch between with (AND), or (OR) and not (NOT); Delete removes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with = in every photo, or = at least one of them, not = in none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add one or more people and press Search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is called %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody has been named yet. Name people first, then search for them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for faces in new photos after each scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescan my folders when Kindred starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models shipped with Kindred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest face:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Background work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the library location and the language take effect when Kindred is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an InceptionResnetV1 checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>InceptionResnetV1 (checkpoint file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kindred does not ship these weights. Download &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; from the releases of facenet-pytorch (github.com/timesler/facenet-pytorch) and choose the file here. Faces found so far are described again with the new model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the InceptionResnetV1 checkpoint file, or use the default face model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint file %1 does not exist or cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA, not available on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn from the names I give to tell my family apart better (in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (recommended: EdgeFace-XS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EdgeFace-XS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceRecognitionNet (the first network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EdgeFace-XXS (faster, less accurate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kindred backs up your names daily and after you name people, into %1. There is no backup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Kindred backs up your names daily and after you name people, into %1. %n backup(s) (%2), the newest from %3.</source>
        <translation>
            <numerusform>Kindred backs up your names daily and after you name people, into %1. %n backup (%2), from %3.</numerusform>
            <numerusform>Kindred backs up your names daily and after you name people, into %1. %n backups (%2), the newest from %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SuggestionsView</name>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this who Kindred thinks? &lt;b&gt;Y&lt;/b&gt; or &lt;b&gt;Enter&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt; or &lt;b&gt;Delete&lt;/b&gt;: no. Select several faces to answer for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a face looks like someone you have already named, Kindred asks you here to confirm or reject it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The suggestions could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::ThumbnailProvider</name>
    <message>
        <source>No thumbnail could be made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kindred::UnknownFacesView</name>
    <message>
        <source>Unknown faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore selected groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strangers in the background: hide these faces for good (Delete). Undo brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups of faces that look alike, largest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select faces that are someone else and take them out before naming the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected faces out of this group (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the selected faces: strangers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is this? Type a name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unknown faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces nobody has named yet appear here, grouped by likeness, once Kindred has looked for faces in your photos (File ▸ Find faces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unknown faces could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) that look like nobody else</source>
        <translation>
            <numerusform>%n face that looks like nobody else</numerusform>
            <numerusform>%n faces that look like nobody else</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A group of %n face(s)</source>
        <translation>
            <numerusform>A group of %n face</numerusform>
            <numerusform>A group of %n faces</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1. Type a name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hand, an ear, a pattern: move the selected faces (or, with none selected, the selected groups) to &quot;Not faces&quot; (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the selected faces back among the unknown faces; Kindred will not hide them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) hidden as not a face</source>
        <translation>
            <numerusform>%n detection hidden as not a face</numerusform>
            <numerusform>%n detections hidden as not a face</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred hides what the face detector found but does not look like a face, a second box on a face already shown, and what you marked. Point at a face to see why. Select real faces and choose &quot;It is a face&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) that may not be faces</source>
        <translation>
            <numerusform>%n detection that may not be a face</numerusform>
            <numerusform>%n detections that may not be faces</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred is not sure these are faces (small, blurred or half hidden ones, hands, patterns) and keeps them out of the groups. Least sure first: select what is not a face and choose &quot;Not a face&quot;; choose &quot;It is a face&quot; for faces, and they join the groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected detections are faces: Kindred groups them like any face</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Kindred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo library could not be opened.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored. The catalog it replaced is kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged catalog could not be moved aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog: %1
What SQLite found: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
