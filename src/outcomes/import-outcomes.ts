// Imports an outcomes CSV file: reads it, checks every row, and records them all in one
// transaction. Refreshing campaign memory afterwards is the caller's job (it needs the embedder).
import { readFile } from 'node:fs/promises';
import type { Database } from '../data/database.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { parseOutcomeCsv } from './outcome-csv.ts';
import { recordOutcomes, type RecordOutcomesOptions, type RecordedOutcome } from './record-outcomes.ts';

export async function readOutcomesFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CodedError(
      code === 'ENOENT' ? ErrorCode.NotFound : ErrorCode.InvalidInput,
      code === 'ENOENT' ? `no outcomes file at ${path}` : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
}

export async function importOutcomesFile(db: Database, path: string, options: RecordOutcomesOptions): Promise<RecordedOutcome[]> {
  const rows = parseOutcomeCsv(await readOutcomesFile(path));
  return recordOutcomes(db, rows, options);
}
