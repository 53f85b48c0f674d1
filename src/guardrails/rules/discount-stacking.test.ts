import { describe, expect, it } from 'vitest';
import type { Offer } from '../../domain/brief.ts';
import type { PlannedMessage } from '../../domain/plan.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import { discountStacking } from './discount-stacking.ts';

function inputFor(offer: Offer | null, messages: PlannedMessage[], locale: 'en' | 'zh' = 'en', allowStacking = false) {
  const policy = samplePolicy();
  return sampleInput({
    policy: { ...policy, discount: { ...policy.discount, allowStacking } },
    draft: sampleDraft({ brief: sampleBrief({ offer, locale }), messages }),
  });
}

const percent20: Offer = { type: 'percent_off', percent: 20 };

describe('discount.stacking', () => {
  it('passes copy with one offer, however often it is repeated', () => {
    const input = inputFor(percent20, [
      sampleMessage({ text: '[Lumen] 20% off this week. Use code {{coupon_code}}. Reply STOP to opt out' }),
      sampleMessage({ variant: 'B', text: '【乐萌】全场8折，8折优惠限时有效。回T退订' }),
    ]);
    expect(discountStacking.check(input)).toEqual({
      verdict: { rule: 'discount.stacking', status: 'pass', detail: 'each message advertises at most one offer' },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('passes anything when the policy allows stacking', () => {
    const input = inputFor(percent20, [sampleMessage({ text: '20% off plus free shipping' })], 'en', true);
    expect(discountStacking.check(input).verdict).toEqual({
      rule: 'discount.stacking',
      status: 'pass',
      detail: 'the policy allows stacking offers',
    });
  });

  it('keeps the planned offer and removes an extra one from English copy', () => {
    const input = inputFor(percent20, [
      sampleMessage({ text: 'We miss you! Take 20% off, plus an extra ¥20 coupon. Reply STOP to opt out' }),
      sampleMessage({ channel: 'push', variant: 'A', title: 'Free shipping & more', text: 'Free shipping on every order. Enjoy 20% off this week.' }),
    ]);
    const outcome = discountStacking.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'discount.stacking',
      status: 'fixed',
      detail:
        'the copy advertised more than one offer and the policy does not allow stacking; ' +
        'sms A: kept "20% off", removed "plus an extra ¥20 coupon"; ' +
        'push A: kept "20% off", removed "Free shipping & more" and "Free shipping on every order"',
    });
    expect(outcome.draft.messages).toEqual([
      sampleMessage({ text: 'We miss you! Take 20% off. Reply STOP to opt out' }),
      sampleMessage({ channel: 'push', variant: 'A', title: null, text: 'Enjoy 20% off this week.' }),
    ]);
  });

  it('fixes Chinese copy and says so in Chinese', () => {
    const input = inputFor({ type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' }, [
      sampleMessage({ text: '【乐萌】双11满300减50，立减50元，再享9折！回T退订' }),
    ], 'zh');
    const outcome = discountStacking.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'discount.stacking',
      status: 'fixed',
      detail: '文案宣传了多项优惠，而政策不允许叠加；短信A：保留“满300减50”，删除“再享9折”',
    });
    expect(outcome.draft.messages[0]?.text).toBe('【乐萌】双11满300减50，立减50元！回T退订');
  });

  it('blocks when two offers share one clause', () => {
    const input = inputFor(percent20, [sampleMessage({ text: 'Get 20% off and free shipping today!' })]);
    expect(discountStacking.check(input)).toEqual({
      verdict: {
        rule: 'discount.stacking',
        status: 'blocked',
        detail: 'the policy does not allow stacking offers: sms A combines offers in "Get 20% off and free shipping today"',
      },
      draft: input.draft,
      exclusions: [],
    });
    const zh = inputFor(percent20, [sampleMessage({ text: '全场8折包邮' })], 'zh');
    expect(discountStacking.check(zh).verdict.detail).toBe('政策不允许叠加优惠：短信A在“全场8折包邮”中合并了多项优惠');
  });

  it('blocks a message that would have no text left', () => {
    const input = inputFor(percent20, [sampleMessage({ title: null, text: 'Free shipping!' }), sampleMessage({ variant: 'B', text: '20% off' })]);
    const verdict = discountStacking.check(input).verdict;
    expect(verdict.status).toBe('pass');
    const both = inputFor(percent20, [sampleMessage({ channel: 'push', title: '20% off', text: 'Free shipping!' })]);
    expect(discountStacking.check(both).verdict).toEqual({
      rule: 'discount.stacking',
      status: 'blocked',
      detail: 'the policy does not allow stacking offers: push A has no text left without its extra offers',
    });
  });
});
