-- name: list
-- Every clinician on the care team sees the team's notes; patients never do.
SELECT n.id, n.patient_id, n.author_id, a.display_name AS author_name, n.entry_id,
       n.appointment_id, n.body, n.created_at
  FROM clinician_notes n
  JOIN users a ON a.id = n.author_id
 WHERE n.patient_id = $1
   AND ($2::uuid IS NULL OR n.entry_id = $2)
   AND ($3::uuid IS NULL OR n.appointment_id = $3)
 ORDER BY n.created_at DESC
 LIMIT 500;

-- name: create
-- The entry must be this patient's (checked in the same statement, so no race); the
-- appointment is tied to the patient by the composite foreign key.
WITH made AS (
    INSERT INTO clinician_notes (patient_id, site_id, author_id, entry_id, appointment_id, body)
    SELECT $1, $2, $3, $4, $5, $6
     WHERE $4::uuid IS NULL
        OR EXISTS (SELECT 1 FROM entries e WHERE e.id = $4 AND e.patient_id = $1)
    RETURNING *
)
SELECT m.id, m.patient_id, m.author_id, a.display_name AS author_name, m.entry_id,
       m.appointment_id, m.body, m.created_at
  FROM made m JOIN users a ON a.id = m.author_id;
