-- requires: vector
-- Campaign memory: one row per finished or approved campaign, embedded for similarity recall.
-- `embedder` names the embedding model so vectors from different models are never compared.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE campaign_memory (
  campaign_id      text PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
  name             text NOT NULL,
  summary          text NOT NULL,
  objective        text NOT NULL,
  channels         text[] NOT NULL,
  discount_percent double precision NOT NULL DEFAULT 0,
  audience_size    integer NOT NULL,
  sent             integer,
  converted        integer,
  revenue          double precision,
  holdout_size     integer,
  holdout_converted integer,
  ended_at         timestamptz,
  embedder         text NOT NULL,
  embedding        vector(384) NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaign_memory_embedding ON campaign_memory USING hnsw (embedding vector_cosine_ops);
