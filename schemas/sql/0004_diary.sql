-- The impulsivity diary: personal tables (every version kept), the site's default
-- template, entries (client-generated ids, idempotent writes) and their history.

-- A patient's personal impulsivity table. Append-only: each change is a new version,
-- so "who changed what, when" is the table itself. The current table is the highest
-- version; a patient with no row yet uses the site's template (version 0).
CREATE TABLE personal_table_versions (
    patient_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version     integer NOT NULL CHECK (version >= 1),
    rows        jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
    updated_by  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- Two editors saving from the same base race for the same version: the primary
    -- key lets exactly one win and the other is told its copy is stale.
    PRIMARY KEY (patient_id, version)
);

-- A site's default table for new patients, versioned the same way. With no row the
-- built-in template (from the SCM impulsivity table) applies.
CREATE TABLE site_table_templates (
    site_id     uuid NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    version     integer NOT NULL CHECK (version >= 1),
    rows        jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
    updated_by  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, version)
);

-- One row per diary entry, in its current version. The id comes from the phone, so a
-- replayed upload finds the row it already made instead of making a second one.
CREATE TABLE entries (
    id                  uuid PRIMARY KEY,
    patient_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Server sequence number: the order the server received entries in, whatever the
    -- phone's clock said.
    seq                 bigint GENERATED ALWAYS AS IDENTITY,
    version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    occurred_at         timestamptz NOT NULL,
    -- The offset the patient's phone gave, in seconds, so occurred_at goes back out
    -- exactly as it came in ("21:30+01:00" stays "21:30+01:00").
    occurred_offset     integer NOT NULL CHECK (occurred_offset BETWEEN -86400 AND 86400),
    category            text NOT NULL
                        CHECK (category IN ('not_attending', 'not_planning', 'action')),
    emotion             text CHECK (char_length(emotion) BETWEEN 1 AND 200),
    emotion_intensity   smallint CHECK (emotion_intensity BETWEEN 0 AND 10),
    urge                text CHECK (char_length(urge) BETWEEN 1 AND 200),
    urge_strength       smallint CHECK (urge_strength BETWEEN 0 AND 10),
    indicators          text[] NOT NULL DEFAULT '{}' CHECK (cardinality(indicators) <= 20),
    helpful_response    text CHECK (char_length(helpful_response) BETWEEN 1 AND 200),
    outcome             text CHECK (outcome IN ('acted', 'resisted', 'partly')),
    risk_self_harm      smallint CHECK (risk_self_harm BETWEEN 0 AND 10),
    risk_aggression     smallint CHECK (risk_aggression BETWEEN 0 AND 10),
    risk_substance_use  boolean,
    note                text CHECK (char_length(note) <= 2000),
    -- SHA-256 of the canonical body: the same body sent again is a replay, answered
    -- like the first time; a different one needs base_version to be an edit.
    body_hash           bytea NOT NULL,
    -- occurred_at is outside [account created - 1 day, received + 5 minutes]: kept,
    -- but shown to the clinician as a possible clock problem.
    time_flagged        boolean NOT NULL DEFAULT false,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    deleted_at          timestamptz
);
-- The patient's list, newest first, with keyset pagination on (occurred_at, id).
CREATE INDEX entries_patient_time ON entries (patient_id, occurred_at DESC, id DESC)
    WHERE deleted_at IS NULL;

-- Every earlier version of an entry, written by the trigger below, so an edit or a
-- delete can never lose what the patient first wrote.
CREATE TABLE entry_revisions (
    entry_id     uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    version      integer NOT NULL,
    patient_id   uuid NOT NULL,
    snapshot     jsonb NOT NULL,
    replaced_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_id, version)
);

CREATE FUNCTION entries_keep_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.patient_id <> OLD.patient_id THEN
        RAISE EXCEPTION 'an entry keeps its id and its patient'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'each change to an entry makes exactly one new version'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    INSERT INTO entry_revisions (entry_id, version, patient_id, snapshot)
    VALUES (OLD.id, OLD.version, OLD.patient_id, to_jsonb(OLD) - 'body_hash');
    RETURN NEW;
END;
$$;
CREATE TRIGGER entries_history BEFORE UPDATE ON entries
    FOR EACH ROW EXECUTE FUNCTION entries_keep_revision();

CREATE FUNCTION entry_revisions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'entry_revisions is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER entry_revisions_no_update BEFORE UPDATE ON entry_revisions
    FOR EACH ROW EXECUTE FUNCTION entry_revisions_are_append_only();
