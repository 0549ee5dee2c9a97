-- name: get
-- The pathway, the attended sessions since its phase began (assessment counts sessions),
-- and every phase change, oldest first.
SELECT p.patient_id, p.phase, p.phase_started_on, p.started_on, p.responsibilities,
       p.formulation, p.assessment_done_on, p.assessment_by, p.therapy_type,
       p.therapy_duration, p.therapy_intensity, p.choice_discussed_on, p.updated_at,
       (SELECT count(*)::int FROM appointments a
         WHERE a.patient_id = p.patient_id AND a.status = 'attended'
           AND a.starts_at >= p.phase_started_on) AS sessions_in_phase,
       (SELECT coalesce(json_agg(json_build_object(
                   'phase', h.phase, 'started_on', h.started_on,
                   'moved_by_name', h.moved_by_name, 'moved_at', h.moved_at)
                   ORDER BY h.moved_at), '[]')
          FROM pathway_phases h WHERE h.patient_id = p.patient_id)::text AS history
  FROM pathways p
 WHERE p.patient_id = $1;

-- name: phase_of
SELECT phase FROM pathways WHERE patient_id = $1 FOR UPDATE;

-- name: save
-- One statement: "discharged" is stored only when an agreed discharge plan exists (NICE
-- QS88 statement 5), so no race between checking and moving. Returns nothing otherwise.
INSERT INTO pathways AS p (patient_id, site_id, phase, phase_started_on, started_on,
                           responsibilities, formulation, assessment_done_on, assessment_by,
                           therapy_type, therapy_duration, therapy_intensity,
                           choice_discussed_on, updated_by)
SELECT $1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
 WHERE $3 <> 'discharged'
    OR EXISTS (SELECT 1 FROM agreed_versions v WHERE v.kind = 'discharge'
                                                AND v.patient_id = $1)
ON CONFLICT (patient_id) DO UPDATE
   SET phase = EXCLUDED.phase,
       phase_started_on = CASE WHEN p.phase = EXCLUDED.phase AND $14::date IS NULL
                               THEN p.phase_started_on ELSE EXCLUDED.phase_started_on END,
       responsibilities = EXCLUDED.responsibilities, formulation = EXCLUDED.formulation,
       assessment_done_on = EXCLUDED.assessment_done_on,
       assessment_by = EXCLUDED.assessment_by, therapy_type = EXCLUDED.therapy_type,
       therapy_duration = EXCLUDED.therapy_duration,
       therapy_intensity = EXCLUDED.therapy_intensity,
       choice_discussed_on = EXCLUDED.choice_discussed_on,
       updated_by = EXCLUDED.updated_by, updated_at = now()
RETURNING phase, phase_started_on;

-- name: record_phase
INSERT INTO pathway_phases (patient_id, phase, started_on, moved_by_name)
SELECT $1, $2, $3, display_name FROM users WHERE id = $4;
