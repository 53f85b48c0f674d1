-- A hash chain over the audit log, so that changing or removing an entry after the fact is
-- detectable. Each entry stores the hash of the entry before it (prev_hash, null for the first) and
-- its own hash:
--
--   hash = hex(sha256(coalesce(prev_hash, '') || canonical JSON of the entry))
--
-- The canonical JSON has the keys in this order and no spaces:
--   {"action":…,"actor":…,"at":"YYYY-MM-DDTHH:MM:SS.mmmZ","campaign_id":…|null,"detail":<detail>,
--    "id":<id>,"rule_ids":[…],"thread_id":…|null}
-- strings escaped as JSON does, `at` in UTC to the millisecond (entries are stored at that
-- precision), and <detail> the jsonb value in PostgreSQL's normalised text form (detail::text).
-- src/audit/audit-hash.ts computes the same in TypeScript to verify the chain.
--
-- A trigger computes both columns, so every writer chains, whichever code inserts. It takes a
-- transaction-level advisory lock, so concurrent inserts chain one after another, and gives an
-- entry a fresh id when one committed while it waited, so ids always follow the chain. Writers
-- must insert at READ COMMITTED (the default), where the trigger sees the entry committed before it.

ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text;

CREATE FUNCTION audit_entry_json(
  entry_id bigint, entry_at timestamptz, entry_actor text, entry_action text,
  entry_campaign_id text, entry_thread_id text, entry_rule_ids text[], entry_detail jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT '{"action":' || to_json(entry_action)::text
      || ',"actor":' || to_json(entry_actor)::text
      || ',"at":' || to_json(to_char(entry_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
      || ',"campaign_id":' || coalesce(to_json(entry_campaign_id)::text, 'null')
      || ',"detail":' || entry_detail::text
      || ',"id":' || entry_id::text
      || ',"rule_ids":[' || coalesce((
           SELECT string_agg(coalesce(to_json(rule_id)::text, 'null'), ',' ORDER BY position)
             FROM unnest(entry_rule_ids) WITH ORDINALITY AS listed(rule_id, position)
         ), '') || ']'
      || ',"thread_id":' || coalesce(to_json(entry_thread_id)::text, 'null')
      || '}'
$$;

CREATE FUNCTION audit_entry_hash(
  previous_hash text, entry_id bigint, entry_at timestamptz, entry_actor text, entry_action text,
  entry_campaign_id text, entry_thread_id text, entry_rule_ids text[], entry_detail jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    coalesce(previous_hash, '')
      || audit_entry_json(entry_id, entry_at, entry_actor, entry_action, entry_campaign_id, entry_thread_id, entry_rule_ids, entry_detail),
    'UTF8')), 'hex')
$$;

-- Entries written before this migration are chained in id order. Their times are brought to the
-- millisecond precision the chain records.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
DO $$
DECLARE
  entry record;
  previous text := NULL;
BEGIN
  FOR entry IN SELECT * FROM audit_log ORDER BY id LOOP
    UPDATE audit_log
       SET at = date_trunc('milliseconds', entry.at),
           prev_hash = previous,
           hash = audit_entry_hash(previous, entry.id, date_trunc('milliseconds', entry.at), entry.actor, entry.action,
                                   entry.campaign_id, entry.thread_id, entry.rule_ids, entry.detail)
     WHERE id = entry.id
     RETURNING hash INTO previous;
  END LOOP;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_id bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(726100418);
  SELECT id, hash INTO last_id, last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  IF last_id IS NOT NULL AND last_id >= NEW.id THEN
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  END IF;
  NEW.at := date_trunc('milliseconds', coalesce(NEW.at, now()));
  NEW.prev_hash := last_hash;
  NEW.hash := audit_entry_hash(last_hash, NEW.id, NEW.at, NEW.actor, NEW.action, NEW.campaign_id, NEW.thread_id, NEW.rule_ids, NEW.detail);
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
