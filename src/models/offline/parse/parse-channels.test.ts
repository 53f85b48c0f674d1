// Tests for channel mentions in goals, unsupported channels, and channel edits in follow-ups.
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../domain/vocabulary.ts';
import { describeChannels, parseChannels, unsupportedChannelQuestion } from './parse-channels.ts';
import { reviseChannels } from './refine-channels.ts';
import { normalizeText } from './text.ts';

const channelsOf = (text: string): Channel[] => parseChannels(normalizeText(text)).channels;

describe('parseChannels', () => {
  it.each<[string, Channel[]]>([
    ['by SMS', ['sms']],
    ['send them a text', ['sms']],
    ['SMS and push', ['sms', 'push']],
    ['短信和推送', ['sms', 'push']],
    ['e-mail plus app push', ['email', 'push']],
    ['via WeChat Work', ['wecom']],
    ['企微触达', ['wecom']],
    ['邮箱', ['email']],
    ['push notifications', ['push']],
    ['customers who opened an email, by SMS', ['sms']],
    ['打开过邮件的用户，发短信', ['sms']],
    ['direct mail', []],
    ['发短信通知', ['sms']],
    ['send an email notification', ['email']],
    ['新品通知，推送', ['push']],
    ['win back lapsed customers', []],
  ])('%s', (text, channels) => {
    expect(channelsOf(text)).toEqual(channels);
  });

  it('names channels it cannot send through instead of dropping them', () => {
    expect(parseChannels(normalizeText('by fax')).unsupported).toEqual(['fax']);
    expect(parseChannels(normalizeText('via WhatsApp and SMS'))).toEqual({ channels: ['sms'], unsupported: ['WhatsApp'] });
    expect(parseChannels(normalizeText('via carrier pigeon')).unsupported).toEqual(['carrier']);
    expect(parseChannels('用微信发').unsupported).toEqual(['WeChat']);
    expect(parseChannels('用企业微信发').unsupported).toEqual([]);
  });

  it('asks about unsupported channels in the goal language', () => {
    expect(unsupportedChannelQuestion(['fax'], 'en')).toBe("fax isn't a supported channel. Which should I use instead: SMS, email, push or WeCom?");
    expect(unsupportedChannelQuestion(['传真'], 'zh')).toBe('暂不支持通过传真发送。可用的渠道有短信、邮件、推送或企业微信，要改用哪一个？');
  });

  it('describes channel lists', () => {
    expect(describeChannels(['sms', 'push'], 'en')).toBe('SMS and push');
    expect(describeChannels(['sms', 'email', 'push'], 'en')).toBe('SMS, email and push');
    expect(describeChannels(['sms', 'email', 'push'], 'zh')).toBe('短信、邮件和推送');
  });
});

describe('reviseChannels', () => {
  it.each<[string, Channel[], Channel[] | null]>([
    ['make it push only', ['sms', 'email'], ['push']],
    ['only SMS', ['email', 'push'], ['sms']],
    ['SMS and push only', ['email'], ['sms', 'push']],
    ['add email', ['sms'], ['sms', 'email']],
    ['drop push', ['sms', 'push'], ['sms']],
    ['add email and drop push', ['sms', 'push'], ['sms', 'email']],
    ['use WeCom instead', ['sms'], ['wecom']],
    ['email too', ['sms'], ['sms', 'email']],
    ['改成只发推送', ['sms'], ['push']],
    ['加上短信', ['push'], ['push', 'sms']],
    ['去掉邮件', ['email', 'push'], ['push']],
    ['lower the discount to 5%', ['sms'], null],
  ])('%s', (text, current, expected) => {
    expect(reviseChannels(normalizeText(text), current)).toEqual(expected);
  });
});