import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import type { TestDatabase } from '../../testing/test-database.ts';
import { ColumnarRows, createInsertPipeline, insertColumns, unnestInsertSql } from './bulk-insert.ts';
import type { TableSpec } from './bulk-insert.ts';

const SAMPLE: TableSpec = {
  table: 'bulk_sample',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'n', type: 'integer' },
    { name: 'amount', type: 'numeric' },
    { name: 'flag', type: 'boolean' },
    { name: 'at', type: 'timestamptz' },
    { name: 'day', type: 'date' },
    { name: 'doc', type: 'jsonb' },
    { name: 'tags', type: 'text', select: "string_to_array(u.tags, ',')" },
  ],
};

describe('unnestInsertSql', () => {
  it('builds one INSERT ... SELECT FROM unnest with typed arrays', () => {
    expect(unnestInsertSql({ table: 't', columns: [{ name: 'a', type: 'text' }, { name: 'b', type: 'jsonb' }] })).toBe(
      'INSERT INTO t (a, b) SELECT u.a, u.b::jsonb FROM unnest($1::text[], $2::text[]) AS u(a, b)',
    );
  });

  it('refuses names that are not plain identifiers', () => {
    expect(() => unnestInsertSql({ table: 't; DROP TABLE x', columns: [] })).toThrow('not a plain SQL identifier');
  });
});

describe('bulk insert on the database', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await test.db.query(
      'CREATE TABLE bulk_sample (id text PRIMARY KEY, n integer, amount numeric(12, 2), flag boolean, at timestamptz, day date, doc jsonb, tags text[])',
    );
  });
  afterAll(async () => {
    await test.dispose();
  });

  it('round-trips awkward values in batches', async () => {
    const rows = new ColumnarRows(SAMPLE);
    rows.push(['quote "and" back\\slash', 1, 12.5, true, '2026-01-02T03:04:05.000Z', '1990-02-03', '{"a":"x\\"y"}', 'sms,email']);
    rows.push(['comma, {brace} 王芳', null, 0, false, '2026-01-02T03:04:05.000Z', null, '{}', 'push']);
    rows.push(['nulls', null, null, null, null, null, null, null]);
    for (let i = 0; i < 25; i++) rows.push([`r${i}`, i, i / 4, i % 2 === 0, '2026-05-01T00:00:00.000Z', '2000-01-01', `{"i":${i}}`, 'wecom']);
    expect(rows.length).toBe(28);
    expect(await insertColumns(test.db, SAMPLE, rows.take(), 10)).toBe(28);
    expect(rows.length).toBe(0);
    const { rows: stored } = await test.db.query(
      "SELECT id, n, amount, flag, at, to_char(day, 'YYYY-MM-DD') AS day, doc, tags FROM bulk_sample WHERE id NOT LIKE 'r%' ORDER BY id",
    );
    expect(stored).toEqual([
      { id: 'comma, {brace} 王芳', n: null, amount: 0, flag: false, at: new Date('2026-01-02T03:04:05.000Z'), day: null, doc: {}, tags: ['push'] },
      { id: 'nulls', n: null, amount: null, flag: null, at: null, day: null, doc: null, tags: null },
      {
        id: 'quote "and" back\\slash',
        n: 1,
        amount: 12.5,
        flag: true,
        at: new Date('2026-01-02T03:04:05.000Z'),
        day: '1990-02-03',
        doc: { a: 'x"y' },
        tags: ['sms', 'email'],
      },
    ]);
    expect((await test.db.query("SELECT count(*)::int AS n FROM bulk_sample WHERE id LIKE 'r%'")).rows[0]).toEqual({ n: 25 });
  });

  it('queues batches in order inside a transaction and reports the first failure', async () => {
    const failure = await test.db
      .transaction(async (tx) => {
        const pipeline = createInsertPipeline(tx, { batchSize: 2, maxInFlight: 2 });
        const rows = new ColumnarRows(SAMPLE);
        for (let i = 0; i < 5; i++) rows.push([`p${i}`, i, 1, true, null, null, '{}', null]);
        await pipeline.flush(rows);
        await pipeline.drain();
        expect(pipeline.written.get('bulk_sample')).toBe(5);
        rows.push(['p1', 0, 1, true, null, null, '{}', null]); // duplicate key
        rows.push(['p9', 0, 1, true, null, null, '{}', null]);
        await pipeline.flush(rows).catch(() => undefined);
        await pipeline.drain();
      })
      .catch((error: unknown) => error);
    expect(String(failure)).toMatch(/duplicate key/);
    expect((await test.db.query("SELECT count(*)::int AS n FROM bulk_sample WHERE id LIKE 'p%'")).rows[0]).toEqual({ n: 0 });
  });
});
