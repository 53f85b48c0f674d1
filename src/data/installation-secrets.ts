// Random secrets an installation keeps in its settings table: created on first use, then the same
// for every process on the database and across restarts (e.g. the key that signs public support
// conversation ids). Only their existence is shared; nothing here logs them.
import { randomBytes } from 'node:crypto';
import type { Queryable } from './database.ts';

export async function installationSecret(db: Queryable, name: string): Promise<string> {
  const key = `secret:${name}`;
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(randomBytes(32).toString('hex'))]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0]!.value;
}
