import { describe, expect, it } from 'vitest';
import type { Timing } from '../../domain/brief.ts';
import { sampleBrief, sampleDraft, sampleInput, samplePolicy, sampleSchedule } from '../guardrail-fixtures.ts';
import { triggerExitCondition } from './trigger-exit-condition.ts';

function triggerInput(timing: Timing, locale: 'en' | 'zh' = 'en', summary = '2 hours after adding to cart; quiet hours 21:00-08:00') {
  const trigger = timing.kind === 'trigger' ? { event: timing.event, delayMinutes: timing.delayMinutes, unlessEvent: timing.unlessEvent } : null;
  return sampleInput({
    draft: sampleDraft({
      brief: sampleBrief({ timing, locale }),
      schedule: sampleSchedule({ kind: timing.kind, localDateTime: null, trigger, summary, firstSendUtc: null, lastSendUtc: null }),
    }),
  });
}

const cart = (unlessEvent: 'purchase' | null): Timing => ({ kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent });

describe('trigger.exit_condition', () => {
  it('passes one-off sends and triggers with an exit condition', () => {
    const oneOff = sampleInput();
    expect(triggerExitCondition.check(oneOff)).toEqual({
      verdict: { rule: 'trigger.exit_condition', status: 'pass', detail: 'not a trigger campaign; no exit condition needed' },
      draft: oneOff.draft,
      exclusions: [],
    });
    expect(triggerExitCondition.check(triggerInput(cart('purchase'))).verdict.detail).toBe(
      'a pending send after adding to cart is cancelled by a purchase',
    );
    expect(triggerExitCondition.check(triggerInput(cart('purchase'), 'zh')).verdict.detail).toBe('加购后待发送的消息会在购买时取消');
  });

  it('sets the policy exit event on a trigger without one, in the brief, the schedule and its summary', () => {
    const input = triggerInput(cart(null));
    const outcome = triggerExitCondition.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'trigger.exit_condition',
      status: 'fixed',
      detail: 'the trigger on adding to cart had no exit condition; a purchase now cancels a pending send',
    });
    expect(outcome.draft).toEqual({
      ...input.draft,
      brief: { ...input.draft.brief, timing: cart('purchase') },
      schedule: {
        ...input.draft.schedule,
        trigger: { event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' },
        summary: '2 hours after adding to cart; quiet hours 21:00-08:00 (cancelled if a purchase happens first)',
      },
    });
  });

  it('says so in Chinese', () => {
    const outcome = triggerExitCondition.check(triggerInput({ kind: 'trigger', event: 'purchase', delayMinutes: 4320, unlessEvent: null }, 'zh', '购买后3天发送'));
    expect(outcome.verdict.detail).toBe('购买触发的活动没有退出条件；已设为购买后取消待发送的消息');
    expect(outcome.draft.schedule.summary).toBe('购买后3天发送（若期间已购买则取消）');
  });

  it('blocks a trigger the policy names no exit event for', () => {
    const input = triggerInput(cart(null));
    input.policy = { ...samplePolicy(), triggers: { exitEvents: {} } };
    expect(triggerExitCondition.check(input)).toEqual({
      verdict: {
        rule: 'trigger.exit_condition',
        status: 'blocked',
        detail: 'the trigger on adding to cart has no exit condition, and the policy names none for it (triggers.exitEvents.add_to_cart)',
      },
      draft: input.draft,
      exclusions: [],
    });
  });
});
