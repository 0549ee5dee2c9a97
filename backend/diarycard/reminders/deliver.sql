-- name: claim
-- Queued -> sending in one statement: of two workers holding the same job (one stalled
-- past its heartbeat and woke up), only one gets the row, so a push goes out once. A
-- worker that dies after this line leaves the send in 'sending': never sent twice, and
-- the app shows an in-app reminder for it instead.
UPDATE reminder_sends r
   SET status = 'sending', attempts = r.attempts + 1, updated_at = now()
  FROM live_push_subscriptions p
 WHERE r.id = $1 AND r.status = 'queued' AND p.id = r.subscription_id
RETURNING r.id, r.kind, r.due_at, r.attempts, p.id AS subscription_id, p.endpoint,
          p.p256dh, p.auth,
          coalesce((SELECT wording FROM reminder_settings s WHERE s.patient_id = r.patient_id),
                   'diary') AS wording;

-- name: orphan
-- Its subscription was removed, or its session ended, after the send was queued.
UPDATE reminder_sends r SET status = 'gone', updated_at = now()
 WHERE r.id = $1 AND r.status = 'queued'
   AND NOT EXISTS (SELECT 1 FROM live_push_subscriptions p WHERE p.id = r.subscription_id);

-- name: sent
WITH done AS (
    UPDATE reminder_sends SET status = 'sent', last_answer = $2, updated_at = now()
     WHERE id = $1
    RETURNING subscription_id
)
UPDATE push_subscriptions SET last_sent_at = now(), last_error = NULL, last_error_at = NULL
 WHERE id = (SELECT subscription_id FROM done);

-- name: gone
-- The push service says the subscription no longer exists: forget it.
WITH done AS (
    UPDATE reminder_sends SET status = 'gone', last_answer = $2, updated_at = now()
     WHERE id = $1
    RETURNING subscription_id
)
DELETE FROM push_subscriptions WHERE id = (SELECT subscription_id FROM done);

-- name: again
UPDATE reminder_sends SET status = 'queued', last_answer = $2, updated_at = now()
 WHERE id = $1;

-- name: failed
WITH done AS (
    UPDATE reminder_sends SET status = 'failed', last_answer = $2, updated_at = now()
     WHERE id = $1
    RETURNING subscription_id
)
UPDATE push_subscriptions SET last_error = $3, last_error_at = now()
 WHERE id = (SELECT subscription_id FROM done);
