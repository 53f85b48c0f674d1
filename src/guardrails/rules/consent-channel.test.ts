import { describe, expect, it } from 'vitest';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage } from '../guardrail-fixtures.ts';
import type { AudienceFacts } from '../guardrail-input.ts';
import { consentChannel } from './consent-channel.ts';

const smsAndPush = sampleDraft({
  brief: sampleBrief({ channels: ['sms', 'push'] }),
  messages: [
    sampleMessage(),
    sampleMessage({ channel: 'push', title: 'We miss you', text: '20% off this week' }),
    sampleMessage({ channel: 'push', variant: 'B', title: '好久不见', text: '本周全场8折' }),
  ],
});

function audience(reachable: AudienceFacts['reachable']): AudienceFacts {
  return { count: 2000, reachable, minors: 0, overFrequencyCap: 0 };
}

describe('consent.channel', () => {
  it('passes when every planned channel reaches someone, naming the consented count', () => {
    const input = sampleInput();
    expect(consentChannel.check(input)).toEqual({
      verdict: { rule: 'consent.channel', status: 'pass', detail: 'sends only to the 1,234 of 2,000 customers who consented to sms' },
      draft: input.draft,
      exclusions: ['no_consent'],
    });
  });

  it('names each channel when there are several', () => {
    const input = sampleInput({ draft: smsAndPush, audience: audience({ sms: 1234, push: 800 }) });
    expect(consentChannel.check(input).verdict.detail).toBe(
      'sends only to the customers who consented to each channel, of 2,000: sms 1,234, push 800',
    );
  });

  it('drops a channel nobody consented to, with its messages', () => {
    const input = sampleInput({ draft: smsAndPush, audience: audience({ sms: 1234, push: 0 }) });
    expect(consentChannel.check(input)).toEqual({
      verdict: {
        rule: 'consent.channel',
        status: 'fixed',
        detail:
          'nobody in the segment has consented to push, so push is dropped (2 messages removed); ' +
          'sends only to the 1,234 of 2,000 customers who consented to sms',
      },
      draft: { ...smsAndPush, brief: { ...smsAndPush.brief, channels: ['sms'] }, messages: [sampleMessage()] },
      exclusions: ['no_consent'],
    });
  });

  it('treats a channel without a reachable count as unreachable', () => {
    const input = sampleInput({ draft: smsAndPush, audience: audience({ push: 10 }) });
    const outcome = consentChannel.check(input);
    expect(outcome.verdict.status).toBe('fixed');
    expect(outcome.draft.brief.channels).toEqual(['push']);
    expect(outcome.draft.messages.map((message) => message.text)).toEqual(['20% off this week', '本周全场8折']);
  });

  it('blocks when nobody consented to any planned channel', () => {
    const input = sampleInput({ draft: smsAndPush, audience: audience({ sms: 0, push: 0 }) });
    expect(consentChannel.check(input)).toEqual({
      verdict: { rule: 'consent.channel', status: 'blocked', detail: 'nobody in the segment has consented to sms or push' },
      draft: smsAndPush,
      exclusions: ['no_consent'],
    });
  });

  it('says how many customers suppression lists leave out, when the counts are known', () => {
    const one = sampleInput({ audience: { ...audience({ sms: 1234 }), suppressed: { sms: 56 } } });
    expect(consentChannel.check(one).verdict.detail).toBe(
      'sends only to the 1,234 of 2,000 customers who consented to sms; 56 customers on a suppression list for sms are left out',
    );
    const several = sampleInput({ draft: smsAndPush, audience: { ...audience({ sms: 1234, push: 800 }), suppressed: { sms: 56, push: 3 } } });
    expect(consentChannel.check(several).verdict.detail).toBe(
      'sends only to the customers who consented to each channel, of 2,000: sms 1,234, push 800; ' +
        'customers on a suppression list are left out: sms 56, push 3',
    );
    const none = sampleInput({ audience: { ...audience({ sms: 1234 }), suppressed: {} } });
    expect(consentChannel.check(none).verdict.detail).toBe(
      'sends only to the 1,234 of 2,000 customers who consented to sms; nobody in the segment is on a suppression list',
    );
  });

  it('speaks Chinese for a Chinese brief', () => {
    const zhDraft = { ...smsAndPush, brief: { ...smsAndPush.brief, locale: 'zh' as const } };
    expect(consentChannel.check(sampleInput({ draft: zhDraft, audience: { ...audience({ sms: 1234, push: 0 }), suppressed: { sms: 5 } } })).verdict).toEqual({
      rule: 'consent.channel',
      status: 'fixed',
      detail: '人群中没有人同意接收推送，因此去掉推送（删除 2 条文案）；仅发送给 2,000 位客户中同意接收短信的 1,234 位；已排除短信屏蔽名单上的 5 位客户',
    });
    expect(consentChannel.check(sampleInput({ draft: zhDraft, audience: audience({ sms: 1234, push: 800 }) })).verdict.detail).toBe(
      '在 2,000 位客户中，每个渠道仅发送给同意接收的客户：短信 1,234，推送 800',
    );
    expect(consentChannel.check(sampleInput({ draft: zhDraft, audience: audience({}) })).verdict).toEqual({
      rule: 'consent.channel',
      status: 'blocked',
      detail: '人群中没有人同意接收短信或推送',
    });
  });
});
