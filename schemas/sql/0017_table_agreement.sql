-- The personal table is agreed like the discharge plan: either side proposes a draft
-- (agreed_drafts, kind 'table'), and only a draft both sides agreed becomes the next
-- current table. personal_table_versions stays where the current table is read from (the
-- phone's home screen and new entries read it); a version made by an agreement names the
-- agreed version it came from, so the history can say who proposed and who agreed it.
-- Versions saved before this migration keep a NULL here: saved by one side, not agreed.
ALTER TABLE agreed_drafts DROP CONSTRAINT agreed_drafts_kind_check;
ALTER TABLE agreed_drafts ADD CONSTRAINT agreed_drafts_kind_check
    CHECK (kind IN ('discharge', 'table'));

ALTER TABLE personal_table_versions ADD COLUMN agreed_version integer;
CREATE UNIQUE INDEX personal_table_versions_agreed
    ON personal_table_versions (patient_id, agreed_version)
    WHERE agreed_version IS NOT NULL;
