-- Personal tables and site templates: append-only versions; the current one is the
-- highest version.

-- name: current_table
SELECT t.version, t.updated_at, t.rows, u.display_name AS updated_by
  FROM personal_table_versions t
  JOIN users u ON u.id = t.updated_by
 WHERE t.patient_id = $1
 ORDER BY t.version DESC
 LIMIT 1;

-- name: current_template
SELECT t.version, t.updated_at, t.rows, u.display_name AS updated_by
  FROM site_table_templates t
  JOIN users u ON u.id = t.updated_by
 WHERE t.site_id = $1
 ORDER BY t.version DESC
 LIMIT 1;

-- name: save_template
INSERT INTO site_table_templates (site_id, version, rows, updated_by)
SELECT $1, $2 + 1, $3::jsonb, $4
 WHERE coalesce((SELECT max(version) FROM site_table_templates WHERE site_id = $1), 0) = $2
RETURNING version, updated_at;

-- name: adopt_agreed
-- A table version both sides agreed ($2, the agreement's version) becomes the next current
-- table, written once: replaying the agreement finds it already there.
INSERT INTO personal_table_versions (patient_id, version, rows, updated_by, agreed_version)
SELECT $1, coalesce((SELECT max(t.version) FROM personal_table_versions t
                      WHERE t.patient_id = $1), 0) + 1,
       v.body, d.updated_by, v.version
  FROM agreed_versions v
  JOIN agreed_drafts d ON d.kind = v.kind AND d.patient_id = v.patient_id
 WHERE v.kind = 'table' AND v.patient_id = $1 AND v.version = $2
   AND NOT EXISTS (SELECT 1 FROM personal_table_versions t
                    WHERE t.patient_id = $1 AND t.agreed_version = $2)
RETURNING version, updated_at;

-- name: history
-- Newest first, one more than asked for so the oldest shown can be compared with the one
-- before it. Versions from before agreement have no agreed_versions row.
SELECT t.version, t.updated_at, t.rows::text AS rows, u.display_name AS saved_by,
       a.proposed_by_name, a.patient_agreed_at, a.clinician_name, a.clinician_agreed_at
  FROM personal_table_versions t
  JOIN users u ON u.id = t.updated_by
  LEFT JOIN agreed_versions a
         ON a.kind = 'table' AND a.patient_id = t.patient_id AND a.version = t.agreed_version
 WHERE t.patient_id = $1
 ORDER BY t.version DESC
 LIMIT $2;
