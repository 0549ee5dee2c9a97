-- name: open_for_missed
-- Called when a session is marked not attended; a second marking opens nothing new.
INSERT INTO follow_up_tasks (patient_id, site_id, appointment_id, missed_at)
SELECT a.patient_id, a.site_id, a.id, a.starts_at
  FROM appointments a
 WHERE a.id = $1 AND a.patient_id = $2 AND a.status = 'not_attended'
ON CONFLICT (appointment_id) DO NOTHING;

-- name: close_attended
-- A session corrected to "attended" closes its open task: there is nobody to follow up.
UPDATE follow_up_tasks
   SET decision = 'attended_after_all', closed_at = now(), closed_by = $3,
       closed_by_name = (SELECT display_name FROM users WHERE id = $3)
 WHERE appointment_id = $1 AND patient_id = $2 AND closed_at IS NULL
   AND EXISTS (SELECT 1 FROM appointments a WHERE a.id = $1 AND a.status = 'attended');

-- name: tasks
-- The patient's tasks, open first, then newest; the caller has checked the care team.
SELECT t.id, t.patient_id, t.appointment_id, t.missed_at, t.opened_at, t.decision,
       t.decision_note, t.closed_at, t.closed_by_name,
       coalesce((SELECT json_agg(json_build_object(
                    'id', f.id, 'attempted_at', f.attempted_at, 'method', f.method,
                    'outcome', f.outcome, 'note', f.note, 'made_by_name', f.made_by_name,
                    'recorded_at', f.recorded_at) ORDER BY f.attempted_at, f.recorded_at)
                   FROM follow_up_attempts f WHERE f.task_id = t.id), '[]')::text AS attempts
  FROM follow_up_tasks t
 WHERE t.patient_id = $1
 ORDER BY t.closed_at IS NULL DESC, t.missed_at DESC
 LIMIT 100;

-- name: mine_open
-- Open tasks of every patient on this clinician's caseload, oldest first.
SELECT t.id, t.patient_id, t.appointment_id, t.missed_at, t.opened_at, t.decision,
       t.decision_note, t.closed_at, t.closed_by_name, u.display_name, u.login::text AS login,
       coalesce((SELECT json_agg(json_build_object(
                    'id', f.id, 'attempted_at', f.attempted_at, 'method', f.method,
                    'outcome', f.outcome, 'note', f.note, 'made_by_name', f.made_by_name,
                    'recorded_at', f.recorded_at) ORDER BY f.attempted_at, f.recorded_at)
                   FROM follow_up_attempts f WHERE f.task_id = t.id), '[]')::text AS attempts
  FROM care_team ct
  JOIN users u ON u.id = ct.patient_id AND u.site_id = ct.site_id
  JOIN follow_up_tasks t ON t.patient_id = ct.patient_id AND t.closed_at IS NULL
 WHERE ct.clinician_id = $1 AND ct.site_id = $2
   AND u.role = 'patient' AND u.disabled_at IS NULL
 ORDER BY t.missed_at
 LIMIT 500;

-- name: lock_task
-- Scoped: another patient's task id reads as missing.
SELECT closed_at, closed_by_name FROM follow_up_tasks
 WHERE id = $1 AND patient_id = $2
   FOR UPDATE;

-- name: add_attempt
INSERT INTO follow_up_attempts (task_id, patient_id, site_id, attempted_at, method, outcome,
                                note, made_by, made_by_name)
SELECT $1, $2, $3, $4, $5, $6, $7, u.id, u.display_name
  FROM users u WHERE u.id = $8;

-- name: close
UPDATE follow_up_tasks
   SET decision = $3, decision_note = $4, closed_at = now(), closed_by = $5,
       closed_by_name = (SELECT display_name FROM users WHERE id = $5)
 WHERE id = $1 AND patient_id = $2 AND closed_at IS NULL;
