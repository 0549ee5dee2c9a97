-- Every query names the patient: an id that belongs to someone else matches nothing.

-- name: insert_entries
-- The whole batch in one statement. A row whose id exists already is skipped here
-- (ON CONFLICT DO NOTHING) and decided afterwards: replay, edit, conflict or not yours.
-- Sorted by id so two batches never lock the same ids in opposite orders.
INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category, emotion,
                     emotion_intensity, urge, urge_strength, indicators, helpful_response,
                     outcome, risk_self_harm, risk_aggression, risk_substance_use, note,
                     body_hash, time_flagged)
SELECT u.id, $1, u.occurred_at, u.occurred_offset, u.category, u.emotion,
       u.emotion_intensity, u.urge, u.urge_strength,
       ARRAY(SELECT jsonb_array_elements_text(u.indicators)), u.helpful_response,
       u.outcome, u.risk_self_harm, u.risk_aggression, u.risk_substance_use, u.note,
       decode(u.body_hash, 'hex'),
       -- Kept, but flagged: a phone clock that is far off (goal 49).
       u.occurred_at < acct.created_at - interval '1 day'
           OR u.occurred_at > now() + interval '5 minutes'
  FROM jsonb_to_recordset($2::jsonb) AS u(
           id uuid, occurred_at timestamptz, occurred_offset integer, category text,
           emotion text, emotion_intensity smallint, urge text, urge_strength smallint,
           indicators jsonb, helpful_response text, outcome text, risk_self_harm smallint,
           risk_aggression smallint, risk_substance_use boolean, note text, body_hash text)
 CROSS JOIN (SELECT created_at FROM users WHERE id = $1) AS acct
 ORDER BY u.id
ON CONFLICT (id) DO NOTHING
RETURNING id, occurred_at, occurred_offset, category, emotion, emotion_intensity, urge,
          urge_strength, indicators, helpful_response, outcome, risk_self_harm,
          risk_aggression, risk_substance_use, note, version, recorded_at, updated_at,
          time_flagged;

-- name: insert_entry
-- insert_entries for a single entry, with plain parameters: the single-entry PUT is the
-- hot path, and this skips building and unpacking a JSON array (about a third cheaper).
INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category, emotion,
                     emotion_intensity, urge, urge_strength, indicators, helpful_response,
                     outcome, risk_self_harm, risk_aggression, risk_substance_use, note,
                     body_hash, time_flagged)
SELECT $2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
       $3 < acct.created_at - interval '1 day' OR $3 > now() + interval '5 minutes'
  FROM users AS acct
 WHERE acct.id = $1
ON CONFLICT (id) DO NOTHING
RETURNING id, occurred_at, occurred_offset, category, emotion, emotion_intensity, urge,
          urge_strength, indicators, helpful_response, outcome, risk_self_harm,
          risk_aggression, risk_substance_use, note, version, recorded_at, updated_at,
          time_flagged;

-- name: insert_entry_signed_in
-- The diary's hot path in one round trip: the session check of principal_for_token (a
-- live patient session whose CSRF token matches, compared by SHA-256 digest so the
-- comparison leaks nothing useful) folded into insert_entry. No row back means "take
-- the usual path", which names what was wrong or decides a replay, an edit or a 404.
-- $1 the session token's hash, $2 the digest of the CSRF token sent, $3.. insert_entry's $2..
WITH live AS (
    SELECT session_id, last_seen_at, user_id, user_created_at
      FROM live_sessions
     WHERE token_hash = $1
       AND role = 'patient'
       AND sha256(convert_to(csrf_token, 'UTF8')) = $2
), touched AS (
    UPDATE sessions SET last_seen_at = now()
      FROM live
     WHERE sessions.id = live.session_id
       AND live.last_seen_at < now() - interval '60 seconds'
)
INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category, emotion,
                     emotion_intensity, urge, urge_strength, indicators, helpful_response,
                     outcome, risk_self_harm, risk_aggression, risk_substance_use, note,
                     body_hash, time_flagged)
SELECT $3, live.user_id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
       $4 < live.user_created_at - interval '1 day' OR $4 > now() + interval '5 minutes'
  FROM live
 -- The hourly quota ($19, see recent_entries): at it, the usual path answers 429.
 WHERE (SELECT count(*) FROM entries e
         WHERE e.patient_id = live.user_id AND e.recorded_at > now() - interval '1 hour') < $19
ON CONFLICT (id) DO NOTHING
RETURNING id, occurred_at, occurred_offset, category, emotion, emotion_intensity, urge,
          urge_strength, indicators, helpful_response, outcome, risk_self_harm,
          risk_aggression, risk_substance_use, note, version, recorded_at, updated_at,
          time_flagged;

-- name: recent_entries
-- Entries this patient's phone created in the last hour, for the hourly quota. Counted
-- here, so it holds across workers and instances; only rows created count, not replays.
SELECT count(*) FROM entries WHERE patient_id = $1 AND recorded_at > now() - interval '1 hour';

-- name: lock_entries
-- The rows a batch touches that already exist, locked (in id order) while we decide.
SELECT id, occurred_at, occurred_offset, category, emotion, emotion_intensity, urge,
       urge_strength, indicators, helpful_response, outcome, risk_self_harm,
       risk_aggression, risk_substance_use, note, version, recorded_at, updated_at,
       time_flagged, body_hash, deleted_at
  FROM entries
 WHERE patient_id = $1 AND id = ANY($2::uuid[])
 ORDER BY id
   FOR UPDATE;

-- name: update_entries
-- Edits, already checked against base_version under the lock. The trigger keeps the
-- previous version in entry_revisions.
UPDATE entries AS e
   SET version = e.version + 1,
       occurred_at = u.occurred_at, occurred_offset = u.occurred_offset,
       category = u.category, emotion = u.emotion, emotion_intensity = u.emotion_intensity,
       urge = u.urge, urge_strength = u.urge_strength,
       indicators = ARRAY(SELECT jsonb_array_elements_text(u.indicators)),
       helpful_response = u.helpful_response, outcome = u.outcome,
       risk_self_harm = u.risk_self_harm, risk_aggression = u.risk_aggression,
       risk_substance_use = u.risk_substance_use, note = u.note,
       body_hash = decode(u.body_hash, 'hex'),
       time_flagged = u.occurred_at < acct.created_at - interval '1 day'
           OR u.occurred_at > now() + interval '5 minutes',
       updated_at = now()
  FROM jsonb_to_recordset($2::jsonb) AS u(
           id uuid, occurred_at timestamptz, occurred_offset integer, category text,
           emotion text, emotion_intensity smallint, urge text, urge_strength smallint,
           indicators jsonb, helpful_response text, outcome text, risk_self_harm smallint,
           risk_aggression smallint, risk_substance_use boolean, note text, body_hash text),
       (SELECT created_at FROM users WHERE id = $1) AS acct
 WHERE e.id = u.id AND e.patient_id = $1
RETURNING e.id, e.occurred_at, e.occurred_offset, e.category, e.emotion,
          e.emotion_intensity, e.urge, e.urge_strength, e.indicators, e.helpful_response,
          e.outcome, e.risk_self_harm, e.risk_aggression, e.risk_substance_use, e.note,
          e.version, e.recorded_at, e.updated_at, e.time_flagged;

-- name: delete_entries
-- Soft delete: the row stays (and the trigger keeps its last words as a revision).
UPDATE entries
   SET version = version + 1, deleted_at = now(), updated_at = now()
 WHERE patient_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL;

-- name: get_entry
-- $3: include an entry the patient has withdrawn (the care team's view; never the
-- patient's own, where it has gone).
SELECT id, occurred_at, occurred_offset, category, emotion, emotion_intensity, urge,
       urge_strength, indicators, helpful_response, outcome, risk_self_harm,
       risk_aggression, risk_substance_use, note, version, recorded_at, updated_at,
       time_flagged, withdrawn_at
  FROM entries
 WHERE patient_id = $1 AND id = $2 AND deleted_at IS NULL AND ($3 OR withdrawn_at IS NULL);

-- name: list_entries
-- Newest first; the cursor is the (occurred_at, id) of the last row already shown.
SELECT id, occurred_at, occurred_offset, category, emotion, emotion_intensity, urge,
       urge_strength, indicators, helpful_response, outcome, risk_self_harm,
       risk_aggression, risk_substance_use, note, version, recorded_at, updated_at,
       time_flagged, withdrawn_at
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
