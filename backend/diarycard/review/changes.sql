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

-- name: changed_items
-- Everything besides entries that is new or changed since $2 (entries are marked in the
-- timeline itself), newest first, for the timeline's "since you last looked" list. Each
-- part reads one patient's rows; `is_new`: made since then, not only changed.
SELECT * FROM (
    SELECT 'act' AS part, o.kind AS kind, o.occurred_on::text AS detail, o.updated_at AS at,
           o.created_at > $2 AS is_new
      FROM outcome_events o
     WHERE o.patient_id = $1 AND o.deleted_at IS NULL AND o.updated_at > $2
    UNION ALL
    SELECT 'measure', m.questionnaire, m.total::text, m.created_at, true
      FROM measure_responses m
     WHERE m.patient_id = $1 AND m.created_at > $2
    UNION ALL
    SELECT 'tool', t.kind, t.status, t.updated_at, t.created_at > $2
      FROM tool_records t
     WHERE t.patient_id = $1 AND t.updated_at > $2
    UNION ALL
    SELECT 'draft', 'crisis', d.version::text, d.updated_at, d.version = 1
      FROM crisis_drafts d
     WHERE d.patient_id = $1 AND d.updated_at > $2
    UNION ALL
    SELECT 'draft', d.kind, d.version::text, d.updated_at, d.version = 1
      FROM agreed_drafts d
     WHERE d.patient_id = $1 AND d.updated_at > $2
    UNION ALL
    SELECT 'table', 'table', v.version::text, v.updated_at, true
      FROM personal_table_versions v
     WHERE v.patient_id = $1 AND v.updated_at > $2
) changed
ORDER BY at DESC
LIMIT 50;
