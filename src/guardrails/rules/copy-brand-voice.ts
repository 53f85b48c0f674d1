// Rule `copy.brand_voice`: the parts of the brand voice a machine can check. Words the brand avoids
// (every locale's list, matched case- and width-insensitively) are swapped for the policy's
// replacement, or block the plan when the policy gives none; with `emoji: none` emoji are removed.
import type { z } from 'zod';
import type { PlannedMessage } from '../../domain/plan.ts';
import type { AvoidedWord, Policy } from '../../domain/policy.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { findBannedClaims, prepareClaims, rewriteClaims } from '../banned-claims.ts';
import type { ClaimMatch } from '../banned-claims.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { foldForMatching } from '../matching-text.ts';
import { formatCount } from '../plain-text.ts';
import { clauseSeparator, itemSeparator, joinIn, messageLabel, quote, say } from '../verdict-text.ts';

export const COPY_BRAND_VOICE = 'copy.brand_voice';

/** An emoji with its modifiers and joined sequences, flags and keycaps; ©, ™ and arrows are left alone. */
const EMOJI =
  /[\u{1F1E6}-\u{1F1FF}]{2}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)*(?:\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic})\uFE0F?[\u{1F3FB}-\u{1F3FF}]?)*|[#*0-9]\uFE0F\u20E3/gu;

const hasNoWords = /^[\s\p{P}\p{S}]*$/u;

type AvoidedWordEntry = z.infer<typeof AvoidedWord>;

/** Emoji in `text` as removable matches. */
export function findEmoji(text: string): ClaimMatch[] {
  return [...text.matchAll(EMOJI)].map((match) => ({ term: match[0], replacement: '', start: match.index, end: match.index + match[0].length }));
}

function prepareAvoidedWords(policy: Policy) {
  const entries = Object.values(policy.brandVoice.wordsToAvoid)
    .flat()
    .map((entry: AvoidedWordEntry) => (typeof entry === 'string' ? { term: entry } : entry));
  const withoutReplacement = new Set(entries.filter((entry) => entry.replacement === undefined).map((entry) => foldForMatching(entry.term.trim())));
  const claims = prepareClaims(entries.map((entry) => ({ term: entry.term, replacement: entry.replacement ?? '', except: entry.except })));
  return { claims, withoutReplacement };
}

interface MessageReview {
  message: PlannedMessage;
  replaced: string[];
  unreplaceable: string[];
  emojiRemoved: number;
  emptied: boolean;
}

function reviewMessage(message: PlannedMessage, policy: Policy, words: ReturnType<typeof prepareAvoidedWords>, locale: Locale): MessageReview {
  const review: MessageReview = { message, replaced: [], unreplaceable: [], emojiRemoved: 0, emptied: false };
  const reviewField = (value: string): string => {
    const matches = findBannedClaims(value, words.claims);
    const replaceable = matches.filter((match) => !words.withoutReplacement.has(foldForMatching(match.term.trim())));
    for (const match of matches) {
      if (replaceable.includes(match)) review.replaced.push(`${quote(match.term, locale)} -> ${quote(match.replacement, locale)}`);
      else review.unreplaceable.push(value.slice(match.start, match.end));
    }
    let revised = replaceable.length ? rewriteClaims(value, replaceable) : value;
    if (policy.brandVoice.emoji === 'none') {
      const emoji = findEmoji(revised);
      review.emojiRemoved += emoji.length;
      if (emoji.length) revised = rewriteClaims(revised, emoji);
    }
    return revised;
  };
  const title = message.title === null ? null : reviewField(message.title);
  const text = reviewField(message.text);
  review.message = { ...message, title: title !== null && hasNoWords.test(title) ? null : title, text };
  review.emptied = hasNoWords.test(text);
  return review;
}

function describeChanges(review: MessageReview, locale: Locale): string {
  const parts = [...review.replaced];
  if (review.emojiRemoved > 0) {
    parts.push(say(locale, `${formatCount(review.emojiRemoved)} emoji removed`, `删除 ${formatCount(review.emojiRemoved)} 个表情符号`));
  }
  return `${messageLabel(review.message, locale)}${say(locale, ': ', '：')}${parts.join(itemSeparator(locale))}`;
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy } = input;
  const locale = draft.brief.locale;
  const words = prepareAvoidedWords(policy);
  const reviews = draft.messages.map((message) => reviewMessage(message, policy, words, locale));
  const verdict = (status: 'pass' | 'fixed' | 'blocked', detail: string) => ({ rule: COPY_BRAND_VOICE, status, detail });

  const unreplaceable = reviews.flatMap((review) =>
    review.unreplaceable.map((word) => say(locale, `"${word}" (${messageLabel(review.message, locale)})`, `${quote(word, locale)}（${messageLabel(review.message, locale)}）`)),
  );
  if (unreplaceable.length > 0) {
    const detail = say(
      locale,
      `the copy uses words the brand avoids and the policy gives no replacement for: ${unreplaceable.join(', ')}`,
      `文案使用了品牌避免且政策未给出替换的词语：${unreplaceable.join('、')}`,
    );
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  const emptied = reviews.filter((review) => review.emptied).map((review) => messageLabel(review.message, locale));
  if (emptied.length > 0) {
    const detail = say(locale, `the ${joinIn(locale, emptied, 'and')} copy has no text left without its emoji`, `${joinIn(locale, emptied, 'and')}去掉表情符号后没有剩余文字`);
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  const changed = reviews.filter((review) => review.replaced.length > 0 || review.emojiRemoved > 0);
  if (changed.length === 0) {
    const noEmoji = policy.brandVoice.emoji === 'none';
    const detail = say(
      locale,
      `no words the brand avoids${noEmoji ? ' and no emoji' : ''} in the copy`,
      `文案中没有品牌避免的词语${noEmoji ? '，也没有表情符号' : ''}`,
    );
    return { verdict: verdict('pass', detail), draft, exclusions: [] };
  }
  const listed = changed.map((review) => describeChanges(review, locale)).join(clauseSeparator(locale));
  return {
    verdict: verdict('fixed', say(locale, `applied the brand voice: ${listed}`, `已按品牌语调修改：${listed}`)),
    draft: { ...draft, messages: reviews.map((review) => review.message) },
    exclusions: [],
  };
}

export const copyBrandVoice: GuardrailRule = { id: COPY_BRAND_VOICE, check };
