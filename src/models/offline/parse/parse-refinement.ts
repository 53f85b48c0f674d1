// Reads a follow-up chat message about a proposed plan: approve it, reject it, edit it (channels,
// offer, timing, audience, budget; several edits in one message all apply), or recognise that the
// message is a fresh goal. Deterministic: relative dates are resolved against `options.now`.
import { Brief } from '../../../domain/brief.ts';
import { SegmentDefinition } from '../../../domain/segment.ts';
import type { Channel, Locale } from '../../../domain/vocabulary.ts';
import { checkedOutput } from './checked.ts';
import { detectLocale, hasWords } from './detect-locale.ts';
import { describeOffer, describeTiming } from './describe.ts';
import { type GoalContext, type ParseGoalOptions, goalContext } from './goal-context.ts';
import { parseBudget } from './parse-budget.ts';
import { describeChannels } from './parse-channels.ts';
import { detectObjective } from './parse-objective.ts';
import { parseOffer } from './parse-offer.ts';
import { findTimingParts, reviseTiming } from './parse-timing.ts';
import { reviseAudience } from './refine-audience.ts';
import { reviseChannels } from './refine-channels.ts';
import { topLevelConditions, segmentOf } from './segment-tree.ts';
import { categoryLabel } from './categories.ts';
import { normalizeText, say } from './text.ts';

export type Refinement =
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string | null }
  | { kind: 'revise'; brief: Brief; segment: SegmentDefinition; changes: string[] }
  | { kind: 'new_goal' }
  | { kind: 'unclear'; question: string };

export interface CurrentPlan {
  brief: Brief;
  segment: SegmentDefinition;
}

const REJECT =
  /^\s*no\b|\b(?:reject(?:ed)?|cancel(?:l?ed)?|abort|scrap (?:it|that|this)|never ?mind|don'?t (?:send|approve|do it)|do not (?:send|approve)|not approved|stop (?:it|this|the campaign))\b|不同意|不批准|不通过|不可以|不行|取消|不要了|驳回|算了|不发了|拒绝|别发|否决/i;
/** Words that reject the whole plan even when the message also mentions parts of it. */
const FIRM_REJECT = /\b(?:reject(?:ed)?|not approved|do not approve|don'?t approve)\b|驳回|拒绝|否决|不同意|不批准|不通过/;
const APPROVE =
  /^\s*(?:yes|yep|yeah|ok(?:ay)?|sure|go|send|perfect|great|confirm(?:ed)?)\b|\b(?:approved?|lgtm|looks (?:good|great|fine)|good to go|go ahead|ship it|send it|launch it|do it|sounds good|all good)\b|批准|同意|通过|没问题|可以|发吧|确认|好的|就这样|没毛病|上线吧|^\s*行\s*[!！。.]?\s*$|^\s*好\s*[!！。.]?\s*$/;
const EDIT_VERBS =
  /\b(?:only|just|instead|change|switch|make it|move|add|also|drop|remove|lower|reduce|decrease|exclude|include|limit|restrict|narrow|replace|rather|no longer|any)\b|改|换成|只|仅|加上|添加|去掉|删除|删掉|不要|不用|调整|降低|限定|排除|也要|再加|不限/;
const GOAL_VERBS =
  /\b(?:win back|re-?engage|reactivate|increase|raise|boost|grow|drive|promote|announce|launch|recommend|cross-?sell|upsell|remind|target|convert|campaign)\b|召回|唤醒|提升|提高|增加|推广|宣传|发布|推荐|交叉销售|提醒|拉新|促进|做个|做一个|活动/;
const CART_WORDS = /\badd(?:ed|s)? (?:it |items |products )?to (?:the |their )?cart\b|\bcart abandon\w*|\babandon\w* (?:their |the )?carts?\b|加购|加入购物车|购物车/g;

function unclearQuestion(locale: Locale): string {
  return say(
    locale,
    "I didn't catch a change. Reply 'approve' to go ahead or 'reject' to cancel, or say what to change, e.g. 'push only', '15% off', 'send Friday 9am', 'only women in Shanghai'.",
    '没太明白要改什么。回复“批准”执行、“驳回”取消，或直接说要改的地方，例如：“只发推送”“改成85折”“改到周五上午9点”“只要上海的女性”。',
  );
}

/** What follows the reject word, in the marketer's own words: "reject: discount too deep" -> "discount too deep". */
function rejectReason(message: string): string | null {
  const punctuation = /^[\s,.;:!?，。；：！？、-]+|[\s,.;:!?，。；：！？、-]+$/g;
  const filler = /^(?:(?:(?:it|this|that|the (?:campaign|plan)|please|for now)\b|吧|了|这个|这次|活动|方案|它)[\s,.;:!?，。；：！？]*)+/i;
  const rest = message.trim().replace(REJECT, ' ').replace(punctuation, '').replace(filler, '').replace(punctuation, '');
  const reason = rest.replace(/^(?:because|since|as|reason|因为|原因是?)[\s:：,，]*/i, '').trim();
  return reason.length >= 2 ? reason : null;
}

export function parseRefinement(message: string, current: CurrentPlan, options: ParseGoalOptions): Refinement {
  const goalLocale = current.brief.locale;
  const replyLocale: Locale = hasWords(message) ? detectLocale(message) : goalLocale;
  const text = normalizeText(message);
  if (!text) return { kind: 'unclear', question: unclearQuestion(replyLocale) };
  const context = goalContext(options);

  if (FIRM_REJECT.test(text)) return { kind: 'reject', reason: rejectReason(message) };
  if (detectObjective(text) && GOAL_VERBS.test(text) && !EDIT_VERBS.test(text)) return { kind: 'new_goal' };

  const revised = reviseBriefAndSegment(text, current, context, goalLocale);
  if (revised.problem) return { kind: 'unclear', question: revised.problem };
  if (revised.changes.length > 0) {
    return { kind: 'revise', brief: checkedOutput(Brief, revised.brief, 'brief'), segment: checkedOutput(SegmentDefinition, revised.segment, 'segment'), changes: revised.changes };
  }
  if (REJECT.test(text)) return { kind: 'reject', reason: rejectReason(message) };
  // Approval sends the campaign, so a message that also talks about parts of the plan is asked back about.
  if (revised.alreadySo.length > 0) return { kind: 'unclear', question: alreadySoQuestion(revised.alreadySo, goalLocale) };
  if (APPROVE.test(text)) return { kind: 'approve' };
  if (detectObjective(text)) return { kind: 'new_goal' };
  return { kind: 'unclear', question: unclearQuestion(replyLocale) };
}

interface Revised {
  brief: Brief;
  segment: SegmentDefinition;
  changes: string[];
  /** Edits the message asked for that the plan already has ("only SMS" when it is SMS only). */
  alreadySo: string[];
  problem: string | null;
}

function alreadySoQuestion(alreadySo: readonly string[], locale: Locale): string {
  return say(
    locale,
    `The plan already has that (${alreadySo.join('; ')}). Reply 'approve' to go ahead, or tell me what else to change.`,
    `方案已经是这样了（${alreadySo.join('；')}）。可以回复“批准”，或告诉我还要改什么。`,
  );
}

function reviseBriefAndSegment(text: string, current: CurrentPlan, context: GoalContext, locale: Locale): Revised {
  const brief: Brief = { ...current.brief };
  let segment = current.segment;
  const changes: string[] = [];
  const alreadySo: string[] = [];
  const label = (en: string, zh: string): string => say(locale, `${en}: `, `${zh}：`);
  const channelsText = (list: readonly Channel[]): string =>
    `${label('channels', '渠道')}${list.length === 1 ? say(locale, '', '仅') : ''}${describeChannels(list, locale)}${list.length === 1 ? say(locale, ' only', '') : ''}`;

  const channels = reviseChannels(text, brief.channels);
  if (channels && channels.length === 0) {
    return { brief, segment, changes, alreadySo, problem: say(locale, 'That would leave no channel. Which should it use: SMS, email, push or WeCom?', '这样就没有发送渠道了。要用哪个渠道：短信、邮件、推送还是企业微信？') };
  }
  if (channels && channels.join() !== brief.channels.join()) {
    brief.channels = channels;
    changes.push(channelsText(channels));
  } else if (channels) alreadySo.push(channelsText(channels));

  const offer = parseOffer(text, { allowBarePercent: /\b(?:discount|offer|coupon|deal)\b|折扣|优惠|打折/.test(text) });
  const nextOffer = offer.offer ?? (offer.explicitlyNone ? null : brief.offer);
  if (JSON.stringify(nextOffer) !== JSON.stringify(brief.offer)) {
    brief.offer = nextOffer;
    changes.push(`${label('offer', '优惠')}${describeOffer(nextOffer, locale)}`);
  } else if (offer.offer || offer.explicitlyNone) alreadySo.push(`${label('offer', '优惠')}${describeOffer(nextOffer, locale)}`);

  const parts = findTimingParts(text, { now: context.now, locale });
  const timing = reviseTiming(parts, brief.timing, { now: context.now, locale });
  if (timing && JSON.stringify(timing) !== JSON.stringify(brief.timing)) {
    brief.timing = timing;
    changes.push(`${label('timing', '时间')}${describeTiming(timing, locale)}`);
  } else if (timing) alreadySo.push(`${label('timing', '时间')}${describeTiming(timing, locale)}`);

  // A trigger names the cart to time the send, not a new audience: it retimes an existing cart condition.
  const cartDelay = parts.trigger?.event === 'add_to_cart' ? parts.trigger.delayMinutes : null;
  const audienceText = parts.trigger ? text.replace(CART_WORDS, (words) => ' '.repeat(words.length)) : text;
  if (cartDelay !== null && cartDelay > 0) {
    const retimed = topLevelConditions(segment.root).map((condition) =>
      condition.kind === 'sequence' && condition.first === 'add_to_cart' ? { ...condition, withinMinutes: cartDelay } : condition,
    );
    segment = segmentOf(retimed);
  }
  const audience = reviseAudience({ text: audienceText, segment, context: { today: context.today, locale, categories: context.categories, cartDelayMinutes: cartDelay }, locale });
  if (audience) {
    segment = audience.segment;
    changes.push(...audience.changes);
    if (audience.recognized && audience.changes.length === 0) alreadySo.push(say(locale, 'audience unchanged', '人群不变'));
    if (audience.promotedCategory && audience.promotedCategory !== brief.category) {
      brief.category = audience.promotedCategory;
      changes.push(`${label('category', '品类')}${categoryLabel(audience.promotedCategory, locale)}`);
    }
  }

  const budget = parseBudget(text);
  if (budget && JSON.stringify(budget) !== JSON.stringify(brief.budget)) {
    brief.budget = budget;
    changes.push(`${label('budget', '预算')}${budget.amount} ${budget.currency}`);
  } else if (budget) alreadySo.push(`${label('budget', '预算')}${budget.amount} ${budget.currency}`);
  return { brief, segment, changes, alreadySo, problem: null };
}
