// From plan to outcome and back: a planned, approved campaign is forecast again from its JSON,
// its outcome is imported, compared with the forecast, and recalled by the next forecast.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCampaignMemory } from '../app/sync-campaign-memory.ts';
import { Forecast, type Plan } from '../domain/plan.ts';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { memoryEnabledInTests } from '../testing/test-database.ts';
import { EMPTY_SEGMENT_MESSAGE, forecastPlan } from '../../tools/forecast/forecast-plan.ts';
import { forecastVersusActual } from './forecast-versus-actual.ts';
import { importOutcomesFile } from './import-outcomes.ts';

const NOW = new Date('2026-11-23T08:00:00Z');
const GOAL = "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am";

let test: TestApp;
let scheduled: Plan;
let directory: string;
beforeAll(async () => {
  test = await openTestApp({ now: () => NOW, seedCustomers: 800 });
  directory = mkdtempSync(join(tmpdir(), 'campaign-agent-outcomes-'));
  const thread = randomUUID();
  await test.app.planner.send(thread, GOAL, { by: 'alice', role: 'admin' });
  scheduled = await test.app.planner.decide(thread, { decision: 'approve', by: 'olga', role: 'approver', comment: null });
});
afterAll(async () => {
  await test?.dispose();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const context = () => ({ db: test.app.db, policy: test.app.policy, embedder: test.app.models.embedder, asOf: NOW });

describe('outcomes from plan to forecast', () => {
  it('plans with a complete forecast: reach steps, funnel, holdout and drivers', () => {
    expect(scheduled.status).toBe('scheduled');
    const forecast = Forecast.parse(scheduled.forecast);
    expect(forecast.reachSteps!.segment).toBe(scheduled.segment!.count);
    expect(forecast.reachSteps!.consented).toBeLessThanOrEqual(forecast.reachSteps!.segment);
    expect(forecast.reachSteps!.recipients).toBeLessThanOrEqual(forecast.reachSteps!.consented);
    expect(forecast.reachSteps!.delayedByQuietHours).toBe(0); // 10:00 local is outside quiet hours everywhere
    expect(forecast.funnel!.map((step) => [step.channel, step.opened, step.clicked === null])).toEqual([['sms', null, false]]);
    expect(forecast.drivers!.map((driver) => driver.factor)).toEqual(['channel', 'objective', 'offer', 'evidence', 'segment', 'season']);
    // A small demo audience cannot measure its lift; the forecast says so instead of pretending.
    expect(forecast.holdout).toMatchObject({ measurable: false });
    expect(forecast.holdout!.statement).toMatch(/^The audience of \d+ is too small to measure a lift of/);
  });

  it('forecasts the plan again from its JSON, edited or not, and refuses an empty segment', async () => {
    const stored = JSON.parse(JSON.stringify(scheduled)) as Plan;
    const again = await forecastPlan(context(), stored);
    expect(again.segment.count).toBe(scheduled.segment!.count);
    expect(again.forecast.reachSteps!.segment).toBe(scheduled.segment!.count);
    const edited = await forecastPlan(context(), { ...stored, brief: { ...stored.brief!, channels: ['email'] } });
    expect(edited.forecast.funnel!.map((step) => step.channel)).toEqual(['email']);
    const nobody = { ...stored, segment: { ...stored.segment!, definition: { version: 1 as const, root: { kind: 'age' as const, min: 125 } } } };
    await expect(forecastPlan(context(), nobody)).rejects.toThrow(EMPTY_SEGMENT_MESSAGE);
    await expect(forecastPlan(context(), { ...stored, brief: null })).rejects.toThrow(/^brief: /);
  });

  it('imports the outcome, completes the campaign and compares it with the forecast', async () => {
    const id = scheduled.campaignId!;
    const sent = scheduled.forecast!.reachSteps!.recipients;
    const converted = scheduled.forecast!.conversions.p90;
    const file = join(directory, 'outcomes.csv');
    writeFileSync(file, `campaign_id,sent,delivered,converted,revenue,holdout_size,holdout_converted\n${id},${sent},${Math.round(sent * 0.97)},${converted},${converted * 300},0,0\n`);
    const [recorded] = await importOutcomesFile(test.app.db, file, { actor: 'olga', now: NOW });
    expect(recorded).toMatchObject({ campaignId: id, status: 'completed', replaced: false });
    const result = await forecastVersusActual(test.app.db, id);
    expect(result).toMatchObject({ campaignId: id, status: 'completed', scale: { planned: sent, actual: sent, factor: 1, basis: 'sent' } });
    const conversions = result.comparisons.find((comparison) => comparison.metric === 'conversions')!;
    expect(conversions).toMatchObject({ actual: converted, inside80: true, forecast: scheduled.forecast!.conversions });
    expect(result.comparisons.map((comparison) => comparison.metric)).toEqual(['conversions', 'conversionRate', 'revenue']);
    expect(result.notes).toEqual(['No holdout was kept, so incremental conversions cannot be measured.']);
    await expect(forecastVersusActual(test.app.db, 'cmp_missing')).rejects.toThrow('there is no campaign cmp_missing');
  });

  it.runIf(memoryEnabledInTests)('lets the next forecast recall the finished campaign', async () => {
    expect(await syncCampaignMemory(test.app.db, test.app.models.embedder)).toBeGreaterThanOrEqual(1);
    const next = await forecastPlan(context(), JSON.parse(JSON.stringify(scheduled)) as Plan);
    expect(next.forecast.pastCampaigns.map((campaign) => campaign.id)).toContain(scheduled.campaignId);
  });
});
