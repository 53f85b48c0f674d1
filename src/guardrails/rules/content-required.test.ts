import { describe, expect, it } from 'vitest';
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Policy } from '../../domain/policy.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import { contentRequired } from './content-required.ts';

function inputFor(messages: PlannedMessage[], locale: 'en' | 'zh' = 'en', policy: Policy = samplePolicy()) {
  return sampleInput({ policy, draft: sampleDraft({ brief: sampleBrief({ locale, channels: ['sms', 'email', 'push'] }), messages }) });
}

const email = (text: string) => sampleMessage({ channel: 'email', title: 'We miss you', text });

describe('content.required', () => {
  it('passes copy that carries its opt-out and sender tag, in either language and bracket style', () => {
    const input = inputFor([
      sampleMessage({ text: '[Lumen] 20% off this week. Reply STOP to opt out' }),
      sampleMessage({ variant: 'B', text: '【乐萌】全场8折。回T退订' }),
      email('Hi {{first_name}},\n\n20% off.\n\nUnsubscribe here: {{ unsubscribe_url }}'),
      sampleMessage({ channel: 'push', title: 'Hi', text: '20% off' }),
    ]);
    expect(contentRequired.check(input)).toEqual({
      verdict: { rule: 'content.required', status: 'pass', detail: 'every message carries the opt-out and sender text its channel requires' },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('adds missing English opt-out text, unsubscribe link and sender tag, and says so', () => {
    const input = inputFor([
      sampleMessage({ text: 'We miss you! 20% off this week' }),
      sampleMessage({ variant: 'B', text: '[Lumen] Hi {{first_name}}! 20% off.' }),
      email('Hi {{first_name}},\n\n20% off this week.'),
    ]);
    const outcome = contentRequired.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'content.required',
      status: 'fixed',
      detail:
        'added "Reply STOP to opt out" to sms A and sms B; added "Unsubscribe: {{unsubscribe_url}}" to email A; ' +
        'added the sender tag "[Lumen]" to sms A',
    });
    expect(outcome.draft.messages).toEqual([
      sampleMessage({ text: '[Lumen] We miss you! 20% off this week. Reply STOP to opt out' }),
      sampleMessage({ variant: 'B', text: '[Lumen] Hi {{first_name}}! 20% off. Reply STOP to opt out' }),
      email('Hi {{first_name}},\n\n20% off this week.\n\nUnsubscribe: {{unsubscribe_url}}'),
    ]);
  });

  it('adds Chinese opt-out text and sender tag, and says so in Chinese', () => {
    const input = inputFor([sampleMessage({ text: '好久不见！本周全场8折' }), email('亲爱的{{first_name}}：\n\n本周全场8折。')], 'zh');
    const outcome = contentRequired.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'content.required',
      status: 'fixed',
      detail: '已在短信A末尾加上“回T退订”；已在邮件A末尾加上“退订：{{unsubscribe_url}}”；已在短信A开头加上发送方标识“【乐萌】”',
    });
    expect(outcome.draft.messages.map((message) => message.text)).toEqual([
      '【乐萌】好久不见！本周全场8折。回T退订',
      '亲爱的{{first_name}}：\n\n本周全场8折。\n\n退订：{{unsubscribe_url}}',
    ]);
  });

  it('adds the policy sender in front of a different tag', () => {
    const outcome = contentRequired.check(inputFor([sampleMessage({ text: '【双11】全场8折。回T退订' })], 'zh'));
    expect(outcome.draft.messages[0]?.text).toBe('【乐萌】【双11】全场8折。回T退订');
  });

  it('accepts any sender tag when the policy names no sender, and blocks an SMS without one', () => {
    const policy = samplePolicy();
    const anonymous = { ...policy, requiredContent: { ...policy.requiredContent, senderName: {} } };
    expect(contentRequired.check(inputFor([sampleMessage({ text: '[Acme] 20% off. Reply STOP to opt out' })], 'en', anonymous)).verdict.status).toBe(
      'pass',
    );
    const input = inputFor([sampleMessage({ text: '20% off. Reply STOP to opt out' })], 'en', anonymous);
    expect(contentRequired.check(input)).toEqual({
      verdict: {
        rule: 'content.required',
        status: 'blocked',
        detail: 'sms A does not start with a sender tag such as [Brand], and the policy names no sender to add (requiredContent.senderName)',
      },
      draft: input.draft,
      exclusions: [],
    });
    const zh = inputFor([sampleMessage({ text: '全场8折。回T退订' })], 'zh', anonymous);
    expect(contentRequired.check(zh).verdict.detail).toBe(
      '短信A开头没有“【品牌】”这样的发送方标识，而政策未指定可添加的发送方名称（requiredContent.senderName）',
    );
  });
});
