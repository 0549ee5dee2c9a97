-- The two database roles (docs/operations.md, "Database roles"). The migrator owns the
-- schema and runs this after every migration; the app role may only read and write rows.
-- Role names are identifiers and cannot be $n parameters, so the values travel through
-- set_config() and the DO blocks quote them with format('%I').

-- name: may_migrate
-- Whoever may create tables in the schema can run migrations.
SELECT rolsuper OR has_schema_privilege(current_user, 'public', 'CREATE')
  FROM pg_roles WHERE rolname = current_user;

-- name: set_app_role
SELECT set_config('diarycard.app_role', $1, true),
       set_config('diarycard.app_password', $2, true);

-- name: ensure_app_role
-- Created only by a migrator with CREATEROLE (the embedded server, a superuser in
-- development); a platform that manages roles itself (CloudNativePG's managed roles, the
-- compose init script) creates it beforehand, and then this only checks it.
DO $$
DECLARE
    app text := current_setting('diarycard.app_role');
    pw text := nullif(current_setting('diarycard.app_password'), '');
    may_create boolean := (SELECT rolsuper OR rolcreaterole FROM pg_roles
                            WHERE rolname = current_user);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        IF NOT may_create THEN
            RAISE EXCEPTION 'the app role % does not exist and % may not create it',
                app, current_user USING ERRCODE = 'undefined_object';
        END IF;
        BEGIN
            EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE '
                           'NOREPLICATION NOBYPASSRLS PASSWORD %L', app, pw);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;  -- another migrate created it at the same moment
        END;
    END IF;
    IF (SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = app)
    THEN
        RAISE EXCEPTION 'the app role % must not be a superuser, nor create roles, nor bypass '
                        'row security', app USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- name: grant_app_role
-- Granted afresh after every migration, so a table a migration adds is covered with no
-- other change. The audit trail is append-only for the app: no UPDATE, DELETE or TRUNCATE
-- (its trigger is a second wall). schema_migrations is read-only (/readyz reads it).
DO $$
DECLARE
    app text := current_setting('diarycard.app_role');
BEGIN
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), app);
    EXECUTE format('REVOKE CREATE ON DATABASE %I FROM %I', current_database(), app);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I',
                   app);
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I',
                   app);
    EXECUTE format('REVOKE UPDATE, DELETE ON audit_log FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
END $$;
