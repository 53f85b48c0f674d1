-- Delivery bookkeeping: when a queued send was handed to the job queue, what set off a trigger
-- campaign's send, the provider's id for a sent message, how far the trigger scanner has read each
-- campaign's events, and the per-second counters that throttle each channel across workers.

ALTER TABLE sends ADD COLUMN enqueued_at timestamptz;
ALTER TABLE sends ADD COLUMN triggered_at timestamptz;
ALTER TABLE sends ADD COLUMN trigger_event_id bigint;
ALTER TABLE sends ADD COLUMN provider_message_id text;

-- The dispatcher's question: which queued sends are due?
CREATE INDEX sends_queued_due ON sends (send_at) WHERE status = 'queued';

-- Per trigger campaign: events are read from `live_from` on, and up to `scanned_until` so far.
CREATE TABLE trigger_scans (
  campaign_id    text PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
  live_from      timestamptz NOT NULL,
  scanned_until  timestamptz NOT NULL
);

-- Messages handed to each channel's provider per wall-clock second (epoch seconds).
CREATE TABLE delivery_throttle (
  channel  text NOT NULL CHECK (channel IN ('sms', 'email', 'push', 'wecom')),
  second   bigint NOT NULL,
  used     integer NOT NULL,
  PRIMARY KEY (channel, second)
);
