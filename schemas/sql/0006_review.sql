-- Clinician review: appointments (which set "since the last session" and drive assertive
-- follow-up), clinician notes on an entry or a session, and when each clinician last
-- looked at each patient's diary (so entries edited since can be marked).

CREATE TABLE appointments (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    patient_id       uuid NOT NULL,
    site_id          uuid NOT NULL,
    -- Who scheduled it; any clinician on the care team may mark it.
    clinician_id     uuid NOT NULL,
    starts_at        timestamptz NOT NULL,
    duration_minutes integer NOT NULL DEFAULT 50 CHECK (duration_minutes BETWEEN 5 AND 480),
    status           text NOT NULL DEFAULT 'scheduled'
                     CHECK (status IN ('scheduled', 'attended', 'not_attended', 'cancelled')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- Lets a note name (appointment, patient) so a note can never join another patient's
    -- session.
    UNIQUE (id, patient_id),
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE,
    FOREIGN KEY (clinician_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);
-- The last session and the missed ones are read per patient, newest first.
CREATE INDEX appointments_patient ON appointments (patient_id, starts_at DESC);

-- A clinician's words about an entry or a session. Kept apart from the entry, so the
-- patient's own words are never changed; append-only, like a clinical record.
CREATE TABLE clinician_notes (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    patient_id     uuid NOT NULL,
    site_id        uuid NOT NULL,
    author_id      uuid NOT NULL,
    entry_id       uuid REFERENCES entries (id) ON DELETE CASCADE,
    appointment_id uuid,
    body           text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK ((entry_id IS NULL) <> (appointment_id IS NULL)),
    FOREIGN KEY (appointment_id, patient_id) REFERENCES appointments (id, patient_id)
        ON DELETE CASCADE,
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE,
    FOREIGN KEY (author_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);
CREATE INDEX clinician_notes_patient ON clinician_notes (patient_id, created_at DESC);

CREATE FUNCTION clinician_notes_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'clinician notes are not changed; add another note'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER clinician_notes_no_update BEFORE UPDATE ON clinician_notes
    FOR EACH ROW EXECUTE FUNCTION clinician_notes_are_append_only();

-- When this clinician last opened this patient's timeline: entries updated after it
-- (and edited, version > 1) are shown as "edited since you last looked".
CREATE TABLE review_views (
    clinician_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    patient_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    viewed_at    timestamptz NOT NULL,
    PRIMARY KEY (clinician_id, patient_id)
);
