// Applies audience edits from a follow-up message to the current segment: "only women", "only in
// Shanghai", "ages 20-35", "只要上海的", and widening ones such as "any age" or "不限城市".
import type { Condition, SegmentDefinition } from '../../../domain/segment.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { describeCondition } from './describe.ts';
import type { AudienceContext } from './parse-audience.ts';
import { TWELVE_MONTHS, parseAudience } from './parse-audience.ts';
import { conditionKey, mergeConditions, segmentOf, topLevelConditions } from './segment-tree.ts';
import { say } from './text.ts';

const WIDEN: ReadonlyArray<{ keys: readonly string[]; pattern: RegExp; en: string; zh: string }> = [
  { keys: ['age'], pattern: /\b(?:any|all) ages?\b|\bno age (?:limit|filter|restriction)\b|不限年龄|年龄不限|去掉年龄/, en: 'audience: any age', zh: '人群：不限年龄' },
  {
    keys: ['gender'],
    pattern: /\b(?:any|all|both) genders?\b|\b(?:men and women|women and men)\b|\binclude (?:men|women) (?:too|as well)\b|不限性别|男女都|男女不限|去掉性别/,
    en: 'audience: any gender',
    zh: '人群：不限性别',
  },
  {
    keys: ['profile:city', 'not:profile:city'],
    pattern: /\b(?:any|all) cit(?:y|ies)\b|\bnationwide\b|\beverywhere\b|不限城市|城市不限|全国|所有城市|去掉城市/,
    en: 'audience: any city',
    zh: '人群：不限城市',
  },
];

export interface AudienceRevision {
  segment: SegmentDefinition;
  changes: string[];
  promotedCategory: string | null;
  /** The message named audience words, whether or not they changed anything. */
  recognized: boolean;
}

export interface ReviseAudienceInput {
  text: string;
  segment: SegmentDefinition;
  context: AudienceContext;
  /** The locale of the goal, which the list of changes is written in. */
  locale: Locale;
}

/** The segment after the message's audience edits, one change line per edit; null when it names no audience. */
export function reviseAudience({ text, segment, context, locale }: ReviseAudienceInput): AudienceRevision | null {
  const changes: string[] = [];
  let conditions = topLevelConditions(segment.root);
  let recognized = false;
  for (const widen of WIDEN) {
    if (!widen.pattern.test(text)) continue;
    recognized = true;
    const before = conditions.length;
    conditions = conditions.filter((condition) => !widen.keys.includes(conditionKey(condition)));
    if (conditions.length !== before) changes.push(say(locale, widen.en, widen.zh));
  }
  const found = parseAudience(text, context);
  const incoming = found.conditions.filter((condition) => !widen(condition, text));
  for (const condition of incoming) {
    const same = conditions.find((existing) => JSON.stringify(existing) === JSON.stringify(condition));
    if (!same) changes.push(`${say(locale, 'audience', '人群')}${say(locale, ': ', '：')}${describeCondition(condition, locale)}`);
  }
  conditions = mergeConditions(conditions, incoming);
  recognized ||= incoming.length > 0;
  if (!recognized && !found.promotedCategory) return null;
  if (conditions.length === 0) conditions = [{ kind: 'order_stat', metric: 'count', window: TWELVE_MONTHS, min: 1 }];
  return { segment: segmentOf(conditions), changes, promotedCategory: found.promotedCategory, recognized };
}

/** A condition the same message also widens away (gender from "men and women") is not added back. */
function widen(condition: Condition, text: string): boolean {
  return WIDEN.some((rule) => rule.pattern.test(text) && rule.keys.includes(conditionKey(condition)));
}
