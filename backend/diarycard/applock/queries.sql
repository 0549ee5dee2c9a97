-- name: set_pin
-- A new PIN for this phone: keeps the server key if there is one (so what the phone
-- sealed before still opens), replaces the check value and forgets earlier failures.
INSERT INTO device_keys (user_id, device_id, server_key, pin_check)
VALUES ($1, $2, $3, $4)
ON CONFLICT (user_id, device_id) DO UPDATE
   SET pin_check = EXCLUDED.pin_check, failures = 0, updated_at = now()
RETURNING server_key;

-- name: has_pin
SELECT pin_check IS NOT NULL FROM device_keys WHERE user_id = $1 AND device_id = $2;

-- name: fresh_sign_in
-- A "full sign-in": the password (and code) were given in this session in the last few
-- minutes. Signing in sets reauth_at.
SELECT reauth_at > now() - $2::interval FROM sessions WHERE id = $1;

-- name: check_pin
-- Locks the row: two phones' guesses at once must not both count as the fourth.
SELECT server_key, pin_check, failures FROM device_keys
 WHERE user_id = $1 AND device_id = $2
   FOR UPDATE;

-- name: right_pin
UPDATE device_keys SET failures = 0, updated_at = now() WHERE user_id = $1 AND device_id = $2;

-- name: wrong_pin
-- The fifth wrong PIN forgets the check value: only a password sign-in sets a new one.
UPDATE device_keys
   SET failures = failures + 1,
       pin_check = CASE WHEN failures + 1 >= 5 THEN NULL ELSE pin_check END,
       updated_at = now()
 WHERE user_id = $1 AND device_id = $2
RETURNING failures;

-- name: set_lock_optional
UPDATE sites SET app_lock_optional = $2 WHERE id = $1 RETURNING app_lock_optional;
