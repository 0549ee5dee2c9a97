-- What makes a session live, said once: the per-request principal lookup and the diary's
-- one-round-trip write both read this view, so the two can never disagree about who is
-- signed in. A view costs nothing: the planner inlines it into each query.
CREATE VIEW live_sessions AS
SELECT s.id AS session_id, s.token_hash, s.csrf_token, s.last_seen_at,
       u.id AS user_id, u.role, u.site_id, u.login, u.display_name, u.totp_enabled,
       u.created_at AS user_created_at
  FROM sessions s
  JOIN users u ON u.id = s.user_id
 WHERE s.revoked_at IS NULL
   AND u.disabled_at IS NULL
   AND s.expires_at > now()
   AND s.last_seen_at + s.idle_timeout > now();
