-- Outcomes over time (issue 14): acts and service contacts, standard measures and their
-- schedule. Acts are recorded to help the patient and their clinician see change, never to
-- blame; nothing here leaves the care team.

-- A measure is due every N months from the start of treatment (per site; 3 by default).
ALTER TABLE sites
    ADD COLUMN measure_interval_months smallint NOT NULL DEFAULT 3
        CHECK (measure_interval_months BETWEEN 1 AND 12);

-- One row per act, service contact, or "nothing happened this week". Patients write them
-- offline through the outbox (a client-made id, idempotent PUT), clinicians in the review.
CREATE TABLE outcome_events (
    id            uuid PRIMARY KEY,
    patient_id    uuid NOT NULL,
    site_id       uuid NOT NULL,
    -- self_harm; MOAS aggression kinds: verbal, property, others (MOAS's "against self" is
    -- worked out from self_harm, so nothing is entered twice); service contacts: ae,
    -- crisis_team, police, admission, social_services; nothing: a week with none of these.
    kind          text NOT NULL CHECK (kind IN ('self_harm', 'verbal', 'property', 'others',
                      'ae', 'crisis_team', 'police', 'admission', 'social_services',
                      'nothing')),
    occurred_on   date NOT NULL,
    -- 0-4 on MOAS's bands for the kind (self-harm: 1 no injury, 2 first aid, 4 hospital).
    severity      smallint CHECK (severity BETWEEN 0 AND 4),
    nights        smallint CHECK (nights BETWEEN 0 AND 365),
    -- Optional words; never in a research export.
    note          text CHECK (char_length(note) <= 1000),
    entry_id      uuid,
    recorded_by   uuid NOT NULL REFERENCES users (id),
    recorded_role text NOT NULL CHECK (recorded_role IN ('patient', 'clinician')),
    version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    request_hash  bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE,
    CHECK ((kind = 'admission') = (nights IS NOT NULL)),
    CHECK ((kind IN ('self_harm', 'verbal', 'property', 'others')) = (severity IS NOT NULL))
);
CREATE INDEX outcome_events_patient ON outcome_events (patient_id, occurred_on DESC)
    WHERE deleted_at IS NULL;

-- A completed questionnaire, QuestionnaireResponse-shaped: the items as answered, and the
-- scores the server worked out (never the phone's).
CREATE TABLE measure_responses (
    id            uuid PRIMARY KEY,
    patient_id    uuid NOT NULL,
    site_id       uuid NOT NULL,
    questionnaire text NOT NULL CHECK (questionnaire IN ('phq-9', 'gad-7')),
    authored      timestamptz NOT NULL,
    items         jsonb NOT NULL,
    total         smallint NOT NULL CHECK (total BETWEEN 0 AND 27),
    -- PHQ-9 item 9 (thoughts of being better off dead or of hurting yourself).
    self_harm_item smallint CHECK (self_harm_item BETWEEN 0 AND 3),
    recorded_by   uuid NOT NULL REFERENCES users (id),
    request_hash  bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);
CREATE INDEX measure_responses_patient
    ON measure_responses (patient_id, questionnaire, authored DESC);
