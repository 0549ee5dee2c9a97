-- Studies (issue 14): researchers, studies with arms and strata, a screening log, enrolment
-- by stratified permuted-block randomisation, and the follow-up schedule. The allocation
-- sequence is never stored: it is worked out from a per-study secret seed, which no route
-- answers, so nobody can read the next allocation through the API.

-- A researcher sees study participants' measures and acts at their site, never diary free
-- text or names (the study routes answer pseudonyms only).
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('patient', 'clinician', 'admin', 'researcher'));

CREATE TABLE studies (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id       uuid NOT NULL REFERENCES sites (id),
    name          text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    arms          text[] NOT NULL CHECK (cardinality(arms) BETWEEN 2 AND 6),
    -- Stratification factors besides site: any of age_band, sentence, length.
    factors       text[] NOT NULL,
    -- Block sizes, each a multiple of the number of arms; one is drawn per block.
    block_sizes   int[] NOT NULL CHECK (cardinality(block_sizes) BETWEEN 1 AND 4),
    follow_up_primary_months   smallint NOT NULL DEFAULT 3,
    follow_up_secondary_months smallint NOT NULL DEFAULT 6,
    follow_up_until_months     smallint NOT NULL DEFAULT 24,
    -- Secrets: the randomisation seed and the key of the export's pseudonyms.
    seed          bytea NOT NULL,
    pseudonym_key bytea NOT NULL,
    created_by    uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (site_id, name)
);

-- Sites taking part (the study's own site, and others for a multi-site trial run by one
-- service).
CREATE TABLE study_sites (
    study_id uuid NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    site_id  uuid NOT NULL REFERENCES sites (id),
    PRIMARY KEY (study_id, site_id)
);

CREATE TABLE study_participants (
    study_id        uuid NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    patient_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    site_id         uuid NOT NULL REFERENCES sites (id),
    stratum         text NOT NULL,
    -- The participant's place in their stratum's sequence (0, 1, 2, ...).
    position        int NOT NULL CHECK (position >= 0),
    arm             text NOT NULL,
    consent_date    date NOT NULL,
    consent_version text NOT NULL CHECK (char_length(consent_version) BETWEEN 1 AND 40),
    enrolled_on     date NOT NULL,
    enrolled_by     uuid NOT NULL REFERENCES users (id),
    -- The screening log's reference of this person (the site's own, never a name).
    screening_ref   text NOT NULL,
    -- For the CONSORT diagram: the participant stopped attending (date), or completed.
    left_on         date,
    completed       boolean NOT NULL DEFAULT false,
    PRIMARY KEY (study_id, patient_id),
    UNIQUE (study_id, stratum, position)
);

-- Everyone screened, before enrolment: no names, only the site's own reference.
CREATE TABLE study_screening (
    id          uuid PRIMARY KEY,
    study_id    uuid NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    site_id     uuid NOT NULL REFERENCES sites (id),
    site_ref    text NOT NULL CHECK (char_length(site_ref) BETWEEN 1 AND 40),
    screened_on date NOT NULL,
    -- null: still being screened, or enrolled (see study_participants).
    reason      text CHECK (reason IN ('did_not_attend_interview', 'declined',
                    'not_meeting_inclusion', 'meeting_exclusion', 'uncontactable')),
    recorded_by uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (study_id, site_ref)
);
