<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>kindred::BackupService</name>
    <message>
        <source>Made by you</source>
        <translation>Faite par vous</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <source>After naming</source>
        <translation>Après le nommage</translation>
    </message>
    <message>
        <source>Before an update of Kindred</source>
        <translation>Avant une mise à jour de Kindred</translation>
    </message>
    <message>
        <source>Before a new face model</source>
        <translation>Avant un nouveau modèle de visages</translation>
    </message>
    <message>
        <source>Before personalisation</source>
        <translation>Avant une personnalisation</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
</context>
<context>
    <name>kindred::ClusterListModel</name>
    <message numerus="yes">
        <source>%n face(s) on their own</source>
        <translation>
            <numerusform>%n visage isolé</numerusform>
            <numerusform>%n visages isolés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n visage</numerusform>
            <numerusform>%n visages</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>Ressemble à %1</translation>
    </message>
    <message numerus="yes">
        <source>Not faces: %n</source>
        <translation>
            <numerusform>Pas des visages : %n</numerusform>
            <numerusform>Pas des visages : %n</numerusform>
        </translation>
    </message>
    <message>
        <source>hands, ears, patterns…</source>
        <translation>mains, oreilles, motifs…</translation>
    </message>
    <message numerus="yes">
        <source>Maybe not faces: %n</source>
        <translation>
            <numerusform>Peut-être pas des visages : %n</numerusform>
            <numerusform>Peut-être pas des visages : %n</numerusform>
        </translation>
    </message>
    <message>
        <source>the app is unsure</source>
        <translation>l’app n’est pas sûre</translation>
    </message>
</context>
<context>
    <name>kindred::FaceIndexJob</name>
    <message>
        <source>Grouping the faces failed: %1</source>
        <translation>Échec du regroupement des visages : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found</source>
        <translation>
            <numerusform>%n visage trouvé</numerusform>
            <numerusform>%n visages trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 photos/s</source>
        <translation>%1 photos/s</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>environ %n s restante</numerusform>
            <numerusform>environ %n s restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>environ %n min restante</numerusform>
            <numerusform>environ %n min restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces failed: %1</source>
        <translation>Échec de la recherche des visages : %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n photo(s)</source>
        <translation>
            <numerusform>Arrêté après %n photo</numerusform>
            <numerusform>Arrêté après %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) looked at</source>
        <translation>
            <numerusform>%n photo examinée</numerusform>
            <numerusform>%n photos examinées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of unknown faces</source>
        <translation>
            <numerusform>%n groupe de visages inconnus</numerusform>
            <numerusform>%n groupes de visages inconnus</numerusform>
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
            <numerusform>%n illisible</numerusform>
            <numerusform>%n illisibles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named from the photos&apos; own tags</source>
        <translation>
            <numerusform>%n nommé d&apos;après les balises des photos</numerusform>
            <numerusform>%n nommés d&apos;après les balises des photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Updating face recognition (better with turned faces): %1 of %2 faces, names kept</source>
        <translation>Mise à jour de la reconnaissance des visages (meilleure pour les visages de profil) : %1 sur %2 visages, les noms sont conservés</translation>
    </message>
    <message numerus="yes">
        <source>(%n more kept out as not faces)</source>
        <translation>
            <numerusform>(%n de plus écarté : ce n&apos;est pas un visage)</numerusform>
            <numerusform>(%n de plus écartés : ce ne sont pas des visages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) the face check had hidden are back under Maybe not faces</source>
        <translation>
            <numerusform>%n visage masqué par la vérification des visages est de retour sous « Peut-être pas des visages »</numerusform>
            <numerusform>%n visages masqués par la vérification des visages sont de retour sous « Peut-être pas des visages »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept out as not faces</source>
        <translation>
            <numerusform>%n écarté : ce n&apos;est pas un visage</numerusform>
            <numerusform>%n écartés : ce ne sont pas des visages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::FaceListModel</name>
    <message>
        <source>%1?</source>
        <translation>%1 ?</translation>
    </message>
    <message>
        <source>Is this %1? (%2 sure)</source>
        <translation>Est-ce %1 ? (sûr à %2)</translation>
    </message>
    <message>
        <source>A second box on a face found beside it</source>
        <translation>Un second cadre sur un visage trouvé à côté</translation>
    </message>
    <message>
        <source>Hidden by the face check: unlike a face</source>
        <translation>Masqué par la vérification des visages : ne ressemble pas à un visage</translation>
    </message>
</context>
<context>
    <name>kindred::FinetuneJob</name>
    <message>
        <source>Face recognition personalised: identification error %1% -&gt; %2%</source>
        <translation>Reconnaissance des visages personnalisée : erreur d’identification %1% -&gt; %2%</translation>
    </message>
    <message>
        <source>Personalisation not adopted: %1</source>
        <translation>Personnalisation non retenue : %1</translation>
    </message>
    <message>
        <source>Not enough confirmed faces to personalise: %1</source>
        <translation>Pas assez de visages confirmés pour personnaliser : %1</translation>
    </message>
    <message>
        <source>Personalisation cancelled</source>
        <translation>Personnalisation annulée</translation>
    </message>
    <message>
        <source>Personalisation failed: %1</source>
        <translation>Échec de la personnalisation : %1</translation>
    </message>
</context>
<context>
    <name>kindred::FolderView</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Choose a folder on the left.</source>
        <translation>Choisissez un dossier à gauche.</translation>
    </message>
</context>
<context>
    <name>kindred::JobErrorsDialog</name>
    <message>
        <source>Problems: %1</source>
        <translation>Problèmes : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>%n fichier n&apos;a pas pu être lu.</numerusform>
            <numerusform>%n fichiers n&apos;ont pas pu être lus.</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copier la liste</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
</context>
<context>
    <name>kindred::JobManager</name>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>kindred::JobStatusWidget</name>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Show the files that could not be read</source>
        <translation>Afficher les fichiers qui n&apos;ont pas pu être lus</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::LibraryService</name>
    <message>
        <source>Cannot use the library folder %1: %2</source>
        <translation>Impossible d’utiliser le dossier de la photothèque %1 : %2</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2</source>
        <translation>Impossible d’ouvrir le catalogue %1 : %2</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>Aucune photothèque n’est ouverte.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 n’est pas un dossier.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation>%1 ne peut pas être lu (accès refusé).</translation>
    </message>
    <message>
        <source>Scanning %1</source>
        <translation>Analyse de %1</translation>
    </message>
    <message>
        <source>There are no folders to scan yet. Add a folder first.</source>
        <translation>Il n’y a pas encore de dossier à analyser. Ajoutez d’abord un dossier.</translation>
    </message>
    <message numerus="yes">
        <source>Rescanning %n folder(s)</source>
        <translation>
            <numerusform>Nouvelle analyse de %n dossier</numerusform>
            <numerusform>Nouvelle analyse de %n dossiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces</source>
        <translation>Recherche des visages</translation>
    </message>
    <message>
        <source>Grouping similar faces…</source>
        <translation>Regroupement des visages semblables…</translation>
    </message>
    <message>
        <source>Face recognition is already being personalised.</source>
        <translation>La reconnaissance des visages est déjà en cours de personnalisation.</translation>
    </message>
    <message>
        <source>Personalising face recognition</source>
        <translation>Personnalisation de la reconnaissance des visages</translation>
    </message>
    <message>
        <source>Training round %1 of %2, loss %3</source>
        <translation>Passe d’entraînement %1 sur %2, perte %3</translation>
    </message>
    <message>
        <source>Names are already being written.</source>
        <translation>Les noms sont déjà en cours d&apos;écriture.</translation>
    </message>
    <message>
        <source>Writing names into the photos</source>
        <translation>Écriture des noms dans les photos</translation>
    </message>
    <message>
        <source>Writing names to sidecars</source>
        <translation>Écriture des noms dans des fichiers annexes</translation>
    </message>
    <message>
        <source>Writing names failed: %1</source>
        <translation>L&apos;écriture des noms a échoué : %1</translation>
    </message>
    <message numerus="yes">
        <source>Names written to %n photo(s)</source>
        <translation>
            <numerusform>Noms écrits dans %n photo</numerusform>
            <numerusform>Noms écrits dans %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n déjà à jour</numerusform>
            <numerusform>%n déjà à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be written</source>
        <translation>
            <numerusform>%n n&apos;a pas pu être écrite</numerusform>
            <numerusform>%n n&apos;ont pas pu être écrites</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalog is in use by another Kindred window or kindred-cli; close it first.</source>
        <translation>Le catalogue est utilisé par une autre fenêtre de Kindred ou par kindred-cli ; fermez-la d’abord.</translation>
    </message>
    <message>
        <source>The current catalog could not be backed up first (%1); nothing was changed.</source>
        <translation>Le catalogue actuel n’a pas pu être sauvegardé d’abord (%1) ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged (%2). Kindred has not changed it. Restore a backup to go on where you were.</source>
        <translation>Le catalogue %1 est endommagé (%2). Kindred ne l’a pas modifié. Restaurez une sauvegarde pour reprendre là où vous en étiez.</translation>
    </message>
    <message>
        <source>Kindred found damage in its catalog %1 and stopped changing it. Start Kindred again to restore a backup.</source>
        <translation>Kindred a trouvé des dommages dans son catalogue %1 et a cessé de le modifier. Redémarrez Kindred pour restaurer une sauvegarde.</translation>
    </message>
    <message>
        <source>The catalog is damaged; nothing was changed. Start Kindred again to restore a backup.</source>
        <translation>Le catalogue est endommagé ; rien n’a été modifié. Redémarrez Kindred pour restaurer une sauvegarde.</translation>
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
        <translation>Photothèque</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Unknown faces</source>
        <translation>Visages inconnus</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>No photos yet.
Drop a folder of photos here, or add one.</source>
        <translation>Pas encore de photos.
Déposez ici un dossier de photos, ou ajoutez-en un.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <source>&amp;Rescan folders</source>
        <translation>&amp;Réanalyser les dossiers</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation>Vignettes plus &amp;grandes</translation>
    </message>
    <message>
        <source>&amp;Smaller thumbnails</source>
        <translation>Vignettes plus &amp;petites</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Kindred</source>
        <translation>À &amp;propos de Kindred</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation>%1 n’est pas un fichier de cet ordinateur.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is not a photo or a folder.</source>
        <translation>%1 n’est ni une photo ni un dossier.</translation>
    </message>
    <message>
        <source>Could not add: %1</source>
        <translation>Ajout impossible : %1</translation>
    </message>
    <message>
        <source>Add a folder of photos</source>
        <translation>Ajouter un dossier de photos</translation>
    </message>
    <message>
        <source>Only folders and photos can be dropped here.</source>
        <translation>Seuls des dossiers et des photos peuvent être déposés ici.</translation>
    </message>
    <message>
        <source>Kindred — %1</source>
        <translation>Kindred — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in the library</source>
        <translation>
            <numerusform>%n photo dans la photothèque</numerusform>
            <numerusform>%n photos dans la photothèque</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart Kindred to use the new library location or language.</source>
        <translation>Redémarrez Kindred pour utiliser le nouvel emplacement de la photothèque ou la nouvelle langue.</translation>
    </message>
    <message>
        <source>About Kindred</source>
        <translation>À propos de Kindred</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;An offline family photo library that finds the people in your pictures. Your photos never leave this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;Une photothèque familiale hors ligne qui retrouve les personnes sur vos photos. Vos photos ne quittent jamais cet ordinateur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Find &amp;faces</source>
        <translation>Chercher les &amp;visages</translation>
    </message>
    <message>
        <source>&amp;Personalise face recognition</source>
        <translation>&amp;Personnaliser la reconnaissance des visages</translation>
    </message>
    <message>
        <source>Learn from the faces you named to tell your family apart better</source>
        <translation>Apprendre des visages que vous avez nommés pour mieux distinguer votre famille</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>&amp;Write names to files…</source>
        <translation>É&amp;crire les noms dans les fichiers…</translation>
    </message>
    <message>
        <source>Save the names as tags other photo programs can read</source>
        <translation>Enregistrer les noms sous forme de balises lisibles par d&apos;autres logiciels photo</translation>
    </message>
    <message>
        <source>Write names to files</source>
        <translation>Écrire les noms dans les fichiers</translation>
    </message>
    <message>
        <source>Save the names you gave as face tags that other photo programs (digiKam, Lightroom, Windows Photos, …) and a new Kindred library can read?</source>
        <translation>Enregistrer les noms donnés sous forme de balises de visage lisibles par d&apos;autres logiciels photo (digiKam, Lightroom, Photos de Windows, …) et par une nouvelle bibliothèque Kindred ?</translation>
    </message>
    <message>
        <source>Sidecar files are small .xmp files saved next to each photo; your photos stay exactly as they are. Writing into the photos changes the photo files themselves (JPEG, PNG, TIFF, WebP; the picture is checked to stay identical). Only photos whose names changed are written.</source>
        <translation>Les fichiers annexes sont de petits fichiers .xmp enregistrés à côté de chaque photo ; vos photos restent exactement telles quelles. Écrire dans les photos modifie les fichiers eux-mêmes (JPEG, PNG, TIFF, WebP ; l&apos;image est vérifiée pour rester identique). Seules les photos dont les noms ont changé sont écrites.</translation>
    </message>
    <message>
        <source>Write &amp;sidecar files</source>
        <translation>Écrire des fichiers &amp;annexes</translation>
    </message>
    <message>
        <source>Write &amp;into the photos</source>
        <translation>Écrire &amp;dans les photos</translation>
    </message>
    <message>
        <source>Change your photo files?</source>
        <translation>Modifier vos fichiers photo ?</translation>
    </message>
    <message>
        <source>Kindred will rewrite the photos that have names, adding the names to their metadata. Make sure you have a backup of your photos first.</source>
        <translation>Kindred va réécrire les photos qui ont des noms en ajoutant les noms à leurs métadonnées. Assurez-vous d&apos;abord d&apos;avoir une sauvegarde de vos photos.</translation>
    </message>
    <message>
        <source>&amp;Rewrite photos</source>
        <translation>&amp;Réécrire les photos</translation>
    </message>
    <message>
        <source>&lt;p&gt;The EdgeFace face recognition weights are by the Idiap Research Institute, under the BSD 3-Clause licence (its notice is in the details).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Les poids de reconnaissance des visages EdgeFace sont de l’Idiap Research Institute, sous licence BSD 3-Clause (sa notice figure dans les détails).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>EdgeFace face recognition weights (edgeface_xs_q.pt, edgeface_xxs_q.pt):</source>
        <translation>Poids de reconnaissance des visages EdgeFace (edgeface_xs_q.pt, edgeface_xxs_q.pt) :</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleController</name>
    <message>
        <source>The catalog is damaged; nothing was changed.</source>
        <translation>Le catalogue est endommagé ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleView</name>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation>Pas encore de personnes</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <source>The people could not be read: %1</source>
        <translation>Impossible de lire les personnes : %1</translation>
    </message>
    <message>
        <source>Open a person to see their photos. Right-click for more; drag one person onto another to merge them.</source>
        <translation>Ouvrez une personne pour voir ses photos. Clic droit pour plus d’options ; faites glisser une personne sur une autre pour les fusionner.</translation>
    </message>
    <message>
        <source>Show hidden people</source>
        <translation>Afficher les personnes masquées</translation>
    </message>
    <message>
        <source>When you name the faces Kindred finds (Unknown faces), the people appear here.</source>
        <translation>Quand vous nommez les visages trouvés par Kindred (Visages inconnus), les personnes apparaissent ici.</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(masquée)</translation>
    </message>
    <message>
        <source>Show photos</source>
        <translation>Afficher les photos</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionner avec…</translation>
    </message>
    <message>
        <source>Choose cover face…</source>
        <translation>Choisir le visage de couverture…</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>Afficher à nouveau</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Supprimer la personne…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>Nouveau nom pour %1 :</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>%1 is the same person as:</source>
        <translation>%1 est la même personne que :</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Supprimer la personne</translation>
    </message>
    <message>
        <source>Forget %1? Their faces go back to the unknown faces. (Edit ▸ Undo brings them back.)</source>
        <translation>Oublier %1 ? Ses visages retournent dans les visages inconnus. (Édition ▸ Annuler les ramène.)</translation>
    </message>
    <message>
        <source>Cover face of %1</source>
        <translation>Visage de couverture de %1</translation>
    </message>
    <message>
        <source>Pick the face that shows %1 best.</source>
        <translation>Choisissez le visage qui montre le mieux %1.</translation>
    </message>
    <message>
        <source>Merge %1 into %2? All of %1&apos;s faces become %2&apos;s.</source>
        <translation>Fusionner %1 avec %2 ? Tous les visages de %1 deviennent ceux de %2.</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoGridView</name>
    <message>
        <source>Newest first</source>
        <translation>Plus récentes d’abord</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciennes d’abord</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Par nom</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Ordre de tri</translation>
    </message>
    <message>
        <source>Jump to a month</source>
        <translation>Aller à un mois</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Taille des vignettes</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::PhotoListModel</name>
    <message>
        <source>(no preview)</source>
        <translation>(pas d’aperçu)</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoView</name>
    <message>
        <source>Who is this?</source>
        <translation>Qui est-ce ?</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoViewer</name>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>Retour aux photos (Échap)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation>Photo précédente (flèche gauche)</translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation>Photo suivante (flèche droite)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Aucune photo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>This photo cannot be shown: %1</source>
        <translation>Impossible d’afficher cette photo : %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>%1 (file date)</source>
        <translation>%1 (date du fichier)</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 pixels, %3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Show the faces and their names (F)</source>
        <translation>Afficher les visages et leurs noms (F)</translation>
    </message>
    <message>
        <source>Add a face Kindred missed: draw a box around it (D)</source>
        <translation>Ajouter un visage oublié par Kindred : tracez un cadre autour (D)</translation>
    </message>
    <message>
        <source>Add a face</source>
        <translation>Ajouter un visage</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1 ?</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Yes, this is %1</source>
        <translation>Oui, c’est %1</translation>
    </message>
    <message>
        <source>No, this is not %1</source>
        <translation>Non, ce n’est pas %1</translation>
    </message>
    <message>
        <source>Name this face…</source>
        <translation>Nommer ce visage…</translation>
    </message>
    <message>
        <source>This is someone else…</source>
        <translation>C’est quelqu’un d’autre…</translation>
    </message>
    <message>
        <source>Who is this?</source>
        <translation>Qui est-ce ?</translation>
    </message>
    <message>
        <source>This is not %1</source>
        <translation>Ce n’est pas %1</translation>
    </message>
    <message>
        <source>Ignore this face</source>
        <translation>Ignorer ce visage</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>Pas un visage</translation>
    </message>
</context>
<context>
    <name>kindred::QuestionsView</name>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Oui (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>Non (N)</translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation>Passer (S)</translation>
    </message>
    <message>
        <source>No questions</source>
        <translation>Aucune question</translation>
    </message>
    <message>
        <source>The questions could not be read: %1</source>
        <translation>Impossible de lire les questions : %1</translation>
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
            <numerusform>environ %n visage</numerusform>
            <numerusform>environ %n visages</numerusform>
        </translation>
    </message>
    <message>
        <source>Is this group &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>Ce groupe est-il &lt;b&gt;%1&lt;/b&gt; ?</translation>
    </message>
    <message numerus="yes">
        <source>This group: %n face(s)</source>
        <translation>
            <numerusform>Ce groupe : %n visage</numerusform>
            <numerusform>Ce groupe : %n visages</numerusform>
        </translation>
    </message>
    <message>
        <source> (the best %1 shown)</source>
        <translation> (les %1 meilleurs affichés)</translation>
    </message>
    <message>
        <source>%1, as you named them (%2 % sure)</source>
        <translation>%1, tel que vous l’avez nommé (sûr à %2 %)</translation>
    </message>
    <message>
        <source>Not in this group (Del)</source>
        <translation>Pas dans ce groupe (Suppr)</translation>
    </message>
    <message>
        <source>Select faces of the group that are someone else, then take them out before answering.</source>
        <translation>Sélectionnez les visages du groupe qui sont quelqu’un d’autre, puis retirez-les avant de répondre.</translation>
    </message>
    <message>
        <source>One answer names a whole group or joins two. &lt;b&gt;Y&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt;: no (never asked again). &lt;b&gt;S&lt;/b&gt;: skip. Edit ▸ Undo takes an answer back.</source>
        <translation>Une réponse nomme tout un groupe ou en réunit deux. &lt;b&gt;Y&lt;/b&gt; : oui. &lt;b&gt;N&lt;/b&gt; : non (plus jamais demandé). &lt;b&gt;S&lt;/b&gt; : passer. Édition ▸ Annuler reprend une réponse.</translation>
    </message>
    <message>
        <source>When a whole group of unknown faces looks like someone you have named, or two groups look like one person, Kindred asks you here, once for the whole group.</source>
        <translation>Quand tout un groupe de visages inconnus ressemble à quelqu’un que vous avez nommé, ou que deux groupes semblent être une seule personne, Kindred vous le demande ici, une fois pour tout le groupe.</translation>
    </message>
    <message>
        <source>Are these two groups the &lt;b&gt;same person&lt;/b&gt;?</source>
        <translation>Ces deux groupes sont-ils la &lt;b&gt;même personne&lt;/b&gt; ?</translation>
    </message>
    <message numerus="yes">
        <source>The other group: %n face(s) (%1 % sure)</source>
        <translation>
            <numerusform>L’autre groupe : %n visage (sûr à %1 %)</numerusform>
            <numerusform>L’autre groupe : %n visages (sûr à %1 %)</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, this is… (type a name, Enter)</source>
        <translation>Oui, c’est … (tapez un nom, Entrée)</translation>
    </message>
    <message>
        <source>Joins the two groups and names them in one answer</source>
        <translation>Réunit les deux groupes et les nomme en une seule réponse</translation>
    </message>
</context>
<context>
    <name>kindred::RestoreDialog</name>
    <message>
        <source>The catalog is damaged</source>
        <translation>Le catalogue est endommagé</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kindred&apos;s catalog, where your names and groups are kept, is damaged.&lt;/b&gt; This can happen after a disk error, a sync tool or a crash of the computer. Kindred has not changed it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Le catalogue de Kindred, où sont gardés vos noms et vos groupes, est endommagé.&lt;/b&gt; Cela peut arriver après une erreur de disque, à cause d’un outil de synchronisation ou d’un plantage de l’ordinateur. Kindred ne l’a pas modifié.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a backup to go on from where it was made. The damaged catalog is kept beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choisissez une sauvegarde pour reprendre à partir du moment où elle a été faite. Le catalogue endommagé est conservé à côté.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Restoring replaces the catalog with the chosen backup: names given since then are not in it. Today&apos;s catalog is backed up first and kept, so you can come back to it. Kindred starts again to restore.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La restauration remplace le catalogue par la sauvegarde choisie : les noms donnés depuis n’y sont pas. Le catalogue d’aujourd’hui est d’abord sauvegardé et conservé, pour que vous puissiez y revenir. Kindred redémarre pour restaurer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>Start a new catalog</source>
        <translation>Commencer un nouveau catalogue</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named faces</source>
        <translation>
            <numerusform>%n visage nommé</numerusform>
            <numerusform>%n visages nommés</numerusform>
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
        <translation>&lt;p&gt;Il n’en existe aucune sauvegarde. Les noms écrits dans les photos (Fichier ▸ Écrire les noms dans les fichiers) reviennent quand un nouveau catalogue les analyse : choisissez &lt;i&gt;Commencer un nouveau catalogue&lt;/i&gt;. L’ancien, endommagé, est conservé à côté.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>kindred::ScanJob</name>
    <message>
        <source>Scan failed: %1</source>
        <translation>Échec de l’analyse : %1</translation>
    </message>
    <message numerus="yes">
        <source>Scan cancelled after %n file(s)</source>
        <translation>
            <numerusform>Analyse annulée après %n fichier</numerusform>
            <numerusform>Analyse annulée après %n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found</source>
        <translation>
            <numerusform>%n photo trouvée</numerusform>
            <numerusform>%n photos trouvées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nouvelle</numerusform>
            <numerusform>%n nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n déplacée</numerusform>
            <numerusform>%n déplacées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n manquante</numerusform>
            <numerusform>%n manquantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n illisible</numerusform>
            <numerusform>%n illisibles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SearchView</name>
    <message>
        <source>Taken between</source>
        <translation>Prise entre</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Personnes :</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Du :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Au :</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Nobody has been named yet. Name people first, then search for them here.</source>
        <translation>Personne n’a encore été nommé. Nommez d’abord des personnes, puis cherchez-les ici.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found.</source>
        <translation>
            <numerusform>%n photo trouvée.</numerusform>
            <numerusform>%n photos trouvées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Échec de la recherche : %1</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Ajouter une personne…</translation>
    </message>
    <message>
        <source>Click a person to switch between with (AND), or (OR) and not (NOT); Delete removes them.</source>
        <translation>Cliquez sur une personne pour passer de avec (ET) à ou (OU) et sans (NON) ; Suppr la retire.</translation>
    </message>
    <message>
        <source>with = in every photo, or = at least one of them, not = in none</source>
        <translation>avec = sur chaque photo, ou = au moins l’une d’elles, sans = sur aucune</translation>
    </message>
    <message>
        <source>Add one or more people and press Search.</source>
        <translation>Ajoutez une ou plusieurs personnes et cliquez sur Rechercher.</translation>
    </message>
    <message>
        <source>Nobody is called %1.</source>
        <translation>Personne ne s’appelle %1.</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
    <message>
        <source>or %1</source>
        <translation>ou %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>sans %1</translation>
    </message>
    <message>
        <source>Add at least one person.</source>
        <translation>Ajoutez au moins une personne.</translation>
    </message>
</context>
<context>
    <name>kindred::SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choisir un dossier</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatique (GPU si disponible)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>Processeur (CPU)</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>GPU NVIDIA (CUDA)</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Tous les cœurs (%1)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Look for faces in new photos after each scan</source>
        <translation>Chercher les visages dans les nouvelles photos après chaque analyse</translation>
    </message>
    <message>
        <source>Rescan my folders when Kindred starts</source>
        <translation>Réanalyser mes dossiers au démarrage de Kindred</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Photothèque</translation>
    </message>
    <message>
        <source>Library location:</source>
        <translation>Emplacement de la photothèque :</translation>
    </message>
    <message>
        <source>Default location</source>
        <translation>Emplacement par défaut</translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation>Dossier des modèles :</translation>
    </message>
    <message>
        <source>Models shipped with Kindred</source>
        <translation>Modèles fournis avec Kindred</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>Reconnaissance des visages</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Exécuter sur :</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Threads du processeur :</translation>
    </message>
    <message>
        <source>Smallest face:</source>
        <translation>Plus petit visage :</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Travail en arrière-plan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Changes to the library location and the language take effect when Kindred is restarted.</source>
        <translation>Les changements d’emplacement de la photothèque et de langue prennent effet au redémarrage de Kindred.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Choose an InceptionResnetV1 checkpoint</source>
        <translation>Choisir un checkpoint InceptionResnetV1</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>Checkpoints PyTorch (*.pt *.pth);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>InceptionResnetV1 (checkpoint file)</source>
        <translation>InceptionResnetV1 (fichier checkpoint)</translation>
    </message>
    <message>
        <source>Kindred does not ship these weights. Download &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; from the releases of facenet-pytorch (github.com/timesler/facenet-pytorch) and choose the file here. Faces found so far are described again with the new model.</source>
        <translation>Kindred ne fournit pas ces poids. Téléchargez &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; depuis les versions publiées de facenet-pytorch (github.com/timesler/facenet-pytorch) et choisissez le fichier ici. Les visages déjà trouvés sont redécrits avec le nouveau modèle.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Face model:</source>
        <translation>Modèle de visages :</translation>
    </message>
    <message>
        <source>Checkpoint file:</source>
        <translation>Fichier checkpoint :</translation>
    </message>
    <message>
        <source>Choose the InceptionResnetV1 checkpoint file, or use the default face model.</source>
        <translation>Choisissez le fichier checkpoint InceptionResnetV1 ou utilisez le modèle de visages par défaut.</translation>
    </message>
    <message>
        <source>The checkpoint file %1 does not exist or cannot be read.</source>
        <translation>Le fichier checkpoint %1 n’existe pas ou est illisible.</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA, not available on this computer)</source>
        <translation>GPU NVIDIA (CUDA, indisponible sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Learn from the names I give to tell my family apart better (in the background)</source>
        <translation>Apprendre des noms que je donne pour mieux distinguer ma famille (en arrière-plan)</translation>
    </message>
    <message>
        <source>Automatic (recommended: EdgeFace-XS)</source>
        <translation>Automatique (recommandé : EdgeFace-XS)</translation>
    </message>
    <message>
        <source>EdgeFace-XS</source>
        <translation>EdgeFace-XS</translation>
    </message>
    <message>
        <source>FaceRecognitionNet (the first network)</source>
        <translation>FaceRecognitionNet (le premier réseau)</translation>
    </message>
    <message>
        <source>EdgeFace-XXS (faster, less accurate)</source>
        <translation>EdgeFace-XXS (plus rapide, moins précis)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>La dernière sauvegarde a échoué : %1</translation>
    </message>
    <message>
        <source>Kindred backs up your names daily and after you name people, into %1. There is no backup yet.</source>
        <translation>Kindred sauvegarde vos noms chaque jour et après que vous nommez des personnes, dans %1. Il n’y a pas encore de sauvegarde.</translation>
    </message>
    <message numerus="yes">
        <source>Kindred backs up your names daily and after you name people, into %1. %n backup(s) (%2), the newest from %3.</source>
        <translation>
            <numerusform>Kindred sauvegarde vos noms chaque jour et après que vous nommez des personnes, dans %1. %n sauvegarde (%2), du %3.</numerusform>
            <numerusform>Kindred sauvegarde vos noms chaque jour et après que vous nommez des personnes, dans %1. %n sauvegardes (%2), la plus récente du %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SuggestionsView</name>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Is this who Kindred thinks? &lt;b&gt;Y&lt;/b&gt; or &lt;b&gt;Enter&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt; or &lt;b&gt;Delete&lt;/b&gt;: no. Select several faces to answer for all of them.</source>
        <translation>Est-ce bien la personne que Kindred pense ? &lt;b&gt;Y&lt;/b&gt; ou &lt;b&gt;Entrée&lt;/b&gt; : oui. &lt;b&gt;N&lt;/b&gt; ou &lt;b&gt;Suppr&lt;/b&gt; : non. Sélectionnez plusieurs visages pour répondre pour tous.</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Oui (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>Non (N)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Rien à vérifier</translation>
    </message>
    <message>
        <source>When a face looks like someone you have already named, Kindred asks you here to confirm or reject it.</source>
        <translation>Quand un visage ressemble à quelqu’un que vous avez déjà nommé, Kindred vous demande ici de le confirmer ou de le refuser.</translation>
    </message>
    <message>
        <source>Everyone (%1)</source>
        <translation>Tout le monde (%1)</translation>
    </message>
    <message>
        <source>The suggestions could not be read: %1</source>
        <translation>Impossible de lire les suggestions : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionné</numerusform>
            <numerusform>%n sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n à vérifier</numerusform>
            <numerusform>%n à vérifier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::ThumbnailProvider</name>
    <message>
        <source>No thumbnail could be made.</source>
        <translation>Impossible de créer la vignette.</translation>
    </message>
</context>
<context>
    <name>kindred::UnknownFacesView</name>
    <message>
        <source>Unknown faces</source>
        <translation>Visages inconnus</translation>
    </message>
    <message>
        <source>Ignore selected groups</source>
        <translation>Ignorer les groupes sélectionnés</translation>
    </message>
    <message>
        <source>Strangers in the background: hide these faces for good (Delete). Undo brings them back.</source>
        <translation>Des inconnus à l’arrière-plan : masquer ces visages pour de bon (Suppr). Annuler les ramène.</translation>
    </message>
    <message>
        <source>Groups of faces that look alike, largest first.</source>
        <translation>Groupes de visages qui se ressemblent, les plus grands d’abord.</translation>
    </message>
    <message>
        <source>Select faces that are someone else and take them out before naming the group.</source>
        <translation>Sélectionnez les visages d’une autre personne et retirez-les avant de nommer le groupe.</translation>
    </message>
    <message>
        <source>Not this person</source>
        <translation>Pas cette personne</translation>
    </message>
    <message>
        <source>Take the selected faces out of this group (Delete)</source>
        <translation>Retirer les visages sélectionnés de ce groupe (Suppr)</translation>
    </message>
    <message>
        <source>Ignore faces</source>
        <translation>Ignorer les visages</translation>
    </message>
    <message>
        <source>Hide the selected faces: strangers</source>
        <translation>Masquer les visages sélectionnés : des inconnus</translation>
    </message>
    <message>
        <source>Who is this? Type a name…</source>
        <translation>Qui est-ce ? Tapez un nom…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nommer</translation>
    </message>
    <message>
        <source>No unknown faces</source>
        <translation>Aucun visage inconnu</translation>
    </message>
    <message>
        <source>Faces nobody has named yet appear here, grouped by likeness, once Kindred has looked for faces in your photos (File ▸ Find faces).</source>
        <translation>Les visages que personne n’a encore nommés apparaissent ici, groupés par ressemblance, une fois que Kindred a cherché les visages dans vos photos (Fichier ▸ Chercher les visages).</translation>
    </message>
    <message>
        <source>The unknown faces could not be read: %1</source>
        <translation>Impossible de lire les visages inconnus : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) that look like nobody else</source>
        <translation>
            <numerusform>%n visage qui ne ressemble à aucun autre</numerusform>
            <numerusform>%n visages qui ne ressemblent à aucun autre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A group of %n face(s)</source>
        <translation>
            <numerusform>Un groupe de %n visage</numerusform>
            <numerusform>Un groupe de %n visages</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1. Type a name…</source>
        <translation>Ressemble à %1. Tapez un nom…</translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>Ressemble à %1</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>Pas un visage</translation>
    </message>
    <message>
        <source>A hand, an ear, a pattern: move the selected faces (or, with none selected, the selected groups) to &quot;Not faces&quot; (N)</source>
        <translation>Une main, une oreille, un motif : déplacer les visages choisis (ou, si aucun ne l’est, les groupes choisis) vers « Pas des visages » (N)</translation>
    </message>
    <message>
        <source>It is a face</source>
        <translation>C’est un visage</translation>
    </message>
    <message>
        <source>Bring the selected faces back among the unknown faces; Kindred will not hide them again</source>
        <translation>Remettre les visages choisis parmi les visages inconnus ; Kindred ne les masquera plus</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) hidden as not a face</source>
        <translation>
            <numerusform>%n détection masquée comme « pas un visage »</numerusform>
            <numerusform>%n détections masquées comme « pas un visage »</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred hides what the face detector found but does not look like a face, a second box on a face already shown, and what you marked. Point at a face to see why. Select real faces and choose &quot;It is a face&quot;.</source>
        <translation>Kindred masque ce que le détecteur a trouvé mais qui ne ressemble pas à un visage, un second cadre sur un visage déjà affiché et ce que vous avez marqué. Pointez un visage pour en voir la raison. Choisissez les vrais visages puis « C’est un visage ».</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) that may not be faces</source>
        <translation>
            <numerusform>%n détection qui n’est peut-être pas un visage</numerusform>
            <numerusform>%n détections qui ne sont peut-être pas des visages</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred is not sure these are faces (small, blurred or half hidden ones, hands, patterns) and keeps them out of the groups. Least sure first: select what is not a face and choose &quot;Not a face&quot;; choose &quot;It is a face&quot; for faces, and they join the groups.</source>
        <translation>Kindred n’est pas sûr que ce soient des visages (petits, flous ou à moitié cachés, mains, motifs) et les garde hors des groupes. Les moins sûrs d’abord : sélectionnez ce qui n’est pas un visage et choisissez « Pas un visage » ; choisissez « C’est un visage » pour les visages, qui rejoignent alors les groupes.</translation>
    </message>
    <message>
        <source>The selected detections are faces: Kindred groups them like any face</source>
        <translation>Les détections sélectionnées sont des visages : Kindred les groupe comme tout visage</translation>
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
        <translation>Impossible d’ouvrir la photothèque.
%1</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>La sauvegarde n’a pas pu être restaurée : %1</translation>
    </message>
    <message>
        <source>The backup was restored. The catalog it replaced is kept as %1.</source>
        <translation>La sauvegarde a été restaurée. Le catalogue remplacé est conservé sous %1.</translation>
    </message>
    <message>
        <source>The damaged catalog could not be moved aside.</source>
        <translation>Le catalogue endommagé n’a pas pu être mis de côté.</translation>
    </message>
    <message>
        <source>Catalog: %1
What SQLite found: %2</source>
        <translation>Catalogue : %1
Ce que SQLite a trouvé : %2</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Redémarrer</translation>
    </message>
</context>
</TS>
