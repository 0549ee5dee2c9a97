-- name: lock
-- Scoped by patient and kind: someone else's id, or a goal's id sent as a worksheet,
-- reads as missing.
SELECT version, request_hash, body::text AS body
  FROM tool_records
 WHERE id = $1 AND patient_id = $2 AND kind = $3
   FOR UPDATE;

-- name: create
-- ON CONFLICT: the id is taken (a concurrent first save, or someone else's record); the
-- caller re-reads with its own scope and answers from that.
INSERT INTO tool_records (id, patient_id, site_id, kind, status, body, version, request_hash)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, 1, $7)
ON CONFLICT (id) DO NOTHING
RETURNING version;

-- name: update
-- $6: keep the clinician's agreement (false when what was agreed has changed).
UPDATE tool_records
   SET status = $3, body = $4::jsonb, request_hash = $5, version = version + 1,
       updated_at = now(),
       agreed_by = CASE WHEN $6 THEN agreed_by END,
       agreed_name = CASE WHEN $6 THEN agreed_name END,
       agreed_at = CASE WHEN $6 THEN agreed_at END
 WHERE id = $1 AND patient_id = $2;

-- name: one
SELECT id, status, body::text AS body, version, created_at, updated_at, agreed_name, agreed_at
  FROM tool_records
 WHERE id = $1 AND patient_id = $2 AND kind = $3;

-- name: all
-- Open ones first (they are what the next session goes through), then newest.
SELECT id, status, body::text AS body, version, created_at, updated_at, agreed_name, agreed_at
  FROM tool_records
 WHERE patient_id = $1 AND kind = $2 AND ($3::text IS NULL OR status = $3)
 ORDER BY status <> 'open', updated_at DESC
 LIMIT 200;

-- name: agree
-- Only the version the clinician read can be agreed; the name is kept as it was then.
UPDATE tool_records r
   SET agreed_by = u.id, agreed_name = u.display_name, agreed_at = now()
  FROM users u
 WHERE r.id = $1 AND r.patient_id = $2 AND r.kind = $3 AND r.version = $4 AND u.id = $5
RETURNING r.id;
