-- Core marketing data: customers, consent, catalogue, orders, behaviour, campaigns and their sends,
-- and the append-only audit log. Identifiers are text so imported ids stay as the source gives them.

CREATE TABLE customers (
  id          text PRIMARY KEY,
  first_name  text,
  last_name   text,
  email       text,
  phone       text,
  gender      text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('female', 'male', 'unknown')),
  birth_date  date,
  city        text,
  country     text,
  time_zone   text NOT NULL DEFAULT 'UTC',
  locale      text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh')),
  attributes  jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_birth_date ON customers (birth_date);
CREATE INDEX customers_city ON customers (city);

-- Current consent per customer and channel, with where and when it was given or withdrawn.
CREATE TABLE consents (
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel     text NOT NULL CHECK (channel IN ('sms', 'email', 'push', 'wecom')),
  granted     boolean NOT NULL,
  source      text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, channel)
);
CREATE INDEX consents_channel_granted ON consents (channel, customer_id) WHERE granted;

-- Customers who must not be messaged on a channel (NULL channel: on any channel).
CREATE TABLE suppressions (
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel     text CHECK (channel IN ('sms', 'email', 'push', 'wecom')),
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX suppressions_customer_channel ON suppressions (customer_id, coalesce(channel, '*'));

CREATE TABLE products (
  id        text PRIMARY KEY,
  name      text NOT NULL,
  category  text NOT NULL,
  price     numeric(12, 2) NOT NULL CHECK (price >= 0),
  cost      numeric(12, 2) CHECK (cost >= 0),
  currency  text NOT NULL DEFAULT 'CNY'
);
CREATE INDEX products_category ON products (category);

CREATE TABLE orders (
  id           text PRIMARY KEY,
  customer_id  text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  ordered_at   timestamptz NOT NULL,
  status       text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'cancelled', 'returned')),
  total        numeric(12, 2) NOT NULL,
  discount     numeric(12, 2) NOT NULL DEFAULT 0,
  currency     text NOT NULL DEFAULT 'CNY'
);
CREATE INDEX orders_customer_time ON orders (customer_id, ordered_at);
CREATE INDEX orders_time ON orders (ordered_at);

CREATE TABLE order_items (
  order_id    text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no     integer NOT NULL,
  product_id  text NOT NULL REFERENCES products (id),
  quantity    integer NOT NULL,
  unit_price  numeric(12, 2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_items_product ON order_items (product_id);

-- Behaviour. Indexed for "events of type T for customer C between two instants" and for
-- "customers with an event of type T between two instants".
CREATE TABLE events (
  id           bigserial PRIMARY KEY,
  customer_id  text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  type         text NOT NULL CHECK (type IN ('view', 'add_to_cart', 'purchase', 'login', 'open', 'click', 'unsubscribe')),
  occurred_at  timestamptz NOT NULL,
  product_id   text,
  properties   jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX events_customer_type_time ON events (customer_id, type, occurred_at);
CREATE INDEX events_type_time ON events (type, occurred_at);

CREATE TABLE campaigns (
  id                  text PRIMARY KEY,
  thread_id           text,
  name                text NOT NULL,
  status              text NOT NULL CHECK (status IN ('needs_approval', 'scheduled', 'running', 'completed', 'cancelled', 'blocked', 'rejected')),
  objective           text NOT NULL,
  channels            text[] NOT NULL,
  brief               jsonb NOT NULL,
  segment_definition  jsonb NOT NULL,
  plan                jsonb,
  created_by          text NOT NULL,
  approved_by         text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  approved_at         timestamptz,
  starts_at           timestamptz,
  ended_at            timestamptz
);
CREATE INDEX campaigns_status ON campaigns (status);
CREATE INDEX campaigns_thread ON campaigns (thread_id);

-- What actually happened, per campaign (imported, or from the demo's known response model).
CREATE TABLE campaign_outcomes (
  campaign_id        text PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
  sent               integer NOT NULL CHECK (sent >= 0),
  delivered          integer NOT NULL CHECK (delivered >= 0),
  converted          integer NOT NULL CHECK (converted >= 0),
  revenue            numeric(14, 2) NOT NULL,
  holdout_size       integer NOT NULL DEFAULT 0,
  holdout_converted  integer NOT NULL DEFAULT 0,
  recorded_at        timestamptz NOT NULL DEFAULT now()
);

-- The copy of a campaign: one row per channel and variant.
CREATE TABLE messages (
  campaign_id  text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  channel      text NOT NULL CHECK (channel IN ('sms', 'email', 'push', 'wecom')),
  variant      text NOT NULL,
  title        text,
  body         text NOT NULL,
  PRIMARY KEY (campaign_id, channel, variant)
);

-- One row per recipient and step: the unit of delivery, never created twice.
CREATE TABLE sends (
  id           bigserial PRIMARY KEY,
  campaign_id  text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  customer_id  text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  step         integer NOT NULL DEFAULT 0,
  channel      text NOT NULL CHECK (channel IN ('sms', 'email', 'push', 'wecom')),
  variant      text NOT NULL,
  status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'suppressed', 'cancelled')),
  reason       text,
  send_at      timestamptz NOT NULL,
  sent_at      timestamptz,
  UNIQUE (campaign_id, customer_id, step)
);
CREATE INDEX sends_customer_time ON sends (customer_id, send_at);
CREATE INDEX sends_campaign_status ON sends (campaign_id, status);

-- Append-only: who did what, when, to which campaign, under which rules.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor        text NOT NULL,
  action       text NOT NULL,
  campaign_id  text,
  thread_id    text,
  rule_ids     text[] NOT NULL DEFAULT '{}',
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_campaign ON audit_log (campaign_id, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- Facts about this installation, such as where its data came from (demo seed or the user's own).
CREATE TABLE settings (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
