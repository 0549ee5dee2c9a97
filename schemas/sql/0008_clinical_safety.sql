-- Clinical safety (hazard log H-006, H-007): a site-wide floor for risk urges that puts a
-- patient in the caseload's first tier whatever their plan says, and one crisis-plan offer
-- per diary entry, so the count a clinician reads equals the offers the patient saw.

-- The floor is a clinical decision of the service, not of the software: 7 by default.
ALTER TABLE sites
    ADD COLUMN risk_floor smallint NOT NULL DEFAULT 7 CHECK (risk_floor BETWEEN 1 AND 10);

-- Offers recorded twice for one entry (an edit offered the plan again) count once: keep
-- the first, then let the database refuse a second.
DELETE FROM crisis_offers o
 USING crisis_offers earlier
 WHERE earlier.patient_id = o.patient_id AND earlier.entry_id = o.entry_id
   AND (earlier.offered_at, earlier.id) < (o.offered_at, o.id);
CREATE UNIQUE INDEX crisis_offers_one_per_entry ON crisis_offers (patient_id, entry_id);
