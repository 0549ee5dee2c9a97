-- Documents both sides agree: one shared draft per (kind, patient), and fixed versions.
-- Every statement is scoped by kind and patient.

-- name: draft
SELECT d.version, d.body::text AS body, d.updated_at, u.display_name AS updated_by_name,
       d.patient_agreed = d.version AS patient_agreed,
       d.clinician_agreed = d.version AS clinician_agreed,
       (SELECT max(v.version) FROM agreed_versions v
         WHERE v.kind = d.kind AND v.patient_id = d.patient_id) AS agreed_version
  FROM agreed_drafts d
  JOIN users u ON u.id = d.updated_by
 WHERE d.kind = $1 AND d.patient_id = $2;

-- name: lock_draft
SELECT version, request_hash FROM agreed_drafts
 WHERE kind = $1 AND patient_id = $2 FOR UPDATE;

-- name: create_draft
-- ON CONFLICT: two first saves at once; the loser re-reads and follows the version rule.
INSERT INTO agreed_drafts (kind, patient_id, site_id, body, version, request_hash, updated_by)
VALUES ($1, $2, $3, $4::jsonb, 1, $5, $6)
ON CONFLICT (kind, patient_id) DO NOTHING
RETURNING version;

-- name: update_draft
-- A change moves the version on: what either side agreed is no longer what is written.
UPDATE agreed_drafts
   SET body = $3::jsonb, version = version + 1, request_hash = $4, updated_by = $5,
       updated_at = now()
 WHERE kind = $1 AND patient_id = $2;

-- name: mark_patient_agreed
-- Agreeing the same version again (an outbox replay) keeps the first time.
UPDATE agreed_drafts SET patient_agreed = version, patient_agreed_at = now()
 WHERE kind = $1 AND patient_id = $2 AND patient_agreed IS DISTINCT FROM version;

-- name: mark_clinician_agreed
UPDATE agreed_drafts
   SET clinician_agreed = version, clinician_agreed_at = now(), clinician_id = $3
 WHERE kind = $1 AND patient_id = $2 AND clinician_agreed IS DISTINCT FROM version;

-- name: agree_if_both
-- Both sides have agreed the current draft: fix it as the next version.
INSERT INTO agreed_versions
       (kind, patient_id, site_id, version, draft_version, body, patient_agreed_at,
        clinician_id, clinician_name, clinician_agreed_at, proposed_by_name)
SELECT d.kind, d.patient_id, d.site_id,
       coalesce((SELECT max(version) FROM agreed_versions v
                  WHERE v.kind = d.kind AND v.patient_id = d.patient_id), 0) + 1,
       d.version, d.body, d.patient_agreed_at, d.clinician_id, c.display_name,
       d.clinician_agreed_at, p.display_name
  FROM agreed_drafts d
  JOIN users c ON c.id = d.clinician_id
  JOIN users p ON p.id = d.updated_by
 WHERE d.kind = $1 AND d.patient_id = $2
   AND d.patient_agreed = d.version AND d.clinician_agreed = d.version
ON CONFLICT (kind, patient_id, draft_version) DO NOTHING;

-- name: versions
-- Newest first; the current agreed version is the first.
SELECT version, body::text AS body, agreed_at, patient_agreed_at, clinician_name,
       clinician_agreed_at, proposed_by_name
  FROM agreed_versions
 WHERE kind = $1 AND patient_id = $2
 ORDER BY version DESC
 LIMIT $3;

-- name: version_of_draft
SELECT version, body::text AS body, agreed_at, patient_agreed_at, clinician_name,
       clinician_agreed_at, proposed_by_name
  FROM agreed_versions
 WHERE kind = $1 AND patient_id = $2 AND draft_version = $3;
