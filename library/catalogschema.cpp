#include "catalogschema.h"

namespace kindred {

// Design notes
// - photos: one row per file path (path UNIQUE). Identical copies at two paths are two rows that share
//   `hash`; each has its own faces. A file that disappears from its path and shows up at another path
//   with the same hash+size (a move/rename) keeps its row: only `path` changes.
// - failures: one row per path that could not be catalogued, with the size/mtime seen at the time, so
//   the scanner retries it only when the file changes.
// - faces: rectangles and landmarks in pixel coordinates of the photo as displayed (EXIF orientation
//   applied), typed REAL columns. Every embedding records the model that produced it and its dimension.
//   person_id + state carry the label: 'suggested' (person_id proposed by clustering), 'confirmed' (user),
//   'rejected' (the user said "not person_id"; the pair also lands in face_rejections so it is never
//   suggested again), 'ignored' (not a face / not interesting).
// - faces.not_face: why an 'ignored' face is hidden: 1 = the face check after detection found no face there
//   (FaceCheck), 2 = the family said "not a face"; -1 = the family said it is a face (never filtered again);
//   0 = none. faces.face_check: the check's confidence (NULL: not checked, e.g. a box drawn by hand).
// - photos.faces_hash: the content hash the faces were detected on; differs from `hash` after an edit.
const std::vector<QStringList>& CatalogSchema::migrations()
{
    static const std::vector<QStringList> steps = {
        // 0 -> 1: folders, photos, failures.
        {
            QStringLiteral(R"(CREATE TABLE roots (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                last_scan_at TEXT))"),
            QStringLiteral(R"(CREATE TABLE photos (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                root_id INTEGER REFERENCES roots(id) ON DELETE SET NULL,
                hash TEXT NOT NULL CHECK (length(hash) = 16),
                size INTEGER NOT NULL CHECK (size > 0),
                mtime_ns INTEGER NOT NULL,
                format TEXT NOT NULL,
                mime TEXT NOT NULL,
                width INTEGER NOT NULL CHECK (width > 0),
                height INTEGER NOT NULL CHECK (height > 0),
                orientation INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),
                captured_at TEXT,
                date_source TEXT NOT NULL,
                camera_make TEXT,
                camera_model TEXT,
                gps_lat REAL CHECK (gps_lat IS NULL OR gps_lat BETWEEN -90 AND 90),
                gps_lon REAL CHECK (gps_lon IS NULL OR gps_lon BETWEEN -180 AND 180),
                missing INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0, 1)),
                added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
            QStringLiteral("CREATE INDEX photos_hash ON photos(hash, size)"),
            QStringLiteral("CREATE INDEX photos_captured ON photos(captured_at)"),
            QStringLiteral(R"(CREATE TABLE failures (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                reason TEXT NOT NULL,
                size INTEGER,
                mtime_ns INTEGER,
                failed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
        },
        // 1 -> 2: people, clusters, faces, rejections.
        {
            QStringLiteral(R"(CREATE TABLE persons (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
                cover_face_id INTEGER REFERENCES faces(id) ON DELETE SET NULL,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
            QStringLiteral(R"(CREATE TABLE clusters (
                id INTEGER PRIMARY KEY,
                model_id TEXT NOT NULL,
                size INTEGER NOT NULL DEFAULT 0,
                centroid BLOB,
                suggested_person_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
            QStringLiteral(R"(CREATE TABLE faces (
                id INTEGER PRIMARY KEY,
                photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
                x1 REAL NOT NULL, y1 REAL NOT NULL, x2 REAL NOT NULL, y2 REAL NOT NULL,
                lm_left_eye_x REAL, lm_left_eye_y REAL,
                lm_right_eye_x REAL, lm_right_eye_y REAL,
                lm_nose_x REAL, lm_nose_y REAL,
                lm_mouth_left_x REAL, lm_mouth_left_y REAL,
                lm_mouth_right_x REAL, lm_mouth_right_y REAL,
                score REAL,
                source TEXT NOT NULL DEFAULT 'detector' CHECK (source IN ('detector', 'manual', 'xmp')),
                embedding BLOB,
                model_id TEXT,
                dim INTEGER,
                quality REAL,
                norm REAL,
                person_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
                cluster_id INTEGER REFERENCES clusters(id) ON DELETE SET NULL,
                state TEXT NOT NULL DEFAULT 'unknown'
                    CHECK (state IN ('unknown', 'suggested', 'confirmed', 'rejected', 'ignored')),
                suggestion_score REAL,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                CHECK (x2 >= x1 AND y2 >= y1),
                CHECK (embedding IS NULL OR (model_id IS NOT NULL AND dim > 0 AND length(embedding) = 4 * dim))))"),
            QStringLiteral("CREATE INDEX faces_photo ON faces(photo_id)"),
            QStringLiteral("CREATE INDEX faces_person ON faces(person_id)"),
            QStringLiteral("CREATE INDEX faces_cluster ON faces(cluster_id)"),
            QStringLiteral(R"(CREATE TABLE face_rejections (
                face_id INTEGER NOT NULL REFERENCES faces(id) ON DELETE CASCADE,
                person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
                rejected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                PRIMARY KEY (face_id, person_id)) WITHOUT ROWID)"),
            QStringLiteral("ALTER TABLE photos ADD COLUMN faces_hash TEXT"),
        },
        // 2 -> 3: face regions found in the files' XMP, background jobs.
        {
            QStringLiteral(R"(CREATE TABLE xmp_regions (
                id INTEGER PRIMARY KEY,
                photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
                x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
                name TEXT,
                type TEXT,
                scheme TEXT NOT NULL CHECK (scheme IN ('mwg', 'mp')),
                face_id INTEGER REFERENCES faces(id) ON DELETE SET NULL))"),
            QStringLiteral("CREATE INDEX xmp_regions_photo ON xmp_regions(photo_id)"),
            QStringLiteral(R"(CREATE TABLE jobs (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'running', 'paused', 'done', 'failed', 'cancelled')),
                progress REAL NOT NULL DEFAULT 0,
                payload TEXT,
                error TEXT,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
        },
        // 3 -> 4: face indexing state per photo and detector, persistent undo/redo of people actions,
        // key/value settings of the library (e.g. the adopted fine-tuning stage), search indexes.
        {
            QStringLiteral(R"(CREATE TABLE face_scans (
                photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
                detector TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('done', 'failed')),
                faces INTEGER NOT NULL DEFAULT 0,
                error TEXT,
                scanned_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
                PRIMARY KEY (photo_id, detector)) WITHOUT ROWID)"),
            QStringLiteral(R"(CREATE TABLE undo_log (
                id INTEGER PRIMARY KEY,
                stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
                label TEXT NOT NULL,
                snapshot TEXT NOT NULL,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
            QStringLiteral(R"(CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX faces_person_photo ON faces(person_id, state, photo_id)"),
            QStringLiteral("CREATE INDEX faces_state ON faces(state)"),
        },
        // 4 -> 5: search leaves out photos whose file is missing; a partial index finds those few quickly
        // (bench/search), and face clusters are read by state + cluster.
        {
            QStringLiteral("CREATE INDEX photos_missing ON photos(id) WHERE missing = 1"),
            QStringLiteral("CREATE INDEX faces_cluster_state ON faces(cluster_id, state)"),
        },
        // 5 -> 6: which names were last written to each photo's XMP (sidecar or the file itself), so that
        // "write names to files" touches only photos whose names changed since.
        {
            QStringLiteral(R"(CREATE TABLE name_writes (
                photo_id INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
                target TEXT NOT NULL CHECK (target IN ('sidecar', 'file')),
                signature TEXT NOT NULL,
                written_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
        },
        // 6 -> 7: the modification time of a photo's XMP sidecar (0 = none), so that names another program
        // writes into a sidecar later are read on the next scan (FileIdentity::sidecarMtimeNs).
        {
            QStringLiteral("ALTER TABLE photos ADD COLUMN sidecar_mtime_ns INTEGER NOT NULL DEFAULT 0"),
        },
        // 7 -> 8: vectors of another embedding model made while a library moves to it (a new default
        // network, or the family's choice in Settings). The faces keep their current vectors, usable for
        // grouping and suggestions, until every face has its new one; then all are swapped in one
        // transaction (FaceIndexer::reembed).
        {
            QStringLiteral(R"(CREATE TABLE face_embeddings_next (
                face_id INTEGER PRIMARY KEY REFERENCES faces(id) ON DELETE CASCADE,
                model_id TEXT NOT NULL,
                dim INTEGER NOT NULL CHECK (dim > 0),
                norm REAL,
                embedding BLOB NOT NULL,
                CHECK (length(embedding) = 4 * dim)))"),
            // which models a library's vectors come from, without reading the vectors
            QStringLiteral("CREATE INDEX faces_model ON faces(model_id)"),
        },
        // 8 -> 9: the face check after detection (hands, ears, jewellery and the like kept as "not a face",
        // restorable both ways; docs/quality.md section 8).
        {
            QStringLiteral("ALTER TABLE faces ADD COLUMN not_face INTEGER NOT NULL DEFAULT 0 "
                           "CHECK (not_face IN (-1, 0, 1, 2))"),
            QStringLiteral("ALTER TABLE faces ADD COLUMN face_check REAL"),
            QStringLiteral("CREATE INDEX faces_not_face ON faces(not_face) WHERE not_face > 0"),
        },
        // 9 -> 10: "Is this group Grandma?" — the questions the last regrouping found worth asking about
        // whole
        // groups (FaceService::refresh replaces them; an answer names or rejects the group's faces).
        {
            QStringLiteral(R"(CREATE TABLE group_questions (
                cluster_id INTEGER PRIMARY KEY REFERENCES clusters(id) ON DELETE CASCADE,
                person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
                similarity REAL NOT NULL,
                confidence REAL NOT NULL))"),
        },
        // 10 -> 11: "Are these two groups one person?" — the questions the last regrouping found (the larger
        // group first: a Yes moves the other group's faces into it), groups the family joined (never split
        // again by a regrouping), and the family's "different people" answers (the faces of both sides, so
        // that the two never meet again, whatever the groups become).
        {
            QStringLiteral(R"(CREATE TABLE group_pair_questions (
                cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
                other_cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
                similarity REAL NOT NULL,
                confidence REAL NOT NULL,
                PRIMARY KEY (cluster_id, other_cluster_id)) WITHOUT ROWID)"),
            QStringLiteral("ALTER TABLE clusters ADD COLUMN joined INTEGER NOT NULL DEFAULT 0 "
                           "CHECK (joined IN (0, 1))"),
            QStringLiteral(R"(CREATE TABLE different_people (
                id INTEGER PRIMARY KEY,
                answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))))"),
            QStringLiteral(R"(CREATE TABLE different_people_faces (
                answer_id INTEGER NOT NULL REFERENCES different_people(id) ON DELETE CASCADE,
                face_id INTEGER NOT NULL REFERENCES faces(id) ON DELETE CASCADE,
                side INTEGER NOT NULL CHECK (side IN (0, 1)),
                PRIMARY KEY (answer_id, face_id)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX different_people_faces_face ON different_people_faces(face_id)"),
        },
    };
    return steps;
}

} // namespace kindred
