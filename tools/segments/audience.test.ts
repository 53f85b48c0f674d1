import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Condition, SegmentDefinition } from '../../src/domain/segment.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { queryAudienceFacts, selectRecipients, type AudienceFactsQuery } from './audience-facts.ts';
import { previewSegment } from './preview-segment.ts';
import { AS_OF, insertSegmentTestData, SEND_AT } from './segment-test-data.ts';

const definition = (root: Condition): SegmentDefinition => ({ version: 1, root });
const CHINA = definition({ kind: 'profile', field: 'country', values: ['CN'] }); // c01 c02 c04 c05 c08 c09
const EVERYONE = definition({ kind: 'gender', values: ['female', 'male', 'unknown'] });
const facts = (overrides: Partial<AudienceFactsQuery> = {}): AudienceFactsQuery => ({
  definition: CHINA,
  asOf: AS_OF,
  channels: ['sms', 'email'],
  minimumAge: 18,
  frequencyCap: { maxMessages: 2, windowDays: 7 },
  sendAt: SEND_AT,
  ...overrides,
});

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await insertSegmentTestData(test.db);
});
afterAll(async () => {
  await test.dispose();
});

describe('previewSegment', () => {
  it('counts, reaches per channel after consent and suppressions, samples masked rows and breaks down', async () => {
    const preview = await previewSegment(test.db, CHINA, { asOf: AS_OF, channels: ['sms', 'email', 'wecom', 'push'], sampleSize: 3 });
    expect(preview).toEqual({
      count: 6,
      // sms: c04 is suppressed on sms; email: c02 withdrew consent.
      reachable: { sms: 4, email: 1, wecom: 1, push: 1 },
      sample: [
        { id: 'c01', name: 'Li W.', email: 'l***@example.com', phone: '+86 138****5678', city: 'Shanghai', age: 25 },
        { id: 'c02', name: 'Mei C.', email: 'm***@example.cn', phone: null, city: 'Beijing', age: 24 },
        { id: 'c04', name: 'Anna I.', email: null, phone: '139****1111', city: 'Shanghai', age: 30 },
      ],
      breakdown: {
        byCity: [
          { key: 'Beijing', count: 2 },
          { key: 'Shanghai', count: 2 },
          { key: 'Hangzhou', count: 1 },
          { key: 'Shenzhen', count: 1 },
        ],
        byAgeBand: [
          { key: 'under 18', count: 2 },
          { key: '18-24', count: 1 },
          { key: '25-34', count: 2 },
          { key: '45-54', count: 1 },
        ],
      },
    });
  });

  it('defaults to five sample rows, masks hostile and Chinese names, counts unknown city and age', async () => {
    const preview = await previewSegment(test.db, EVERYONE, { asOf: AS_OF, channels: ['email'] });
    expect(preview.count).toBe(12);
    expect(preview.reachable).toEqual({ email: 3 }); // c01, c03, c10: c02 withdrew, c07 and c12 are suppressed
    expect(preview.sample.map((row) => row.name)).toEqual(['Li W.', 'Mei C.', 'John S.', 'Anna I.', '王*']);
    expect(preview.breakdown.byCity.find((entry) => entry.key === 'unknown')).toEqual({ key: 'unknown', count: 1 });
    expect(preview.breakdown.byAgeBand.at(-1)).toEqual({ key: 'unknown', count: 1 });
    expect(preview.breakdown.byAgeBand.reduce((sum, entry) => sum + entry.count, 0)).toBe(12);
    const all = await previewSegment(test.db, EVERYONE, { asOf: AS_OF, channels: ['email'], sampleSize: 12 });
    expect(all.sample.find((row) => row.id === 'c11')).toEqual({
      id: 'c11',
      name: "Robert'); DROP TABLE customers;-- O.",
      email: 'o***@example.ie',
      phone: null,
      city: 'O\'Brien "town" \\',
      age: 56,
    });
    expect(all.sample.find((row) => row.id === 'c06')).toEqual({ id: 'c06', name: '', email: null, phone: null, city: null, age: null });
  });

  it('asks for at least one channel', async () => {
    await expect(previewSegment(test.db, CHINA, { asOf: AS_OF, channels: [] })).rejects.toThrow(/channels: name at least one channel/);
  });
});

describe('queryAudienceFacts', () => {
  it('reports size, reach, minors, frequency cap, order values, recent buyers and time zones', async () => {
    const result = await queryAudienceFacts(test.db, facts());
    // Completed orders of the members in the last 365 days: c01 100 + 300, c02 200, c04 400, c05 80, c09 300 + 700.
    const values = [100, 300, 200, 400, 80, 300, 700];
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const stdDev = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
    expect(result).toEqual({
      count: 6,
      reachable: { sms: 4, email: 1 },
      minors: 2, // c05 (16) and c08 (17 today)
      overFrequencyCap: 2, // c01 (queued + sent in the window) and c09 (one at the window's open end does not count, one at the send does)
      averageOrderValue: expect.closeTo(mean, 9),
      orderValueStdDev: expect.closeTo(stdDev, 9),
      purchasedLast30Days: 3, // c01, c02 (one second inside), c09
      timeZones: [
        { timeZone: 'Asia/Shanghai', customers: 5 },
        { timeZone: 'Asia/Tokyo', customers: 1 },
      ],
      countries: ['CN'],
    });
  });

  it('counts only queued and sent messages inside (sendAt - windowDays, sendAt] towards the cap', async () => {
    const overCap = async (maxMessages: number) =>
      (await queryAudienceFacts(test.db, facts({ definition: EVERYONE, frequencyCap: { maxMessages, windowDays: 7 } }))).overFrequencyCap;
    // c03's failed and cancelled sends and c10's sends after sendAt do not count; c02's send 8 days before does not either.
    expect(await overCap(1)).toBe(4); // c01, c02, c03, c09
    expect(await overCap(2)).toBe(2); // c01, c09
    expect(await overCap(3)).toBe(0);
  });

  it('reports no order values for a segment without orders, and minors by the policy age', async () => {
    const result = await queryAudienceFacts(test.db, facts({ definition: definition({ kind: 'profile', field: 'city', values: ['Hangzhou'] }), minimumAge: 17 }));
    expect(result).toMatchObject({ count: 1, minors: 0, averageOrderValue: null, orderValueStdDev: null, purchasedLast30Days: 0 });
  });
});

describe('selectRecipients', () => {
  const recipients = async (channels: AudienceFactsQuery['channels'], exclude = { minors: false, overFrequencyCap: false }, base = CHINA) =>
    selectRecipients(test.db, { ...facts({ definition: base, channels }), exclude });

  it('picks the first planned channel each customer can be reached on, in plan order', async () => {
    expect(await recipients(['email', 'sms'])).toEqual([
      { customerId: 'c01', channel: 'email', timeZone: 'Asia/Shanghai', country: 'CN' },
      { customerId: 'c02', channel: 'sms', timeZone: 'Asia/Shanghai', country: 'CN' }, // withdrew e-mail consent
      { customerId: 'c05', channel: 'sms', timeZone: 'Asia/Shanghai', country: 'CN' },
      { customerId: 'c09', channel: 'sms', timeZone: 'Asia/Shanghai', country: 'CN' },
    ]); // c04 is suppressed on sms, c08 only reachable on wecom
    expect((await recipients(['sms', 'email'])).find((recipient) => recipient.customerId === 'c01')?.channel).toBe('sms');
    expect(await recipients(['wecom', 'push'], undefined, EVERYONE)).toEqual([
      { customerId: 'c06', channel: 'push', timeZone: 'UTC', country: null },
      { customerId: 'c08', channel: 'wecom', timeZone: 'Asia/Shanghai', country: 'CN' },
      { customerId: 'c09', channel: 'push', timeZone: 'Asia/Shanghai', country: 'CN' },
      { customerId: 'c12', channel: 'wecom', timeZone: 'Europe/Berlin', country: 'DE' },
    ]);
  });

  it('leaves out minors and customers at the frequency cap when asked to', async () => {
    const ids = async (exclude: { minors: boolean; overFrequencyCap: boolean }) => (await recipients(['email', 'sms'], exclude)).map((r) => r.customerId);
    expect(await ids({ minors: true, overFrequencyCap: false })).toEqual(['c01', 'c02', 'c09']);
    expect(await ids({ minors: false, overFrequencyCap: true })).toEqual(['c02', 'c05']);
    expect(await ids({ minors: true, overFrequencyCap: true })).toEqual(['c02']);
  });
});
