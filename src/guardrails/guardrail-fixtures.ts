// Sample guardrail inputs for the guardrail tests: a small, valid plan draft on the shipped policy
// that each test changes only where it matters.
import type { Brief } from '../domain/brief.ts';
import type { PlannedMessage, Schedule } from '../domain/plan.ts';
import type { Policy } from '../domain/policy.ts';
import type { GuardrailInput, PlanDraft } from './guardrail-input.ts';
import { loadPolicy } from './policy-file.ts';

const shippedPolicy = loadPolicy();

export function samplePolicy(changes: Partial<Policy> = {}): Policy {
  return { ...structuredClone(shippedPolicy), ...changes };
}

export function sampleBrief(changes: Partial<Brief> = {}): Brief {
  return {
    goal: 'Win back lapsed customers with 20% off by sms',
    objective: 'winback',
    channels: ['sms'],
    offer: { type: 'percent_off', percent: 20 },
    timing: { kind: 'at', localDateTime: '2025-11-11T10:00' },
    locale: 'en',
    category: null,
    budget: null,
    ...changes,
  };
}

export function sampleMessage(changes: Partial<PlannedMessage> = {}): PlannedMessage {
  return { channel: 'sms', variant: 'A', title: null, text: 'We miss you! 20% off everything this week.', ...changes };
}

export function sampleSchedule(changes: Partial<Schedule> = {}): Schedule {
  return {
    kind: 'at',
    summary: 'Send on 2025-11-11 10:00 in each recipient\'s local time',
    localDateTime: '2025-11-11T10:00',
    timeZoneHandling: 'recipient_local',
    quietHours: { start: '21:00', end: '08:00' },
    trigger: null,
    firstSendUtc: '2025-11-10T20:00:00.000Z',
    lastSendUtc: '2025-11-11T20:00:00.000Z',
    ...changes,
  };
}

export function sampleDraft(changes: Partial<PlanDraft> = {}): PlanDraft {
  return { brief: sampleBrief(), messages: [sampleMessage()], schedule: sampleSchedule(), ...changes };
}

export function sampleInput(changes: Partial<GuardrailInput> = {}): GuardrailInput {
  return {
    draft: sampleDraft(),
    audience: { count: 2000, reachable: { sms: 1234 }, minors: 0, overFrequencyCap: 0 },
    policy: samplePolicy(),
    referenceOrderValue: 200,
    segment: { version: 1, root: { kind: 'churn_risk', level: 'high' } },
    ...changes,
  };
}
