// The offline goal parser: turns a marketer's plain-language goal (English or Chinese) into a Brief and
// a segment definition, with the assumptions it made and, when the goal is too vague to plan or asks
// for a channel the product cannot use, one question to ask back. Deterministic: `now` comes in options.
import { Brief, type Objective } from '../../../domain/brief.ts';
import { SegmentDefinition } from '../../../domain/segment.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { buildSegment } from './build-segment.ts';
import { checkedOutput } from './checked.ts';
import { detectLocale } from './detect-locale.ts';
import { type GoalContext, type ParseGoalOptions, goalContext } from './goal-context.ts';
import { parseAudience } from './parse-audience.ts';
import { parseBudget } from './parse-budget.ts';
import { DEFAULT_CHANNELS, defaultChannelsAssumption, parseChannels, unsupportedChannelQuestion } from './parse-channels.ts';
import { detectObjective } from './parse-objective.ts';
import { offerAssumptions, parseOffer } from './parse-offer.ts';
import { findTimingParts, resolveTiming } from './parse-timing.ts';
import { normalizeText, say } from './text.ts';

export type { ParseGoalOptions } from './goal-context.ts';
export { DEFAULT_TIME_ZONE } from './goal-context.ts';

export interface ParsedGoal {
  /** 'zh' when the goal is mostly Chinese, else 'en'. */
  locale: Locale;
  brief: Brief;
  segment: SegmentDefinition;
  /** In the goal's language: what vague words or missing parts were taken to mean. */
  assumptions: string[];
  /** One question in the goal's language when the goal cannot be planned as written; else null. */
  clarification: string | null;
}

const MAX_GOAL_LENGTH = 2000;

export function vagueGoalQuestion(locale: Locale): string {
  return say(
    locale,
    "Who should this campaign reach, and what should it achieve? For example: 'win back customers who haven't bought in 90 days by SMS'.",
    '这次活动想触达哪些用户、达成什么目标？例如：“用短信召回90天未购买的用户”。',
  );
}

/** Everything the goal says, each part read by its own parser from the normalised text. */
function readGoal(goal: string, context: GoalContext, locale: Locale) {
  const text = normalizeText(goal);
  const timingParts = findTimingParts(text, { now: context.now, locale });
  const cartDelayMinutes = timingParts.trigger?.event === 'add_to_cart' ? timingParts.trigger.delayMinutes : null;
  return {
    timingParts,
    cartDelayMinutes,
    objectiveCue: detectObjective(text),
    audience: parseAudience(text, { today: context.today, locale, categories: context.categories, cartDelayMinutes }),
    channels: parseChannels(text),
    offer: parseOffer(text),
    budget: parseBudget(text),
  };
}

export function parseGoal(goal: string, options: ParseGoalOptions): ParsedGoal {
  if (typeof goal !== 'string' || goal.trim() === '') {
    throw new CodedError(ErrorCode.InvalidInput, "goal is empty: say what the campaign should achieve, e.g. 'win back customers who haven't bought in 90 days by SMS'");
  }
  if (goal.length > MAX_GOAL_LENGTH) {
    throw new CodedError(ErrorCode.InvalidInput, `goal is too long: ${goal.length} characters, at most ${MAX_GOAL_LENGTH}`);
  }
  const context = goalContext(options);
  const locale = detectLocale(goal);
  const read = readGoal(goal, context, locale);

  const objective: Objective = read.objectiveCue?.objective ?? 'conversion';
  const built = buildSegment({ audience: read.audience, objective, locale, cartDelayMinutes: read.cartDelayMinutes });
  const timing = resolveTiming(read.timingParts, { now: context.now, locale });
  const channels = read.channels.channels.length > 0 ? read.channels.channels : [...DEFAULT_CHANNELS];
  const assumptions = [
    ...built.assumptions,
    ...(read.objectiveCue ? [] : [say(locale, 'no objective named: treated as a conversion campaign', '未说明目标：按促进转化处理')]),
    ...(read.channels.channels.length > 0 ? [] : [defaultChannelsAssumption(locale)]),
    ...offerAssumptions(read.offer, locale),
    ...timing.assumptions,
  ];
  const brief: Brief = {
    goal,
    objective,
    channels,
    offer: read.offer.offer,
    timing: timing.timing,
    locale,
    category: read.audience.promotedCategory,
    budget: read.budget,
  };

  // Too vague to plan: nothing says what to achieve (no objective, offer or product) nor whom to reach.
  const tooVague = !read.objectiveCue && read.audience.conditions.length === 0 && !read.offer.offer && !brief.category;
  let clarification: string | null = null;
  if (tooVague) clarification = vagueGoalQuestion(locale);
  else if (read.channels.unsupported.length > 0) clarification = unsupportedChannelQuestion(read.channels.unsupported, locale);

  return {
    locale,
    brief: checkedOutput(Brief, brief, 'brief'),
    segment: checkedOutput(SegmentDefinition, built.segment, 'segment'),
    assumptions,
    clarification,
  };
}
