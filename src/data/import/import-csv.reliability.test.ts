// Fuzzing CSV imports (fast-check): order files whose rows mix good values with arbitrary text,
// numbers, dates in odd formats, quotes, commas and empty cells. Each import either succeeds or is
// rejected with INVALID_INPUT listing every bad row by its line; a rejected file writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../../errors.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { countRows, createCsvFiles, junkCell } from './csv-fuzzing.ts';
import { importCsv, ImportRejectedError } from './import-csv.ts';

const HEADER = ['order_id', 'customer_id', 'ordered_at', 'product_id', 'quantity', 'unit_price', 'status'];
let test: TestDatabase;
const files = createCsvFiles('import-fuzz');

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await test?.dispose();
  files.dispose();
});

const good = {
  order_id: fc.stringMatching(/^O[0-9]{1,6}$/),
  customer_id: fc.stringMatching(/^C[0-9]{1,4}$/),
  ordered_at: fc.date({ min: new Date('2024-01-01'), max: new Date('2026-11-01'), noInvalidDate: true }).map((date) => date.toISOString()),
  product_id: fc.stringMatching(/^P[0-9]{1,3}$/),
  quantity: fc.integer({ min: 1, max: 5 }).map(String),
  unit_price: fc.float({ min: 0, max: 500, noNaN: true }).map((price) => price.toFixed(2)),
  status: fc.constantFrom('completed', 'cancelled', 'returned'),
};
const row = fc.tuple(...HEADER.map((field) => fc.oneof({ weight: 4, arbitrary: good[field as keyof typeof good] }, { weight: 1, arbitrary: junkCell })));
const counts = () => countRows(test.db, ['orders', 'order_items', 'customers', 'products']);

describe('CSV imports under fuzzing', () => {
  it('either import or reject the file naming each bad line, writing nothing when rejected', async () => {
    let rejected = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const file = files.write('orders', HEADER, rows);
        const before = await counts();
        try {
          await importCsv(test.db, { kind: 'orders', file });
          imported += 1;
        } catch (error) {
          expect(error).toBeInstanceOf(CodedError);
          expect((error as CodedError).code).toBe('INVALID_INPUT');
          if (error instanceof ImportRejectedError) {
            expect(error.issues.length).toBeGreaterThan(0);
            for (const issue of error.issues) expect(issue.line).toBeGreaterThanOrEqual(2);
          }
          expect(await counts()).toEqual(before);
          rejected += 1;
        }
      }),
      { numRuns: 60, seed: 20261123 },
    );
    expect(imported).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });
});
