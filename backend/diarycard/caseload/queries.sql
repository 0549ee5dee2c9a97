-- name: assigned
-- A patient is open to a clinician only while the care-team row exists, both are at the
-- clinician's site and the patient's account is live: unassigning works on the next request.
SELECT true
  FROM care_team ct
  JOIN users u ON u.id = ct.patient_id AND u.site_id = ct.site_id
 WHERE ct.clinician_id = $1 AND ct.patient_id = $2 AND ct.site_id = $3
   AND u.role = 'patient' AND u.disabled_at IS NULL;

-- name: caseload
-- One statement for the whole caseload: every aggregate is a LATERAL over one patient's
-- own rows through a (patient_id, time) index, so the cost grows with the caseload and its
-- recent entries, never with the size of the table.
-- $1 clinician, $2 site, $3 now, $4 window when there is no last session.
WITH mine AS (
    SELECT u.id AS patient_id, u.login, u.display_name
      FROM care_team ct
      JOIN users u ON u.id = ct.patient_id AND u.site_id = ct.site_id
     WHERE ct.clinician_id = $1 AND ct.site_id = $2
       AND u.role = 'patient' AND u.disabled_at IS NULL
)
SELECT m.patient_id, m.login::text AS login, m.display_name,
       last_session.starts_at AS last_session_at,
       next_session.starts_at AS next_appointment_at,
       missed.n AS missed_appointments,
       last_entry.occurred_at AS last_entry_at,
       w.since,
       s.entries, s.acted, s.partly, s.max_self_harm, s.max_aggression, s.substance_use,
       offers.n AS crisis_offers,
       plan.review_date AS plan_review_date
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
  CROSS JOIN LATERAL (
        SELECT count(*)::int AS entries,
               count(*) FILTER (WHERE e.outcome = 'acted')::int AS acted,
               count(*) FILTER (WHERE e.outcome = 'partly')::int AS partly,
               max(e.risk_self_harm)::int AS max_self_harm,
               max(e.risk_aggression)::int AS max_aggression,
               count(*) FILTER (WHERE e.risk_substance_use)::int AS substance_use
          FROM entries e
         WHERE e.patient_id = m.patient_id AND e.deleted_at IS NULL
           AND e.occurred_at >= w.since) s
  CROSS JOIN LATERAL (
        SELECT count(*)::int AS n FROM crisis_offers o
         WHERE o.patient_id = m.patient_id AND o.offered_at >= w.since) offers
  LEFT JOIN LATERAL (
        SELECT v.review_date FROM crisis_plan_versions v
         WHERE v.patient_id = m.patient_id
         ORDER BY v.version DESC LIMIT 1) plan ON true;

-- name: audit_many
-- One audit row per patient shown, in one statement (a caseload is dozens of patients).
INSERT INTO audit_log (actor_id, actor_role, site_id, patient_id, action, resource,
                       request_id, client_ip, outcome)
SELECT $1, $2, $3, p, $4, '', $5, $6, 'ok' FROM unnest($7::uuid[]) AS p;
