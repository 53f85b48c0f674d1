// Tests for follow-up messages: approve, reject, edits (alone and several at once), new goals, unclear ones.
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../domain/brief.ts';
import { Brief as BriefSchema } from '../../../domain/brief.ts';
import { SegmentDefinition, type Condition } from '../../../domain/segment.ts';
import { parseGoal } from './parse-goal.ts';
import { type Refinement, parseRefinement } from './parse-refinement.ts';

const now = new Date('2026-11-23T08:00:00Z');
const english = parseGoal("Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am", { now });
const chinese = parseGoal('召回高价值且有流失风险的用户，短信，满300减50', { now });
const englishPlan = { brief: english.brief, segment: english.segment };
const chinesePlan = { brief: chinese.brief, segment: chinese.segment };

const highValue: Condition = { kind: 'spend_rank', topShare: 0.2, window: { type: 'rolling', days: 365 } };
const lapsed90: Condition = { kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 90 }, max: 0 };
const churnHigh: Condition = { kind: 'churn_risk', level: 'high' };

function revised(refinement: Refinement): Extract<Refinement, { kind: 'revise' }> {
  if (refinement.kind !== 'revise') throw new Error(`expected a revision, got ${JSON.stringify(refinement)}`);
  expect(BriefSchema.safeParse(refinement.brief).success).toBe(true);
  expect(SegmentDefinition.safeParse(refinement.segment).success).toBe(true);
  return refinement;
}

describe('parseRefinement: approve and reject', () => {
  it.each(['approve', 'Approved!', 'looks good, go', 'Ship it', 'LGTM', '批准', '同意', '通过', '没问题，发吧', '好的'])('%s approves', (message) => {
    expect(parseRefinement(message, englishPlan, { now })).toEqual({ kind: 'approve' });
  });

  it.each(['reject', 'cancel', 'Cancel it', '取消', '不要了', '驳回', '不同意', 'no'])('%s rejects without a reason', (message) => {
    expect(parseRefinement(message, englishPlan, { now })).toEqual({ kind: 'reject', reason: null });
  });

  it('keeps the reason given with a rejection', () => {
    expect(parseRefinement('Reject: the discount is too deep', englishPlan, { now })).toEqual({ kind: 'reject', reason: 'the discount is too deep' });
    expect(parseRefinement('驳回，预算不够', chinesePlan, { now })).toEqual({ kind: 'reject', reason: '预算不够' });
  });
});

type Edit = [message: string, plan: 'en' | 'zh', expected: Partial<Brief> & { conditions?: Condition[]; changes: string[] }];

const EDITS: readonly Edit[] = [
  ['make it push only', 'en', { channels: ['push'], changes: ['channels: push only'] }],
  ['add email', 'en', { channels: ['sms', 'email'], changes: ['channels: SMS and email'] }],
  ['add email and push, drop SMS', 'en', { channels: ['email', 'push'], changes: ['channels: email and push'] }],
  ['改成只发推送', 'zh', { channels: ['push'], changes: ['渠道：仅推送'] }],
  ['加上邮件', 'zh', { channels: ['sms', 'email'], changes: ['渠道：短信和邮件'] }],
  ['加上推送，去掉短信', 'zh', { channels: ['push'], changes: ['渠道：仅推送'] }],
  ['lower the discount to 5%', 'en', { offer: { type: 'percent_off', percent: 5 }, changes: ['offer: 5% off'] }],
  ['make it 15% off', 'en', { offer: { type: 'percent_off', percent: 15 }, changes: ['offer: 15% off'] }],
  ['no discount', 'en', { offer: null, changes: ['offer: no discount'] }],
  ['改成8折', 'zh', { offer: { type: 'percent_off', percent: 20 }, changes: ['优惠：8折'] }],
  ['不打折', 'zh', { offer: null, changes: ['优惠：无优惠'] }],
  ['满200减30', 'zh', { offer: { type: 'threshold', threshold: 200, amount: 30, currency: 'CNY' }, changes: ['优惠：满200元减30元'] }],
  ['send at 8pm instead', 'en', { timing: { kind: 'at', localDateTime: '2026-11-24T20:00' }, changes: ['timing: 2026-11-24 20:00 recipient local time'] }],
  ['move it to Friday 9am', 'en', { timing: { kind: 'at', localDateTime: '2026-11-27T09:00' }, changes: ['timing: 2026-11-27 09:00 recipient local time'] }],
  ['move it to Friday', 'en', { timing: { kind: 'at', localDateTime: '2026-11-27T10:00' }, changes: ['timing: 2026-11-27 10:00 recipient local time'] }],
  ['2 hours after add to cart', 'en', {
    timing: { kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' },
    conditions: [highValue, lapsed90],
    changes: ['timing: 2 hours after adding to cart unless they buy first'],
  }],
  ['改到明天上午10点', 'zh', { timing: { kind: 'at', localDateTime: '2026-11-24T10:00' }, changes: ['时间：2026-11-24 10:00（收件人当地时间）'] }],
  ['only women', 'en', { conditions: [highValue, lapsed90, { kind: 'gender', values: ['female'] }], changes: ['audience: women'] }],
  ['only in Shanghai', 'en', { conditions: [highValue, lapsed90, { kind: 'profile', field: 'city', values: ['Shanghai'] }], changes: ['audience: in Shanghai'] }],
  ['ages 20-35', 'en', { conditions: [highValue, lapsed90, { kind: 'age', min: 20, max: 35 }], changes: ['audience: age 20-35'] }],
  ['只要上海的', 'zh', { conditions: [highValue, churnHigh, { kind: 'profile', field: 'city', values: ['Shanghai'] }], changes: ['人群：位于上海'] }],
  ['只要女性', 'zh', { conditions: [highValue, churnHigh, { kind: 'gender', values: ['female'] }], changes: ['人群：女性'] }],
  ['budget 3000', 'en', { budget: { amount: 3000, currency: 'CNY' }, changes: ['budget: 3000 CNY'] }],
];

describe('parseRefinement: edits', () => {
  it.each(EDITS)('%s', (message, which, expected) => {
    const plan = which === 'en' ? englishPlan : chinesePlan;
    const result = revised(parseRefinement(message, plan, { now }));
    const { conditions, changes, ...briefFields } = expected;
    expect(result.brief).toEqual({ ...plan.brief, ...briefFields });
    const root = result.segment.root;
    expect(root.kind === 'and' ? root.conditions : [root]).toEqual(conditions ?? (plan.segment.root.kind === 'and' ? plan.segment.root.conditions : [plan.segment.root]));
    expect(result.changes).toEqual(changes);
  });

  it('applies several edits in one message, whole result', () => {
    expect(parseRefinement('push only, 15% off, send Friday 9am, only women in Shanghai', englishPlan, { now })).toEqual({
      kind: 'revise',
      brief: { ...english.brief, channels: ['push'], offer: { type: 'percent_off', percent: 15 }, timing: { kind: 'at', localDateTime: '2026-11-27T09:00' } },
      segment: {
        version: 1,
        root: { kind: 'and', conditions: [highValue, lapsed90, { kind: 'gender', values: ['female'] }, { kind: 'profile', field: 'city', values: ['Shanghai'] }] },
      },
      changes: ['channels: push only', 'offer: 15% off', 'timing: 2026-11-27 09:00 recipient local time', 'audience: women', 'audience: in Shanghai'],
    });
  });

  it('applies several Chinese edits in one message', () => {
    const result = revised(parseRefinement('只发推送，改成85折，明天晚上8点，只要上海的女性', chinesePlan, { now }));
    expect(result.brief.channels).toEqual(['push']);
    expect(result.brief.offer).toEqual({ type: 'percent_off', percent: 15 });
    expect(result.brief.timing).toEqual({ kind: 'at', localDateTime: '2026-11-24T20:00' });
    expect(result.changes).toEqual(['渠道：仅推送', '优惠：8.5折', '时间：2026-11-24 20:00（收件人当地时间）', '人群：女性', '人群：位于上海']);
  });

  it('replaces a condition of the same kind instead of stacking it', () => {
    const women = revised(parseRefinement('only women', englishPlan, { now }));
    const men = revised(parseRefinement('actually only men', { brief: women.brief, segment: women.segment }, { now }));
    expect(men.segment.root).toEqual({ kind: 'and', conditions: [highValue, lapsed90, { kind: 'gender', values: ['male'] }] });
  });

  it('widens the audience again on request', () => {
    const women = revised(parseRefinement('只要女性', chinesePlan, { now }));
    const any = revised(parseRefinement('不限性别', { brief: women.brief, segment: women.segment }, { now }));
    expect(any.segment).toEqual(chinesePlan.segment);
    expect(any.changes).toEqual(['人群：不限性别']);
  });

  it('retimes the cart window when the trigger delay changes', () => {
    const cart = parseGoal('Remind cart abandoners 2 hours later by push', { now });
    const result = revised(parseRefinement('make it 30 minutes after add to cart', { brief: cart.brief, segment: cart.segment }, { now }));
    expect(result.brief.timing).toEqual({ kind: 'trigger', event: 'add_to_cart', delayMinutes: 30, unlessEvent: 'purchase' });
    expect(result.segment.root).toEqual({ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 30, window: { type: 'rolling', days: 7 } });
  });
});

describe('parseRefinement: mixed messages', () => {
  it('rejects firmly even when the message mentions parts of the plan', () => {
    expect(parseRefinement("Reject. Don't send it tonight, the offer is too generous", englishPlan, { now })).toEqual({
      kind: 'reject',
      reason: "Don't send it tonight, the offer is too generous",
    });
  });

  it('treats an approval with an edit as an edit', () => {
    const result = revised(parseRefinement('Approve, but send at 8pm', englishPlan, { now }));
    expect(result.changes).toEqual(['timing: 2026-11-24 20:00 recipient local time']);
  });

  it('does not approve a message that restates the plan: it asks', () => {
    expect(parseRefinement('通过短信发', chinesePlan, { now })).toEqual({
      kind: 'unclear',
      question: '方案已经是这样了（渠道：仅短信）。可以回复“批准”，或告诉我还要改什么。',
    });
  });
});

describe('parseRefinement: new goals and unclear messages', () => {
  it.each(['Remind cart abandoners 2 hours later by push', '用邮件召回90天未购买的北京用户', 'Announce the new collection to VIPs in Beijing'])('%s is a new goal', (message) => {
    expect(parseRefinement(message, englishPlan, { now })).toEqual({ kind: 'new_goal' });
  });

  it('asks when nothing is recognisable, in the message language', () => {
    const english = parseRefinement('blah blah', englishPlan, { now });
    expect(english.kind).toBe('unclear');
    expect(english.kind === 'unclear' && english.question).toMatch(/^I didn't catch a change/);
    const chinese = parseRefinement('嗯嗯', englishPlan, { now });
    expect(chinese.kind === 'unclear' && chinese.question).toMatch(/^没太明白要改什么/);
    expect(parseRefinement('   ', chinesePlan, { now }).kind).toBe('unclear');
  });

  it('says so when the plan already is what the edit asks for', () => {
    expect(parseRefinement('only SMS', englishPlan, { now })).toEqual({
      kind: 'unclear',
      question: "The plan already has that (channels: SMS only). Reply 'approve' to go ahead, or tell me what else to change.",
    });
  });

  it('refuses to remove the last channel', () => {
    const result = parseRefinement('drop SMS', englishPlan, { now });
    expect(result).toEqual({ kind: 'unclear', question: 'That would leave no channel. Which should it use: SMS, email, push or WeCom?' });
  });
});