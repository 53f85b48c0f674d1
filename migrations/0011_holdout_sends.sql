-- A/B split with a holdout: recipients kept back as a control group get a send row with status
-- 'holdout' (variant 'holdout'), at the time they would have been messaged. They are never
-- delivered and do not count towards frequency caps; outcomes compare them with the variants.

ALTER TABLE sends DROP CONSTRAINT sends_status_check;
ALTER TABLE sends ADD CONSTRAINT sends_status_check
  CHECK (status IN ('queued', 'sent', 'failed', 'suppressed', 'cancelled', 'holdout'));
