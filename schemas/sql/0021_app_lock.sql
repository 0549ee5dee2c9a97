-- The patient's app lock. The phone seals its health data under a key of its own; that
-- key is kept on the phone only wrapped, once under a key from the PIN together with the
-- server key below, once under the server key alone. The server key is handed out only
-- for a right PIN (checked here, five tries) or to a fresh password sign-in, so a copy of
-- the phone's storage cannot be tried against every PIN offline, and a forgotten PIN
-- loses nothing (sign in with the password, choose a new PIN).
CREATE TABLE device_keys (
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Made by the phone at random; one PIN per phone, so two phones never fight.
    device_id  uuid NOT NULL,
    server_key bytea NOT NULL CHECK (length(server_key) = 32),
    -- SHA-256 of the PIN's check value (PBKDF2 of the PIN on the phone, never the PIN).
    -- NULL after five wrong PINs: only a password sign-in sets a new one.
    pin_check  bytea CHECK (length(pin_check) = 32),
    failures   smallint NOT NULL DEFAULT 0 CHECK (failures BETWEEN 0 AND 5),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, device_id)
);

-- A site may let its patients turn the lock off (after a clear warning on the phone).
ALTER TABLE sites ADD COLUMN app_lock_optional boolean NOT NULL DEFAULT false;
