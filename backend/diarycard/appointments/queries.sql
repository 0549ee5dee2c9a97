-- name: list
-- Newest first; the caller has already checked the care team.
SELECT a.id, a.patient_id, a.clinician_id, c.display_name AS clinician_name, a.starts_at,
       a.duration_minutes, a.status, a.created_at, a.updated_at
  FROM appointments a
  JOIN users c ON c.id = a.clinician_id
 WHERE a.patient_id = $1
 ORDER BY a.starts_at DESC
 LIMIT 200;

-- name: create
WITH made AS (
    INSERT INTO appointments (patient_id, site_id, clinician_id, starts_at, duration_minutes)
    VALUES ($1, $2, $3, $4, $5)
    RETURNING *
)
SELECT m.id, m.patient_id, m.clinician_id, c.display_name AS clinician_name, m.starts_at,
       m.duration_minutes, m.status, m.created_at, m.updated_at
  FROM made m JOIN users c ON c.id = m.clinician_id;

-- name: update
-- NULL means "leave as it is". Attended and not attended are facts about the past, so they
-- can only be recorded once the appointment has started.
WITH changed AS (
    UPDATE appointments
       SET status = coalesce($3, status),
           starts_at = coalesce($4, starts_at),
           duration_minutes = coalesce($5, duration_minutes),
           updated_at = now()
     WHERE id = $1 AND patient_id = $2
       AND (coalesce($3, status) IN ('scheduled', 'cancelled')
            OR coalesce($4, starts_at) <= now())
    RETURNING *
)
SELECT m.id, m.patient_id, m.clinician_id, c.display_name AS clinician_name, m.starts_at,
       m.duration_minutes, m.status, m.created_at, m.updated_at
  FROM changed m JOIN users c ON c.id = m.clinician_id;

-- name: exists
SELECT true FROM appointments WHERE id = $1 AND patient_id = $2;
