-- name: entry
-- The entry a chain starts from: the patient's own, not withdrawn.
SELECT category, emotion, emotion_intensity, urge, urge_strength, indicators, outcome, note
  FROM entries
 WHERE id = $1 AND patient_id = $2 AND deleted_at IS NULL;

-- name: agree
-- Agreed in the session: only the version the clinician read, and only once (a change
-- after it reopens the chain, see tools/records.py).
UPDATE tool_records r
   SET agreed_by = u.id, agreed_name = u.display_name, agreed_at = now(), status = 'agreed'
  FROM users u
 WHERE r.id = $1 AND r.patient_id = $2 AND r.kind = 'chain_analysis' AND r.version = $3
   AND r.status = 'open' AND u.id = $4
RETURNING r.id;
