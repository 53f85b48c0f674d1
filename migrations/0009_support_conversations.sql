-- The support bot's record of each customer turn: the sentiment it read, the tone it chose, what it
-- offered and whether it handed over to a person. Message text is not kept; the reply is (it never
-- holds more than the verified customer's own, masked, details).

CREATE TABLE support_turns (
  thread_id          text NOT NULL,
  turn               integer NOT NULL CHECK (turn >= 1),
  at                 timestamptz NOT NULL DEFAULT now(),
  customer_id        text REFERENCES customers (id) ON DELETE SET NULL,
  language           text NOT NULL CHECK (language IN ('en', 'zh')),
  intent             text NOT NULL,
  sentiment_label    text NOT NULL CHECK (sentiment_label IN ('negative', 'neutral', 'positive')),
  sentiment_score    real NOT NULL,
  sentiment_confidence real NOT NULL,
  band               text NOT NULL,
  trend              text NOT NULL,
  register           text NOT NULL,
  -- Compensation offered in this turn, in the policy currency (NULL: none).
  offer_amount       numeric(12, 2),
  offer_percent      real,
  offer_order_id     text,
  escalated          boolean NOT NULL DEFAULT false,
  escalation_reason  text,
  reply_source       text NOT NULL CHECK (reply_source IN ('template', 'model', 'model_rejected')),
  reply              text NOT NULL,
  PRIMARY KEY (thread_id, turn)
);
CREATE INDEX support_turns_customer_offer ON support_turns (customer_id, at) WHERE offer_amount IS NOT NULL;
