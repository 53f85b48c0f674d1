import { describe, expect, it } from 'vitest';
import type { GuardrailVerdict } from '../domain/plan.ts';
import { approvalRequirement } from './approval.ts';
import { samplePolicy } from './guardrail-fixtures.ts';

const pass: GuardrailVerdict = { rule: 'consent.channel', status: 'pass', detail: '' };
const quietPolicy = samplePolicy({
  approval: {
    always: false,
    discountAbovePercent: 20,
    audienceAbove: 5000,
    whenGuardrailFixed: true,
    newChannel: true,
    approverRole: 'approver',
    forbidSelfApproval: true,
  },
});

describe('approvalRequirement', () => {
  it('needs no approval when no rule applies', () => {
    expect(approvalRequirement(quietPolicy, { discountPercent: 20, audienceCount: 5000, verdicts: [pass] })).toEqual({
      required: false,
      reasons: [],
    });
  });

  it('gives every reason that applies, in plain English', () => {
    const verdicts: GuardrailVerdict[] = [
      { rule: 'discount.ceiling', status: 'fixed', detail: '' },
      pass,
      { rule: 'frequency.cap', status: 'fixed', detail: '' },
    ];
    expect(approvalRequirement(quietPolicy, { discountPercent: 30, audienceCount: 12_500, verdicts })).toEqual({
      required: true,
      reasons: [
        'the discount of 30% is above the 20% that may go out without approval',
        'the audience of 12,500 customers is larger than the 5,000 that may be messaged without approval',
        'guardrails changed the plan: discount.ceiling and frequency.cap',
      ],
    });
  });

  it('follows the shipped policy: any discount needs approval', () => {
    expect(approvalRequirement(samplePolicy(), { discountPercent: 5, audienceCount: 10, verdicts: [] })).toEqual({
      required: true,
      reasons: ['the discount of 5% is above the 0% that may go out without approval'],
    });
  });

  it('requires approval for every plan when the policy says always', () => {
    const always = samplePolicy({ approval: { ...quietPolicy.approval, always: true } });
    expect(approvalRequirement(always, { discountPercent: 0, audienceCount: 1, verdicts: [pass] })).toEqual({
      required: true,
      reasons: ['the policy requires approval for every plan'],
    });
  });

  it('ignores guardrail fixes when the policy says so', () => {
    const relaxed = samplePolicy({ approval: { ...quietPolicy.approval, whenGuardrailFixed: false } });
    const verdicts: GuardrailVerdict[] = [{ rule: 'claims.banned', status: 'fixed', detail: '' }];
    expect(approvalRequirement(relaxed, { discountPercent: 0, audienceCount: 1, verdicts }).required).toBe(false);
    expect(approvalRequirement(quietPolicy, { discountPercent: 0, audienceCount: 1, verdicts }).reasons).toEqual([
      'a guardrail changed the plan: claims.banned',
    ]);
  });

  it('requires approval for a channel no scheduled or completed campaign has used', () => {
    const facts = { discountPercent: 0, audienceCount: 1, verdicts: [pass], channels: ['sms', 'wecom', 'push'] as const, channelsUsedBefore: ['sms'] as const };
    expect(approvalRequirement(quietPolicy, facts)).toEqual({
      required: true,
      reasons: ['wecom and push have not been used by a scheduled or completed campaign before'],
    });
    expect(approvalRequirement(quietPolicy, { ...facts, channels: ['wecom'], locale: 'zh' })).toEqual({
      required: true,
      reasons: ['企业微信此前从未在已排期或已完成的活动中使用过'],
    });
    expect(approvalRequirement(quietPolicy, { ...facts, channels: ['sms'] }).required).toBe(false);
    // Without the channel history the rule cannot apply; the policy can switch it off.
    expect(approvalRequirement(quietPolicy, { ...facts, channelsUsedBefore: undefined }).required).toBe(false);
    const off = samplePolicy({ approval: { ...quietPolicy.approval, newChannel: false } });
    expect(approvalRequirement(off, facts).required).toBe(false);
  });

  it('gives the reasons in Chinese for a Chinese plan', () => {
    const verdicts: GuardrailVerdict[] = [{ rule: 'discount.ceiling', status: 'fixed', detail: '' }, { rule: 'claims.banned', status: 'fixed', detail: '' }];
    const always = samplePolicy({ approval: { ...quietPolicy.approval, always: true } });
    expect(approvalRequirement(always, { discountPercent: 30, audienceCount: 12_500, verdicts, locale: 'zh' }).reasons).toEqual([
      '政策要求每个计划都须审批',
      '30% 的折扣超过了无需审批即可发送的 20%',
      '12,500 位客户的人群超过了无需审批即可发送的 5,000 位',
      '护栏规则修改了计划：discount.ceiling和claims.banned',
    ]);
  });
});
