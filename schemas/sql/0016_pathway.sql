-- The SCM pathway, documents agreed by both sides, and supervision (NICE QS88).

-- A document the patient and clinician write together and both agree (the discharge plan;
-- the crisis plan keeps its own tables from 0008). One shared draft per kind and patient;
-- when both sides agree the same draft version it is fixed as the next agreed version.
CREATE TABLE agreed_drafts (
    kind                text NOT NULL CHECK (kind IN ('discharge')),
    patient_id          uuid NOT NULL,
    site_id             uuid NOT NULL,
    body                jsonb NOT NULL,
    version             integer NOT NULL CHECK (version >= 1),
    request_hash        bytea NOT NULL,
    updated_by          uuid NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    -- The draft version each side last agreed (NULL: not yet); a change clears neither
    -- column but moves `version` on, so an old agreement no longer matches.
    patient_agreed      integer,
    patient_agreed_at   timestamptz,
    clinician_agreed    integer,
    clinician_agreed_at timestamptz,
    clinician_id        uuid,
    PRIMARY KEY (kind, patient_id),
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);

CREATE TABLE agreed_versions (
    kind                text NOT NULL,
    patient_id          uuid NOT NULL,
    site_id             uuid NOT NULL,
    version             integer NOT NULL,
    draft_version       integer NOT NULL,
    body                jsonb NOT NULL,
    agreed_at           timestamptz NOT NULL DEFAULT now(),
    patient_agreed_at   timestamptz NOT NULL,
    clinician_id        uuid NOT NULL,
    clinician_name      text NOT NULL,
    clinician_agreed_at timestamptz NOT NULL,
    proposed_by_name    text NOT NULL,
    PRIMARY KEY (kind, patient_id, version),
    UNIQUE (kind, patient_id, draft_version),
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);

CREATE FUNCTION agreed_versions_are_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'agreed versions are fixed; change the draft and agree again';
END $$;
CREATE TRIGGER agreed_versions_fixed BEFORE UPDATE ON agreed_versions
    FOR EACH ROW EXECUTE FUNCTION agreed_versions_are_fixed();

-- Each patient's place on the SCM pathway, and what NICE QS88 asks a service to show:
-- the structured assessment and when (statement 1), the patient's part in choosing the
-- type, duration and intensity of therapy (statement 2).
CREATE TABLE pathways (
    patient_id        uuid PRIMARY KEY,
    site_id           uuid NOT NULL,
    phase             text NOT NULL DEFAULT 'assessment'
                      CHECK (phase IN ('assessment', 'setting_the_frame', 'treatment',
                                       'discharge_transition', 'discharged')),
    phase_started_on  date NOT NULL,
    started_on        date NOT NULL,
    responsibilities  text NOT NULL DEFAULT '' CHECK (char_length(responsibilities) <= 2000),
    formulation       text NOT NULL DEFAULT '' CHECK (char_length(formulation) <= 2000),
    assessment_done_on date,
    assessment_by     text NOT NULL DEFAULT '' CHECK (char_length(assessment_by) <= 200),
    therapy_type      text NOT NULL DEFAULT '' CHECK (char_length(therapy_type) <= 200),
    therapy_duration  text NOT NULL DEFAULT '' CHECK (char_length(therapy_duration) <= 200),
    therapy_intensity text NOT NULL DEFAULT '' CHECK (char_length(therapy_intensity) <= 200),
    choice_discussed_on date,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        uuid NOT NULL,
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);

-- Every phase the patient has been in, with who moved them on.
CREATE TABLE pathway_phases (
    patient_id  uuid NOT NULL REFERENCES pathways (patient_id) ON DELETE CASCADE,
    phase       text NOT NULL,
    started_on  date NOT NULL,
    moved_by_name text NOT NULL,
    moved_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pathway_phases_patient ON pathway_phases (patient_id, moved_at);

-- Supervision for clinicians (statement 6): the agreed level and frequency, and the dates
-- it happened. Recorded by the clinician or their site admin.
CREATE TABLE supervision_agreements (
    clinician_id uuid PRIMARY KEY,
    site_id      uuid NOT NULL,
    level        text NOT NULL CHECK (char_length(level) BETWEEN 1 AND 200),
    every_weeks  integer NOT NULL CHECK (every_weeks BETWEEN 1 AND 26),
    agreed_on    date NOT NULL,
    FOREIGN KEY (clinician_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);

CREATE TABLE supervision_sessions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    clinician_id uuid NOT NULL,
    site_id      uuid NOT NULL,
    held_on      date NOT NULL,
    supervisor   text NOT NULL CHECK (char_length(supervisor) BETWEEN 1 AND 200),
    recorded_by  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (clinician_id, held_on),
    FOREIGN KEY (clinician_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);

-- Tools reviewed together in the session: a worksheet or checking-it-out record the
-- clinician went through with the patient, which version, and a short note. Added, never
-- changed (a second review is a second row).
CREATE TABLE reviewed_together (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    record_id      uuid NOT NULL REFERENCES tool_records (id) ON DELETE CASCADE,
    patient_id     uuid NOT NULL,
    record_version integer NOT NULL,
    clinician_id   uuid NOT NULL,
    clinician_name text NOT NULL,
    note           text NOT NULL DEFAULT '' CHECK (char_length(note) <= 2000),
    reviewed_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (patient_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX reviewed_together_record ON reviewed_together (record_id, reviewed_at DESC);
