-- Named segment definitions a marketer can reuse (`campaign-agent segment --save NAME`, `--use NAME`).
-- The description is the explain-back in the language the segment was written in, kept for listings.

CREATE TABLE saved_segments (
  name        text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
  definition  jsonb NOT NULL,
  description text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
