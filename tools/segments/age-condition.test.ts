// The age condition around leap days and birthdays: every birth date from December 1999 to March
// 2004 against as-of dates on both sides of 29 February, checked against whole-year ages worked out
// in JavaScript (the year turns on the birthday; for a 29 February birthday, on 1 March).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { compileSegment } from './compile-segment.ts';

const AS_OF_DATES = ['2024-02-28', '2024-02-29', '2024-03-01', '2025-02-28', '2025-03-01', '2026-02-28', '2028-02-29', '2028-03-01'];
const FIRST_BIRTH = '1999-12-01';
const LAST_BIRTH = '2004-03-31';

/** Whole years from birth to the as-of day, counted as people do: the year turns on the birthday (29 Feb: on 1 Mar). */
function ageOn(asOf: string, birth: string): number {
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

function birthDates(): string[] {
  const dates: string[] = [];
  for (let day = new Date(`${FIRST_BIRTH}T00:00:00Z`); day <= new Date(`${LAST_BIRTH}T00:00:00Z`); day = new Date(day.getTime() + 86_400_000)) {
    dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await test.db.query(`INSERT INTO customers (id, birth_date) SELECT birth::text, birth FROM unnest($1::date[]) AS birth`, [birthDates()]);
});
afterAll(async () => {
  await test.dispose();
});

describe('age condition', () => {
  it('selects exactly the customers whose whole-year age is within the bounds, on and around 29 February', async () => {
    const mismatches: string[] = [];
    for (const asOf of AS_OF_DATES) {
      for (const [min, max] of [[20, 24], [21, 21], [22, 23], [24, 24], [undefined, 21], [23, undefined]] as const) {
        const compiled = compileSegment({ version: 1, root: { kind: 'age', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) } }, { asOf: new Date(`${asOf}T00:00:00Z`) });
        const { rows } = await test.db.query<{ customer_id: string }>(`${compiled.sql} ORDER BY c.id`, compiled.params);
        const expected = birthDates().filter((birth) => {
          const age = ageOn(asOf, birth);
          return (min === undefined || age >= min) && (max === undefined || age <= max);
        });
        if (JSON.stringify(rows.map((row) => row.customer_id)) !== JSON.stringify(expected)) mismatches.push(`as of ${asOf}, ${min ?? '-'}..${max ?? '-'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
