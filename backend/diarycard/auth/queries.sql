-- name: principal_for_token
-- $1 the session token's hash, $2 the CSRF token sent (null for a safe method). The rules
-- are in the function (migration 0026), which the diary's write calls too.
SELECT * FROM session_principal($1, $2);

-- name: create_session
INSERT INTO sessions (token_hash, user_id, csrf_token, idle_timeout, expires_at, user_agent)
VALUES ($1, $2, $3, $4, now() + $5::interval, $6)
RETURNING id;

-- name: revoke_session
UPDATE sessions SET revoked_at = now()
 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL;

-- name: user_for_login
SELECT id, site_id, role, login, display_name, password_hash, totp_secret, totp_enabled
  FROM users
 WHERE login = $1 AND disabled_at IS NULL;

-- name: revoke_other_sessions
-- After a password change or when a person ends their other sessions: all but this one.
UPDATE sessions SET revoked_at = now()
 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL;

-- name: revoke_all_sessions
UPDATE sessions SET revoked_at = now()
 WHERE user_id = $1 AND revoked_at IS NULL;

-- name: list_sessions
SELECT id, created_at, last_seen_at, user_agent, id = $2 AS current
  FROM sessions
 WHERE user_id = $1 AND revoked_at IS NULL
   AND expires_at > now() AND last_seen_at + idle_timeout > now()
 ORDER BY last_seen_at DESC;

-- name: rehash_password
UPDATE users SET password_hash = $2 WHERE id = $1;

-- name: set_password
UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1;

-- name: password_of
SELECT password_hash FROM users WHERE id = $1 AND disabled_at IS NULL;

-- name: start_totp
UPDATE users SET totp_pending_secret = $2 WHERE id = $1 AND NOT totp_enabled RETURNING id;

-- name: totp_state
SELECT totp_secret, totp_pending_secret, totp_enabled FROM users WHERE id = $1 FOR UPDATE;

-- name: confirm_totp
UPDATE users
   SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled = true
 WHERE id = $1 AND totp_pending_secret IS NOT NULL AND NOT totp_enabled;

-- name: turn_off_totp
UPDATE users
   SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled = false
 WHERE id = $1;

-- name: assigned
-- A patient is open to a clinician only while the care-team row exists, both are at the
-- clinician's site and the patient's account is live: unassigning works on the next request.
SELECT true
  FROM care_team ct
  JOIN users u ON u.id = ct.patient_id AND u.site_id = ct.site_id
 WHERE ct.clinician_id = $1 AND ct.patient_id = $2 AND ct.site_id = $3
   AND u.role = 'patient' AND u.disabled_at IS NULL;
