-- name: principal_for_token
-- One round trip per request: find the live session and, at most once a minute, slide
-- its idle window (so a busy patient does not write to `sessions` on every request).
WITH live AS (
    SELECT s.id AS session_id, s.csrf_token, s.last_seen_at,
           u.id AS user_id, u.role, u.site_id, u.login, u.display_name
      FROM sessions s
      JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1
       AND s.revoked_at IS NULL
       AND u.disabled_at IS NULL
       AND s.expires_at > now()
       AND s.last_seen_at + s.idle_timeout > now()
), touched AS (
    UPDATE sessions SET last_seen_at = now()
      FROM live
     WHERE sessions.id = live.session_id
       AND live.last_seen_at < now() - interval '60 seconds'
)
SELECT session_id, csrf_token, user_id, role, site_id, login, display_name FROM live;

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
