// Named segments: a definition saved under a name (with its description) so the marketer can reuse
// it later by name. Names are compared exactly; saving an existing name replaces its definition.
import type { Queryable } from '../../src/data/database.ts';
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { validateSegmentDefinition } from './compile-segment.ts';

export interface SavedSegment {
  name: string;
  definition: SegmentDefinition;
  description: string;
  createdAt: string;
  updatedAt: string;
}

const MAX_NAME_LENGTH = 100;

/** A usable segment name: 1-100 characters, no control characters, no surrounding spaces. */
export function checkSegmentName(name: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw new CodedError(ErrorCode.InvalidInput, 'segment name is empty: give a name such as "lapsed-vips"');
  if (name !== name.trim()) throw new CodedError(ErrorCode.InvalidInput, `segment name ${JSON.stringify(name)} starts or ends with spaces`);
  if (name.length > MAX_NAME_LENGTH) throw new CodedError(ErrorCode.InvalidInput, `segment name is too long: ${name.length} characters, at most ${MAX_NAME_LENGTH}`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new CodedError(ErrorCode.InvalidInput, `segment name ${JSON.stringify(name)} contains a control character`);
  return name;
}

type SavedRow = {
  name: string;
  definition: unknown;
  description: string;
  created_at: Date | string;
  updated_at: Date | string;
};

function fromRow(row: SavedRow): SavedSegment {
  const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());
  const definition = typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition;
  return { name: row.name, definition: validateSegmentDefinition(definition), description: row.description, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

export interface SaveSegmentInput {
  name: string;
  definition: SegmentDefinition;
  description: string;
  /** When the save happens; default now. */
  at?: Date;
}

/** Saves (or replaces) a named segment; `created` says whether the name was new. */
export async function saveSegment(db: Queryable, input: SaveSegmentInput): Promise<{ segment: SavedSegment; created: boolean }> {
  const name = checkSegmentName(input.name);
  const definition = validateSegmentDefinition(input.definition);
  const at = (input.at ?? new Date()).toISOString();
  const { rows } = await db.query<SavedRow & { created: boolean }>(
    `INSERT INTO saved_segments (name, definition, description, created_at, updated_at) VALUES ($1::text, $2::jsonb, $3::text, $4::timestamptz, $4::timestamptz)
     ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, description = EXCLUDED.description, updated_at = EXCLUDED.updated_at
     RETURNING name, definition, description, created_at, updated_at, (xmax = 0) AS created`,
    [name, JSON.stringify(definition), input.description, at],
  );
  const row = rows[0]!;
  return { segment: fromRow(row), created: Boolean(row.created) };
}

/** The saved segment of that name; NOT_FOUND names the saved ones. */
export async function loadSavedSegment(db: Queryable, name: string): Promise<SavedSegment> {
  const { rows } = await db.query<SavedRow>('SELECT name, definition, description, created_at, updated_at FROM saved_segments WHERE name = $1::text', [name]);
  if (rows[0]) return fromRow(rows[0]);
  const names = (await listSavedSegments(db)).map((segment) => segment.name);
  const known = names.length > 0 ? `saved segments: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}` : 'no segment is saved yet (save one with --save NAME)';
  throw new CodedError(ErrorCode.NotFound, `no saved segment is named ${JSON.stringify(name)}; ${known}`);
}

export async function listSavedSegments(db: Queryable): Promise<SavedSegment[]> {
  const { rows } = await db.query<SavedRow>('SELECT name, definition, description, created_at, updated_at FROM saved_segments ORDER BY name');
  return rows.map(fromRow);
}

export async function deleteSavedSegment(db: Queryable, name: string): Promise<boolean> {
  const { affectedRows } = await db.query('DELETE FROM saved_segments WHERE name = $1::text', [name]);
  return affectedRows > 0;
}
