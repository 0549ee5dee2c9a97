-- name: patient
-- The patient and their sessions: the last attended one sets "since the last session";
-- not attended since then is the follow-up count. Care team checked by the caller.
SELECT u.login::text AS login, u.display_name, last.starts_at AS last_session_at,
       (SELECT a.starts_at FROM appointments a
         WHERE a.patient_id = u.id AND a.status = 'scheduled' AND a.starts_at > $2
         ORDER BY a.starts_at LIMIT 1) AS next_appointment_at,
       (SELECT count(*)::int FROM appointments a
         WHERE a.patient_id = u.id AND a.status = 'not_attended' AND a.starts_at <= $2
           AND a.starts_at > coalesce(last.starts_at, '-infinity')) AS missed,
       (SELECT v.review_date FROM crisis_plan_versions v
         WHERE v.patient_id = u.id ORDER BY v.version DESC LIMIT 1) AS plan_review_date,
       (SELECT max(e.occurred_at) FROM entries e
         WHERE e.patient_id = u.id AND e.deleted_at IS NULL) AS last_entry_at,
       (SELECT count(*)::int FROM tool_records t
         WHERE t.patient_id = u.id AND t.kind = 'chain_analysis' AND t.status = 'open')
         AS open_chains
  FROM users u
  LEFT JOIN LATERAL (
        SELECT a.starts_at FROM appointments a
         WHERE a.patient_id = u.id AND a.status = 'attended' AND a.starts_at <= $2
         ORDER BY a.starts_at DESC LIMIT 1) last ON true
 WHERE u.id = $1;

-- name: seen
-- Answer when this clinician last opened the review, and record that they opened it now.
-- The CTE reads the row as it was before the upsert (one snapshot per statement).
WITH before AS (
    SELECT viewed_at FROM review_views WHERE clinician_id = $1 AND patient_id = $2
), now_seen AS (
    INSERT INTO review_views (clinician_id, patient_id, viewed_at) VALUES ($1, $2, $3)
    ON CONFLICT (clinician_id, patient_id) DO UPDATE SET viewed_at = excluded.viewed_at
)
SELECT (SELECT viewed_at FROM before);

-- name: window_entries
-- Every live entry in [$2, $3), newest first, through the patient's time index. The first
-- fourteen columns are what the charts need (review.charts.Point, in its order), with the
-- London day worked out here; `edited` marks a change since $4 (this clinician's last
-- look); `notes` counts clinician notes (the patient's notes only, by their own index).
SELECT (e.occurred_at AT TIME ZONE 'Europe/London')::date AS day, e.occurred_at,
       e.category, e.emotion, e.emotion_intensity, e.urge, e.urge_strength,
       e.helpful_response, e.outcome, e.risk_self_harm, e.risk_aggression,
       e.risk_substance_use,
       coalesce(e.version > 1 AND e.updated_at > $4, false) AS edited, e.time_flagged,
       e.id, e.occurred_offset, e.indicators, e.note, e.version, e.recorded_at,
       e.updated_at, coalesce(n.notes, 0)::int AS notes, e.withdrawn_at,
       coalesce(e.recorded_at > $4, false) AS is_new
  FROM entries e
  LEFT JOIN (SELECT entry_id, count(*) AS notes FROM clinician_notes
              WHERE patient_id = $1 AND entry_id IS NOT NULL
              GROUP BY entry_id) n ON n.entry_id = e.id
 WHERE e.patient_id = $1 AND e.deleted_at IS NULL
   AND e.occurred_at >= $2 AND e.occurred_at < $3
 ORDER BY e.occurred_at DESC, e.id DESC;

-- name: offers
SELECT entry_id, offered_at, reason FROM crisis_offers
 WHERE patient_id = $1 AND offered_at >= $2 AND offered_at < $3
 ORDER BY offered_at DESC
 LIMIT 100;
