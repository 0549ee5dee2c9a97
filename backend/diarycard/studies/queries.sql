-- name: create
INSERT INTO studies (site_id, name, arms, factors, block_sizes, follow_up_primary_months,
                     follow_up_secondary_months, follow_up_until_months, seed, pseudonym_key,
                     created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING id;

-- name: add_sites
INSERT INTO study_sites (study_id, site_id)
SELECT $1, s.id FROM sites s WHERE s.id = ANY($2::uuid[])
ON CONFLICT DO NOTHING;

-- name: visible
-- A study is open to its sites' researchers and admins only; anyone else reads it as
-- missing. `lock` serialises enrolments, so two at once cannot take the same place.
SELECT st.id, st.name, st.arms, st.factors, st.block_sizes, st.follow_up_primary_months,
       st.follow_up_secondary_months, st.follow_up_until_months,
       array(SELECT ss.site_id FROM study_sites ss WHERE ss.study_id = st.id
             ORDER BY ss.site_id) AS sites
  FROM studies st
 WHERE st.id = $1
   AND EXISTS (SELECT 1 FROM study_sites ss WHERE ss.study_id = st.id AND ss.site_id = $2);

-- name: mine
SELECT st.id, st.name, st.arms, st.factors, st.block_sizes, st.follow_up_primary_months,
       st.follow_up_secondary_months, st.follow_up_until_months,
       array(SELECT ss.site_id FROM study_sites ss WHERE ss.study_id = st.id
             ORDER BY ss.site_id) AS sites
  FROM studies st
 WHERE EXISTS (SELECT 1 FROM study_sites ss WHERE ss.study_id = st.id AND ss.site_id = $1)
 ORDER BY st.created_at DESC
 LIMIT 200;

-- name: secrets
SELECT seed, pseudonym_key FROM studies WHERE id = $1 FOR UPDATE;

-- name: patient_here
-- A live patient at the enrolling person's own site, which takes part in the study.
SELECT u.site_id FROM users u
  JOIN study_sites ss ON ss.site_id = u.site_id AND ss.study_id = $3
 WHERE u.id = $1 AND u.site_id = $2 AND u.role = 'patient' AND u.disabled_at IS NULL;

-- name: participant
SELECT arm, enrolled_on, stratum, consent_date, consent_version
  FROM study_participants WHERE study_id = $1 AND patient_id = $2;

-- name: next_position
SELECT count(*)::int FROM study_participants WHERE study_id = $1 AND stratum = $2;

-- name: enrol
INSERT INTO study_participants (study_id, patient_id, site_id, stratum, position, arm,
                                consent_date, consent_version, enrolled_on, enrolled_by,
                                screening_ref)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- name: screen
-- The same reference again updates its row (the outbox-style retry, or a reason added
-- later); the site's reference is unique within the study.
INSERT INTO study_screening (id, study_id, site_id, site_ref, screened_on, reason,
                             recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (study_id, site_ref) DO UPDATE
   SET screened_on = excluded.screened_on, reason = excluded.reason,
       recorded_by = excluded.recorded_by
 WHERE study_screening.site_id = excluded.site_id
RETURNING id;

-- name: screening
SELECT s.id, s.site_ref, s.screened_on, s.reason,
       (s.reason IS NULL AND EXISTS (
           SELECT 1 FROM study_participants p
            WHERE p.study_id = s.study_id AND p.screening_ref = s.site_ref)) AS enrolled
  FROM study_screening s
 WHERE s.study_id = $1 AND s.site_id = $2
 ORDER BY s.screened_on, s.site_ref;

-- name: participants
-- Everything the export, CONSORT and follow-up need, and nothing that names anyone.
SELECT p.patient_id, p.site_id, p.stratum, p.arm, p.enrolled_on, p.left_on, p.completed,
       p.left_reason
  FROM study_participants p
 WHERE p.study_id = $1
 ORDER BY p.enrolled_on, p.patient_id;

-- name: screened_counts
SELECT reason, count(*)::int AS n FROM study_screening WHERE study_id = $1 GROUP BY reason;

-- name: measures
-- Measures and acts of the study's participants, from enrolment on: no note, no entry.
SELECT m.patient_id, 'measure' AS record, m.questionnaire AS kind, m.total AS value,
       (m.authored AT TIME ZONE 'Europe/London')::date AS day
  FROM measure_responses m
  JOIN study_participants p ON p.patient_id = m.patient_id AND p.study_id = $1
UNION ALL
SELECT e.patient_id, 'act_or_contact', e.kind, coalesce(e.severity, e.nights, 0), e.occurred_on
  FROM outcome_events e
  JOIN study_participants p ON p.patient_id = e.patient_id AND p.study_id = $1
 WHERE e.deleted_at IS NULL
 ORDER BY 1, 5;

-- name: set_status
-- Only a participant at the caller's own site; the checks keep an ending after enrolment
-- and never both left and completed.
UPDATE study_participants
   SET left_on = $4, left_reason = $5, completed = $6::date IS NOT NULL, completed_on = $6
 WHERE study_id = $1 AND patient_id = $2 AND site_id = $3
RETURNING arm, enrolled_on, left_on, left_reason, completed_on;

-- name: participant_count
SELECT count(*)::int FROM study_participants WHERE study_id = $1;

-- name: export_create
INSERT INTO study_exports (study_id, site_id, requested_by, format)
VALUES ($1, $2, $3, $4)
RETURNING id;

-- name: export_one
-- Scoped to the caller's site (and the study, from the path).
SELECT id, study_id, format, state, rows, bytes, created_at, finished_at
  FROM study_exports
 WHERE id = $1 AND study_id = $2 AND site_id = $3;

-- name: export_claim
-- One worker takes the job; a second delivery of the same job finds it taken.
UPDATE study_exports SET state = 'running'
 WHERE id = $1 AND state = 'queued'
RETURNING study_id, site_id, format;

-- name: export_chunk
INSERT INTO study_export_chunks (export_id, seq, data) VALUES ($1, $2, $3);

-- name: export_done
UPDATE study_exports SET state = 'done', rows = $2, bytes = $3, finished_at = now()
 WHERE id = $1;

-- name: export_failed
UPDATE study_exports SET state = 'failed', finished_at = now()
 WHERE id = $1 AND state IN ('queued', 'running');

-- name: export_chunks
SELECT data FROM study_export_chunks WHERE export_id = $1 AND seq >= $2
 ORDER BY seq LIMIT $3;

-- name: export_prune
DELETE FROM study_exports WHERE created_at < now() - interval '7 days';
