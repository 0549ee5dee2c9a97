-- name: patient_name
SELECT display_name FROM users WHERE id = $1;

-- name: entries
-- Every entry of the patient, oldest first; $2 true includes soft-deleted ones (the
-- patient's own copy of everything we hold), false gives the live diary.
SELECT id, occurred_at, occurred_offset, category, emotion, emotion_intensity, urge,
       urge_strength, indicators, helpful_response, outcome, risk_self_harm,
       risk_aggression, risk_substance_use, note, version, recorded_at, updated_at,
       time_flagged, deleted_at
  FROM entries
 WHERE patient_id = $1 AND ($2 OR deleted_at IS NULL)
 ORDER BY occurred_at, id;

-- name: revisions
SELECT entry_id, version, replaced_at, snapshot
  FROM entry_revisions
 WHERE patient_id = $1
 ORDER BY entry_id, version;

-- name: account
SELECT u.login::text AS login, u.display_name, u.role, u.created_at, s.name AS site
  FROM users u JOIN sites s ON s.id = u.site_id
 WHERE u.id = $1;

-- name: held
-- The rest of what we hold about the patient, as JSON, for their own download. Clinician
-- notes are the care team's record and are not part of it (they can be asked for through
-- the service's subject access process).
SELECT
  (SELECT coalesce(json_agg(json_build_object('version', version, 'rows', rows,
          'updated_at', updated_at) ORDER BY version), '[]')
     FROM personal_table_versions WHERE patient_id = $1) AS personal_table,
  (SELECT coalesce(json_agg(json_build_object('version', version, 'plan', plan,
          'review_date', review_date, 'agreed_at', agreed_at,
          'clinician_name', clinician_name) ORDER BY version), '[]')
     FROM crisis_plan_versions WHERE patient_id = $1) AS crisis_plans,
  (SELECT coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'status', status,
          'body', body, 'version', version, 'created_at', created_at,
          'updated_at', updated_at) ORDER BY created_at), '[]')
     FROM tool_records WHERE patient_id = $1) AS tools,
  (SELECT coalesce(json_agg(json_build_object('starts_at', starts_at,
          'duration_minutes', duration_minutes, 'status', status) ORDER BY starts_at), '[]')
     FROM appointments WHERE patient_id = $1) AS appointments,
  (SELECT coalesce(json_agg(json_build_object('at', a.at, 'who', coalesce(u.display_name, ''),
          'role', a.actor_role, 'action', a.action) ORDER BY a.at), '[]')
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.patient_id = $1) AS access_log;
