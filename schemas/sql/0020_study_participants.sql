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
