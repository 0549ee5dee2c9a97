-- name: event_lock
-- Scoped by patient: someone else's id reads as missing.
SELECT version, request_hash FROM outcome_events
 WHERE id = $1 AND patient_id = $2
   FOR UPDATE;

-- name: event_create
-- ON CONFLICT: the id is taken (the same first save at the same moment, or someone else's
-- record); the caller re-reads with its own scope.
INSERT INTO outcome_events (id, patient_id, site_id, kind, occurred_on, severity, nights,
                            note, entry_id, recorded_by, recorded_role, request_hash)
SELECT $1, u.id, u.site_id, $3, $4, $5, $6, $7, $8, $9, $10, $11
  FROM users u WHERE u.id = $2 AND u.role = 'patient'
ON CONFLICT (id) DO NOTHING
RETURNING version;

-- name: event_update
UPDATE outcome_events
   SET kind = $3, occurred_on = $4, severity = $5, nights = $6, note = $7, entry_id = $8,
       recorded_by = $9, recorded_role = $10, request_hash = $11, version = version + 1,
       updated_at = now()
 WHERE id = $1 AND patient_id = $2;

-- name: event_one
SELECT id, kind, occurred_on, severity, nights, note, entry_id, recorded_role, version,
       created_at
  FROM outcome_events
 WHERE id = $1 AND patient_id = $2 AND deleted_at IS NULL;

-- name: events
-- The patient's acts and contacts from $2, newest first.
SELECT id, kind, occurred_on, severity, nights, note, entry_id, recorded_role, version,
       created_at
  FROM outcome_events
 WHERE patient_id = $1 AND deleted_at IS NULL AND occurred_on >= $2
 ORDER BY occurred_on DESC, created_at DESC
 LIMIT 1000;

-- name: entry_mine
SELECT true FROM entries WHERE id = $1 AND patient_id = $2 AND deleted_at IS NULL;

-- name: measure_create
INSERT INTO measure_responses (id, patient_id, site_id, questionnaire, authored, items,
                               total, self_harm_item, recorded_by, request_hash)
SELECT $1, u.id, u.site_id, $3, $4, $5::jsonb, $6, $7, $8, $9
  FROM users u WHERE u.id = $2 AND u.role = 'patient'
ON CONFLICT (id) DO NOTHING
RETURNING id;

-- name: measure_one
SELECT id, questionnaire, authored, items::text AS items, total, self_harm_item,
       request_hash
  FROM measure_responses
 WHERE id = $1 AND patient_id = $2;

-- name: measures
SELECT id, questionnaire, authored, items::text AS items, total, self_harm_item,
       request_hash
  FROM measure_responses
 WHERE patient_id = $1
 ORDER BY authored
 LIMIT 500;

-- name: schedule
-- Treatment starts when the account was made (the service's start of care in diarycard);
-- measures are due from then at the site's interval or, for a study participant, from
-- enrolment at the study's primary follow-up interval (the schedule restarts there);
-- the last completion of each measure, in London days.
SELECT (u.created_at AT TIME ZONE 'Europe/London')::date AS started,
       coalesce(sp.enrolled_on, (u.created_at AT TIME ZONE 'Europe/London')::date)
           AS schedule_from,
       coalesce(sp.every_months, s.measure_interval_months) AS every_months,
       (max(m.authored) FILTER (WHERE m.questionnaire = 'phq-9')
            AT TIME ZONE 'Europe/London')::date AS last_phq9,
       (max(m.authored) FILTER (WHERE m.questionnaire = 'gad-7')
            AT TIME ZONE 'Europe/London')::date AS last_gad7,
       (max(m.authored) FILTER (WHERE m.questionnaire = 'monthly-summary')
            AT TIME ZONE 'Europe/London')::date AS last_summary
  FROM users u
  JOIN sites s ON s.id = u.site_id
  LEFT JOIN LATERAL current_study(u.id) sp ON true
  LEFT JOIN measure_responses m ON m.patient_id = u.id
 WHERE u.id = $1
 GROUP BY u.created_at, s.measure_interval_months, sp.enrolled_on, sp.every_months;
