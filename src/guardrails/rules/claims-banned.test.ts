import { describe, expect, it } from 'vitest';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage } from '../guardrail-fixtures.ts';
import { claimsBanned } from './claims-banned.ts';

describe('claims.banned', () => {
  it('passes copy without banned claims', () => {
    const input = sampleInput({
      draft: sampleDraft({
        messages: [sampleMessage(), sampleMessage({ variant: 'B', text: '好久不见！本周全场8折，最近浏览的商品也参加。' })],
      }),
    });
    expect(claimsBanned.check(input)).toEqual({
      verdict: { rule: 'claims.banned', status: 'pass', detail: 'no banned claims in the copy' },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('fixes English claims in title and text, naming each term and message', () => {
    const input = sampleInput({
      draft: sampleDraft({
        messages: [
          sampleMessage({ channel: 'email', title: 'Guaranteed results!', text: 'The best in the world coffee, now 20% off.' }),
          sampleMessage({ variant: 'B', text: 'ＧＵＡＲＡＮＴＥＥＤ savings: 20% off.' }),
        ],
      }),
    });
    const outcome = claimsBanned.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'claims.banned',
      status: 'fixed',
      detail:
        'rewrote banned claims in the copy: email A: "guaranteed" removed (title), "best in the world" -> "great"; ' +
        'sms B: "guaranteed" removed',
    });
    expect(outcome.draft.messages).toEqual([
      sampleMessage({ channel: 'email', title: 'Results!', text: 'The great coffee, now 20% off.' }),
      sampleMessage({ variant: 'B', text: 'Savings: 20% off.' }),
    ]);
    expect(outcome.exclusions).toEqual([]);
  });

  it('fixes Chinese superlatives, whole terms first', () => {
    const input = sampleInput({ draft: sampleDraft({ messages: [sampleMessage({ text: '全网最好的奶粉，销量第一！' })] }) });
    const outcome = claimsBanned.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'claims.banned',
      status: 'fixed',
      detail: 'rewrote banned claims in the copy: sms A: "全网最好" -> "口碑好", "第一" -> "领先"',
    });
    expect(outcome.draft.messages).toEqual([sampleMessage({ text: '口碑好的奶粉，销量领先！' })]);
  });

  it('checks every message against all locales', () => {
    const input = sampleInput({ draft: sampleDraft({ messages: [sampleMessage({ text: 'Our 最佳 tea, guaranteed fresh' })] }) });
    expect(claimsBanned.check(input).draft.messages[0]?.text).toBe('Our 出色 tea, fresh');
  });

  it('drops a title left empty', () => {
    const input = sampleInput({
      draft: sampleDraft({ messages: [sampleMessage({ channel: 'push', title: 'Guaranteed!', text: 'New arrivals are in.' })] }),
    });
    expect(claimsBanned.check(input).draft.messages[0]?.title).toBeNull();
  });

  it('blocks when a message is left with no text', () => {
    const input = sampleInput({
      draft: sampleDraft({ messages: [sampleMessage(), sampleMessage({ variant: 'B', text: 'Guaranteed!' })] }),
    });
    expect(claimsBanned.check(input)).toEqual({
      verdict: {
        rule: 'claims.banned',
        status: 'blocked',
        detail: 'without its banned claims the sms B copy has no text left (sms B: "guaranteed" removed)',
      },
      draft: input.draft,
      exclusions: [],
    });
  });

  it('blocks Chinese copy that is nothing but a banned claim', () => {
    const input = sampleInput({ draft: sampleDraft({ messages: [sampleMessage({ text: '国家级！' })] }) });
    expect(claimsBanned.check(input).verdict.status).toBe('blocked');
  });

  it('speaks Chinese for a Chinese brief', () => {
    const zh = (messages: ReturnType<typeof sampleMessage>[]) =>
      sampleInput({ draft: sampleDraft({ brief: sampleBrief({ locale: 'zh' }), messages }) });
    expect(claimsBanned.check(zh([sampleMessage({ text: '好久不见' })])).verdict.detail).toBe('文案中没有违禁用语');
    expect(
      claimsBanned.check(zh([sampleMessage({ channel: 'push', title: '全网最好的奶粉', text: '销量第一，保证正品，100%纯天然' })])).verdict,
    ).toEqual({
      rule: 'claims.banned',
      status: 'fixed',
      detail: '已改写文案中的违禁用语：推送A：“全网最好” -> “口碑好”（标题），“第一” -> “领先”，删除“100%”',
    });
    expect(claimsBanned.check(zh([sampleMessage({ text: '国家级！' })])).verdict).toEqual({
      rule: 'claims.banned',
      status: 'blocked',
      detail: '去掉违禁用语后短信A没有剩余文字（短信A：删除“国家级”）',
    });
  });
});
