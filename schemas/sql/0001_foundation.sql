-- The foundation: extensions and conventions every later migration relies on.
-- gen_random_uuid() is built in since PostgreSQL 13; citext gives case-insensitive logins.
CREATE EXTENSION IF NOT EXISTS citext;
