-- Chain analysis of an acted urge: a record the patient or clinician starts from an entry
-- acted on (or partly), kept with the other worksheets in tool_records (client-made id,
-- versioned, offline-first). 'agreed' once gone through together in the session; its
-- proposals then become drafts of the crisis plan and the table, agreed as usual.
ALTER TABLE tool_records DROP CONSTRAINT tool_records_kind_check;
ALTER TABLE tool_records ADD CONSTRAINT tool_records_kind_check
    CHECK (kind IN ('problem_solving', 'checking_it_out', 'goal', 'chain_analysis'));
