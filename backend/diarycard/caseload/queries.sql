-- name: caseload
-- One statement for the whole caseload: every aggregate is a LATERAL over one patient's
-- own rows through a (patient_id, time) index, so the cost grows with the caseload and its
-- recent entries, never with the size of the table. The tier rules live in
-- caseload/tiers.py; this gathers the figures they need.
-- $1 clinician, $2 site, $3 now, $4 window when there is no last session.
WITH mine AS (
    -- Measures are due from the start of treatment at the site's interval, or, for a
    -- study participant, from enrolment at the study's primary follow-up interval.
    SELECT u.id AS patient_id, u.login, u.display_name, s.risk_floor,
           coalesce(sp.enrolled_on, (u.created_at AT TIME ZONE 'Europe/London')::date)
               AS started,
           coalesce(sp.every_months, s.measure_interval_months) AS every_months
      FROM care_team ct
      JOIN users u ON u.id = ct.patient_id AND u.site_id = ct.site_id
      JOIN sites s ON s.id = u.site_id
      LEFT JOIN LATERAL current_study(u.id) sp ON true
     WHERE ct.clinician_id = $1 AND ct.site_id = $2
       AND u.role = 'patient' AND u.disabled_at IS NULL
)
SELECT m.patient_id, m.login::text AS login, m.display_name, m.risk_floor,
       last_session.starts_at AS last_session_at,
       next_session.starts_at AS next_appointment_at,
       missed.n AS missed_appointments,
       last_entry.occurred_at AS last_entry_at,
       usual.gap_days AS usual_gap_days,
       w.since,
       s.entries, s.acted, s.partly, s.max_self_harm, s.max_aggression, s.substance_use,
       s.acted_with_risk, s.max_acted_risk, s.worst_outcome,
       plan.review_date AS plan_review_date,
       plan.self_harm_threshold, plan.aggression_threshold, plan.substance_threshold,
       s.over_self_harm, s.over_aggression,
       offers.n AS crisis_offers,
       m.started, m.every_months, measures.phq9_item9, measures.last_phq9,
       measures.last_gad7,
       fu.open_tasks AS follow_up_tasks, fu.since AS follow_up_since,
       fu.attempts AS follow_up_attempts, fu.last_touch AS follow_up_last_touch,
       pw.phase, pw.phase_started_on, pw.sessions_in_phase
  FROM mine m
  LEFT JOIN LATERAL (
        SELECT a.starts_at FROM appointments a
         WHERE a.patient_id = m.patient_id AND a.status = 'attended' AND a.starts_at <= $3
         ORDER BY a.starts_at DESC LIMIT 1) last_session ON true
  LEFT JOIN LATERAL (
        SELECT a.starts_at FROM appointments a
         WHERE a.patient_id = m.patient_id AND a.status = 'scheduled' AND a.starts_at > $3
         ORDER BY a.starts_at LIMIT 1) next_session ON true
  -- Not attended since the last attended session: the assertive follow-up list.
  CROSS JOIN LATERAL (
        SELECT count(*)::int AS n FROM appointments a
         WHERE a.patient_id = m.patient_id AND a.status = 'not_attended'
           AND a.starts_at > coalesce(last_session.starts_at, '-infinity')
           AND a.starts_at <= $3) missed
  CROSS JOIN LATERAL (
        SELECT coalesce(last_session.starts_at, $3 - $4::interval) AS since) w
  LEFT JOIN LATERAL (
        SELECT e.occurred_at FROM entries e
         WHERE e.patient_id = m.patient_id AND e.deleted_at IS NULL
         ORDER BY e.occurred_at DESC LIMIT 1) last_entry ON true
  -- The patient's usual gap between entries: the median over the last 90 days, from at
  -- least three gaps (fewer say nothing about what is usual for this person).
  CROSS JOIN LATERAL (
        SELECT CASE WHEN count(g.gap) >= 3 THEN
                    (percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap))::float8 END
                    AS gap_days
          FROM (SELECT extract(epoch FROM e.occurred_at - lag(e.occurred_at)
                                OVER (ORDER BY e.occurred_at)) / 86400 AS gap
                  FROM entries e
                 WHERE e.patient_id = m.patient_id AND e.deleted_at IS NULL
                   AND e.occurred_at >= $3 - interval '90 days' AND e.occurred_at <= $3) g
         WHERE g.gap IS NOT NULL) usual
  -- Thresholds from the current agreed plan (a declined threshold is null).
  LEFT JOIN LATERAL (
        SELECT v.review_date,
               (v.plan->'thresholds'->>'self_harm')::int AS self_harm_threshold,
               (v.plan->'thresholds'->>'aggression')::int AS aggression_threshold,
               coalesce((v.plan->'thresholds'->>'substance_use')::boolean, false)
                   AS substance_threshold
          FROM crisis_plan_versions v
         WHERE v.patient_id = m.patient_id
         ORDER BY v.version DESC LIMIT 1) plan ON true
  CROSS JOIN LATERAL (
        SELECT count(*)::int AS entries,
               count(*) FILTER (WHERE e.outcome = 'acted')::int AS acted,
               count(*) FILTER (WHERE e.outcome = 'partly')::int AS partly,
               max(e.risk_self_harm)::int AS max_self_harm,
               max(e.risk_aggression)::int AS max_aggression,
               count(*) FILTER (WHERE e.risk_substance_use)::int AS substance_use,
               -- Acted on (or partly) with any self-harm or aggression risk at all.
               count(*) FILTER (WHERE e.outcome IN ('acted', 'partly')
                     AND greatest(e.risk_self_harm, e.risk_aggression) > 0)::int
                     AS acted_with_risk,
               max(greatest(e.risk_self_harm, e.risk_aggression))
                   FILTER (WHERE e.outcome IN ('acted', 'partly'))::int AS max_acted_risk,
               max(CASE e.outcome WHEN 'acted' THEN 2 WHEN 'partly' THEN 1 ELSE 0 END)::int
                   AS worst_outcome,
               count(*) FILTER (WHERE e.risk_self_harm >= plan.self_harm_threshold)::int
                   AS over_self_harm,
               count(*) FILTER (WHERE e.risk_aggression >= plan.aggression_threshold)::int
                   AS over_aggression
          FROM entries e
         WHERE e.patient_id = m.patient_id AND e.deleted_at IS NULL
           AND e.occurred_at >= w.since) s
  CROSS JOIN LATERAL (
        SELECT count(*)::int AS n FROM crisis_offers o
         WHERE o.patient_id = m.patient_id AND o.offered_at >= w.since) offers
  -- Standard measures (outcomes/): PHQ-9 item 9 since the last session (tier 1 when above
  -- 0), and the last completion of each, for "due" and "overdue" in the row.
  CROSS JOIN LATERAL (
        SELECT max(r.self_harm_item) FILTER (WHERE r.authored >= w.since)::int AS phq9_item9,
               (max(r.authored) FILTER (WHERE r.questionnaire = 'phq-9')
                    AT TIME ZONE 'Europe/London')::date AS last_phq9,
               (max(r.authored) FILTER (WHERE r.questionnaire = 'gad-7')
                    AT TIME ZONE 'Europe/London')::date AS last_gad7
          FROM measure_responses r
         WHERE r.patient_id = m.patient_id) measures
  -- Open follow-up tasks (follow_up/): how many, since when, the attempts made, and the
  -- earliest last contact, from which the next attempt is due (follow_up/rules.py).
  CROSS JOIN LATERAL (
        SELECT count(*)::int AS open_tasks, min(t.missed_at) AS since,
               coalesce(sum(f.n), 0)::int AS attempts,
               min(coalesce(f.last_at, t.missed_at)) AS last_touch
          FROM follow_up_tasks t
          CROSS JOIN LATERAL (
                SELECT count(*) AS n, max(a.attempted_at) AS last_at
                  FROM follow_up_attempts a WHERE a.task_id = t.id) f
         WHERE t.patient_id = m.patient_id AND t.closed_at IS NULL) fu
  -- The pathway's phase (pathway/rules.py flags one past its expected length).
  LEFT JOIN LATERAL (
        SELECT p.phase, p.phase_started_on,
               (SELECT count(*)::int FROM appointments a
                 WHERE a.patient_id = p.patient_id AND a.status = 'attended'
                   AND a.starts_at >= p.phase_started_on) AS sessions_in_phase
          FROM pathways p WHERE p.patient_id = m.patient_id) pw ON true;
