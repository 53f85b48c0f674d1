// The job queue's view of the embedded database. pg-boss accepts any object with
// `executeSql(text, values)`; this one runs everything through the app's Database, so pg-boss shares
// the single PGlite connection and its lock with the rest of the app.
//
// pg-boss also ships `fromPglite(pglite)`, but that talks to the PGlite instance directly, past the
// lock: its statements would interleave with app transactions on the one connection, and its
// ROLLBACK-on-error could undo an app transaction in flight. Going through Database keeps every
// statement and every whole transaction serialised.
import type { Db as IDatabase } from 'pg-boss';
import type { Database } from '../../data/database.ts';
import { splitSqlStatements } from './sql-statements.ts';

type Row = Record<string, unknown>;

/**
 * pg-boss sends parameterless multi-statement scripts (`BEGIN; ...; COMMIT;`) and reads rows from
 * statements in the middle, so a script runs statement by statement on one held connection, with
 * the rows of all of them returned. A failure rolls back whatever the script had opened, so the
 * shared connection is never left inside an aborted transaction.
 */
async function runScript(db: Database, statements: readonly string[]): Promise<{ rows: Row[] }> {
  const client = await db.libraryPool().connect();
  const rows: Row[] = [];
  try {
    for (const statement of statements) {
      const result = await client.query<Row>(statement);
      rows.push(...(result.rows ?? []));
    }
    return { rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A pg-boss database adapter over the app's Database. Never call pg-boss from inside
 * `db.transaction(...)`: on the embedded database the transaction holds the one connection, and
 * the queue would wait for it forever.
 */
export function bossDatabaseFor(db: Database): IDatabase {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return { rows: (await db.query(text, values)).rows };
      const statements = splitSqlStatements(text);
      if (statements.length <= 1) return { rows: (await db.query(text)).rows };
      return runScript(db, statements);
    },
  };
}
