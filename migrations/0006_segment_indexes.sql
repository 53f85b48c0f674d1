-- Segment evaluation. Conditions on behaviour in a window ("viewed at least 3 times in the last 30
-- days", "added to cart in the last 7 days") read the window's events of one type grouped by
-- customer. With the customer in the index that is an index-only scan instead of a heap visit per
-- event. It serves everything events_type_time served, which it replaces.
CREATE INDEX events_type_time_customer ON events (type, occurred_at) INCLUDE (customer_id);
DROP INDEX events_type_time;

-- Conditions on completed orders in a window (spend, order counts, RFM, expected value, price
-- sensitivity, first/last order) read the window's completed orders grouped by customer; this
-- partial index holds exactly those columns, so the scan never visits the table.
CREATE INDEX orders_completed_time ON orders (ordered_at) INCLUDE (customer_id, total, discount) WHERE status = 'completed';
