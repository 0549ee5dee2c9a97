-- Sign-in security: TOTP state, invitations and the brute-force throttles. The throttles
-- live here rather than in process memory so every worker and instance shares them and a
-- restart does not wipe an attacker's slate clean.

ALTER TABLE users
    -- A secret shown for enrolment but not yet confirmed with a code.
    ADD COLUMN totp_pending_secret text,
    -- The last 30-second step a code was accepted for: a code works once only.
    ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0,
    ADD COLUMN password_changed_at timestamptz;

-- One-time codes that let a new person (or one who forgot their password) set a password.
-- Only a hash of the code is stored.
CREATE TABLE invitations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code_hash   bytea NOT NULL UNIQUE,
    user_id     uuid NOT NULL,
    site_id     uuid NOT NULL,
    created_by  uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    FOREIGN KEY (user_id, site_id) REFERENCES users (id, site_id) ON DELETE CASCADE
);
CREATE INDEX invitations_user ON invitations (user_id) WHERE used_at IS NULL;

-- Consecutive failed sign-ins per login name, whether or not the login exists, so the
-- answers do not tell anyone which logins are real.
CREATE TABLE login_throttle (
    login           citext PRIMARY KEY,
    failures        integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until    timestamptz,
    last_failure_at timestamptz NOT NULL DEFAULT now()
);

-- Sign-in and redemption attempts per client address per minute.
CREATE TABLE ip_throttle (
    ip           text NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (ip, window_start)
);

-- "Who has looked at my diary" reads the audit trail by patient, newest first; the index
-- from 0002 serves it.
