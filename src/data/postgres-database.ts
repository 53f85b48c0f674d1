// The server backend: PostgreSQL (15+) through a `pg` pool, selected by DATABASE_URL.
import pg from 'pg';
import { CodedError, ErrorCode } from '../errors.ts';
import { NUMERIC_TYPE_IDS, parseNumeric } from './database.ts';
import type { Database, Queryable, QueryResult, Row } from './database.ts';

/** The URL with its password replaced, safe to print. */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

export function validateDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CodedError(
      ErrorCode.DatabaseUrlInvalid,
      'DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database, or unset it to use the embedded database',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CodedError(
      ErrorCode.DatabaseUrlInvalid,
      `DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//), or unset it to use the embedded database`,
    );
  }
  return parsed;
}

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === NUMERIC_TYPE_IDS.int8 || oid === NUMERIC_TYPE_IDS.numeric) return parseNumeric;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function explainConnectionError(url: URL, error: unknown): CodedError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = `${url.hostname}:${url.port || 5432}`;
  const reason =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'host not found'
        : (error as Error).message;
  return new CodedError(
    ErrorCode.DatabaseUnreachable,
    `cannot reach PostgreSQL at ${where} (DATABASE_URL): ${reason}. Start the server, fix DATABASE_URL, or unset it to use the embedded database`,
    { cause: error },
  );
}

async function toResult<T extends Row>(promise: Promise<pg.QueryResult<T>>): Promise<QueryResult<T>> {
  const result = await promise;
  // A text with several statements yields one result per statement; the last one answers.
  const last = Array.isArray(result) ? (result[result.length - 1] as pg.QueryResult<T>) : result;
  return { rows: last.rows ?? [], affectedRows: last.rowCount ?? 0 };
}

export interface PostgresDatabaseOptions {
  url: string;
  memoryEnabled?: boolean;
  maxConnections?: number;
}

export async function openPostgresDatabase({ url, memoryEnabled = true, maxConnections = 10 }: PostgresDatabaseOptions): Promise<Database> {
  const parsed = validateDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types: typeParsers, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined); // idle-client errors surface on the next query instead
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw explainConnectionError(parsed, error);
  }

  async function transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const tx: Queryable = { query: (sql, params) => toResult(client.query(sql, params as unknown[])) };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  let closed = false;
  return {
    kind: 'postgres',
    location: maskDatabaseUrl(url),
    memoryEnabled,
    query: (sql, params) => toResult(pool.query(sql, params as unknown[])),
    transaction,
    libraryPool: () => pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
