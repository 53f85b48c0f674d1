import { describe, expect, it } from 'vitest';
import { afterChinese, channelName, joinIn, messageLabel, quote, say } from './verdict-text.ts';

describe('verdict text', () => {
  it('picks the sentence for the locale', () => {
    expect(say('en', 'hello', '你好')).toBe('hello');
    expect(say('zh', 'hello', '你好')).toBe('你好');
  });

  it('names channels and messages in each language', () => {
    expect(channelName('wecom', 'en')).toBe('wecom');
    expect(channelName('wecom', 'zh')).toBe('企业微信');
    expect(messageLabel({ channel: 'sms', variant: 'B' }, 'en')).toBe('sms B');
    expect(messageLabel({ channel: 'sms', variant: 'B' }, 'zh')).toBe('短信B');
  });

  it('joins lists and quotes the way each language does', () => {
    expect(joinIn('en', ['a', 'b', 'c'], 'and')).toBe('a, b and c');
    expect(joinIn('zh', ['短信', '邮件', '推送'], 'or')).toBe('短信、邮件或推送');
    expect(joinIn('zh', ['短信'], 'and')).toBe('短信');
    expect(quote('x', 'en')).toBe('"x"');
    expect(quote('x', 'zh')).toBe('“x”');
    expect(afterChinese('30% 的上限')).toBe(' 30% 的上限');
    expect(afterChinese('“酒”')).toBe('“酒”');
  });
});
