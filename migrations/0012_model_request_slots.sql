-- Shared model rate limit: one row per limit holds the earliest time the next model request may
-- start. Every process on this database (server, workers, CLI) reserves its request's start time
-- by moving that time forward in one atomic statement (src/models/request-slots.ts).
CREATE TABLE model_request_slots (
  limit_key text PRIMARY KEY,
  next_slot_at timestamptz NOT NULL
);
