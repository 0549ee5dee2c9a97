-- The service's view (issue 14, part 4) reads a whole site's acts, contacts and measures
-- at once: index them by site, so it stays one pass over the site's own rows.
CREATE INDEX outcome_events_site ON outcome_events (site_id, kind) WHERE deleted_at IS NULL;
CREATE INDEX measure_responses_site ON measure_responses (site_id, questionnaire, patient_id,
                                                          authored);

-- The diary's own monthly outcome summary (counts of acts and contacts), completed by the
-- patient like PHQ-9 and GAD-7; its total is acts plus contacts (each item 0-99, 9 items).
ALTER TABLE measure_responses DROP CONSTRAINT measure_responses_questionnaire_check;
ALTER TABLE measure_responses DROP CONSTRAINT measure_responses_total_check;
ALTER TABLE measure_responses
    ADD CONSTRAINT measure_responses_questionnaire_check
        CHECK (questionnaire IN ('phq-9', 'gad-7', 'monthly-summary')),
    ADD CONSTRAINT measure_responses_total_check
        CHECK (total >= 0 AND total <= CASE questionnaire WHEN 'phq-9' THEN 27
                                                          WHEN 'gad-7' THEN 21 ELSE 891 END);
