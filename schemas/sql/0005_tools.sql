-- Between-session tools: the crisis plan (a shared draft, and the agreed versions made
-- from it), the record of crisis-plan steps offered after a diary entry, and the patient's
-- worksheets (problem solving, checking it out) and goals.

-- One working draft per patient, edited by the patient and their clinician in turn.
-- `version` goes up on every change, so an edit based on an older version is refused
-- (412) instead of silently overwriting the other person's words.
CREATE TABLE crisis_drafts (
    patient_id        uuid PRIMARY KEY,
    site_id           uuid NOT NULL,
    plan              jsonb NOT NULL,
    version           integer NOT NULL CHECK (version >= 1),
    -- sha256 of the last accepted request, so an outbox replay gets the same answer.
    request_hash      bytea NOT NULL,
    updated_by        uuid NOT NULL REFERENCES users (id),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    -- Which draft version each side has agreed to; both equal to `version` means agreed.
    patient_agreed    integer,
    patient_agreed_at timestamptz,
    clinician_agreed  integer,
    clinician_agreed_at timestamptz,
    clinician_id      uuid REFERENCES users (id),
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);

-- Agreed versions are a dated record of what was agreed, by whom: never changed.
CREATE TABLE crisis_plan_versions (
    patient_id     uuid NOT NULL,
    site_id        uuid NOT NULL,
    version        integer NOT NULL CHECK (version >= 1),
    draft_version  integer NOT NULL,
    plan           jsonb NOT NULL,
    review_date    date NOT NULL,
    agreed_at      timestamptz NOT NULL DEFAULT now(),
    patient_agreed_at   timestamptz NOT NULL,
    clinician_id        uuid NOT NULL REFERENCES users (id),
    clinician_name      text NOT NULL,
    clinician_agreed_at timestamptz NOT NULL,
    PRIMARY KEY (patient_id, version),
    -- Agreeing the same draft twice (an outbox replay) cannot make two versions.
    UNIQUE (patient_id, draft_version),
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);

CREATE FUNCTION crisis_plan_versions_are_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'agreed crisis plans are not changed; agree a new version'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER crisis_plan_versions_no_update BEFORE UPDATE ON crisis_plan_versions
    FOR EACH ROW EXECUTE FUNCTION crisis_plan_versions_are_fixed();

-- Each time the app offered a crisis-plan step after a diary entry (a warning sign or a
-- risk at or above the agreed threshold). Nobody is paged: the clinician counts these in
-- the review. No foreign key to the entry: the offer may arrive before or without it.
CREATE TABLE crisis_offers (
    id          uuid PRIMARY KEY,
    patient_id  uuid NOT NULL,
    site_id     uuid NOT NULL,
    entry_id    uuid NOT NULL,
    offered_at  timestamptz NOT NULL,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 300),
    received_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);
CREATE INDEX crisis_offers_patient ON crisis_offers (patient_id, offered_at DESC);

-- Problem-solving worksheets, checking-it-out records and goals share one shape: the
-- patient's own record, written offline with a client-made id, versioned like the draft.
CREATE TABLE tool_records (
    id           uuid PRIMARY KEY,
    patient_id   uuid NOT NULL,
    site_id      uuid NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('problem_solving', 'checking_it_out', 'goal')),
    -- open/done for worksheets; open/achieved/stopped for goals (checked in the models).
    status       text NOT NULL CHECK (length(status) BETWEEN 1 AND 20),
    body         jsonb NOT NULL,
    version      integer NOT NULL CHECK (version >= 1),
    request_hash bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- Goals only: the clinician who agreed the goal, and when.
    agreed_by    uuid REFERENCES users (id),
    agreed_name  text,
    agreed_at    timestamptz,
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);
CREATE INDEX tool_records_patient ON tool_records (patient_id, kind, updated_at DESC);
