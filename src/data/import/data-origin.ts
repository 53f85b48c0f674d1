// Where this installation's data comes from, kept in settings under `data_origin`: the demo seed
// writes {"kind":"demo",...}; a database prepared for the user's own data (init --no-demo, or a first
// import) holds {"kind":"own"}. The first-run demo seed only happens while the key is absent.
import type { Queryable } from '../database.ts';

export const DATA_ORIGIN_KEY = 'data_origin';

export type DataOrigin = { kind: 'demo' | 'own' | string } & Record<string, unknown>;

export async function readDataOrigin(db: Queryable): Promise<DataOrigin | null> {
  const { rows } = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1::text', [DATA_ORIGIN_KEY]);
  const value = rows[0]?.value;
  if (value === undefined || value === null) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as DataOrigin;
}

/** Records {"kind":"own"} unless an origin is already recorded; returns the origin now in force. */
export async function markOwnData(db: Queryable): Promise<DataOrigin> {
  await db.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ($1::text, $2::jsonb, now()) ON CONFLICT (key) DO NOTHING`,
    [DATA_ORIGIN_KEY, JSON.stringify({ kind: 'own' })],
  );
  return (await readDataOrigin(db))!;
}
