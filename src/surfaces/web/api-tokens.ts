// Who an API token stands for. Tokens come from API_TOKENS, or, when none are configured, from a
// local admin token created on the first start: only its SHA-256 hash is stored (settings key
// `api_tokens`), so the token itself is shown once and a restart neither shows nor changes it.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Role } from '../../agents/planner/approval-decision.ts';
import type { Database } from '../../data/database.ts';
import type { TokenGrant } from './server-settings.ts';

export interface Identity {
  name: string;
  role: Role;
}

export const SETTINGS_KEY = 'api_tokens';
export const LOCAL_ADMIN_NAME = 'local-admin';

const StoredTokens = z.object({
  tokens: z.array(z.object({ name: z.string(), role: Role, sha256: z.string().regex(/^[0-9a-f]{64}$/), createdAt: z.string() })),
});
type StoredTokens = z.infer<typeof StoredTokens>;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class TokenRegistry {
  readonly #byHash = new Map<string, Identity>();

  constructor(entries: ReadonlyArray<Identity & { sha256: string }>) {
    for (const { name, role, sha256 } of entries) this.#byHash.set(sha256, { name, role });
  }

  static fromGrants(grants: readonly TokenGrant[]): TokenRegistry {
    return new TokenRegistry(grants.map(({ name, role, token }) => ({ name, role, sha256: hashToken(token) })));
  }

  /** The identity behind a presented token, or null for an unknown one. */
  identify(token: string): Identity | null {
    return this.#byHash.get(hashToken(token)) ?? null;
  }

  get size(): number {
    return this.#byHash.size;
  }
}

export interface PreparedTokens {
  registry: TokenRegistry;
  source: 'environment' | 'stored' | 'generated';
  /** The new local admin token, present only on the start that created it. */
  newAdminToken: string | null;
}

export interface PrepareTokensOptions {
  /** Makes a new token (random by default). */
  generate?: () => string;
  now?: () => Date;
}

async function readStored(db: Database): Promise<StoredTokens | null> {
  const { rows } = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [SETTINGS_KEY]);
  if (rows.length === 0) return null;
  const parsed = StoredTokens.safeParse(rows[0]!.value);
  return parsed.success ? parsed.data : null;
}

/**
 * The tokens the server accepts: API_TOKENS when configured; otherwise the stored local admin
 * token, created (and returned once as `newAdminToken`) when there is none yet.
 */
export async function prepareApiTokens(
  db: Database,
  grants: readonly TokenGrant[] | null,
  { generate = () => randomBytes(24).toString('base64url'), now = () => new Date() }: PrepareTokensOptions = {},
): Promise<PreparedTokens> {
  if (grants) return { registry: TokenRegistry.fromGrants(grants), source: 'environment', newAdminToken: null };
  const stored = await readStored(db);
  if (stored && stored.tokens.length > 0) return { registry: new TokenRegistry(stored.tokens), source: 'stored', newAdminToken: null };
  const token = generate();
  const value: StoredTokens = { tokens: [{ name: LOCAL_ADMIN_NAME, role: 'admin', sha256: hashToken(token), createdAt: now().toISOString() }] };
  const inserted = await db.query(
    `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       WHERE CASE WHEN jsonb_typeof(settings.value -> 'tokens') = 'array' THEN jsonb_array_length(settings.value -> 'tokens') = 0 ELSE true END`,
    [SETTINGS_KEY, JSON.stringify(value)],
  );
  if (inserted.affectedRows === 0) {
    // Another server process created the token first: use its hash and show nothing.
    const winner = await readStored(db);
    return { registry: new TokenRegistry(winner?.tokens ?? []), source: 'stored', newAdminToken: null };
  }
  return { registry: new TokenRegistry(value.tokens), source: 'generated', newAdminToken: token };
}
