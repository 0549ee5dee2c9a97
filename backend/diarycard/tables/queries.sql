-- Personal tables and site templates: append-only versions; the current one is the
-- highest version.

-- name: current_table
SELECT version, updated_at, rows FROM personal_table_versions
 WHERE patient_id = $1
 ORDER BY version DESC
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
SELECT version, updated_at, rows FROM site_table_templates
 WHERE site_id = $1
 ORDER BY version DESC
 LIMIT 1;

-- name: save_template
INSERT INTO site_table_templates (site_id, version, rows, updated_by)
SELECT $1, $2 + 1, $3::jsonb, $4
 WHERE coalesce((SELECT max(version) FROM site_table_templates WHERE site_id = $1), 0) = $2
RETURNING version, updated_at;
