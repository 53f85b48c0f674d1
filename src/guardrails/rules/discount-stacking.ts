// Rule `discount.stacking`: unless the policy allows stacking, a message advertises one offer. Copy
// that adds a second discount, free shipping or a separate coupon to the plan's offer is fixed by
// dropping the clauses that carry the extra offer; when the offers share a clause, or nothing would
// be left, the plan is blocked.
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { dropClauses, splitClauses } from '../copy-clauses.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { findOfferMentions, keysOfOffer } from '../offer-mentions.ts';
import type { OfferMention } from '../offer-mentions.ts';
import { clauseSeparator, joinIn, messageLabel, quote, say } from '../verdict-text.ts';

export const DISCOUNT_STACKING = 'discount.stacking';

const hasNoWords = /^[\s\p{P}\p{S}]*$/u;

interface FieldReview {
  value: string;
  removed: string[];
  entangled: string[];
}

/** Drops the clauses advertising offers other than `keep`; a clause advertising both is entangled. */
function reviewField(value: string, mentions: readonly OfferMention[], keep: ReadonlySet<string>): FieldReview {
  const extra = mentions.filter((mention) => !keep.has(mention.key));
  if (extra.length === 0) return { value, removed: [], entangled: [] };
  const inClause = (clause: { start: number; end: number }, mention: OfferMention) => mention.start < clause.end && clause.start < mention.end;
  const removed: string[] = [];
  const entangled: string[] = [];
  for (const clause of splitClauses(value)) {
    const here = mentions.filter((mention) => inClause(clause, mention));
    if (!here.some((mention) => !keep.has(mention.key))) continue;
    if (here.some((mention) => keep.has(mention.key))) entangled.push(clause.body.trim());
    else removed.push(clause.body.trim());
  }
  const dropped = new Set(removed);
  return { value: dropClauses(value, (clause) => dropped.has(clause.body.trim())), removed, entangled };
}

interface MessageReview {
  message: PlannedMessage;
  kept: string | null;
  removed: string[];
  entangled: string[];
  emptied: boolean;
}

function reviewMessage(message: PlannedMessage, offerKeys: readonly string[]): MessageReview {
  const titleMentions = message.title === null ? [] : findOfferMentions(message.title);
  const textMentions = findOfferMentions(message.text);
  const all = [...titleMentions, ...textMentions];
  const keys = new Set(all.map((mention) => mention.key));
  const unchanged = { message, kept: null, removed: [], entangled: [], emptied: false };
  if (keys.size <= 1) return unchanged;
  const planned = all.find((mention) => offerKeys.includes(mention.key));
  const keep = new Set(planned ? offerKeys : [all[0]!.key]);
  if (all.every((mention) => keep.has(mention.key))) return unchanged;
  const keptMention = planned ?? all[0]!;
  const keptSource = titleMentions.includes(keptMention) ? message.title! : message.text;
  const title = message.title === null ? null : reviewField(message.title, titleMentions, keep);
  const text = reviewField(message.text, textMentions, keep);
  return {
    message: { ...message, title: title === null || hasNoWords.test(title.value) ? null : title.value, text: text.value },
    kept: keptSource.slice(keptMention.start, keptMention.end),
    removed: [...(title?.removed ?? []), ...text.removed],
    entangled: [...(title?.entangled ?? []), ...text.entangled],
    emptied: hasNoWords.test(text.value),
  };
}

function quoted(texts: readonly string[], locale: Locale): string {
  return joinIn(locale, texts.map((text) => quote(text, locale)), 'and');
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy } = input;
  const locale = draft.brief.locale;
  const verdict = (status: 'pass' | 'fixed' | 'blocked', detail: string) => ({ rule: DISCOUNT_STACKING, status, detail });
  if (policy.discount.allowStacking) {
    return { verdict: verdict('pass', say(locale, 'the policy allows stacking offers', '政策允许叠加优惠')), draft, exclusions: [] };
  }
  const offerKeys = keysOfOffer(draft.brief.offer);
  const reviews = draft.messages.map((message) => reviewMessage(message, offerKeys));
  const changed = reviews.filter((review) => review.kept !== null);
  if (changed.length === 0) {
    return {
      verdict: verdict('pass', say(locale, 'each message advertises at most one offer', '每条文案最多宣传一项优惠')),
      draft,
      exclusions: [],
    };
  }
  const blocked = changed.filter((review) => review.entangled.length > 0 || review.emptied);
  if (blocked.length > 0) {
    const reasons = blocked.map((review) => {
      const name = messageLabel(review.message, locale);
      return review.entangled.length > 0
        ? say(locale, `${name} combines offers in ${quoted(review.entangled, locale)}`, `${name}在${quoted(review.entangled, locale)}中合并了多项优惠`)
        : say(locale, `${name} has no text left without its extra offers`, `${name}去掉额外优惠后没有剩余文字`);
    });
    const detail = say(
      locale,
      `the policy does not allow stacking offers: ${reasons.join('; ')}`,
      `政策不允许叠加优惠：${reasons.join('；')}`,
    );
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  const fixes = changed.map((review) => {
    const name = messageLabel(review.message, locale);
    const kept = quote(review.kept!, locale);
    return say(
      locale,
      `${name}: kept ${kept}, removed ${quoted(review.removed, locale)}`,
      `${name}：保留${kept}，删除${quoted(review.removed, locale)}`,
    );
  });
  const detail = say(
    locale,
    `the copy advertised more than one offer and the policy does not allow stacking; ${fixes.join(clauseSeparator(locale))}`,
    `文案宣传了多项优惠，而政策不允许叠加；${fixes.join(clauseSeparator(locale))}`,
  );
  return {
    verdict: verdict('fixed', detail),
    draft: { ...draft, messages: reviews.map((review) => review.message) },
    exclusions: [],
  };
}

export const discountStacking: GuardrailRule = { id: DISCOUNT_STACKING, check };
