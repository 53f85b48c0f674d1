import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Condition, SegmentDefinition } from '../../src/domain/segment.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { diffSegments } from './diff-segments.ts';
import { explainSegment } from './explain-segment.ts';
import { deleteSavedSegment, listSavedSegments, loadSavedSegment, saveSegment } from './saved-segments.ts';
import { segmentFromText } from './segment-from-text.ts';
import { AS_OF, insertSegmentTestData } from './segment-test-data.ts';

const definition = (root: Condition): SegmentDefinition => ({ version: 1, root });
const CHINA = definition({ kind: 'profile', field: 'country', values: ['CN'] }); // c01 c02 c04 c05 c08 c09
const SMS = definition({ kind: 'consent', channel: 'sms' }); // c01 c02 c05 c09
const WOMEN = definition({ kind: 'gender', values: ['female'] }); // c01 c02 c04 c07 c08 c10

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await insertSegmentTestData(test.db);
});
afterAll(async () => {
  await test.dispose();
});

describe('diffSegments', () => {
  it('counts overlap, only-A and only-B in one statement', async () => {
    expect(await diffSegments(test.db, CHINA, SMS, { asOf: AS_OF })).toEqual({ a: 6, b: 4, overlap: 4, onlyA: 2, onlyB: 0 });
    expect(await diffSegments(test.db, CHINA, WOMEN, { asOf: AS_OF })).toEqual({ a: 6, b: 6, overlap: 4, onlyA: 2, onlyB: 2 });
    const lapsed = definition({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 30 }, max: 0 });
    const recent = definition({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 30 }, min: 1 });
    expect(await diffSegments(test.db, lapsed, recent, { asOf: AS_OF })).toEqual({ a: 7, b: 5, overlap: 0, onlyA: 7, onlyB: 5 });
  });
});

describe('saved segments', () => {
  it('saves, replaces, lists, loads and deletes by exact name', async () => {
    const first = await saveSegment(test.db, { name: "vip's \"best\"", definition: CHINA, description: 'China', at: new Date('2026-11-01T00:00:00Z') });
    expect(first).toEqual({
      created: true,
      segment: { name: "vip's \"best\"", definition: CHINA, description: 'China', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' },
    });
    const replaced = await saveSegment(test.db, { name: "vip's \"best\"", definition: SMS, description: 'SMS', at: new Date('2026-11-02T00:00:00Z') });
    expect(replaced.created).toBe(false);
    expect(replaced.segment).toMatchObject({ definition: SMS, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-02T00:00:00.000Z' });
    await saveSegment(test.db, { name: 'women', definition: WOMEN, description: 'women' });
    expect((await listSavedSegments(test.db)).map((segment) => segment.name)).toEqual(['vip\'s "best"', 'women']);
    expect((await loadSavedSegment(test.db, 'women')).definition).toEqual(WOMEN);
    await expect(loadSavedSegment(test.db, 'Women')).rejects.toThrow(/no saved segment is named "Women"; saved segments: vip's "best", women/);
    expect(await deleteSavedSegment(test.db, 'women')).toBe(true);
    expect(await deleteSavedSegment(test.db, 'women')).toBe(false);
  });

  it('refuses unusable names and invalid definitions', async () => {
    await expect(saveSegment(test.db, { name: ' ', definition: CHINA, description: '' })).rejects.toThrow(/segment name is empty/);
    await expect(saveSegment(test.db, { name: ' padded', definition: CHINA, description: '' })).rejects.toThrow(/starts or ends with spaces/);
    await expect(saveSegment(test.db, { name: 'x'.repeat(101), definition: CHINA, description: '' })).rejects.toThrow(/at most 100/);
    await expect(saveSegment(test.db, { name: 'tab\tname', definition: CHINA, description: '' })).rejects.toThrow(/control character/);
    await expect(saveSegment(test.db, { name: 'bad', definition: definition({ kind: 'rfm' } as never), description: '' })).rejects.toThrow(/segment definition is invalid/);
  });
});

describe('segmentFromText and explainSegment', () => {
  it('reads plain language through the planner parser, keeping only audience assumptions', () => {
    const now = AS_OF;
    expect(segmentFromText('customers who bought in the last 30 days', { now })).toEqual({
      locale: 'en',
      definition: definition({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 30 }, min: 1 }),
      assumptions: [],
    });
    expect(segmentFromText('high-value customers', { now })).toEqual({
      locale: 'en',
      definition: definition({ kind: 'spend_rank', topShare: 0.2, window: { type: 'rolling', days: 365 } }),
      assumptions: ['high-value = top 20% by 12-month spend'],
    });
    expect(segmentFromText('高价值用户', { now }).assumptions).toEqual(['高价值 = 近12个月消费额前20%']);
  });

  it('explains a segment with the plan field names, reachable on all four channels', async () => {
    const explained = await explainSegment(test.db, CHINA, { asOf: AS_OF, locale: 'en', assumptions: ['x'], sampleSize: 1 });
    expect(explained).toEqual({
      definition: CHINA,
      description: 'customers in country CN',
      assumptions: ['x'],
      count: 6,
      reachable: { sms: 4, email: 1, push: 1, wecom: 1 },
      sample: [{ id: 'c01', name: 'Li W.', email: 'l***@example.com', phone: '+86 138****5678', city: 'Shanghai', age: 25 }],
      breakdown: explained.breakdown,
    });
    expect(explained.breakdown.byCity.reduce((sum, entry) => sum + entry.count, 0)).toBe(6);
  });
});
