-- Personal tables and site templates: append-only versions; the current one is the
-- highest version.

-- name: current_table
SELECT t.version, t.updated_at, t.rows, u.display_name AS updated_by
  FROM personal_table_versions t
  JOIN users u ON u.id = t.updated_by
 WHERE t.patient_id = $1
 ORDER BY t.version DESC
 LIMIT 1;

-- name: save_table
-- Only from the current version: when someone else saved first, nothing is inserted
-- (stale), and two saves racing from one base collide on the primary key.
INSERT INTO personal_table_versions (patient_id, version, rows, updated_by)
SELECT $1, $2 + 1, $3::jsonb, $4
 WHERE coalesce((SELECT max(version) FROM personal_table_versions WHERE patient_id = $1), 0)
       = $2
RETURNING version, updated_at;

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
