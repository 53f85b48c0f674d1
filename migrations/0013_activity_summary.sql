-- Activity summary: per customer, events of each type and completed orders counted over standard
-- rolling windows that end at one refresh instant (`as_of`). A segment condition over such a window
-- reads one summary row per customer and corrects it with the few events between the refresh
-- instant and its own as-of, instead of reading every event in the window (see
-- tools/segments/summary-conditions-sql.ts). Any change to events or orders at or before the refresh
-- instant marks the summary stale; conditions then read the events themselves until the next refresh.

-- One row once the summary has been built. `current` turns false when data it summarises changes.
CREATE TABLE activity_summary_state (
  id            boolean PRIMARY KEY DEFAULT true CHECK (id),
  as_of         timestamptz NOT NULL,
  current       boolean NOT NULL,
  refreshed_at  timestamptz NOT NULL,
  seconds       double precision NOT NULL
);

-- counts[k]: events of `type` in (as_of - window k, as_of], windows as in SUMMARY_WINDOW_DAYS
-- (src/data/activity-summary.ts). Customers with such an event in the longest window only.
-- One partition per event type, so a condition on one type scans that type's rows only.
CREATE TABLE event_window_counts (
  type         text NOT NULL,
  customer_id  text NOT NULL,
  counts       integer[] NOT NULL,
  PRIMARY KEY (type, customer_id)
) PARTITION BY LIST (type);
CREATE TABLE event_window_counts_view PARTITION OF event_window_counts FOR VALUES IN ('view');
CREATE TABLE event_window_counts_add_to_cart PARTITION OF event_window_counts FOR VALUES IN ('add_to_cart');
CREATE TABLE event_window_counts_purchase PARTITION OF event_window_counts FOR VALUES IN ('purchase');
CREATE TABLE event_window_counts_login PARTITION OF event_window_counts FOR VALUES IN ('login');
CREATE TABLE event_window_counts_open PARTITION OF event_window_counts FOR VALUES IN ('open');
CREATE TABLE event_window_counts_click PARTITION OF event_window_counts FOR VALUES IN ('click');
CREATE TABLE event_window_counts_other PARTITION OF event_window_counts DEFAULT;

-- Completed orders per window k: how many, their summed total, how many had a discount; and the
-- last completed order in the longest window. Customers with a completed order there only.
CREATE TABLE order_window_totals (
  customer_id      text PRIMARY KEY,
  orders           integer[] NOT NULL,
  totals           numeric[] NOT NULL,
  discounted       integer[] NOT NULL,
  last_ordered_at  timestamptz NOT NULL
);

-- Statement-level triggers read the changed rows once per statement (a bulk import pays one check).
CREATE FUNCTION mark_summary_stale_by_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activity_summary_state state SET current = false
   WHERE state.current AND EXISTS (SELECT 1 FROM changed_rows WHERE changed_rows.occurred_at <= state.as_of);
  RETURN NULL;
END $$;

CREATE FUNCTION mark_summary_stale_by_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activity_summary_state state SET current = false
   WHERE state.current AND EXISTS (SELECT 1 FROM changed_rows WHERE changed_rows.ordered_at <= state.as_of);
  RETURN NULL;
END $$;

CREATE FUNCTION mark_summary_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE activity_summary_state SET current = false WHERE current;
  RETURN NULL;
END $$;

CREATE TRIGGER events_inserted_stale_summary AFTER INSERT ON events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_events();
CREATE TRIGGER events_deleted_stale_summary AFTER DELETE ON events
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_events();
CREATE TRIGGER events_updated_before_stale_summary AFTER UPDATE ON events
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_events();
CREATE TRIGGER events_updated_after_stale_summary AFTER UPDATE ON events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_events();
CREATE TRIGGER events_truncated_stale_summary AFTER TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale();

CREATE TRIGGER orders_inserted_stale_summary AFTER INSERT ON orders
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_orders();
CREATE TRIGGER orders_deleted_stale_summary AFTER DELETE ON orders
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_orders();
CREATE TRIGGER orders_updated_before_stale_summary AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_orders();
CREATE TRIGGER orders_updated_after_stale_summary AFTER UPDATE ON orders
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale_by_orders();
CREATE TRIGGER orders_truncated_stale_summary AFTER TRUNCATE ON orders
  FOR EACH STATEMENT EXECUTE FUNCTION mark_summary_stale();
