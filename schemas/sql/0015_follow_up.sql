-- Assertive follow-up as tasks. A session marked "not attended" opens a task for the care
-- team; each attempt to reach the patient is recorded (when, how, what happened), and the
-- task is closed with a decision by a named clinician. The record shows that the service
-- followed the patient up, not only that they missed.

CREATE TABLE follow_up_tasks (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    patient_id     uuid NOT NULL,
    site_id        uuid NOT NULL,
    -- One task per missed session: marking it "not attended" twice opens nothing new.
    appointment_id uuid NOT NULL UNIQUE,
    missed_at      timestamptz NOT NULL,
    opened_at      timestamptz NOT NULL DEFAULT now(),
    decision       text CHECK (decision IN ('rebooked', 'discharged_with_plan', 'escalated',
                                            'attended_after_all')),
    decision_note  text NOT NULL DEFAULT '' CHECK (char_length(decision_note) <= 2000),
    closed_at      timestamptz,
    closed_by      uuid,
    closed_by_name text,
    -- Open, or closed with a decision, a time and a person: never half closed.
    CHECK ((decision IS NULL) = (closed_at IS NULL) AND (closed_at IS NULL) = (closed_by IS NULL)),
    UNIQUE (id, patient_id),
    FOREIGN KEY (appointment_id, patient_id) REFERENCES appointments (id, patient_id)
        ON DELETE CASCADE,
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE,
    FOREIGN KEY (closed_by, site_id) REFERENCES users (id, site_id)
);
-- The caseload reads each patient's open tasks.
CREATE INDEX follow_up_tasks_open ON follow_up_tasks (patient_id, opened_at) WHERE closed_at IS NULL;

CREATE TABLE follow_up_attempts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id     uuid NOT NULL,
    patient_id  uuid NOT NULL,
    site_id     uuid NOT NULL,
    attempted_at timestamptz NOT NULL,
    method      text NOT NULL CHECK (method IN ('phone', 'text', 'letter', 'visit', 'email')),
    outcome     text NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'message_left',
                                                 'letter_sent')),
    note        text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
    made_by     uuid NOT NULL,
    made_by_name text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (task_id, patient_id) REFERENCES follow_up_tasks (id, patient_id)
        ON DELETE CASCADE,
    FOREIGN KEY (made_by, site_id) REFERENCES users (id, site_id)
);
CREATE INDEX follow_up_attempts_task ON follow_up_attempts (task_id, attempted_at);

-- Attempts are part of the clinical record: added, never changed or removed.
CREATE FUNCTION follow_up_attempts_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'follow-up attempts are append-only';
END $$;
CREATE TRIGGER follow_up_attempts_append_only BEFORE UPDATE ON follow_up_attempts
    FOR EACH ROW EXECUTE FUNCTION follow_up_attempts_are_append_only();
