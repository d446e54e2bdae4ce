<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>kindred::BackupService</name>
    <message>
        <source>Made by you</source>
        <translation>Hecha por usted</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>After naming</source>
        <translation>Tras poner nombres</translation>
    </message>
    <message>
        <source>Before an update of Kindred</source>
        <translation>Antes de una actualización de Kindred</translation>
    </message>
    <message>
        <source>Before a new face model</source>
        <translation>Antes de un nuevo modelo de caras</translation>
    </message>
    <message>
        <source>Before personalisation</source>
        <translation>Antes de una personalización</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
</context>
<context>
    <name>kindred::ClusterListModel</name>
    <message numerus="yes">
        <source>%n face(s) on their own</source>
        <translation>
            <numerusform>%n cara suelta</numerusform>
            <numerusform>%n caras sueltas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s)</source>
        <translation>
            <numerusform>%n cara</numerusform>
            <numerusform>%n caras</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>Se parece a %1</translation>
    </message>
    <message numerus="yes">
        <source>Not faces: %n</source>
        <translation>
            <numerusform>No son caras: %n</numerusform>
            <numerusform>No son caras: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>hands, ears, patterns…</source>
        <translation>manos, orejas, estampados…</translation>
    </message>
    <message numerus="yes">
        <source>Maybe not faces: %n</source>
        <translation>
            <numerusform>Quizá no son caras: %n</numerusform>
            <numerusform>Quizá no son caras: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>the app is unsure</source>
        <translation>la app no está segura</translation>
    </message>
</context>
<context>
    <name>kindred::FaceIndexJob</name>
    <message>
        <source>Grouping the faces failed: %1</source>
        <translation>Error al agrupar las caras: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found</source>
        <translation>
            <numerusform>%n cara encontrada</numerusform>
            <numerusform>%n caras encontradas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 photos/s</source>
        <translation>%1 fotos/s</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>queda unos %n s</numerusform>
            <numerusform>quedan unos %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>queda unos %n min</numerusform>
            <numerusform>quedan unos %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces failed: %1</source>
        <translation>Error al buscar caras: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n photo(s)</source>
        <translation>
            <numerusform>Detenido tras %n foto</numerusform>
            <numerusform>Detenido tras %n fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) looked at</source>
        <translation>
            <numerusform>%n foto revisada</numerusform>
            <numerusform>%n fotos revisadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of unknown faces</source>
        <translation>
            <numerusform>%n grupo de caras desconocidas</numerusform>
            <numerusform>%n grupos de caras desconocidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n sugerencia</numerusform>
            <numerusform>%n sugerencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n no se pudo leer</numerusform>
            <numerusform>%n no se pudieron leer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named from the photos&apos; own tags</source>
        <translation>
            <numerusform>%n nombrado a partir de las etiquetas de las fotos</numerusform>
            <numerusform>%n nombrados a partir de las etiquetas de las fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>Updating face recognition (better with turned faces): %1 of %2 faces, names kept</source>
        <translation>Actualizando el reconocimiento facial (mejor con caras giradas): %1 de %2 caras, los nombres se conservan</translation>
    </message>
    <message numerus="yes">
        <source>(%n more kept out as not faces)</source>
        <translation>
            <numerusform>(%n más apartado por no ser una cara)</numerusform>
            <numerusform>(%n más apartados por no ser caras)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) the face check had hidden are back under Maybe not faces</source>
        <translation>
            <numerusform>%n cara ocultada por la comprobación de caras vuelve a estar en «Quizá no son caras»</numerusform>
            <numerusform>%n caras ocultadas por la comprobación de caras vuelven a estar en «Quizá no son caras»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept out as not faces</source>
        <translation>
            <numerusform>%n apartado por no ser una cara</numerusform>
            <numerusform>%n apartados por no ser caras</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::FaceListModel</name>
    <message>
        <source>%1?</source>
        <translation>¿%1?</translation>
    </message>
    <message>
        <source>Is this %1? (%2 sure)</source>
        <translation>¿Es %1? (%2 de seguridad)</translation>
    </message>
    <message>
        <source>A second box on a face found beside it</source>
        <translation>Un segundo recuadro sobre una cara encontrada al lado</translation>
    </message>
    <message>
        <source>Hidden by the face check: unlike a face</source>
        <translation>Ocultado por la comprobación de caras: no parece una cara</translation>
    </message>
</context>
<context>
    <name>kindred::FinetuneJob</name>
    <message>
        <source>Face recognition personalised: identification error %1% -&gt; %2%</source>
        <translation>Reconocimiento facial personalizado: error de identificación %1% -&gt; %2%</translation>
    </message>
    <message>
        <source>Personalisation not adopted: %1</source>
        <translation>Personalización no adoptada: %1</translation>
    </message>
    <message>
        <source>Not enough confirmed faces to personalise: %1</source>
        <translation>No hay suficientes caras confirmadas para personalizar: %1</translation>
    </message>
    <message>
        <source>Personalisation cancelled</source>
        <translation>Personalización cancelada</translation>
    </message>
    <message>
        <source>Personalisation failed: %1</source>
        <translation>La personalización falló: %1</translation>
    </message>
</context>
<context>
    <name>kindred::FolderView</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>Choose a folder on the left.</source>
        <translation>Elija una carpeta a la izquierda.</translation>
    </message>
</context>
<context>
    <name>kindred::JobErrorsDialog</name>
    <message>
        <source>Problems: %1</source>
        <translation>Problemas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read.</source>
        <translation>
            <numerusform>No se pudo leer %n archivo.</numerusform>
            <numerusform>No se pudieron leer %n archivos.</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copiar lista</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
</context>
<context>
    <name>kindred::JobManager</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
</context>
<context>
    <name>kindred::JobStatusWidget</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Show the files that could not be read</source>
        <translation>Mostrar los archivos que no se pudieron leer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problema</numerusform>
            <numerusform>%n problemas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::LibraryService</name>
    <message>
        <source>Cannot use the library folder %1: %2</source>
        <translation>No se puede usar la carpeta de la biblioteca %1: %2</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2</source>
        <translation>No se puede abrir el catálogo %1: %2</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>No hay ninguna biblioteca abierta.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 no es una carpeta.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation>No se puede leer %1 (permiso denegado).</translation>
    </message>
    <message>
        <source>Scanning %1</source>
        <translation>Analizando %1</translation>
    </message>
    <message>
        <source>There are no folders to scan yet. Add a folder first.</source>
        <translation>Todavía no hay carpetas que analizar. Añada primero una carpeta.</translation>
    </message>
    <message numerus="yes">
        <source>Rescanning %n folder(s)</source>
        <translation>
            <numerusform>Volviendo a analizar %n carpeta</numerusform>
            <numerusform>Volviendo a analizar %n carpetas</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding faces</source>
        <translation>Buscando caras</translation>
    </message>
    <message>
        <source>Grouping similar faces…</source>
        <translation>Agrupando caras parecidas…</translation>
    </message>
    <message>
        <source>Face recognition is already being personalised.</source>
        <translation>El reconocimiento facial ya se está personalizando.</translation>
    </message>
    <message>
        <source>Personalising face recognition</source>
        <translation>Personalizando el reconocimiento facial</translation>
    </message>
    <message>
        <source>Training round %1 of %2, loss %3</source>
        <translation>Ronda de entrenamiento %1 de %2, pérdida %3</translation>
    </message>
    <message>
        <source>Names are already being written.</source>
        <translation>Los nombres ya se están escribiendo.</translation>
    </message>
    <message>
        <source>Writing names into the photos</source>
        <translation>Escribiendo los nombres en las fotos</translation>
    </message>
    <message>
        <source>Writing names to sidecars</source>
        <translation>Escribiendo los nombres en archivos adjuntos</translation>
    </message>
    <message>
        <source>Writing names failed: %1</source>
        <translation>No se pudieron escribir los nombres: %1</translation>
    </message>
    <message numerus="yes">
        <source>Names written to %n photo(s)</source>
        <translation>
            <numerusform>Nombres escritos en %n foto</numerusform>
            <numerusform>Nombres escritos en %n fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already up to date</source>
        <translation>
            <numerusform>%n ya actualizada</numerusform>
            <numerusform>%n ya actualizadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be written</source>
        <translation>
            <numerusform>%n no se pudo escribir</numerusform>
            <numerusform>%n no se pudieron escribir</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalog is in use by another Kindred window or kindred-cli; close it first.</source>
        <translation>El catálogo está en uso por otra ventana de Kindred o por kindred-cli; ciérrela primero.</translation>
    </message>
    <message>
        <source>The current catalog could not be backed up first (%1); nothing was changed.</source>
        <translation>No se pudo hacer primero una copia del catálogo actual (%1); no se cambió nada.</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged (%2). Kindred has not changed it. Restore a backup to go on where you were.</source>
        <translation>El catálogo %1 está dañado (%2). Kindred no lo ha cambiado. Restaure una copia de seguridad para seguir donde estaba.</translation>
    </message>
    <message>
        <source>Kindred found damage in its catalog %1 and stopped changing it. Start Kindred again to restore a backup.</source>
        <translation>Kindred encontró daños en su catálogo %1 y ha dejado de modificarlo. Inicie Kindred de nuevo para restaurar una copia de seguridad.</translation>
    </message>
    <message>
        <source>The catalog is damaged; nothing was changed. Start Kindred again to restore a backup.</source>
        <translation>El catálogo está dañado; no se cambió nada. Inicie Kindred de nuevo para restaurar una copia de seguridad.</translation>
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
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Carpetas</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Unknown faces</source>
        <translation>Caras desconocidas</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>No photos yet.
Drop a folder of photos here, or add one.</source>
        <translation>Todavía no hay fotos.
Arrastre aquí una carpeta de fotos o añada una.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Añadir carpeta…</translation>
    </message>
    <message>
        <source>&amp;Rescan folders</source>
        <translation>&amp;Volver a analizar carpetas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation>Miniaturas más &amp;grandes</translation>
    </message>
    <message>
        <source>&amp;Smaller thumbnails</source>
        <translation>Miniaturas más &amp;pequeñas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Kindred</source>
        <translation>&amp;Acerca de Kindred</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer.</source>
        <translation>%1 no es un archivo de este equipo.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>%1 is not a photo or a folder.</source>
        <translation>%1 no es una foto ni una carpeta.</translation>
    </message>
    <message>
        <source>Could not add: %1</source>
        <translation>No se pudo añadir: %1</translation>
    </message>
    <message>
        <source>Add a folder of photos</source>
        <translation>Añadir una carpeta de fotos</translation>
    </message>
    <message>
        <source>Only folders and photos can be dropped here.</source>
        <translation>Aquí solo se pueden soltar carpetas y fotos.</translation>
    </message>
    <message>
        <source>Kindred — %1</source>
        <translation>Kindred — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) in the library</source>
        <translation>
            <numerusform>%n foto en la biblioteca</numerusform>
            <numerusform>%n fotos en la biblioteca</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart Kindred to use the new library location or language.</source>
        <translation>Reinicie Kindred para usar la nueva ubicación de la biblioteca o el nuevo idioma.</translation>
    </message>
    <message>
        <source>About Kindred</source>
        <translation>Acerca de Kindred</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;An offline family photo library that finds the people in your pictures. Your photos never leave this computer.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kindred %1&lt;/h3&gt;&lt;p&gt;Una biblioteca de fotos familiar sin conexión que encuentra a las personas de sus imágenes. Sus fotos nunca salen de este equipo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Find &amp;faces</source>
        <translation>Buscar &amp;caras</translation>
    </message>
    <message>
        <source>&amp;Personalise face recognition</source>
        <translation>&amp;Personalizar el reconocimiento facial</translation>
    </message>
    <message>
        <source>Learn from the faces you named to tell your family apart better</source>
        <translation>Aprender de las caras que ha nombrado para distinguir mejor a su familia</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer: %1</translation>
    </message>
    <message>
        <source>&amp;Write names to files…</source>
        <translation>E&amp;scribir los nombres en los archivos…</translation>
    </message>
    <message>
        <source>Save the names as tags other photo programs can read</source>
        <translation>Guardar los nombres como etiquetas que otros programas de fotos pueden leer</translation>
    </message>
    <message>
        <source>Write names to files</source>
        <translation>Escribir los nombres en los archivos</translation>
    </message>
    <message>
        <source>Save the names you gave as face tags that other photo programs (digiKam, Lightroom, Windows Photos, …) and a new Kindred library can read?</source>
        <translation>¿Guardar los nombres que ha puesto como etiquetas de caras que otros programas de fotos (digiKam, Lightroom, Fotos de Windows, …) y una nueva biblioteca de Kindred pueden leer?</translation>
    </message>
    <message>
        <source>Sidecar files are small .xmp files saved next to each photo; your photos stay exactly as they are. Writing into the photos changes the photo files themselves (JPEG, PNG, TIFF, WebP; the picture is checked to stay identical). Only photos whose names changed are written.</source>
        <translation>Los archivos adjuntos son pequeños archivos .xmp guardados junto a cada foto; sus fotos quedan exactamente como están. Escribir en las fotos modifica los propios archivos (JPEG, PNG, TIFF, WebP; se comprueba que la imagen siga idéntica). Solo se escriben las fotos cuyos nombres cambiaron.</translation>
    </message>
    <message>
        <source>Write &amp;sidecar files</source>
        <translation>Escribir archivos &amp;adjuntos</translation>
    </message>
    <message>
        <source>Write &amp;into the photos</source>
        <translation>Escribir &amp;en las fotos</translation>
    </message>
    <message>
        <source>Change your photo files?</source>
        <translation>¿Modificar sus archivos de fotos?</translation>
    </message>
    <message>
        <source>Kindred will rewrite the photos that have names, adding the names to their metadata. Make sure you have a backup of your photos first.</source>
        <translation>Kindred reescribirá las fotos que tienen nombres y añadirá los nombres a sus metadatos. Asegúrese antes de tener una copia de seguridad de sus fotos.</translation>
    </message>
    <message>
        <source>&amp;Rewrite photos</source>
        <translation>&amp;Reescribir las fotos</translation>
    </message>
    <message>
        <source>&lt;p&gt;The EdgeFace face recognition weights are by the Idiap Research Institute, under the BSD 3-Clause licence (its notice is in the details).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Los pesos de reconocimiento facial EdgeFace son del Idiap Research Institute, con licencia BSD 3-Clause (su aviso está en los detalles).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>EdgeFace face recognition weights (edgeface_xs_q.pt, edgeface_xxs_q.pt):</source>
        <translation>Pesos de reconocimiento facial EdgeFace (edgeface_xs_q.pt, edgeface_xxs_q.pt):</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleController</name>
    <message>
        <source>The catalog is damaged; nothing was changed.</source>
        <translation>El catálogo está dañado; no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>kindred::PeopleView</name>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>No people yet</source>
        <translation>Todavía no hay personas</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>The people could not be read: %1</source>
        <translation>No se pudieron leer las personas: %1</translation>
    </message>
    <message>
        <source>Open a person to see their photos. Right-click for more; drag one person onto another to merge them.</source>
        <translation>Abra una persona para ver sus fotos. Haga clic con el botón derecho para más opciones; arrastre una persona sobre otra para unirlas.</translation>
    </message>
    <message>
        <source>Show hidden people</source>
        <translation>Mostrar personas ocultas</translation>
    </message>
    <message>
        <source>When you name the faces Kindred finds (Unknown faces), the people appear here.</source>
        <translation>Cuando nombre las caras que encuentra Kindred (Caras desconocidas), las personas aparecerán aquí.</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(oculta)</translation>
    </message>
    <message>
        <source>Show photos</source>
        <translation>Mostrar fotos</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Unir con…</translation>
    </message>
    <message>
        <source>Choose cover face…</source>
        <translation>Elegir cara de portada…</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>Volver a mostrar</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>Eliminar persona…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>Nuevo nombre para %1:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unir</translation>
    </message>
    <message>
        <source>%1 is the same person as:</source>
        <translation>%1 es la misma persona que:</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>Eliminar persona</translation>
    </message>
    <message>
        <source>Forget %1? Their faces go back to the unknown faces. (Edit ▸ Undo brings them back.)</source>
        <translation>¿Olvidar a %1? Sus caras vuelven a las caras desconocidas. (Editar ▸ Deshacer las recupera.)</translation>
    </message>
    <message>
        <source>Cover face of %1</source>
        <translation>Cara de portada de %1</translation>
    </message>
    <message>
        <source>Pick the face that shows %1 best.</source>
        <translation>Elija la cara en la que mejor se ve a %1.</translation>
    </message>
    <message>
        <source>Merge %1 into %2? All of %1&apos;s faces become %2&apos;s.</source>
        <translation>¿Unir %1 con %2? Todas las caras de %1 pasan a ser de %2.</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoGridView</name>
    <message>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Más antiguas primero</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Por nombre</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Jump to a month</source>
        <translation>Ir a un mes</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Tamaño de las miniaturas</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::PhotoListModel</name>
    <message>
        <source>(no preview)</source>
        <translation>(sin vista previa)</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoView</name>
    <message>
        <source>Who is this?</source>
        <translation>¿Quién es?</translation>
    </message>
</context>
<context>
    <name>kindred::PhotoViewer</name>
    <message>
        <source>Back to the photos (Esc)</source>
        <translation>Volver a las fotos (Esc)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Previous photo (Left arrow)</source>
        <translation>Foto anterior (flecha izquierda)</translation>
    </message>
    <message>
        <source>Next photo (Right arrow)</source>
        <translation>Foto siguiente (flecha derecha)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Ninguna foto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>This photo cannot be shown: %1</source>
        <translation>No se puede mostrar esta foto: %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>%1 (file date)</source>
        <translation>%1 (fecha del archivo)</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 píxeles, %3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Show the faces and their names (F)</source>
        <translation>Mostrar las caras y sus nombres (F)</translation>
    </message>
    <message>
        <source>Add a face Kindred missed: draw a box around it (D)</source>
        <translation>Añadir una cara que Kindred no encontró: dibuje un recuadro alrededor (D)</translation>
    </message>
    <message>
        <source>Add a face</source>
        <translation>Añadir una cara</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>¿%1?</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Yes, this is %1</source>
        <translation>Sí, es %1</translation>
    </message>
    <message>
        <source>No, this is not %1</source>
        <translation>No, no es %1</translation>
    </message>
    <message>
        <source>Name this face…</source>
        <translation>Nombrar esta cara…</translation>
    </message>
    <message>
        <source>This is someone else…</source>
        <translation>Es otra persona…</translation>
    </message>
    <message>
        <source>Who is this?</source>
        <translation>¿Quién es?</translation>
    </message>
    <message>
        <source>This is not %1</source>
        <translation>No es %1</translation>
    </message>
    <message>
        <source>Ignore this face</source>
        <translation>Ignorar esta cara</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>No es una cara</translation>
    </message>
</context>
<context>
    <name>kindred::QuestionsView</name>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Sí (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>No (N)</translation>
    </message>
    <message>
        <source>Skip (S)</source>
        <translation>Saltar (S)</translation>
    </message>
    <message>
        <source>No questions</source>
        <translation>No hay preguntas</translation>
    </message>
    <message>
        <source>The questions could not be read: %1</source>
        <translation>No se pudieron leer las preguntas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n pregunta</numerusform>
            <numerusform>%n preguntas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n face(s)</source>
        <translation>
            <numerusform>unas %n cara</numerusform>
            <numerusform>unas %n caras</numerusform>
        </translation>
    </message>
    <message>
        <source>Is this group &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>¿Este grupo es &lt;b&gt;%1&lt;/b&gt;?</translation>
    </message>
    <message numerus="yes">
        <source>This group: %n face(s)</source>
        <translation>
            <numerusform>Este grupo: %n cara</numerusform>
            <numerusform>Este grupo: %n caras</numerusform>
        </translation>
    </message>
    <message>
        <source> (the best %1 shown)</source>
        <translation> (se muestran las %1 mejores)</translation>
    </message>
    <message>
        <source>%1, as you named them (%2 % sure)</source>
        <translation>%1, tal como lo nombró (%2 % de seguridad)</translation>
    </message>
    <message>
        <source>Not in this group (Del)</source>
        <translation>No es de este grupo (Supr)</translation>
    </message>
    <message>
        <source>Select faces of the group that are someone else, then take them out before answering.</source>
        <translation>Seleccione las caras del grupo que son de otra persona y sáquelas antes de responder.</translation>
    </message>
    <message>
        <source>One answer names a whole group or joins two. &lt;b&gt;Y&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt;: no (never asked again). &lt;b&gt;S&lt;/b&gt;: skip. Edit ▸ Undo takes an answer back.</source>
        <translation>Una respuesta nombra un grupo entero o une dos. &lt;b&gt;Y&lt;/b&gt;: sí. &lt;b&gt;N&lt;/b&gt;: no (no se vuelve a preguntar). &lt;b&gt;S&lt;/b&gt;: omitir. Edición ▸ Deshacer retira una respuesta.</translation>
    </message>
    <message>
        <source>When a whole group of unknown faces looks like someone you have named, or two groups look like one person, Kindred asks you here, once for the whole group.</source>
        <translation>Cuando todo un grupo de caras desconocidas se parece a alguien que ha nombrado, o dos grupos parecen una sola persona, Kindred le pregunta aquí, una vez para todo el grupo.</translation>
    </message>
    <message>
        <source>Are these two groups the &lt;b&gt;same person&lt;/b&gt;?</source>
        <translation>¿Son estos dos grupos la &lt;b&gt;misma persona&lt;/b&gt;?</translation>
    </message>
    <message numerus="yes">
        <source>The other group: %n face(s) (%1 % sure)</source>
        <translation>
            <numerusform>El otro grupo: %n cara (%1 % seguro)</numerusform>
            <numerusform>El otro grupo: %n caras (%1 % seguro)</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, this is… (type a name, Enter)</source>
        <translation>Sí, es … (escriba un nombre, Intro)</translation>
    </message>
    <message>
        <source>Joins the two groups and names them in one answer</source>
        <translation>Une los dos grupos y los nombra con una sola respuesta</translation>
    </message>
</context>
<context>
    <name>kindred::RestoreDialog</name>
    <message>
        <source>The catalog is damaged</source>
        <translation>El catálogo está dañado</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kindred&apos;s catalog, where your names and groups are kept, is damaged.&lt;/b&gt; This can happen after a disk error, a sync tool or a crash of the computer. Kindred has not changed it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;El catálogo de Kindred, donde se guardan sus nombres y grupos, está dañado.&lt;/b&gt; Puede ocurrir tras un error de disco, por una herramienta de sincronización o por un fallo del ordenador. Kindred no lo ha cambiado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a backup to go on from where it was made. The damaged catalog is kept beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Elija una copia de seguridad para seguir desde el momento en que se hizo. El catálogo dañado se conserva al lado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Restoring replaces the catalog with the chosen backup: names given since then are not in it. Today&apos;s catalog is backed up first and kept, so you can come back to it. Kindred starts again to restore.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Restaurar sustituye el catálogo por la copia elegida: los nombres puestos desde entonces no están en ella. El catálogo de hoy se guarda antes y se conserva, para que pueda volver a él. Kindred se reinicia para restaurar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>no se puede leer</translation>
    </message>
    <message>
        <source>Start a new catalog</source>
        <translation>Empezar un catálogo nuevo</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named faces</source>
        <translation>
            <numerusform>%n cara con nombre</numerusform>
            <numerusform>%n caras con nombre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photos</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;There is no backup of it. Names that were written to the photos (File ▸ Write names to files) come back when a new catalog scans them: choose &lt;i&gt;Start a new catalog&lt;/i&gt;. The damaged one is kept beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No hay ninguna copia de seguridad. Los nombres escritos en las fotos (Archivo ▸ Escribir nombres en los archivos) vuelven cuando un catálogo nuevo las examina: elija &lt;i&gt;Empezar un catálogo nuevo&lt;/i&gt;. El dañado se conserva al lado.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>kindred::ScanJob</name>
    <message>
        <source>Scan failed: %1</source>
        <translation>Error en el análisis: %1</translation>
    </message>
    <message numerus="yes">
        <source>Scan cancelled after %n file(s)</source>
        <translation>
            <numerusform>Análisis cancelado tras %n archivo</numerusform>
            <numerusform>Análisis cancelado tras %n archivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found</source>
        <translation>
            <numerusform>%n foto encontrada</numerusform>
            <numerusform>%n fotos encontradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nueva</numerusform>
            <numerusform>%n nuevas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n movida</numerusform>
            <numerusform>%n movidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing</source>
        <translation>
            <numerusform>%n desaparecida</numerusform>
            <numerusform>%n desaparecidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n ilegible</numerusform>
            <numerusform>%n ilegibles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SearchView</name>
    <message>
        <source>Taken between</source>
        <translation>Tomada entre</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>En todas partes</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Personas:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Nobody has been named yet. Name people first, then search for them here.</source>
        <translation>Todavía no se ha nombrado a nadie. Nombre primero a las personas y luego búsquelas aquí.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) found.</source>
        <translation>
            <numerusform>%n foto encontrada.</numerusform>
            <numerusform>%n fotos encontradas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Error en la búsqueda: %1</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Añadir una persona…</translation>
    </message>
    <message>
        <source>Click a person to switch between with (AND), or (OR) and not (NOT); Delete removes them.</source>
        <translation>Haga clic en una persona para alternar entre con (Y), o (O) y sin (NO); Supr la quita.</translation>
    </message>
    <message>
        <source>with = in every photo, or = at least one of them, not = in none</source>
        <translation>con = en todas las fotos, o = al menos una de ellas, sin = en ninguna</translation>
    </message>
    <message>
        <source>Add one or more people and press Search.</source>
        <translation>Añada una o varias personas y pulse Buscar.</translation>
    </message>
    <message>
        <source>Nobody is called %1.</source>
        <translation>Nadie se llama %1.</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>con %1</translation>
    </message>
    <message>
        <source>or %1</source>
        <translation>o %1</translation>
    </message>
    <message>
        <source>not %1</source>
        <translation>sin %1</translation>
    </message>
    <message>
        <source>Add at least one person.</source>
        <translation>Añada al menos una persona.</translation>
    </message>
</context>
<context>
    <name>kindred::SettingsDialog</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Elija una carpeta</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automático (GPU si está disponible)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>GPU NVIDIA (CUDA)</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>Todos los núcleos (%1)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Look for faces in new photos after each scan</source>
        <translation>Buscar caras en las fotos nuevas después de cada análisis</translation>
    </message>
    <message>
        <source>Rescan my folders when Kindred starts</source>
        <translation>Volver a analizar mis carpetas al iniciar Kindred</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Library location:</source>
        <translation>Ubicación de la biblioteca:</translation>
    </message>
    <message>
        <source>Default location</source>
        <translation>Ubicación predeterminada</translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation>Carpeta de modelos:</translation>
    </message>
    <message>
        <source>Models shipped with Kindred</source>
        <translation>Modelos incluidos con Kindred</translation>
    </message>
    <message>
        <source>Face recognition</source>
        <translation>Reconocimiento facial</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ejecutar en:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Hilos de CPU:</translation>
    </message>
    <message>
        <source>Smallest face:</source>
        <translation>Cara más pequeña:</translation>
    </message>
    <message>
        <source>Background work</source>
        <translation>Trabajo en segundo plano</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Changes to the library location and the language take effect when Kindred is restarted.</source>
        <translation>Los cambios de ubicación de la biblioteca y de idioma se aplican al reiniciar Kindred.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Choose an InceptionResnetV1 checkpoint</source>
        <translation>Elegir un checkpoint de InceptionResnetV1</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pt *.pth);;All files (*)</source>
        <translation>Checkpoints de PyTorch (*.pt *.pth);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>InceptionResnetV1 (checkpoint file)</source>
        <translation>InceptionResnetV1 (archivo de checkpoint)</translation>
    </message>
    <message>
        <source>Kindred does not ship these weights. Download &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; from the releases of facenet-pytorch (github.com/timesler/facenet-pytorch) and choose the file here. Faces found so far are described again with the new model.</source>
        <translation>Kindred no incluye estos pesos. Descargue &lt;b&gt;20180402-114759-vggface2.pt&lt;/b&gt; de las versiones publicadas de facenet-pytorch (github.com/timesler/facenet-pytorch) y elija el archivo aquí. Las caras ya encontradas se vuelven a describir con el nuevo modelo.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Face model:</source>
        <translation>Modelo de caras:</translation>
    </message>
    <message>
        <source>Checkpoint file:</source>
        <translation>Archivo de checkpoint:</translation>
    </message>
    <message>
        <source>Choose the InceptionResnetV1 checkpoint file, or use the default face model.</source>
        <translation>Elija el archivo de checkpoint de InceptionResnetV1 o use el modelo de caras predeterminado.</translation>
    </message>
    <message>
        <source>The checkpoint file %1 does not exist or cannot be read.</source>
        <translation>El archivo de checkpoint %1 no existe o no se puede leer.</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA, not available on this computer)</source>
        <translation>GPU NVIDIA (CUDA, no disponible en este equipo)</translation>
    </message>
    <message>
        <source>Learn from the names I give to tell my family apart better (in the background)</source>
        <translation>Aprender de los nombres que doy para distinguir mejor a mi familia (en segundo plano)</translation>
    </message>
    <message>
        <source>Automatic (recommended: EdgeFace-XS)</source>
        <translation>Automático (recomendado: EdgeFace-XS)</translation>
    </message>
    <message>
        <source>EdgeFace-XS</source>
        <translation>EdgeFace-XS</translation>
    </message>
    <message>
        <source>FaceRecognitionNet (the first network)</source>
        <translation>FaceRecognitionNet (la primera red)</translation>
    </message>
    <message>
        <source>EdgeFace-XXS (faster, less accurate)</source>
        <translation>EdgeFace-XXS (más rápido, menos preciso)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo copia…</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>La última copia de seguridad falló: %1</translation>
    </message>
    <message>
        <source>Kindred backs up your names daily and after you name people, into %1. There is no backup yet.</source>
        <translation>Kindred guarda una copia de sus nombres a diario y después de que ponga nombres, en %1. Todavía no hay ninguna copia.</translation>
    </message>
    <message numerus="yes">
        <source>Kindred backs up your names daily and after you name people, into %1. %n backup(s) (%2), the newest from %3.</source>
        <translation>
            <numerusform>Kindred guarda una copia de sus nombres a diario y después de que ponga nombres, en %1. %n copia (%2), del %3.</numerusform>
            <numerusform>Kindred guarda una copia de sus nombres a diario y después de que ponga nombres, en %1. %n copias (%2), la más reciente del %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::SuggestionsView</name>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Is this who Kindred thinks? &lt;b&gt;Y&lt;/b&gt; or &lt;b&gt;Enter&lt;/b&gt;: yes. &lt;b&gt;N&lt;/b&gt; or &lt;b&gt;Delete&lt;/b&gt;: no. Select several faces to answer for all of them.</source>
        <translation>¿Es quien Kindred cree? &lt;b&gt;Y&lt;/b&gt; o &lt;b&gt;Intro&lt;/b&gt;: sí. &lt;b&gt;N&lt;/b&gt; o &lt;b&gt;Supr&lt;/b&gt;: no. Seleccione varias caras para responder por todas.</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>Sí (Y)</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>No (N)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Nothing to review</source>
        <translation>Nada que revisar</translation>
    </message>
    <message>
        <source>When a face looks like someone you have already named, Kindred asks you here to confirm or reject it.</source>
        <translation>Cuando una cara se parece a alguien que ya ha nombrado, Kindred le pide aquí que lo confirme o lo rechace.</translation>
    </message>
    <message>
        <source>Everyone (%1)</source>
        <translation>Todos (%1)</translation>
    </message>
    <message>
        <source>The suggestions could not be read: %1</source>
        <translation>No se pudieron leer las sugerencias: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionada</numerusform>
            <numerusform>%n seleccionadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n por revisar</numerusform>
            <numerusform>%n por revisar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kindred::ThumbnailProvider</name>
    <message>
        <source>No thumbnail could be made.</source>
        <translation>No se pudo crear la miniatura.</translation>
    </message>
</context>
<context>
    <name>kindred::UnknownFacesView</name>
    <message>
        <source>Unknown faces</source>
        <translation>Caras desconocidas</translation>
    </message>
    <message>
        <source>Ignore selected groups</source>
        <translation>Ignorar los grupos seleccionados</translation>
    </message>
    <message>
        <source>Strangers in the background: hide these faces for good (Delete). Undo brings them back.</source>
        <translation>Desconocidos al fondo: ocultar estas caras para siempre (Supr). Deshacer las recupera.</translation>
    </message>
    <message>
        <source>Groups of faces that look alike, largest first.</source>
        <translation>Grupos de caras parecidas, los más grandes primero.</translation>
    </message>
    <message>
        <source>Select faces that are someone else and take them out before naming the group.</source>
        <translation>Seleccione las caras que son de otra persona y quítelas antes de nombrar el grupo.</translation>
    </message>
    <message>
        <source>Not this person</source>
        <translation>No es esta persona</translation>
    </message>
    <message>
        <source>Take the selected faces out of this group (Delete)</source>
        <translation>Quitar las caras seleccionadas de este grupo (Supr)</translation>
    </message>
    <message>
        <source>Ignore faces</source>
        <translation>Ignorar caras</translation>
    </message>
    <message>
        <source>Hide the selected faces: strangers</source>
        <translation>Ocultar las caras seleccionadas: desconocidos</translation>
    </message>
    <message>
        <source>Who is this? Type a name…</source>
        <translation>¿Quién es? Escriba un nombre…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombrar</translation>
    </message>
    <message>
        <source>No unknown faces</source>
        <translation>No hay caras desconocidas</translation>
    </message>
    <message>
        <source>Faces nobody has named yet appear here, grouped by likeness, once Kindred has looked for faces in your photos (File ▸ Find faces).</source>
        <translation>Las caras que nadie ha nombrado aún aparecen aquí, agrupadas por parecido, cuando Kindred ha buscado caras en sus fotos (Archivo ▸ Buscar caras).</translation>
    </message>
    <message>
        <source>The unknown faces could not be read: %1</source>
        <translation>No se pudieron leer las caras desconocidas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) that look like nobody else</source>
        <translation>
            <numerusform>%n cara que no se parece a ninguna otra</numerusform>
            <numerusform>%n caras que no se parecen a ninguna otra</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A group of %n face(s)</source>
        <translation>
            <numerusform>Un grupo de %n cara</numerusform>
            <numerusform>Un grupo de %n caras</numerusform>
        </translation>
    </message>
    <message>
        <source>Looks like %1. Type a name…</source>
        <translation>Se parece a %1. Escriba un nombre…</translation>
    </message>
    <message>
        <source>Looks like %1</source>
        <translation>Se parece a %1</translation>
    </message>
    <message>
        <source>Not a face</source>
        <translation>No es una cara</translation>
    </message>
    <message>
        <source>A hand, an ear, a pattern: move the selected faces (or, with none selected, the selected groups) to &quot;Not faces&quot; (N)</source>
        <translation>Una mano, una oreja, un estampado: mover las caras elegidas (o, si no hay ninguna, los grupos elegidos) a «No son caras» (N)</translation>
    </message>
    <message>
        <source>It is a face</source>
        <translation>Es una cara</translation>
    </message>
    <message>
        <source>Bring the selected faces back among the unknown faces; Kindred will not hide them again</source>
        <translation>Devolver las caras elegidas a las caras desconocidas; Kindred no volverá a ocultarlas</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) hidden as not a face</source>
        <translation>
            <numerusform>%n detección oculta como «no es una cara»</numerusform>
            <numerusform>%n detecciones ocultas como «no es una cara»</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred hides what the face detector found but does not look like a face, a second box on a face already shown, and what you marked. Point at a face to see why. Select real faces and choose &quot;It is a face&quot;.</source>
        <translation>Kindred oculta lo que el detector encontró pero no parece una cara, un segundo recuadro sobre una cara ya mostrada y lo que usted marcó. Señale una cara para ver el motivo. Elija las caras reales y luego «Es una cara».</translation>
    </message>
    <message numerus="yes">
        <source>%n detection(s) that may not be faces</source>
        <translation>
            <numerusform>%n detección que quizá no es una cara</numerusform>
            <numerusform>%n detecciones que quizá no son caras</numerusform>
        </translation>
    </message>
    <message>
        <source>Kindred is not sure these are faces (small, blurred or half hidden ones, hands, patterns) and keeps them out of the groups. Least sure first: select what is not a face and choose &quot;Not a face&quot;; choose &quot;It is a face&quot; for faces, and they join the groups.</source>
        <translation>Kindred no está seguro de que sean caras (pequeñas, borrosas o medio ocultas, manos, dibujos) y las deja fuera de los grupos. Las menos seguras primero: seleccione lo que no es una cara y elija «No es una cara»; elija «Es una cara» para las caras, y se unen a los grupos.</translation>
    </message>
    <message>
        <source>The selected detections are faces: Kindred groups them like any face</source>
        <translation>Las detecciones seleccionadas son caras: Kindred las agrupa como cualquier cara</translation>
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
        <translation>No se pudo abrir la biblioteca de fotos.
%1</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>No se pudo restaurar la copia de seguridad: %1</translation>
    </message>
    <message>
        <source>The backup was restored. The catalog it replaced is kept as %1.</source>
        <translation>Se restauró la copia de seguridad. El catálogo sustituido se conserva como %1.</translation>
    </message>
    <message>
        <source>The damaged catalog could not be moved aside.</source>
        <translation>No se pudo apartar el catálogo dañado.</translation>
    </message>
    <message>
        <source>Catalog: %1
What SQLite found: %2</source>
        <translation>Catálogo: %1
Lo que encontró SQLite: %2</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Reiniciar</translation>
    </message>
</context>
</TS>
