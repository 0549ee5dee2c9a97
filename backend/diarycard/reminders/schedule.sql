-- name: plan
-- $1 now, $2 how far back to look, $3 how late a push may still go.
-- Candidate slots are every chosen time, today and yesterday in the patient's own zone
-- (yesterday for a slot just before midnight when the scheduler runs just after).
-- date + time AT TIME ZONE turns a local time into an instant with that day's offset,
-- so 09:00 in London is 09:00 UTC in winter and 08:00 UTC in summer. A local time the
-- clocks skip (01:30 on the spring change) becomes the instant an hour later; one that
-- happens twice (01:30 on the autumn change) is one slot, keyed by local day and time.
WITH chosen AS (
    SELECT s.patient_id, s.times, s.days, s.quiet_start, s.quiet_end, s.time_zone,
           $1::timestamptz AT TIME ZONE s.time_zone AS local_now
      FROM reminder_settings s
      JOIN users u ON u.id = s.patient_id AND u.disabled_at IS NULL
     WHERE s.enabled
), near AS (
    -- A cheap first cut on the wall clock, an hour wider on each side than the window (a
    -- clock change moves local time by at most an hour), before any exact conversion.
    SELECT c.patient_id, d.day AS local_day, t.t AS local_time, c.time_zone,
           c.quiet_start, c.quiet_end
      FROM chosen c
     CROSS JOIN LATERAL unnest(c.times) AS t(t)
     CROSS JOIN LATERAL (VALUES (c.local_now::date), (c.local_now::date - 1)) AS d(day)
     WHERE d.day + t.t BETWEEN c.local_now - $2::interval - interval '1 hour'
                           AND c.local_now + interval '1 hour'
       AND extract(isodow FROM d.day)::smallint = ANY (c.days)
), due AS (
    -- Slots already decided (by this pass's predecessors or another instance) drop out
    -- here, before the costlier checks below.
    SELECT n.*, (n.local_day + n.local_time) AT TIME ZONE n.time_zone AS due_at
      FROM near n
     WHERE NOT EXISTS (SELECT 1 FROM reminder_slots r
                        WHERE r.patient_id = n.patient_id AND r.local_day = n.local_day
                          AND r.local_time = n.local_time)
), slots AS (
    INSERT INTO reminder_slots (patient_id, local_day, local_time, due_at, outcome)
    SELECT d.patient_id, d.local_day, d.local_time, d.due_at,
           CASE
             WHEN d.quiet_start IS NOT NULL AND CASE
                    WHEN d.quiet_start < d.quiet_end
                      THEN d.local_time >= d.quiet_start AND d.local_time < d.quiet_end
                    ELSE d.local_time >= d.quiet_start OR d.local_time < d.quiet_end
                  END
               THEN 'quiet'
             -- Logged in the hour before (or since): no need to remind.
             WHEN EXISTS (SELECT 1 FROM entries e
                           WHERE e.patient_id = d.patient_id AND e.deleted_at IS NULL
                             AND (e.recorded_at >= d.due_at - interval '1 hour'
                                  OR e.occurred_at BETWEEN d.due_at - interval '1 hour'
                                                       AND $1))
               THEN 'logged'
             WHEN d.due_at < $1 - $3::interval THEN 'late'
             WHEN EXISTS (SELECT 1 FROM live_push_subscriptions p
                           WHERE p.user_id = d.patient_id)
               THEN 'push'
             ELSE 'no_push'
           END
      FROM due d
     WHERE d.due_at <= $1 AND d.due_at > $1 - $2::interval
    ON CONFLICT DO NOTHING
    RETURNING patient_id, due_at, outcome
), sends AS (
    INSERT INTO reminder_sends (patient_id, subscription_id, kind, due_at)
    SELECT s.patient_id, p.id, 'reminder', s.due_at
      FROM slots s
      JOIN live_push_subscriptions p ON p.user_id = s.patient_id
     WHERE s.outcome = 'push'
    ON CONFLICT DO NOTHING
    RETURNING id, patient_id, due_at
)
SELECT s.patient_id, s.due_at, s.outcome, n.id AS send_id
  FROM slots s
  LEFT JOIN sends n ON n.patient_id = s.patient_id AND n.due_at = s.due_at;

-- name: stale_sends
SELECT id, attempts FROM reminder_sends
 WHERE status = 'queued' AND updated_at < $1
 ORDER BY id
 LIMIT 1000;

-- name: prune_slots
-- The ledger is needed for a day (exactly once, the in-app reminder); kept five weeks for
-- questions about reminders, then gone: it says when someone did or did not write.
DELETE FROM reminder_slots WHERE due_at < $1;

-- name: prune_sends
DELETE FROM reminder_sends WHERE created_at < $1 AND status NOT IN ('queued', 'sending');
