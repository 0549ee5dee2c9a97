-- name: clinician
-- A clinician at this site (the caller's own site only).
SELECT u.id, u.display_name FROM users u
 WHERE u.id = $1 AND u.site_id = $2 AND u.role = 'clinician';

-- name: supervision
-- Every clinician of the site ($2 null) or one ($2), with their agreement and sessions.
SELECT u.id AS clinician_id, u.display_name, a.level, a.every_weeks, a.agreed_on,
       (SELECT coalesce(json_agg(json_build_object('held_on', s.held_on,
                   'supervisor', s.supervisor, 'recorded_at', s.recorded_at)
                   ORDER BY s.held_on DESC), '[]')
          FROM (SELECT * FROM supervision_sessions s
                 WHERE s.clinician_id = u.id ORDER BY s.held_on DESC LIMIT 24) s)::text
           AS sessions
  FROM users u
  LEFT JOIN supervision_agreements a ON a.clinician_id = u.id
 WHERE u.site_id = $1 AND u.role = 'clinician' AND u.disabled_at IS NULL
   AND ($2::uuid IS NULL OR u.id = $2)
 ORDER BY u.display_name
 LIMIT 1000;

-- name: agree
INSERT INTO supervision_agreements (clinician_id, site_id, level, every_weeks, agreed_on)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (clinician_id) DO UPDATE
   SET level = EXCLUDED.level, every_weeks = EXCLUDED.every_weeks,
       agreed_on = EXCLUDED.agreed_on;

-- name: add_session
-- The same day twice is one session (a double click); the supervisor's name is updated.
INSERT INTO supervision_sessions (clinician_id, site_id, held_on, supervisor, recorded_by)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (clinician_id, held_on) DO UPDATE SET supervisor = EXCLUDED.supervisor;

-- name: patient_statements
-- Counts only, over the site's live patients: no patient's data leaves this statement.
SELECT count(*)::int AS patients,
       count(*) FILTER (WHERE p.assessment_done_on IS NOT NULL)::int AS assessed,
       count(*) FILTER (WHERE p.choice_discussed_on IS NOT NULL AND p.therapy_type <> ''
                          AND p.therapy_duration <> '' AND p.therapy_intensity <> '')::int
           AS chose,
       count(*) FILTER (WHERE p.phase IN ('discharge_transition', 'discharged'))::int
           AS ending,
       count(*) FILTER (WHERE p.phase IN ('discharge_transition', 'discharged')
                          AND EXISTS (SELECT 1 FROM agreed_versions v
                                       WHERE v.kind = 'discharge'
                                         AND v.patient_id = u.id))::int AS ending_with_plan
  FROM users u
  LEFT JOIN pathways p ON p.patient_id = u.id
 WHERE u.site_id = $1 AND u.role = 'patient' AND u.disabled_at IS NULL;
