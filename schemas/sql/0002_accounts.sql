-- Sites, people, care teams, sessions and the audit trail: the tables every feature
-- scopes its queries by.

CREATE TABLE sites (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    -- Shown on the crisis screen; UK defaults. A site can set its own.
    emergency_numbers jsonb NOT NULL DEFAULT '[
        {"label": "Emergency services", "number": "999"},
        {"label": "NHS 111, option 2 (mental health)", "number": "111"},
        {"label": "Samaritans, any time, free", "number": "116 123"}
    ]'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    site_id       uuid NOT NULL REFERENCES sites (id),
    role          text NOT NULL CHECK (role IN ('patient', 'clinician', 'admin')),
    -- citext: "Sam" and "sam" are the same login.
    login         citext NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 64),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    password_hash text,
    totp_secret   text,
    totp_enabled  boolean NOT NULL DEFAULT false,
    disabled_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, site_id)
);
CREATE INDEX users_site_role ON users (site_id, role);

-- Which clinician may see which patient; both must be at the same site.
CREATE TABLE care_team (
    site_id      uuid NOT NULL,
    clinician_id uuid NOT NULL,
    patient_id   uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (clinician_id, patient_id),
    FOREIGN KEY (clinician_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE,
    FOREIGN KEY (patient_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);
CREATE INDEX care_team_patient ON care_team (patient_id);

-- Server-side sessions. Only a hash of the token is stored, so a copy of this table
-- does not let anyone sign in.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash    bytea NOT NULL UNIQUE,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    idle_timeout  interval NOT NULL,
    expires_at    timestamptz NOT NULL,
    user_agent    text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 300),
    revoked_at    timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

-- Every read or change of a patient's data by a clinician or admin. Append-only: the
-- trigger below refuses UPDATE, DELETE and TRUNCATE for every role.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid NOT NULL,
    actor_role  text NOT NULL,
    site_id     uuid NOT NULL,
    patient_id  uuid,
    action      text NOT NULL,
    resource    text NOT NULL DEFAULT '',
    request_id  text NOT NULL,
    client_ip   text NOT NULL DEFAULT '',
    outcome     text NOT NULL DEFAULT 'ok'
);
CREATE INDEX audit_log_patient ON audit_log (patient_id, at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
