// Behaviour of the public sentiment detector in both languages.
import { describe, expect, it } from 'vitest';
import { CodedError } from '../errors.ts';
import { detectSentiment } from './detect-sentiment.ts';
import { Sentiment } from './sentiment.ts';

describe('detectSentiment in Chinese', () => {
  it('reads negation: 不好吃 is negative, 不错 positive, 没有问题 not negative', () => {
    expect(detectSentiment('不好吃').label).toBe('negative');
    expect(detectSentiment('不错').label).toBe('positive');
    expect(detectSentiment('没有问题').label).not.toBe('negative');
  });

  it('reads degree: 非常好 scores higher than 好, 有点慢 less negative than 太慢了', () => {
    expect(detectSentiment('非常好').score).toBeGreaterThan(detectSentiment('好').score);
    expect(detectSentiment('有点慢').score).toBeGreaterThan(detectSentiment('太慢了').score);
    expect(detectSentiment('有点慢').label).toBe('negative');
  });

  it('weights the clause after a contrast: 东西不错但是送得太慢了 leans negative', () => {
    expect(detectSentiment('东西不错但是送得太慢了').label).toBe('negative');
    expect(detectSentiment('送得太慢了，但是东西不错').label).toBe('positive');
  });

  it('labels typical reviews and service messages', () => {
    const labels = Object.fromEntries(
      ['味道很好，送餐也快，下次还点', '等了两个小时，菜都凉了，差评', '再也不会点了', '我要退款', '你好，请问几点开门', '好吃吗？'].map(
        (text) => [text, detectSentiment(text).label],
      ),
    );
    expect(labels).toEqual({
      '味道很好，送餐也快，下次还点': 'positive',
      '等了两个小时，菜都凉了，差评': 'negative',
      '再也不会点了': 'negative',
      '我要退款': 'negative',
      '你好，请问几点开门': 'neutral',
      '好吃吗？': 'neutral',
    });
  });

  it('strengthens a clause ending in exclamation marks', () => {
    expect(detectSentiment('太难吃了！！！').score).toBeLessThan(detectSentiment('太难吃了').score);
  });
});

describe('detectSentiment in English', () => {
  it('follows VADER on ordinary text', () => {
    expect(detectSentiment('The food was great!')).toEqual({ label: 'positive', score: 0.6588, confidence: 0.6948, language: 'en' });
    expect(detectSentiment('The food was not good at all.').label).toBe('negative');
  });

  it('reads customer-service complaints that carry no emotional word', () => {
    for (const text of ['I want a refund', "My order still hasn't arrived", "This is the third time I'm asking", 'It stopped working after two days']) {
      expect(detectSentiment(text).label, text).toBe('negative');
    }
    expect(detectSentiment('Thanks, that fixed it').label).toBe('positive');
  });

  it('is neutral when nothing carries sentiment', () => {
    expect(detectSentiment('Where is my order?')).toEqual({ label: 'neutral', score: 0, confidence: 0.6, language: 'en' });
  });
});

describe('detectSentiment output', () => {
  const samples = ['', '   ', '好', '垃圾！！！垃圾！！！', 'best best best!!! love it :)', 'worst ever, hate it', '还行吧', 'ok 我的 iPhone 订单还没到', '🤮'];

  it('always matches the schema: score in [-1, 1], confidence in [0, 1]', () => {
    for (const text of samples) {
      const result = detectSentiment(text);
      expect(Sentiment.parse(result), text).toEqual(result);
      expect(Math.abs(result.score)).toBeLessThanOrEqual(1);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('treats blank text as neutral with no evidence', () => {
    expect(detectSentiment('  ')).toEqual({ label: 'neutral', score: 0, confidence: 0.6, language: 'en' });
  });

  it('detects the language automatically by the share of CJK characters, or takes it as given', () => {
    expect(detectSentiment('送餐很快').language).toBe('zh');
    expect(detectSentiment('Delivery was fast').language).toBe('en');
    expect(detectSentiment('Hello 我的 iPhone 订单还没到').language).toBe('zh');
    expect(detectSentiment('My order from 京东 is late').language).toBe('en');
    expect(detectSentiment('送餐很快', { language: 'en' }).language).toBe('en');
  });

  it('is more confident with a stronger score backed by more words', () => {
    expect(detectSentiment('非常好吃，服务热情，送餐很快！').confidence).toBeGreaterThan(detectSentiment('还行').confidence);
  });

  it('rejects an unknown language option with an actionable message', () => {
    const call = () => detectSentiment('hi', { language: 'fr' as 'en' });
    expect(call).toThrow(CodedError);
    expect(call).toThrow(/options\.language must be one of en, zh, auto, got "fr"/);
  });
});
