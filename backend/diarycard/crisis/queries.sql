-- name: site_numbers
SELECT emergency_numbers::text FROM sites WHERE id = $1;

-- name: current_version
-- The newest agreed version is the current one: versions are only ever added.
SELECT v.version, v.plan::text AS plan, v.review_date, v.agreed_at, v.patient_agreed_at,
       v.clinician_name, v.clinician_agreed_at, s.emergency_numbers::text AS site_numbers
  FROM crisis_plan_versions v
  JOIN sites s ON s.id = v.site_id
 WHERE v.patient_id = $1
 ORDER BY v.version DESC
 LIMIT 1;

-- name: versions
SELECT version, plan::text AS plan, review_date, agreed_at, patient_agreed_at,
       clinician_name, clinician_agreed_at
  FROM crisis_plan_versions
 WHERE patient_id = $1
 ORDER BY version DESC;

-- name: version_of_draft
SELECT version, plan::text AS plan, review_date, agreed_at, patient_agreed_at,
       clinician_name, clinician_agreed_at
  FROM crisis_plan_versions
 WHERE patient_id = $1 AND draft_version = $2;

-- name: draft
SELECT d.version, d.plan::text AS plan, d.updated_at, d.request_hash,
       d.patient_agreed, d.clinician_agreed,
       (SELECT max(version) FROM crisis_plan_versions v WHERE v.patient_id = d.patient_id)
           AS agreed_version
  FROM crisis_drafts d
 WHERE d.patient_id = $1;

-- name: lock_draft
SELECT version, request_hash FROM crisis_drafts WHERE patient_id = $1 FOR UPDATE;

-- name: create_draft
-- ON CONFLICT: two first saves at once; the loser re-reads and follows the version rule.
INSERT INTO crisis_drafts (patient_id, site_id, plan, version, request_hash, updated_by)
VALUES ($1, $2, $3::jsonb, 1, $4, $5)
ON CONFLICT (patient_id) DO NOTHING
RETURNING version;

-- name: update_draft
-- A change clears both agreements: what was agreed is no longer what is written.
UPDATE crisis_drafts
   SET plan = $2::jsonb, version = version + 1, request_hash = $3, updated_by = $4,
       updated_at = now()
 WHERE patient_id = $1;

-- name: mark_patient_agreed
-- Agreeing the same version again (an outbox replay) keeps the first time.
UPDATE crisis_drafts SET patient_agreed = version, patient_agreed_at = now()
 WHERE patient_id = $1 AND patient_agreed IS DISTINCT FROM version;

-- name: mark_clinician_agreed
UPDATE crisis_drafts
   SET clinician_agreed = version, clinician_agreed_at = now(), clinician_id = $2
 WHERE patient_id = $1 AND clinician_agreed IS DISTINCT FROM version;

-- name: latest_version
SELECT max(version) FROM crisis_plan_versions WHERE patient_id = $1;

-- name: agree_if_both
-- Both sides have agreed the current draft: fix it as the next version.
INSERT INTO crisis_plan_versions
       (patient_id, site_id, version, draft_version, plan, review_date, patient_agreed_at,
        clinician_id, clinician_name, clinician_agreed_at)
SELECT d.patient_id, d.site_id,
       coalesce((SELECT max(version) FROM crisis_plan_versions v
                  WHERE v.patient_id = d.patient_id), 0) + 1,
       d.version, d.plan, (d.plan->>'review_date')::date, d.patient_agreed_at,
       d.clinician_id, u.display_name, d.clinician_agreed_at
  FROM crisis_drafts d
  JOIN users u ON u.id = d.clinician_id
 WHERE d.patient_id = $1
   AND d.patient_agreed = d.version
   AND d.clinician_agreed = d.version
ON CONFLICT (patient_id, draft_version) DO NOTHING;

-- name: save_offer
-- No conflict target: a repeated id (an outbox replay) and a second offer for the same
-- entry (an edit) are both kept out; the entry's first offer stands. The entry may not
-- have arrived yet (no foreign key), but if it has, it must be the patient's own: another
-- patient's entry id is refused (the row is not written).
INSERT INTO crisis_offers (id, patient_id, site_id, entry_id, offered_at, reason)
SELECT $1, $2, $3, $4, $5, $6
 WHERE NOT EXISTS (SELECT 1 FROM entries WHERE id = $4 AND patient_id <> $2)
ON CONFLICT DO NOTHING;

-- name: offer_for_entry
SELECT id, entry_id, offered_at, reason FROM crisis_offers
 WHERE patient_id = $1 AND entry_id = $2;

-- name: offer
-- Scoped: someone else's offer id reads as missing.
SELECT id, entry_id, offered_at, reason FROM crisis_offers WHERE id = $1 AND patient_id = $2;

-- name: offers
SELECT id, entry_id, offered_at, reason FROM crisis_offers
 WHERE patient_id = $1
 ORDER BY offered_at DESC
 LIMIT 200;
