import { describe, expect, it } from 'vitest';
import type { PlannedMessage } from '../../domain/plan.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage } from '../guardrail-fixtures.ts';
import { copyChannelLimits } from './copy-channel-limits.ts';

function inputFor(messages: PlannedMessage[], locale: 'en' | 'zh' = 'en') {
  return sampleInput({ draft: sampleDraft({ brief: sampleBrief({ locale }), messages }) });
}

const optOut = ' Reply STOP to opt out';

describe('copy.channel_limits', () => {
  it('passes copy within every limit and reports the measurements ([ and ] take two GSM-7 septets)', () => {
    const input = inputFor([
      sampleMessage({ text: `[Lumen] We miss you! 20% off.${optOut}` }),
      sampleMessage({ channel: 'push', title: 'Your cart is saved', text: 'Finish checkout.' }),
      sampleMessage({ channel: 'email', title: 'We miss you', text: 'Hi {{first_name}},\n\n20% off this week.\n\nUnsubscribe: {{unsubscribe_url}}' }),
      sampleMessage({ channel: 'wecom', text: 'Hi {{first_name}}, 20% off this week.' }),
    ]);
    expect(copyChannelLimits.check(input)).toEqual({
      verdict: {
        rule: 'copy.channel_limits',
        status: 'pass',
        detail:
          'every message fits its channel: sms A 1/2 segments (GSM-7, 53 characters); push A title 18/40, body 16/120; ' +
          'email A subject 11/70, preheader 18/100; wecom A text 37/300',
      },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('counts the opt-out text in the SMS segments and blocks with the numbers', () => {
    // 150 GSM-7 characters fit one segment; with the opt-out they need two, and 300 + opt-out three.
    const input = inputFor([sampleMessage({ text: `${'a'.repeat(300)}${optOut}` })]);
    expect(copyChannelLimits.check(input)).toEqual({
      verdict: {
        rule: 'copy.channel_limits',
        status: 'blocked',
        detail: 'over the channel limits: sms A needs 3 SMS segments (GSM-7, 322 characters), over the limit of 2',
      },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('counts Chinese SMS in UCS-2 and says so in Chinese', () => {
    const input = inputFor([sampleMessage({ text: `【乐萌】${'好'.repeat(130)}回T退订` })], 'zh');
    expect(copyChannelLimits.check(input).verdict).toEqual({
      rule: 'copy.channel_limits',
      status: 'blocked',
      detail: '超出渠道限制：短信A需要 3 条短信（UCS-2，138 个字符），超过 2 条的上限',
    });
    const fits = inputFor([sampleMessage({ text: '【乐萌】好久不见！本周全场8折。回T退订' })], 'zh');
    expect(copyChannelLimits.check(fits).verdict.detail).toBe('每条文案都符合渠道限制：短信A 1/2 条（UCS-2，20 个字符）');
  });

  it('blocks push and e-mail titles over their limits, and a missing subject', () => {
    const input = inputFor([
      sampleMessage({ channel: 'push', title: 't'.repeat(41), text: '乐'.repeat(61) }),
      sampleMessage({ channel: 'email', variant: 'B', title: null, text: 'Hi' }),
    ], 'zh');
    expect(copyChannelLimits.check(input).verdict.detail).toBe(
      '超出渠道限制：推送A标题 41 个字符，超过 40 个字符的上限；推送A正文 61 个字符，超过 60 个字符的上限；邮件B缺少主题',
    );
    const english = inputFor([sampleMessage({ channel: 'email', title: 's'.repeat(71), text: 'Hi' })]);
    expect(copyChannelLimits.check(english).verdict.detail).toBe(
      'over the channel limits: email A subject is 71 characters, over the 70-character limit',
    );
  });

  it('drops a title from SMS and WeCom messages, which have none', () => {
    const input = inputFor([sampleMessage({ title: 'Hello', text: '[Lumen] Hi' })]);
    const outcome = copyChannelLimits.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'copy.channel_limits',
      status: 'fixed',
      detail: 'removed the title from sms A (the channel has none); every message fits its channel: sms A 1/2 segments (GSM-7, 12 characters)',
    });
    expect(outcome.draft.messages).toEqual([sampleMessage({ title: null, text: '[Lumen] Hi' })]);
  });
});
