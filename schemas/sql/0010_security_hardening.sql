-- Security hardening (issue 16): the security log, step-up re-authentication, per-user
-- quotas counted here so they hold across workers and instances, CSP reports, a patient's
-- withdrawal of an entry and the retention of closed records.

-- Sign-in, second-factor and staff-administration events. Apart from audit_log, which is
-- about patients' data and which patients read as "who has looked at my diary", this is
-- the site's security log, read by its admins. Append-only like audit_log. No login name
-- is kept for a failure on an unknown login (people type passwords into login fields).
CREATE TABLE security_events (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    site_id     uuid,                       -- NULL: about no known account
    actor_id    uuid,                       -- who did it (NULL: someone not signed in)
    subject_id  uuid,                       -- whose account it concerns
    action      text NOT NULL CHECK (action ~ '^[a-z_.]{1,60}$'),
    outcome     text NOT NULL DEFAULT 'ok' CHECK (outcome ~ '^[a-z_]{1,30}$'),
    request_id  text NOT NULL,
    client_ip   text NOT NULL DEFAULT ''
);
CREATE INDEX security_events_site ON security_events (site_id, at DESC);
CREATE INDEX security_events_subject ON security_events (subject_id, at DESC);
CREATE TRIGGER security_events_no_update BEFORE UPDATE OR DELETE ON security_events
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON security_events FROM PUBLIC;

-- When this session last gave the password (and code) again: exports ask for it unless
-- it was given in the last few minutes. Signing in counts.
ALTER TABLE sessions ADD COLUMN reauth_at timestamptz NOT NULL DEFAULT now();

-- Per-person hourly counters (exports). A fixed window per hour is plenty for a quota
-- this generous; one row per person, kind and hour.
CREATE TABLE usage_counts (
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('export')),
    window_start timestamptz NOT NULL,
    hits         integer NOT NULL DEFAULT 0 CHECK (hits >= 0),
    PRIMARY KEY (user_id, kind, window_start)
);

-- New diary entries per patient in the last hour (the hourly quota) are counted from
-- the entries themselves; this keeps the count to an index range.
CREATE INDEX entries_patient_recorded ON entries (patient_id, recorded_at);

-- Content-Security-Policy violations the browsers report: which rule, on which page (the
-- path only) and what was blocked (its scheme and host only). Never the report's body.
CREATE TABLE csp_reports (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    directive   text NOT NULL CHECK (length(directive) <= 100),
    page        text NOT NULL CHECK (length(page) <= 200),
    blocked     text NOT NULL CHECK (length(blocked) <= 200)
);

-- A patient may withdraw an entry from their diary: it leaves their own view at once; the
-- clinician still sees it, marked withdrawn, because the clinical record may require it.
ALTER TABLE entries ADD COLUMN withdrawn_at timestamptz;

-- How long a closed record (a disabled patient's account) is kept before `diarycard admin purge`
-- removes it. The default is the Records Management Code of Practice's 20 years for
-- mental-health records; a site sets its own.
ALTER TABLE sites ADD COLUMN closed_record_retention_days integer NOT NULL DEFAULT 7305
    CHECK (closed_record_retention_days BETWEEN 365 AND 36500);

-- The purge. SECURITY DEFINER: it runs with the rights of the role that ran this migration
-- (the migrator in a deployment), so the app's role needs no DELETE on people. The audit
-- log's rows about the person stay (its trigger refuses deletion; nothing here tries).
-- With dry_run it only reports what it would remove.
CREATE FUNCTION purge_closed_records(dry_run boolean)
RETURNS TABLE (site_id uuid, user_id uuid, role text, disabled_at timestamptz,
               entries bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS purge_due (
        site_id uuid, user_id uuid, role text, disabled_at timestamptz, entries bigint
    ) ON COMMIT DROP;
    DELETE FROM purge_due;
    INSERT INTO purge_due
    SELECT u.site_id, u.id, u.role, u.disabled_at,
           (SELECT count(*) FROM entries e WHERE e.patient_id = u.id)
      FROM users u
      JOIN sites s ON s.id = u.site_id
     WHERE u.role = 'patient' AND u.disabled_at IS NOT NULL
       AND u.disabled_at < now() - make_interval(days => s.closed_record_retention_days);
    IF NOT dry_run THEN
        -- Records that point at the person without a cascading key go first.
        DELETE FROM crisis_offers o USING purge_due d WHERE o.patient_id = d.user_id;
        DELETE FROM entry_revisions r USING purge_due d WHERE r.patient_id = d.user_id;
        DELETE FROM invitations i USING purge_due d WHERE i.user_id = d.user_id;
        DELETE FROM users u USING purge_due d WHERE u.id = d.user_id;
    END IF;
    RETURN QUERY SELECT * FROM purge_due ORDER BY 1, 4;
END;
$$;
REVOKE ALL ON FUNCTION purge_closed_records(boolean) FROM PUBLIC;
