import { describe, expect, it } from 'vitest';
import { parsePlanJson } from './forecast-plan.ts';

const plan = {
  status: 'needs_approval',
  threadId: 't1',
  brief: null,
  segment: null,
  forecast: null,
  messages: [],
  schedule: null,
  guardrails: [],
  approval: null,
  campaignId: null,
  summary: '',
};

describe('parsePlanJson', () => {
  it('reads a plan as plan --json prints it', () => {
    expect(parsePlanJson(JSON.stringify(plan), 'plan.json')).toEqual(plan);
  });

  it('names the file and the field that is wrong', () => {
    expect(() => parsePlanJson('{"status":', 'plan.json')).toThrow(/^plan\.json is not JSON: /);
    expect(() => parsePlanJson(JSON.stringify({ ...plan, status: 'maybe', messages: [{ channel: 'fax' }] }), 'edited.json')).toThrow(
      /^edited\.json is not a valid plan: status: .*; messages\.0\.channel: /,
    );
  });
});
