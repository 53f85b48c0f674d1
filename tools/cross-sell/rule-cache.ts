// The association_rules table as a cache of the mining: `ensureAssociationRules` re-mines only when
// the orders (count, completed count, latest time, line count, a checksum over ids and statuses) or
// the mining thresholds differ from those of the last run, so asking for a cross-sell costs one
// scan of orders when nothing changed; `refreshAssociationRules` re-mines unconditionally.
import { isDeepStrictEqual } from 'node:util';
import type { Database, Queryable } from '../../src/data/database.ts';
import { createLogger } from '../../src/logger.ts';
import { mineAssociationRules, type MiningResult, type MiningThresholds } from './mine-association-rules.ts';

const log = createLogger('cross-sell');

export interface RuleRun {
  baskets: number;
  rules: number;
  minedAt: Date;
  /** True when this call mined; false when the cached rules were still current. */
  mined: boolean;
}

interface Fingerprint {
  orders: { count: number; completed: number; latest: string | null; lines: number; checksum: string };
  thresholds: MiningThresholds;
}

async function ordersSummary(db: Queryable): Promise<Fingerprint['orders']> {
  const { rows } = await db.query<{ count: number; completed: number; latest: Date | null; lines: number; checksum: string }>(
    `SELECT count(*)::int AS count,
            count(*) FILTER (WHERE status = 'completed')::int AS completed,
            max(ordered_at) AS latest,
            (SELECT count(*)::int FROM order_items) AS lines,
            coalesce(sum(hashtext(id || ':' || status)), 0)::text AS checksum
       FROM orders`,
  );
  const row = rows[0];
  if (!row) throw new Error('orders summary query returned no row');
  return { count: row.count, completed: row.completed, latest: row.latest ? new Date(row.latest).toISOString() : null, lines: row.lines, checksum: row.checksum };
}

function thresholdsOf(settings: MiningThresholds): MiningThresholds {
  const { minSupport, minPairCount, minConfidence, minLift, basketWindowDays } = settings;
  return { minSupport, minPairCount, minConfidence, minLift, basketWindowDays };
}

async function storeRun(tx: Queryable, fingerprint: Fingerprint, result: MiningResult): Promise<Date> {
  await tx.query('LOCK TABLE association_rules, association_rule_runs IN EXCLUSIVE MODE');
  await tx.query('DELETE FROM association_rules');
  const { rules } = result;
  if (rules.length > 0) {
    await tx.query(
      `INSERT INTO association_rules (antecedent_id, consequent_id, support, confidence, lift, pair_count, antecedent_count)
       SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::int[], $7::int[])`,
      [
        rules.map((rule) => rule.antecedentId),
        rules.map((rule) => rule.consequentId),
        rules.map((rule) => rule.support),
        rules.map((rule) => rule.confidence),
        rules.map((rule) => rule.lift),
        rules.map((rule) => rule.pairCount),
        rules.map((rule) => rule.antecedentCount),
      ],
    );
  }
  const { rows } = await tx.query<{ mined_at: Date }>(
    `INSERT INTO association_rule_runs (singleton, fingerprint, baskets, rules, mined_at) VALUES (true, $1, $2, $3, now())
     ON CONFLICT (singleton) DO UPDATE SET fingerprint = excluded.fingerprint, baskets = excluded.baskets, rules = excluded.rules, mined_at = excluded.mined_at
     RETURNING mined_at`,
    [JSON.stringify(fingerprint), result.baskets, rules.length],
  );
  return new Date(rows[0]?.mined_at ?? Date.now());
}

/** Mines the rules now and replaces the cached ones. */
export async function refreshAssociationRules(db: Database, settings: MiningThresholds): Promise<RuleRun & { result: MiningResult }> {
  const fingerprint: Fingerprint = { orders: await ordersSummary(db), thresholds: thresholdsOf(settings) };
  const startedMs = Date.now();
  const result = await mineAssociationRules(db, fingerprint.thresholds);
  const minedAt = await db.transaction((tx) => storeRun(tx, fingerprint, result));
  log.info({ baskets: result.baskets, rules: result.rules.length, ms: Date.now() - startedMs }, 'mined association rules');
  return { baskets: result.baskets, rules: result.rules.length, minedAt, mined: true, result };
}

/** Makes sure association_rules holds the rules for the current orders and these thresholds. */
export async function ensureAssociationRules(db: Database, settings: MiningThresholds): Promise<RuleRun> {
  const { rows } = await db.query<{ fingerprint: Fingerprint; baskets: number; rules: number; mined_at: Date }>(
    'SELECT fingerprint, baskets, rules, mined_at FROM association_rule_runs WHERE singleton',
  );
  const last = rows[0];
  const current: Fingerprint = { orders: await ordersSummary(db), thresholds: thresholdsOf(settings) };
  if (last && isDeepStrictEqual(last.fingerprint, current)) {
    return { baskets: last.baskets, rules: last.rules, minedAt: new Date(last.mined_at), mined: false };
  }
  const { result: _result, ...run } = await refreshAssociationRules(db, settings);
  return run;
}
