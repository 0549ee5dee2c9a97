-- Study participants leave or complete (issue 14): the date and, for leaving, why, in
-- plain categories (never free text), feeding the CONSORT attendance rows. A participant's
-- measures are due from enrolment, at the study's primary follow-up interval, so the
-- schedule reads the live participation of a patient by their id.
ALTER TABLE study_participants
    ADD COLUMN completed_on date,
    ADD COLUMN left_reason text CHECK (left_reason IN ('stopped_attending', 'withdrew',
        'moved_away', 'in_custody', 'lost_to_follow_up', 'died', 'other')),
    ADD CONSTRAINT study_participants_completed_has_day CHECK (completed = (completed_on IS NOT NULL)),
    ADD CONSTRAINT study_participants_left_has_reason CHECK ((left_on IS NULL) = (left_reason IS NULL)),
    ADD CONSTRAINT study_participants_one_ending CHECK (NOT (completed AND left_on IS NOT NULL)),
    ADD CONSTRAINT study_participants_ends_after_enrolment
        CHECK (coalesce(left_on, completed_on, enrolled_on) >= enrolled_on);
CREATE INDEX study_participants_patient ON study_participants (patient_id, enrolled_on DESC);

-- A large study's export is built by a background job (pgqueuer) into stored chunks, then
-- downloaded; the request that starts it is audited like any export. Chunks go when the
-- export row goes (kept a week: exports.py prunes older ones).
CREATE TABLE study_exports (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    study_id     uuid NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
    -- The requester's site: only its researchers and admins read the export.
    site_id      uuid NOT NULL REFERENCES sites (id),
    requested_by uuid NOT NULL REFERENCES users (id),
    format       text NOT NULL CHECK (format IN ('csv', 'fhir')),
    state        text NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'done', 'failed')),
    rows         integer,
    bytes        bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
CREATE INDEX study_exports_study ON study_exports (study_id, created_at DESC);

CREATE TABLE study_export_chunks (
    export_id uuid NOT NULL REFERENCES study_exports (id) ON DELETE CASCADE,
    seq       integer NOT NULL CHECK (seq >= 0),
    data      bytea NOT NULL,
    PRIMARY KEY (export_id, seq)
);
