#!/bin/sh
# Runs once, when the compose PostgreSQL's data volume is first made (the image runs every
# script in /docker-entrypoint-initdb.d as its superuser). It makes the two roles of
# docs/operations.md and nothing else: the migrator owns the diarycard database and its
# schema; the app role may only sign in. `diarycard migrate` (as the migrator) grants the
# app role its rows after every migration.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set migrator_password="$DIARYCARD_MIGRATOR_PASSWORD" \
    --set app_password="$DIARYCARD_APP_PASSWORD" <<'SQL'
CREATE ROLE diarycard_migrator LOGIN PASSWORD :'migrator_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE diarycard_app LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE diarycard OWNER diarycard_migrator;
\connect diarycard
-- Only the migrator creates objects (PostgreSQL 15 and later already keep PUBLIC out).
ALTER SCHEMA public OWNER TO diarycard_migrator;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE diarycard FROM PUBLIC;
GRANT CONNECT ON DATABASE diarycard TO diarycard_app;
SQL
