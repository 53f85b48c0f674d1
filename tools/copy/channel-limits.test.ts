import { describe, expect, it } from 'vitest';
import { CHANNEL_LIMITS, checkChannelLimits, emailPreheader, PUSH_BODY_LIMITS } from './channel-limits.ts';

describe('CHANNEL_LIMITS', () => {
  it('states the limit of every channel', () => {
    expect(CHANNEL_LIMITS).toEqual({
      push: { title: 40, body: 120 },
      email: { subject: 70, preheader: 100 },
      sms: { maxSegments: 2 },
      wecom: { text: 300 },
    });
    expect(PUSH_BODY_LIMITS).toEqual({ en: 120, zh: 60 });
  });
});

describe('checkChannelLimits', () => {
  it('passes a push within limits and reports the measurements', () => {
    expect(checkChannelLimits({ channel: 'push', variant: 'A', title: 'Your cart is saved', text: 'Finish checkout.' })).toEqual({
      ok: true,
      detail: 'push variant A: title 18/40, body 16/120',
    });
  });

  it('holds Chinese push bodies to 60 characters', () => {
    const body = '乐'.repeat(61);
    const result = checkChannelLimits({ channel: 'push', variant: 'A', title: '标题', text: body });
    expect(result).toEqual({
      ok: false,
      detail: 'push variant A: title 2/40, body 61/60; body is 61 characters, over the 60-character limit',
    });
    expect(checkChannelLimits({ channel: 'push', variant: 'A', title: 'Title', text: 'a'.repeat(61) }).ok).toBe(true);
    expect(checkChannelLimits({ channel: 'push', variant: 'A', title: 'Title', text: body }, { locale: 'en' }).ok).toBe(true);
  });

  it('requires a push title and an e-mail subject', () => {
    expect(checkChannelLimits({ channel: 'push', variant: 'B', title: null, text: 'Hi' })).toEqual({
      ok: false,
      detail: 'push variant B: title 0/40, body 2/120; push needs a title',
    });
    expect(checkChannelLimits({ channel: 'email', variant: 'A', title: ' ', text: 'Hi' }).ok).toBe(false);
  });

  it('rejects a title on SMS and WeCom', () => {
    expect(checkChannelLimits({ channel: 'wecom', variant: 'A', title: 'Hello', text: 'Hi' }).detail).toContain(
      'wecom messages have no title; set title to null',
    );
  });

  it('counts SMS segments', () => {
    expect(checkChannelLimits({ channel: 'sms', variant: 'A', title: null, text: 'a'.repeat(306) })).toEqual({
      ok: true,
      detail: 'sms variant A: 2/2 segments (GSM-7, 306 characters)',
    });
    expect(checkChannelLimits({ channel: 'sms', variant: 'A', title: null, text: '乐'.repeat(135) })).toEqual({
      ok: false,
      detail: 'sms variant A: 3/2 segments (UCS-2, 135 characters); text needs 3 SMS segments, over the limit of 2',
    });
  });

  it('measures the e-mail subject and preheader', () => {
    const text = `Hi {{first_name}},\n\n${'x'.repeat(101)}\n\nUnsubscribe: {{unsubscribe_url}}`;
    expect(checkChannelLimits({ channel: 'email', variant: 'A', title: 's'.repeat(71), text })).toEqual({
      ok: false,
      detail:
        'email variant A: subject 71/70, preheader 101/100; subject is 71 characters, over the 70-character limit; ' +
        'preheader is 101 characters, over the 100-character limit',
    });
  });

  it('holds WeCom text to 300 characters', () => {
    expect(checkChannelLimits({ channel: 'wecom', variant: 'B', title: null, text: 'a'.repeat(300) }).ok).toBe(true);
    expect(checkChannelLimits({ channel: 'wecom', variant: 'B', title: null, text: 'a'.repeat(301) }).ok).toBe(false);
  });
});

describe('emailPreheader', () => {
  it('skips the salutation', () => {
    expect(emailPreheader('Hi {{first_name}},\n\nYour cart is saved.\n\nMore text.')).toBe('Your cart is saved.');
    expect(emailPreheader('亲爱的{{first_name}}：\n\n购物车已为您保存。')).toBe('购物车已为您保存。');
  });

  it('uses the first paragraph when there is no salutation', () => {
    expect(emailPreheader('Your cart is saved.\n\nMore text.')).toBe('Your cart is saved.');
  });
});
