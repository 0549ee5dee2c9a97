-- A patient's current study participation, if any: when they were enrolled and how often
-- the study's primary follow-up measures fall due. Measures are due from enrolment at that
-- interval while they take part (outcomes/ and caseload/ both ask, one patient at a time
-- or across a caseload). A plain SQL function, not STRICT, so PostgreSQL inlines it into
-- a `LEFT JOIN LATERAL current_study(u.id)` and keeps using the patient_id index.
CREATE FUNCTION current_study(patient uuid)
RETURNS TABLE (enrolled_on date, every_months smallint)
LANGUAGE sql STABLE
AS $$
    SELECT p.enrolled_on, st.follow_up_primary_months
      FROM study_participants p JOIN studies st ON st.id = p.study_id
     WHERE p.patient_id = patient AND p.left_on IS NULL AND NOT p.completed
     ORDER BY p.enrolled_on DESC LIMIT 1
$$;
