-- Cross-sell rules mined from completed orders (tools/cross-sell). A cache: rebuilt whenever the
-- orders or the thresholds it was mined with differ from those recorded in association_rule_runs.

-- One row per rule A -> B: of the baskets holding A, `confidence` also hold B.
CREATE TABLE association_rules (
  antecedent_id     text NOT NULL,
  consequent_id     text NOT NULL,
  support           double precision NOT NULL CHECK (support BETWEEN 0 AND 1),
  confidence        double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  lift              double precision NOT NULL CHECK (lift >= 0),
  pair_count        integer NOT NULL,
  antecedent_count  integer NOT NULL,
  PRIMARY KEY (antecedent_id, consequent_id)
);

-- The one mining run the rules above come from: the orders summary and thresholds it used.
CREATE TABLE association_rule_runs (
  singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  fingerprint  jsonb NOT NULL,
  baskets      integer NOT NULL,
  rules        integer NOT NULL,
  mined_at     timestamptz NOT NULL DEFAULT now()
);
