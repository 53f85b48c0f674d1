// Makes one big load inside a single transaction fast on both backends: per-row trigger work
// (foreign-key checks) is skipped when the role may, and secondary indexes are dropped and rebuilt
// once at the end, then statistics are refreshed. All of it is transactional: a rollback restores
// the indexes and the trigger setting with everything else.
import type { Queryable } from '../database.ts';

export interface BulkLoadTuning {
  /** Whether row triggers (and so foreign-key checks) are off for the rest of the transaction. */
  readonly rowTriggersSkipped: boolean;
  /** Index definitions that `finish` recreates. */
  readonly droppedIndexes: readonly string[];
  /** Rebuilds the dropped indexes (reporting each) and analyses the tables. */
  finish(onIndex?: (done: number, total: number) => void): Promise<void>;
}

/** Runs `work` under a savepoint; on failure undoes it and returns `fallback` instead of failing the transaction. */
async function attempt<T>(tx: Queryable, name: string, work: () => Promise<T>, fallback: T): Promise<T> {
  await tx.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    return fallback;
  }
}

/**
 * Per-row foreign-key triggers cost more than the inserts themselves. A superuser (always so on
 * the embedded database) can switch them off for this transaction only with
 * `session_replication_role = replica`; the loader must then write only consistent references.
 * Other roles keep the checks.
 */
function skipRowTriggers(tx: Queryable): Promise<boolean> {
  return attempt(
    tx,
    'bulk_load_triggers',
    async () => {
      await tx.query('SET LOCAL session_replication_role = replica');
      return true;
    },
    false,
  );
}

/** Drops the indexes of `tables` that no constraint owns; returns the statements recreating them. */
function dropSecondaryIndexes(tx: Queryable, tables: readonly string[]): Promise<string[]> {
  return attempt(
    tx,
    'bulk_load_indexes',
    async () => {
      const { rows } = await tx.query<{ drop_sql: string; create_sql: string }>(
        `SELECT format('DROP INDEX %I.%I', i.schemaname, i.indexname) AS drop_sql, i.indexdef AS create_sql
           FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
          ORDER BY i.tablename, i.indexname`,
        [tables],
      );
      for (const row of rows) await tx.query(row.drop_sql);
      return rows.map((row) => row.create_sql);
    },
    [],
  );
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export async function tuneForBulkLoad(tx: Queryable, tables: readonly string[]): Promise<BulkLoadTuning> {
  const invalid = tables.find((table) => !IDENTIFIER.test(table));
  if (invalid !== undefined) throw new Error(`bulk load: "${invalid}" is not a plain SQL identifier`);
  const rowTriggersSkipped = await skipRowTriggers(tx);
  const droppedIndexes = await dropSecondaryIndexes(tx, tables);
  return {
    rowTriggersSkipped,
    droppedIndexes,
    async finish(onIndex = () => undefined) {
      for (const [done, statement] of droppedIndexes.entries()) {
        await tx.query(statement);
        onIndex(done + 1, droppedIndexes.length);
      }
      if (tables.length > 0) await tx.query(`ANALYZE ${tables.join(', ')}`);
    },
  };
}
