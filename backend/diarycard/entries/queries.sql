-- Every query names the patient: an id that belongs to someone else matches nothing.

-- name: write_entries
-- Every diary write in one statement, which also proves who is writing: a single PUT (a
-- batch of one) and a sync alike. $1 and $2 the session claim (SessionClaim.params), $3
-- the entries as a JSON array of `entries` rows (rows.to_record), $4 the hourly quota, $5
-- the ids already decided to be edits.
-- Only a patient's live session, with its CSRF token, writes; the first row returned
-- carries the session's principal (null: no live session), from which `proven` and
-- `own_scope` give the 401 or 403 when nothing was written.
-- A new id is inserted. An id that exists is left alone (and decided afterwards under
-- lock_entries: a replay, a conflict, or someone else's) unless it is in $5, when it is
-- updated; the trigger keeps the previous version in entry_revisions.
-- Sorted by id so two batches never lock the same ids in opposite orders.
WITH who AS (
    SELECT * FROM session_principal($1, $2)
), writer AS (
    SELECT user_id, user_created_at FROM who WHERE role = 'patient' AND csrf_ok
), input AS (
    -- The row each entry writes, typed by the table itself.
    SELECT u.id, writer.user_id AS patient_id, u.occurred_at, u.occurred_offset,
           u.category, u.emotion, u.emotion_intensity, u.urge, u.urge_strength,
           u.indicators, u.helpful_response, u.outcome, u.risk_self_harm,
           u.risk_aggression, u.risk_substance_use, u.note, u.body_hash,
           -- Kept, but flagged: a phone clock that is far off (goal 49).
           u.occurred_at < writer.user_created_at - interval '1 day'
               OR u.occurred_at > now() + interval '5 minutes' AS time_flagged
      FROM jsonb_populate_recordset(NULL::entries, $3::jsonb) AS u
     CROSS JOIN writer
), fresh AS (
    -- Only ids not yet stored count toward the quota: a batch sent again after its answer
    -- was lost must not use it up. A scalar subquery, not NOT EXISTS: the planner cannot
    -- see how few rows `input` holds and would turn an anti-join into a scan of entries.
    SELECT count(*)::integer AS n
      FROM input WHERE (SELECT e.id FROM entries AS e WHERE e.id = input.id) IS NULL
), counted AS (
    -- This hour's count, raised by the new ones only if they fit: held in PostgreSQL, so
    -- it holds across workers and instances. Edits ($5) are not counted.
    INSERT INTO usage_counts AS c (user_id, kind, window_start, hits)
    SELECT writer.user_id, 'entry', date_trunc('hour', now()), n FROM fresh, writer
     WHERE cardinality($5::uuid[]) = 0 AND n > 0 AND n <= $4
    ON CONFLICT (user_id, kind, window_start)
       DO UPDATE SET hits = c.hits + EXCLUDED.hits WHERE c.hits + EXCLUDED.hits <= $4
    RETURNING hits
), written AS (
    INSERT INTO entries AS e (id, patient_id, occurred_at, occurred_offset, category,
                              emotion, emotion_intensity, urge, urge_strength, indicators,
                              helpful_response, outcome, risk_self_harm, risk_aggression,
                              risk_substance_use, note, body_hash, time_flagged)
    SELECT * FROM input
     WHERE cardinality($5::uuid[]) > 0 OR EXISTS (SELECT FROM counted)
     ORDER BY id
    ON CONFLICT (id) DO UPDATE
       SET (id, patient_id, occurred_at, occurred_offset, category, emotion,
            emotion_intensity, urge, urge_strength, indicators, helpful_response, outcome,
            risk_self_harm, risk_aggression, risk_substance_use, note, body_hash,
            time_flagged) = (SELECT * FROM input WHERE input.id = EXCLUDED.id),
           version = e.version + 1, updated_at = now()
     WHERE e.id = ANY($5::uuid[]) AND e.patient_id = EXCLUDED.patient_id
    RETURNING e.*
)
-- One row at least, to carry the principal and the verdict: with nothing written, the
-- entry's columns are null. `refused`: new entries that did not fit in this hour's quota
-- (nothing written).
SELECT who.session_id, who.user_id, who.role, who.site_id, who.login, who.display_name,
       who.totp_enabled, who.csrf_ok, w.*, verdict.refused
  FROM (SELECT fresh.n > 0 AND cardinality($5::uuid[]) = 0
               AND NOT EXISTS (SELECT FROM counted) AS refused
          FROM fresh) AS verdict
  LEFT JOIN who ON true LEFT JOIN written AS w ON true;

-- name: lock_entries
-- The rows a batch touches that already exist, locked (in id order) while we decide.
SELECT * FROM entries WHERE patient_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE;

-- name: delete_entries
-- Soft delete: the row stays (and the trigger keeps its last words as a revision).
UPDATE entries
   SET version = version + 1, deleted_at = now(), updated_at = now()
 WHERE patient_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL;

-- name: get_entry
-- $3: include an entry the patient has withdrawn (the care team's view; never the
-- patient's own, where it has gone). Reads take whole rows: rows.to_entry picks what an
-- Entry shows, so no column list is written twice.
SELECT *
  FROM entries
 WHERE patient_id = $1 AND id = $2 AND deleted_at IS NULL AND ($3 OR withdrawn_at IS NULL);

-- name: list_entries
-- Newest first; the cursor is the (occurred_at, id) of the last row already shown.
SELECT *
  FROM entries
 WHERE patient_id = $1 AND deleted_at IS NULL AND ($8 OR withdrawn_at IS NULL)
   AND ($2::timestamptz IS NULL OR occurred_at >= $2)
   AND ($3::timestamptz IS NULL OR occurred_at < $3)
   AND ($4::text IS NULL OR category = $4)
   AND ($5::timestamptz IS NULL OR (occurred_at, id) < ($5, $6::uuid))
 ORDER BY occurred_at DESC, id DESC
 LIMIT $7;

-- name: withdraw_entry
-- The patient takes an entry out of their diary. A new version, so the trigger keeps a
-- revision like any other change; withdrawing again changes nothing.
UPDATE entries
   SET version = version + 1, withdrawn_at = now(), updated_at = now()
 WHERE patient_id = $1 AND id = $2 AND deleted_at IS NULL AND withdrawn_at IS NULL
RETURNING id;

-- name: entry_exists
-- Deleted entries still have a history the patient may read.
SELECT 1 FROM entries WHERE patient_id = $1 AND id = $2;

-- name: list_revisions
SELECT version, replaced_at, snapshot
  FROM entry_revisions
 WHERE patient_id = $1 AND entry_id = $2
 ORDER BY version DESC;
