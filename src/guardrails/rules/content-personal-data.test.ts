import { describe, expect, it } from 'vitest';
import type { PlannedMessage } from '../../domain/plan.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage } from '../guardrail-fixtures.ts';
import { contentPersonalData } from './content-personal-data.ts';

function inputFor(messages: PlannedMessage[], locale: 'en' | 'zh' = 'en') {
  return sampleInput({ draft: sampleDraft({ brief: sampleBrief({ locale }), messages }) });
}

describe('content.personal_data', () => {
  it('passes copy with approved placeholders only', () => {
    const input = inputFor([sampleMessage({ text: 'Hi {{first_name}}, {{last_viewed_product}} is back. Code {{coupon_code}}' })]);
    expect(contentPersonalData.check(input)).toEqual({
      verdict: {
        rule: 'content.personal_data',
        status: 'pass',
        detail:
          'no personal data in the copy beyond the approved placeholders ({{first_name}}, {{last_viewed_product}}, {{coupon_code}}, {{unsubscribe_url}})',
      },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('removes unapproved placeholders, e-mail addresses and phone numbers without repeating them', () => {
    const input = inputFor([
      sampleMessage({ text: 'Hi {{first_name}} {{last_name}}! Questions? Call 415-555-0100.' }),
      sampleMessage({ channel: 'email', variant: 'B', title: 'For {{email}}', text: 'Reply to alice@example.com or bob@example.com today' }),
    ]);
    const outcome = contentPersonalData.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'content.personal_data',
      status: 'fixed',
      detail:
        'removed personal data from the copy: sms A: the placeholder {{last_name}} and 1 phone number; ' +
        'email B: the placeholder {{email}} and 2 e-mail addresses',
    });
    expect(outcome.draft.messages).toEqual([
      sampleMessage({ text: 'Hi {{first_name}}! Questions? Call.' }),
      sampleMessage({ channel: 'email', variant: 'B', title: 'For', text: 'Reply to or today' }),
    ]);
    expect(outcome.verdict.detail).not.toContain('@');
  });

  it('removes a Chinese mobile number and says so in Chinese', () => {
    const outcome = contentPersonalData.check(inputFor([sampleMessage({ text: '【乐萌】{{first_name}}您好，专属顾问电话13800138000。回T退订' })], 'zh'));
    expect(outcome.verdict).toEqual({
      rule: 'content.personal_data',
      status: 'fixed',
      detail: '已从文案中删除个人信息：短信A：1 个电话号码',
    });
    expect(outcome.draft.messages[0]?.text).toBe('【乐萌】{{first_name}}您好，专属顾问电话。回T退订');
  });

  it('blocks a message that is nothing but personal data', () => {
    const input = inputFor([sampleMessage({ text: '{{phone}} alice@example.com' })]);
    expect(contentPersonalData.check(input)).toEqual({
      verdict: {
        rule: 'content.personal_data',
        status: 'blocked',
        detail: 'without its personal data the sms A copy has no text left (sms A: the placeholder {{phone}} and 1 e-mail address)',
      },
      draft: input.draft,
      exclusions: [],
    });
  });
});
