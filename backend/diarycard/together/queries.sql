-- name: last_session
SELECT max(starts_at) FROM appointments
 WHERE patient_id = $1 AND status = 'attended' AND starts_at <= now();

-- name: records
-- Worksheets and checking-it-out records changed since the last session ($2; all when
-- there is none), open or finished, with the latest review of each.
SELECT r.id, r.kind, r.status, r.version, r.updated_at, r.body::text AS body,
       rv.record_version, rv.clinician_name, rv.note, rv.reviewed_at
  FROM tool_records r
  LEFT JOIN LATERAL (
        SELECT t.record_version, t.clinician_name, t.note, t.reviewed_at
          FROM reviewed_together t WHERE t.record_id = r.id
         ORDER BY t.reviewed_at DESC LIMIT 1) rv ON true
 WHERE r.patient_id = $1 AND r.kind IN ('problem_solving', 'checking_it_out')
   AND ($2::timestamptz IS NULL OR r.updated_at >= $2 OR r.status = 'open')
 ORDER BY r.kind, r.status <> 'open', r.updated_at DESC
 LIMIT 200;

-- name: mark
-- Only the version the clinician read; another patient's id reads as missing.
INSERT INTO reviewed_together (record_id, patient_id, record_version, clinician_id,
                               clinician_name, note)
SELECT r.id, r.patient_id, r.version, u.id, u.display_name, $4
  FROM tool_records r, users u
 WHERE r.id = $1 AND r.patient_id = $2 AND r.version = $3
   AND r.kind IN ('problem_solving', 'checking_it_out') AND u.id = $5
RETURNING id;

-- name: exists
SELECT true FROM tool_records
 WHERE id = $1 AND patient_id = $2 AND kind IN ('problem_solving', 'checking_it_out');
