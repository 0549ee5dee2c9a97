-- name: get_settings
SELECT enabled, times, days, quiet_start, quiet_end, time_zone, wording
  FROM reminder_settings
 WHERE patient_id = $1;

-- name: put_settings
INSERT INTO reminder_settings (patient_id, enabled, times, days, quiet_start, quiet_end,
                               time_zone, wording)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (patient_id) DO UPDATE
   SET enabled = EXCLUDED.enabled, times = EXCLUDED.times, days = EXCLUDED.days,
       quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
       time_zone = EXCLUDED.time_zone, wording = EXCLUDED.wording, updated_at = now();

-- name: check_time_zone
-- PostgreSQL must know the zone too: the scheduler converts with it.
SELECT now() AT TIME ZONE $1;

-- name: devices
SELECT endpoint, last_sent_at, last_error
  FROM live_push_subscriptions
 WHERE user_id = $1
 ORDER BY created_at;

-- name: pending_suggestion
SELECT s.times, s.days, c.display_name AS suggested_by, s.suggested_at, s.answer
  FROM reminder_suggestions s
  JOIN users c ON c.id = s.clinician_id
 WHERE s.patient_id = $1
   AND ($2 OR s.answer IS NULL);

-- name: unanswered
-- The latest reminder time in the last 12 hours that was meant to reach the patient
-- (not skipped), with nothing written since; delivered says whether a push got through.
SELECT s.due_at,
       EXISTS (SELECT 1 FROM reminder_sends r
                WHERE r.patient_id = s.patient_id AND r.kind = 'reminder'
                  AND r.due_at = s.due_at AND r.status = 'sent') AS delivered
  FROM reminder_slots s
 WHERE s.patient_id = $1
   AND s.due_at > now() - interval '12 hours'
   AND s.outcome IN ('push', 'no_push', 'late')
   AND NOT EXISTS (SELECT 1 FROM entries e
                    WHERE e.patient_id = s.patient_id AND e.deleted_at IS NULL
                      AND e.recorded_at >= s.due_at)
 ORDER BY s.due_at DESC
 LIMIT 1;

-- name: put_subscription
-- One browser, one endpoint: if someone else signed in on this browser before, it is
-- theirs no longer. A renewed subscription starts with a clean record.
INSERT INTO push_subscriptions (user_id, session_id, endpoint, p256dh, auth)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (endpoint) DO UPDATE
   SET user_id = EXCLUDED.user_id, session_id = EXCLUDED.session_id,
       p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
       last_error = NULL, last_error_at = NULL;

-- name: delete_subscription
DELETE FROM push_subscriptions
 WHERE user_id = $1 AND ($2::text IS NULL OR endpoint = $2);

-- name: queue_test
INSERT INTO reminder_sends (patient_id, subscription_id, kind, due_at)
SELECT user_id, id, 'test', now()
  FROM live_push_subscriptions
 WHERE user_id = $1
RETURNING id;

-- name: accept_suggestion
-- The patient takes the suggested times and days, which turns reminders on; everything
-- else (quiet hours, zone, words) stays theirs.
WITH answered AS (
    UPDATE reminder_suggestions
       SET answer = CASE WHEN $2 THEN 'accepted' ELSE 'declined' END, answered_at = now()
     WHERE patient_id = $1 AND answer IS NULL
    RETURNING times, days
)
INSERT INTO reminder_settings (patient_id, enabled, times, days)
SELECT $1, true, times, days FROM answered WHERE $2
ON CONFLICT (patient_id) DO UPDATE
   SET enabled = true, times = EXCLUDED.times, days = EXCLUDED.days, updated_at = now()
RETURNING patient_id;

-- name: suggestion_exists
SELECT answer IS NULL FROM reminder_suggestions WHERE patient_id = $1;

-- name: put_suggestion
-- A new suggestion replaces the last one and waits for the patient's answer again.
INSERT INTO reminder_suggestions (patient_id, clinician_id, times, days)
VALUES ($1, $2, $3, $4)
ON CONFLICT (patient_id) DO UPDATE
   SET clinician_id = EXCLUDED.clinician_id, times = EXCLUDED.times,
       days = EXCLUDED.days, suggested_at = now(), answer = NULL, answered_at = NULL;

-- name: reminders_on
SELECT coalesce((SELECT enabled FROM reminder_settings WHERE patient_id = $1), false);
