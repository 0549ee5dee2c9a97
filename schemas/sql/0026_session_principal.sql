-- Who a request's session cookie proves, said once, in the database: the per-request
-- principal (auth/principal.py) and the diary's write (entries/queries.sql) both call this,
-- so the write can prove its session in its own round trip without a second copy of the
-- rules. Liveness is the live_sessions view; here are the rest:
--   - at most once a minute, slide the session's idle window (a busy patient does not
--     write to `sessions` on every request);
--   - `csrf_ok`: the CSRF token sent matches the session's. Digests are compared, not
--     the tokens, so how long the comparison takes says nothing about the token.
-- plpgsql rather than SQL so the plan is kept for the connection's life.
CREATE FUNCTION session_principal(p_token_hash bytea, p_csrf text)
RETURNS TABLE (session_id uuid, user_id uuid, role text, site_id uuid, login text,
               display_name text, totp_enabled boolean, user_created_at timestamptz,
               csrf_ok boolean)
-- ROWS 1: a token names one session at most. The planner otherwise guesses 1,000 rows,
-- and the diary's write, priced on that guess, would be planned afresh on every call.
LANGUAGE plpgsql VOLATILE ROWS 1 AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH live AS (
        SELECT l.session_id, l.csrf_token, l.last_seen_at, l.user_id, l.role, l.site_id,
               l.login::text AS login, l.display_name, l.totp_enabled, l.user_created_at
          FROM live_sessions AS l
         WHERE l.token_hash = p_token_hash
    ), touched AS (
        UPDATE sessions AS s SET last_seen_at = now()
          FROM live
         WHERE s.id = live.session_id
           AND live.last_seen_at < now() - interval '60 seconds'
    )
    SELECT live.session_id, live.user_id, live.role, live.site_id, live.login,
           live.display_name, live.totp_enabled, live.user_created_at,
           coalesce(sha256(convert_to(p_csrf, 'UTF8'))
                    = sha256(convert_to(live.csrf_token, 'UTF8')), false)
      FROM live;
END
$$;
