// The embedded backend: PGlite (PostgreSQL compiled to WASM) with pgvector, in a local directory.
// PGlite is one connection, so every statement and whole transaction, from the app and from
// libraries alike, goes through one SerialLock.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { NUMERIC_TYPE_IDS, parseNumeric } from './database.ts';
import type { Database, Queryable, QueryResult, Row } from './database.ts';
import { SerialLock } from './serial-lock.ts';

/** Runs a statement on PGlite; without parameters the text may hold several statements. */
async function runOnPglite<T extends Row>(pglite: PGlite, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
  if (params && params.length > 0) {
    const result = await pglite.query<T>(sql, params as unknown[]);
    return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
  }
  const results = await pglite.exec(sql);
  const last = results[results.length - 1];
  return { rows: (last?.rows ?? []) as T[], affectedRows: last?.affectedRows ?? 0 };
}

function toPgResult<T extends Row>(result: QueryResult<T>): pg.QueryResult<T> {
  return { rows: result.rows, rowCount: result.affectedRows, command: '', oid: 0, fields: [] };
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  memoryEnabled?: boolean;
}

export async function openEmbeddedDatabase({ dataDir, memoryEnabled = true }: EmbeddedDatabaseOptions): Promise<Database> {
  const unlock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      extensions: { vector },
      parsers: { [NUMERIC_TYPE_IDS.int8]: parseNumeric, [NUMERIC_TYPE_IDS.numeric]: parseNumeric },
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const lock = new SerialLock();
  let closed = false;

  const queryLocked = <T extends Row>(sql: string, params?: readonly unknown[]) =>
    lock.run(() => runOnPglite<T>(pglite, sql, params));

  async function transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return lock.run(async function inEmbeddedTransaction() {
      const tx: Queryable = { query: (sql, params) => runOnPglite(pglite, sql, params) };
      await pglite.exec('BEGIN');
      try {
        const result = await work(tx);
        await pglite.exec('COMMIT');
        return result;
      } catch (error) {
        await pglite.exec('ROLLBACK');
        throw error;
      }
    });
  }

  // Shaped like pg.Pool for the LangGraph checkpointer: `query` takes the lock per statement,
  // `connect` holds it until `release`, so the library's BEGIN ... COMMIT is never interleaved.
  const pool = {
    query: async <T extends Row>(sql: string, params?: unknown[]) => toPgResult(await queryLocked<T>(sql, params)),
    connect: async () => {
      const release = await lock.acquire();
      return {
        query: async <T extends Row>(sql: string, params?: unknown[]) => toPgResult(await runOnPglite<T>(pglite, sql, params)),
        release,
      };
    },
    end: async () => undefined,
    on: () => pool,
  };

  return {
    kind: 'embedded',
    location: dataDir,
    memoryEnabled,
    query: queryLocked,
    transaction,
    libraryPool: () => pool as unknown as pg.Pool,
    async close() {
      if (closed) return;
      closed = true;
      await lock.run(() => pglite.close());
      unlock();
    },
  };
}
