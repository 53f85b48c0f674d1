// Finds a behavioural trigger in a goal or edit: "2 hours after cart abandonment", "cart abandoners
// triggered 2 hours later", "3 days after purchase", "加购后2小时未付款", "下单后7天".
import type { EventType } from '../../../domain/vocabulary.ts';
import { NUM, WORD_NUM, matchAll, parseNumber } from './text.ts';

export interface FoundTrigger {
  event: EventType;
  delayMinutes: number;
  unlessEvent: EventType | null;
  start: number;
  end: number;
}

const MAX_DELAY_MINUTES = 60 * 24 * 30;

/** Event cues, strongest first: a cart mention beats the "purchase" in "without purchase". */
const EVENT_CUES: ReadonlyArray<{ event: EventType; pattern: RegExp }> = [
  { event: 'add_to_cart', pattern: /\bcarts?\b|\bbaskets?\b|\bcheckouts?\b|加购|购物车/ },
  { event: 'view', pattern: /\bview(?:s|ed|ing)?\b|\bbrows(?:e|ed|ing)\b|浏览/ },
  { event: 'click', pattern: /\bclick(?:s|ed|ing)?\b|点击/ },
  { event: 'open', pattern: /\bopen(?:s|ed|ing)?\b|打开/ },
  { event: 'login', pattern: /\blog(?:s|ged)? ?in\b|\bsign(?:s|ed)? ?in\b|登录/ },
  { event: 'purchase', pattern: /\bpurchas(?:e|es|ed|ing)\b|\bbuy(?:s|ing)?\b|\bbought\b|\border(?:s|ed)?\b|下单|购买|付款|支付/ },
];

const UNLESS: Partial<Record<EventType, EventType>> = { add_to_cart: 'purchase', view: 'purchase', click: 'purchase' };

function unitMinutes(unit: string): number {
  if (/^(?:min|分)/.test(unit)) return 1;
  if (/^(?:h|小时|个小时|钟头)/.test(unit)) return 60;
  return 1440;
}

const EN_DELAY = `(?:${WORD_NUM}|half an?)\\s*-?\\s*(minutes?|mins?|hours?|hrs?|h|days?|d)\\b`;
const DELAY_PATTERNS: readonly RegExp[] = [
  new RegExp(`${EN_DELAY}\\s*(?:after|later|of)\\b`),
  new RegExp(`\\b(?:after|wait)\\s+${EN_DELAY}`),
  new RegExp(`${NUM}\\s*(分钟|分|个小时|小时|钟头|天|日)\\s*(?:后|之后|以后)`),
  new RegExp(`(?:后|过|隔)\\s*${NUM}\\s*(分钟|个小时|小时|钟头|天)`),
  new RegExp(`(?:加购|加入购物车|浏览)[^,，。;；]{0,6}?${NUM}\\s*(分钟|个小时|小时|钟头|天)\\s*内?\\s*(?:未|没)`),
];

/** "90 days" in "no purchase in 90 days" is a lapse, not a delay: a purchase trigger must say "after purchase". */
const AFTER_PURCHASE = /\bafter (?:their |the |a |your |each )?(?:first |last |latest |recent )?(?:purchase|order|buying)|(?:购买|下单|付款|支付|买)(?:后|之后|以后)/;

/** The trigger the text describes, or null when it names no delay tied to an event. */
export function findTrigger(text: string): FoundTrigger | null {
  const cue = EVENT_CUES.find(({ pattern }) => pattern.test(text));
  if (!cue) return null;
  if (cue.event === 'purchase' && !AFTER_PURCHASE.test(text)) return null;
  for (const pattern of DELAY_PATTERNS) {
    for (const m of matchAll(pattern, text)) {
      const halfAn = /^half an?/.test(m[0].replace(/^(?:after|wait)\s+/, ''));
      const amount = halfAn ? 0.5 : parseNumber(m[1] ?? '');
      const unit = (halfAn ? m[2] ?? m[1] : m[2]) ?? '';
      const delayMinutes = Math.round(amount * unitMinutes(unit));
      if (!(delayMinutes >= 0 && delayMinutes <= MAX_DELAY_MINUTES) || !Number.isFinite(amount)) continue;
      return { event: cue.event, delayMinutes, unlessEvent: UNLESS[cue.event] ?? null, start: m.index, end: m.index + m[0].length };
    }
  }
  return null;
}
