-- Reminders (issue 13): what each patient chose, where their phones receive pushes, a
-- clinician's suggestion, and a ledger with one row per reminder slot and one per push,
-- so that each reminder is decided once however many schedulers and workers run.

CREATE TABLE reminder_settings (
    patient_id   uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    enabled      boolean NOT NULL DEFAULT false,
    -- Local times of day in the patient's own time zone, at most three.
    times        time[] NOT NULL DEFAULT '{}' CHECK (cardinality(times) <= 3),
    -- ISO days of the week, 1 = Monday.
    days         smallint[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}'
                 CHECK (days <@ '{1,2,3,4,5,6,7}'::smallint[]),
    -- No reminder between these local times (the span may cross midnight).
    quiet_start  time,
    quiet_end    time,
    time_zone    text NOT NULL DEFAULT 'Europe/London' CHECK (length(time_zone) <= 64),
    -- Which neutral words the notification uses; never anything about care.
    wording      text NOT NULL DEFAULT 'diary' CHECK (wording IN ('diary', 'moment', 'app')),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);
-- The scheduler reads only the patients who have reminders on.
CREATE INDEX reminder_settings_on ON reminder_settings (patient_id) WHERE enabled;

-- A browser's push subscription (PushSubscription.toJSON()). The endpoint is a capability
-- URL: one browser has one, and it belongs to whoever signed in there last. It lives as
-- long as the session that made it: signing out on a shared phone (or ending that session
-- from another device) stops its reminders, even when the phone was offline at the time.
CREATE TABLE push_subscriptions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id    uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    endpoint      text NOT NULL UNIQUE CHECK (length(endpoint) <= 1024),
    p256dh        bytea NOT NULL CHECK (length(p256dh) = 65),
    auth          bytea NOT NULL CHECK (length(auth) = 16),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_sent_at  timestamptz,
    -- Why the last push did not arrive, in words for the patient's Settings screen.
    last_error    text,
    last_error_at timestamptz
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id);

-- The subscriptions a push may go to: their session has not been ended.
CREATE VIEW live_push_subscriptions AS
SELECT p.*
  FROM push_subscriptions p
  JOIN sessions s ON s.id = p.session_id
 WHERE s.revoked_at IS NULL;

-- A clinician's suggested times. Only a suggestion: nothing changes until the patient
-- accepts it, and whatever the patient chooses afterwards stands.
CREATE TABLE reminder_suggestions (
    patient_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    clinician_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    times         time[] NOT NULL CHECK (cardinality(times) BETWEEN 1 AND 3),
    days          smallint[] NOT NULL CHECK (days <@ '{1,2,3,4,5,6,7}'::smallint[]
                                             AND cardinality(days) >= 1),
    suggested_at  timestamptz NOT NULL DEFAULT now(),
    answer        text CHECK (answer IN ('accepted', 'declined')),
    answered_at   timestamptz
);

-- One row per reminder slot (a patient's local day and time). The primary key is what
-- makes a reminder happen once: every scheduler inserts with ON CONFLICT DO NOTHING, so
-- only one of them decides each slot. Keyed by local day and time rather than the UTC
-- instant, so a time that occurs twice when the clocks go back still counts once.
CREATE TABLE reminder_slots (
    patient_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    local_day   date NOT NULL,
    local_time  time NOT NULL,
    due_at      timestamptz NOT NULL,
    -- push: sent to the patient's phones; no_push: no phone can receive it; logged: the
    -- patient wrote in the hour before; quiet: inside quiet hours; late: found too late
    -- to be worth a push (the app shows it in-app instead).
    outcome     text NOT NULL CHECK (outcome IN ('push', 'no_push', 'logged', 'quiet', 'late')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (patient_id, local_day, local_time)
);
CREATE INDEX reminder_slots_recent ON reminder_slots (patient_id, due_at DESC);

-- One row per push to one subscription. A worker moves it from queued to sending in one
-- statement before it sends, so a job picked twice (a worker that stalled, then woke)
-- still sends once.
CREATE TABLE reminder_sends (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subscription_id  uuid REFERENCES push_subscriptions (id) ON DELETE SET NULL,
    kind             text NOT NULL CHECK (kind IN ('reminder', 'test')),
    due_at           timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'sending', 'sent', 'gone', 'failed')),
    attempts         smallint NOT NULL DEFAULT 0,
    -- The push service's last answer (HTTP status), 0 when it could not be reached.
    last_answer      smallint,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, kind, due_at)
);
CREATE INDEX reminder_sends_patient ON reminder_sends (patient_id, due_at DESC);
-- The scheduler's sweep for sends that lost their job looks only at unfinished ones.
CREATE INDEX reminder_sends_unfinished ON reminder_sends (updated_at)
    WHERE status IN ('queued', 'sending');
