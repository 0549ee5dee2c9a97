-- name: changes_since
-- What is new or edited since $2 (this clinician's last look at patient $1). Each count
-- reads one patient's rows through its (patient_id, ...) index.
SELECT
    (SELECT count(*) FROM entries e
      WHERE e.patient_id = $1 AND e.deleted_at IS NULL AND e.recorded_at > $2)::int
        AS new_entries,
    (SELECT count(*) FROM entries e
      WHERE e.patient_id = $1 AND e.deleted_at IS NULL AND e.version > 1
        AND e.updated_at > $2 AND e.recorded_at <= $2)::int AS edited_entries,
    (SELECT count(*) FROM tool_records t
      WHERE t.patient_id = $1 AND t.kind = 'problem_solving' AND t.updated_at > $2)::int
        AS worksheets,
    (SELECT count(*) FROM tool_records t
      WHERE t.patient_id = $1 AND t.kind = 'checking_it_out' AND t.updated_at > $2)::int
        AS checks,
    (SELECT count(*) FROM tool_records t
      WHERE t.patient_id = $1 AND t.kind = 'goal' AND t.updated_at > $2)::int AS goals,
    (SELECT count(*) FROM tool_records t
      WHERE t.patient_id = $1 AND t.kind = 'chain_analysis' AND t.updated_at > $2)::int
        AS chains,
    (SELECT count(*) FROM follow_up_attempts f
      WHERE f.patient_id = $1 AND f.recorded_at > $2)::int AS follow_up,
    EXISTS (SELECT 1 FROM personal_table_versions v
             WHERE v.patient_id = $1 AND v.updated_at > $2) AS table_changed,
    EXISTS (SELECT 1 FROM crisis_drafts d
             WHERE d.patient_id = $1 AND d.updated_at > $2) AS crisis_draft,
    EXISTS (SELECT 1 FROM agreed_drafts d
             WHERE d.patient_id = $1 AND d.kind = 'discharge' AND d.updated_at > $2)
        AS discharge_draft,
    EXISTS (SELECT 1 FROM agreed_drafts d
             WHERE d.patient_id = $1 AND d.kind = 'table' AND d.updated_at > $2)
        AS table_draft;
