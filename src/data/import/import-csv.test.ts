import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { parseMapOption, resolveColumnMapping } from './column-mapping.ts';
import { readDataOrigin } from './data-origin.ts';
import { importCsv, ImportRejectedError } from './import-csv.ts';

let test: TestDatabase;
let dir: string;
let fileCount = 0;
beforeAll(async () => {
  test = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'campaign-agent-import-'));
});
afterAll(async () => {
  await test.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function csv(lines: string[], lineEnd = '\r\n'): string {
  const file = join(dir, `file-${++fileCount}.csv`);
  writeFileSync(file, `${lines.join(lineEnd)}${lineEnd}`);
  return file;
}

async function rows<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await test.db.query<T>(sql, params)).rows;
}

describe('column mapping', () => {
  it('recognises common header names and takes --map overrides', () => {
    const headers = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    expect(resolveColumnMapping('orders', headers).fields).toEqual({
      order_id: 0, product_id: 1, product_name: 2, quantity: 3, ordered_at: 4, unit_price: 5, customer_id: 6, country: 7,
    });
    const mapped = resolveColumnMapping('customers', ['Kunde', 'E-Mail', 'Tier'], parseMapOption(['customer_id=Kunde']));
    expect(mapped.fields).toEqual({ customer_id: 0, email: 1 });
    expect(mapped.extra).toEqual([{ name: 'Tier', index: 2 }]);
    expect(resolveColumnMapping('customers', ['id', 'email'], parseMapOption(['email='])).fields).toEqual({ customer_id: 0 });
  });

  it('names what is wrong with a mapping', () => {
    expect(() => resolveColumnMapping('orders', ['a', 'b'])).toThrow(/orders: no column found for order_id, customer_id, ordered_at; name it with --map order_id=<column> \(the file's columns are "a", "b"\)/);
    expect(() => resolveColumnMapping('orders', ['a'], parseMapOption(['order_id=nope']))).toThrow(/--map order_id=nope: the file has no column "nope"/);
    expect(() => resolveColumnMapping('events', ['a'], parseMapOption(['colour=a']))).toThrow(/events have no field "colour"; fields: customer_id, type/);
    expect(() => parseMapOption(['customer_id'])).toThrow(/write target=source/);
  });
});

describe('importCsv: customers', () => {
  const file = () =>
    csv([
      'id,first_name,email,gender,birthday,city,locale,time_zone,tier,points',
      'u1,Ann,ann@example.com,F,25/12/1990,London,en-GB,Europe/London,gold,120',
      'u2,"O\'Brien ""x""",,male,01/02/1985,,zh,,silver,',
      "u3,'; DROP TABLE customers; --,,,,Paris,,,,",
    ]);

  it('imports profiles, keeps other columns as attributes, detects day-first dates', async () => {
    const report = await importCsv(test.db, { kind: 'customers', file: file() });
    expect(report).toMatchObject({
      rows: 3,
      imported: 3,
      skipped: [],
      mapping: { customer_id: 'id', first_name: 'first_name', email: 'email', gender: 'gender', birth_date: 'birthday', city: 'city', locale: 'locale', time_zone: 'time_zone' },
      extraColumns: ['tier', 'points'],
      dateFormats: { birth_date: 'dmy' },
      written: { customersCreated: 3, customersUpdated: 0 },
      dataOrigin: { kind: 'own' },
    });
    expect(await rows('SELECT id, first_name, gender, birth_date::text AS birth, city, locale, time_zone, attributes FROM customers ORDER BY id')).toEqual([
      { id: 'u1', first_name: 'Ann', gender: 'female', birth: '1990-12-25', city: 'London', locale: 'en', time_zone: 'Europe/London', attributes: { tier: 'gold', points: '120' } },
      { id: 'u2', first_name: 'O\'Brien "x"', gender: 'male', birth: '1985-02-01', city: null, locale: 'zh', time_zone: 'UTC', attributes: { tier: 'silver' } },
      { id: 'u3', first_name: "'; DROP TABLE customers; --", gender: 'unknown', birth: null, city: 'Paris', locale: 'en', time_zone: 'UTC', attributes: {} },
    ]);
    expect(await readDataOrigin(test.db)).toEqual({ kind: 'own' });
  });

  it('re-importing updates in place, merges attributes, never duplicates; the last row for an id wins', async () => {
    const again = await importCsv(test.db, { kind: 'customers', file: csv(['id,city,vip', 'u1,Leeds,yes', 'u1,York,no']) });
    expect(again.written).toMatchObject({ customersCreated: 0, customersUpdated: 1 });
    expect(await rows("SELECT city, first_name, attributes FROM customers WHERE id = 'u1'")).toEqual([
      { city: 'York', first_name: 'Ann', attributes: { tier: 'gold', points: '120', vip: 'no' } },
    ]);
    expect(await rows('SELECT count(*)::int AS n FROM customers')).toEqual([{ n: 3 }]);
  });

  it('rejects the whole file on a bad row, listing every bad row with line and column', async () => {
    const bad = csv(['id,gender,birth_date,time_zone', 'n1,female,1990-01-01,UTC', 'n2,robot,1990-01-01,UTC', 'n3,male,1990-02-30,Mars/Olympus', 'n4,male', ',male,1990-01-01,UTC']);
    const error = await importCsv(test.db, { kind: 'customers', file: bad }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).issues).toEqual([
      { line: 3, column: 'gender', message: '"robot" is not a gender (female/F, male/M, unknown)' },
      { line: 4, column: 'birth_date', message: '"1990-02-30" is not a date in the format ISO (YYYY-MM-DD[THH:mm[:ss]][Z]) (set another with --date-format)' },
      { line: 5, column: null, message: 'has 2 fields where the header has 4' },
      { line: 6, column: 'id', message: 'is empty' },
    ]);
    expect((error as Error).message).toMatch(/^.*file-\d+\.csv: 4 bad rows, nothing was imported: line 3, column gender: "robot" is not a gender/);
    expect(await rows("SELECT id FROM customers WHERE id LIKE 'n%'")).toEqual([]);
    const skipped = await importCsv(test.db, { kind: 'customers', file: bad, skipBadRows: true });
    expect(skipped).toMatchObject({ rows: 5, imported: 1 });
    expect(skipped.skipped.map((issue) => issue.line)).toEqual([3, 4, 5, 6]);
    expect(await rows("SELECT id FROM customers WHERE id LIKE 'n%'")).toEqual([{ id: 'n1' }]);
  });
});

describe('importCsv: orders', () => {
  it('imports whole orders (no product column) and reports duplicate order ids', async () => {
    const file = csv(['order_id;customer_id;order_date;total;discount;status', 'w1;u1;2024-03-01T10:00:00+01:00;99.50;10;paid', 'w2;new-9;2024-03-02;20;;refunded', 'w1;u1;2024-03-03;5;;paid']);
    await expect(importCsv(test.db, { kind: 'orders', file })).rejects.toThrow(/line 4, column order_id: order "w1" is already on line 2/);
    const report = await importCsv(test.db, { kind: 'orders', file, skipBadRows: true, currency: 'EUR' });
    expect(report.written).toMatchObject({ ordersCreated: 2, customersCreated: 1, orderLines: 0 });
    expect(await rows("SELECT id, customer_id, ordered_at, status, total, discount, currency FROM orders WHERE id LIKE 'w%' ORDER BY id")).toEqual([
      { id: 'w1', customer_id: 'u1', ordered_at: new Date('2024-03-01T09:00:00Z'), status: 'completed', total: 99.5, discount: 10, currency: 'EUR' },
      { id: 'w2', customer_id: 'new-9', ordered_at: new Date('2024-03-02T00:00:00Z'), status: 'returned', total: 20, discount: 0, currency: 'EUR' },
    ]);
  });

  it('groups line items in batches, keeps line numbers on re-import and drops lines a file no longer has', async () => {
    const lines = (count: number) => [
      'order,customer,date,sku,name,qty,price',
      ...Array.from({ length: count }, (_, index) => `L1,u2,2024-05-01 09:00,P${index % 3},Item ${index % 3},${index + 1},1.50`),
      'L2,u2,2024-05-02 09:00,P0,,2,1.50',
    ];
    const first = await importCsv(test.db, { kind: 'orders', file: csv(lines(12)), batchSize: 5 });
    expect(first.written).toMatchObject({ ordersCreated: 2, orderLines: 13, productsCreated: 3 });
    expect(await rows("SELECT id, name, category, price FROM products WHERE id LIKE 'P%' ORDER BY id")).toEqual([
      { id: 'P0', name: 'Item 0', category: 'uncategorised', price: 1.5 },
      { id: 'P1', name: 'Item 1', category: 'uncategorised', price: 1.5 },
      { id: 'P2', name: 'Item 2', category: 'uncategorised', price: 1.5 },
    ]);
    expect(await rows("SELECT total FROM orders WHERE id = 'L1'")).toEqual([{ total: 117 }]); // (1 + ... + 12) × 1.5
    const second = await importCsv(test.db, { kind: 'orders', file: csv(lines(4)), batchSize: 5 });
    expect(second.written).toMatchObject({ ordersCreated: 0, ordersUpdated: 2, orderLines: 5 });
    expect(await rows("SELECT line_no, product_id, quantity FROM order_items WHERE order_id = 'L1' ORDER BY line_no")).toEqual([
      { line_no: 1, product_id: 'P0', quantity: 1 },
      { line_no: 2, product_id: 'P1', quantity: 2 },
      { line_no: 3, product_id: 'P2', quantity: 3 },
      { line_no: 4, product_id: 'P0', quantity: 4 },
    ]);
  });

  it('refuses an order whose lines name two customers', async () => {
    const file = csv(['InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID', 'X1,P0,1,2024-01-01,1,u1', 'X1,P0,1,2024-01-01,1,u2']);
    await expect(importCsv(test.db, { kind: 'orders', file })).rejects.toThrow(/line 3, column customer_id: order "X1" belongs to customer "u1" \(line 2\), not "u2"/);
  });
});

describe('importCsv: events', () => {
  it('reads a RetailRocket-style file (epoch milliseconds, visitorid, event names) and never stores an event twice', async () => {
    const file = csv([
      'timestamp,visitorid,event,itemid,transactionid',
      '1433221332117,257597,view,355908,',
      '1433224214164,992329,addtocart,248676,',
      '1433224214164,992329,addtocart,248676,',
      '1433221955914,992329,transaction,5206,4000',
      '1433221955914,992329,wink,5206,',
    ]);
    const report = await importCsv(test.db, { kind: 'events', file, skipBadRows: true });
    expect(report).toMatchObject({
      mapping: { customer_id: 'visitorid', type: 'event', occurred_at: 'timestamp', product_id: 'itemid' },
      extraColumns: ['transactionid'],
      dateFormats: { occurred_at: 'epoch_ms' },
      written: { eventsCreated: 3, eventsAlreadyPresent: 1, customersCreated: 2 },
      skipped: [{ line: 6, column: 'event', message: '"wink" is not an event type (view, add_to_cart, purchase, login, open, click, unsubscribe)' }],
    });
    const again = await importCsv(test.db, { kind: 'events', file, skipBadRows: true });
    expect(again.written).toMatchObject({ eventsCreated: 0, eventsAlreadyPresent: 4 });
    expect(await rows("SELECT type, occurred_at, product_id, properties FROM events WHERE customer_id = '992329' ORDER BY occurred_at")).toEqual([
      { type: 'purchase', occurred_at: new Date(1433221955914), product_id: '5206', properties: { transactionid: '4000' } },
      { type: 'add_to_cart', occurred_at: new Date(1433224214164), product_id: '248676', properties: {} },
    ]);
  });

  it('counts lines as an editor does: quoted fields spanning lines, CRLF or LF, blank lines', async () => {
    const lines = ['customer_id,type,occurred_at,note', 'e1,login,2024-01-01T00:00:00Z,"two', 'lines"', '', 'e1,login,yesterday,x'];
    for (const lineEnd of ['\r\n', '\n']) {
      await expect(importCsv(test.db, { kind: 'events', file: csv(lines, lineEnd) })).rejects.toThrow(/line 5, column occurred_at: "yesterday" is not a date-time/);
    }
  });

  it('asks for --date-format when month/day and day/month both fit every date, and uses the one given', async () => {
    const file = csv(['customer_id,type,occurred_at', 'e2,login,3/4/2011 10:00', 'e2,login,5/6/2011 11:00']);
    await expect(importCsv(test.db, { kind: 'events', file })).rejects.toThrow(/occurred_at: every date in the file could be month\/day or day\/month .*--date-format/);
    const report = await importCsv(test.db, { kind: 'events', file, dateFormat: 'dmy', timeZone: 'Europe/London' });
    expect(report.dateFormats).toEqual({ occurred_at: 'dmy' });
    expect(await rows("SELECT occurred_at FROM events WHERE customer_id = 'e2' ORDER BY occurred_at")).toEqual([
      { occurred_at: new Date('2011-04-03T09:00:00Z') },
      { occurred_at: new Date('2011-06-05T10:00:00Z') },
    ]);
  });
});
