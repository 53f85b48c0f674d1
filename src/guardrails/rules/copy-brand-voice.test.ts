import { describe, expect, it } from 'vitest';
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Policy } from '../../domain/policy.ts';
import { sampleBrief, sampleDraft, sampleInput, sampleMessage, samplePolicy } from '../guardrail-fixtures.ts';
import { copyBrandVoice, findEmoji } from './copy-brand-voice.ts';

function policyWith(brandVoice: Partial<Policy['brandVoice']>): Policy {
  const policy = samplePolicy();
  return { ...policy, brandVoice: { ...policy.brandVoice, ...brandVoice } };
}

function inputFor(messages: PlannedMessage[], policy: Policy = samplePolicy(), locale: 'en' | 'zh' = 'en') {
  return sampleInput({ policy, draft: sampleDraft({ brief: sampleBrief({ locale }), messages }) });
}

describe('findEmoji', () => {
  it('finds emoji with their modifiers and joins, but not ©, ™ or arrows', () => {
    expect(findEmoji('Hi 👋🏽 🎉🎉 👩‍👩‍👧 ❤️ 🇨🇳 Lumen™ © → 1️⃣').map((match) => match.term)).toEqual(['👋🏽', '🎉', '🎉', '👩‍👩‍👧', '❤️', '🇨🇳', '1️⃣']);
  });
});

describe('copy.brand_voice', () => {
  it('passes copy that follows the brand voice', () => {
    const input = inputFor([sampleMessage({ text: 'Great value picks are back 🎉' })]);
    expect(copyBrandVoice.check(input)).toEqual({
      verdict: { rule: 'copy.brand_voice', status: 'pass', detail: 'no words the brand avoids in the copy' },
      draft: input.draft,
      exclusions: [],
    });
    const noEmoji = inputFor([sampleMessage({ text: '好久不见' })], policyWith({ emoji: 'none' }), 'zh');
    expect(copyBrandVoice.check(noEmoji).verdict.detail).toBe('文案中没有品牌避免的词语，也没有表情符号');
  });

  it('swaps avoided words for their replacement in every language, keeping the case', () => {
    const input = inputFor([
      sampleMessage({ text: 'Cheap deals, hurry! 便宜好货' }),
      sampleMessage({ channel: 'push', variant: 'B', title: 'CHEAP', text: 'Nothing to change' }),
    ]);
    const outcome = copyBrandVoice.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'copy.brand_voice',
      status: 'fixed',
      detail:
        'applied the brand voice: sms A: "cheap" -> "great value", "hurry" -> "don\'t miss out", "便宜" -> "实惠"; push B: "cheap" -> "great value"',
    });
    expect(outcome.draft.messages).toEqual([
      sampleMessage({ text: "Great value deals, don't miss out! 实惠好货" }),
      sampleMessage({ channel: 'push', variant: 'B', title: 'GREAT VALUE', text: 'Nothing to change' }),
    ]);
  });

  it('removes emoji when the policy says none, and says so in Chinese', () => {
    const input = inputFor([sampleMessage({ text: '【乐萌】🎉双11来啦🎁！秒杀好物。回T退订' })], policyWith({ emoji: 'none' }), 'zh');
    const outcome = copyBrandVoice.check(input);
    expect(outcome.verdict).toEqual({
      rule: 'copy.brand_voice',
      status: 'fixed',
      detail: '已按品牌语调修改：短信A：“秒杀” -> “限时特惠”，删除 2 个表情符号',
    });
    expect(outcome.draft.messages[0]?.text).toBe('【乐萌】双11来啦！限时特惠好物。回T退订');
  });

  it('blocks a word to avoid that has no replacement', () => {
    const input = inputFor([sampleMessage({ text: 'Last chance: act now!' })], policyWith({ wordsToAvoid: { en: ['act now', { term: 'cheap', replacement: 'affordable' }] } }));
    expect(copyBrandVoice.check(input)).toEqual({
      verdict: {
        rule: 'copy.brand_voice',
        status: 'blocked',
        detail: 'the copy uses words the brand avoids and the policy gives no replacement for: "act now" (sms A)',
      },
      draft: input.draft,
      exclusions: [],
    });
    const zh = inputFor([sampleMessage({ text: '仅限今天，手慢无' })], policyWith({ wordsToAvoid: { zh: ['手慢无'] } }), 'zh');
    expect(copyBrandVoice.check(zh).verdict.detail).toBe('文案使用了品牌避免且政策未给出替换的词语：“手慢无”（短信A）');
  });

  it('blocks a message that is nothing but emoji', () => {
    const input = inputFor([sampleMessage({ text: '🎉🎉' })], policyWith({ emoji: 'none' }));
    expect(copyBrandVoice.check(input).verdict).toEqual({
      rule: 'copy.brand_voice',
      status: 'blocked',
      detail: 'the sms A copy has no text left without its emoji',
    });
  });
});
