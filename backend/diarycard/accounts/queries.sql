-- name: create_user
-- A person who has been invited but has no password yet. No row back: the login is taken.
-- ON CONFLICT rather than catching the unique violation, whose detail would put the login
-- (a person's name, often) into the database server's log.
INSERT INTO users (site_id, role, login, display_name) VALUES ($1, $2, $3, $4)
ON CONFLICT (login) DO NOTHING
RETURNING id;

-- name: assign
-- Both people must be at the principal's site with the right roles, or nothing happens.
INSERT INTO care_team (site_id, clinician_id, patient_id)
SELECT $1, c.id, p.id
  FROM users c, users p
 WHERE c.id = $2 AND c.site_id = $1 AND c.role = 'clinician'
   AND p.id = $3 AND p.site_id = $1 AND p.role = 'patient'
ON CONFLICT DO NOTHING
RETURNING patient_id;

-- name: unassign
DELETE FROM care_team
 WHERE site_id = $1 AND clinician_id = $2 AND patient_id = $3
RETURNING patient_id;

-- name: create_invitation
INSERT INTO invitations (code_hash, user_id, site_id, created_by, expires_at)
VALUES ($1, $2, $3, $4, now() + $5::interval)
RETURNING expires_at;

-- name: reissue_target
-- Admins: anyone else at their site. Clinicians: patients on their own care team.
SELECT u.id, u.login, u.role
  FROM users u
 WHERE u.id = $1 AND u.site_id = $2 AND u.disabled_at IS NULL AND u.id <> $4
   AND ($3 = 'admin'
        OR (u.role = 'patient' AND EXISTS (
              SELECT 1 FROM care_team c WHERE c.patient_id = u.id AND c.clinician_id = $4)));

-- name: expire_invitations
UPDATE invitations SET expires_at = now()
 WHERE user_id = $1 AND used_at IS NULL AND expires_at > now();

-- name: invitation_for_code
SELECT i.id AS invitation_id, u.id, u.role, u.site_id, u.login, u.display_name, u.totp_enabled,
       u.totp_secret
  FROM invitations i
  JOIN users u ON u.id = i.user_id AND u.site_id = i.site_id
 WHERE i.code_hash = $1 AND i.used_at IS NULL AND i.expires_at > now()
   AND u.disabled_at IS NULL
   FOR UPDATE OF i;

-- name: use_invitation
UPDATE invitations SET used_at = now() WHERE id = $1;

-- name: set_password
UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1;

-- name: list_users
-- Everyone at the admin's site, with each person's care team.
SELECT u.id AS user_id, u.role, u.login::text AS login, u.display_name,
       u.disabled_at IS NOT NULL AS disabled, u.totp_enabled,
       u.password_hash IS NULL AS invited, u.created_at,
       coalesce(array_agg(CASE WHEN u.role = 'patient' THEN c.clinician_id
                               ELSE c.patient_id END)
                FILTER (WHERE c.patient_id IS NOT NULL), '{}') AS care_team
  FROM users u
  LEFT JOIN care_team c ON c.site_id = u.site_id
                       AND (c.patient_id = u.id OR c.clinician_id = u.id)
 WHERE u.site_id = $1
 GROUP BY u.id
 ORDER BY u.role, u.display_name, u.id;

-- name: set_disabled
-- Never oneself: an admin must not lock the site out by accident.
UPDATE users SET disabled_at = CASE WHEN $4 THEN coalesce(disabled_at, now()) END
 WHERE id = $1 AND site_id = $2 AND id <> $3
RETURNING role;

-- name: reset_totp
UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled = false
 WHERE id = $1 AND site_id = $2 AND id <> $3
RETURNING role;

-- name: site
SELECT name, emergency_numbers, risk_floor, measure_interval_months, app_lock_optional FROM sites WHERE id = $1;

-- name: set_emergency_numbers
UPDATE sites SET emergency_numbers = $2::jsonb WHERE id = $1
RETURNING name, emergency_numbers, risk_floor, measure_interval_months, app_lock_optional;

-- name: set_risk_floor
UPDATE sites SET risk_floor = $2 WHERE id = $1
RETURNING name, emergency_numbers, risk_floor, measure_interval_months, app_lock_optional;

-- name: my_patients
-- A clinician's own patients: the people they may hand a new invitation code to.
SELECT u.id AS user_id, u.role, u.login::text AS login, u.display_name,
       u.disabled_at IS NOT NULL AS disabled, u.totp_enabled,
       u.password_hash IS NULL AS invited, u.created_at,
       ARRAY[c.clinician_id] AS care_team
  FROM care_team c
  JOIN users u ON u.id = c.patient_id AND u.site_id = c.site_id
 WHERE c.clinician_id = $1 AND c.site_id = $2
 ORDER BY u.display_name, u.id;

-- name: set_measure_interval
UPDATE sites SET measure_interval_months = $2 WHERE id = $1
RETURNING name, emergency_numbers, risk_floor, measure_interval_months, app_lock_optional;
