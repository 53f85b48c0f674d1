// Reads the incentive a goal or edit names: percent off (10% off, 8折), an amount off ($20 off, 立减20),
// a spend threshold (满300减50) or free shipping. Never invents one: no offer words, no offer.
import type { Offer } from '../../../domain/brief.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { describeOffer } from './describe.ts';
import { NUM, maskSpan, matchAll, parseNumber, say } from './text.ts';

export interface ParseOfferOptions {
  /** Read a bare "5%" as 5% off (for edits such as "lower the discount to 5%"). */
  allowBarePercent?: boolean;
}

export interface ParsedOffer {
  offer: Offer | null;
  /** Further offers the text named; a campaign carries one, so these were left out. */
  dropped: Offer[];
  /** The text says outright that there is no discount ("no discount", "不打折"). */
  explicitlyNone: boolean;
}

const CURRENCY_BEFORE = '(\\$|€|£|¥|usd ?|rmb ?|cny ?|eur ?|gbp ?)?';
const CURRENCY_AFTER = '( ?(?:usd|dollars?|bucks|yuan|rmb|cny|euros?|pounds?|元|块钱?))?';
const MONEY = `${CURRENCY_BEFORE}${NUM}${CURRENCY_AFTER}`;

/** Currency a money phrase implies; goals without a sign mean yuan. */
export function currencyOf(...markers: ReadonlyArray<string | undefined>): string {
  const joined = markers.filter(Boolean).join(' ');
  if (/\$|usd|dollar|bucks|美元|美金|刀/.test(joined)) return 'USD';
  if (/€|eur/.test(joined)) return 'EUR';
  if (/£|gbp|pound/.test(joined)) return 'GBP';
  return 'CNY';
}

interface Found {
  offer: Offer;
  start: number;
  end: number;
  rank: number;
}

const NO_OFFER =
  /\bno (?:discount|offer|coupon|incentive|promo(?:tion)?)s?\b|\bwithout (?:a |an |any )?(?:discount|offer|coupon|incentive)s?\b|\b(?:remove|drop) the (?:discount|offer|coupon)\b|\bfull price\b|不打折|无折扣|不要(?:优惠|折扣|打折|券)|去掉(?:优惠|折扣|券)|取消(?:优惠|折扣)|没有优惠|不给优惠|不用优惠|原价/;

/** Spend-threshold phrasings; `spendFirst` when the threshold is named before the amount off. */
const THRESHOLD_PATTERNS: ReadonlyArray<{ pattern: RegExp; spendFirst: boolean }> = [
  { spendFirst: true, pattern: new RegExp(`每?满\\s*${MONEY}\\s*(?:可|立|就|即)?\\s*减\\s*${MONEY}`) },
  {
    spendFirst: false,
    pattern: new RegExp(`${MONEY} off (?:(?:on |for |your |their )?(?:orders?|purchases?|baskets?|carts?|spend) )?(?:of |over |above |at least |from |worth )+${MONEY}`),
  },
  { spendFirst: false, pattern: new RegExp(`${MONEY} off when (?:you |they |customers? )?spends? (?:over |at least |more than )?${MONEY}`) },
  { spendFirst: true, pattern: new RegExp(`spend (?:over |at least |more than )?${MONEY},? (?:and |to )?(?:get|save|take) ${MONEY}(?: off)?`) },
];

/** Turns "8", "8.5", "85", "八", "八五" before 折 into the percent off: 8折 = 20% off, 8.5折 = 15% off. */
function percentFromZhe(raw: string): number | null {
  const value = parseNumber(raw);
  if (!Number.isFinite(value)) return null;
  const tenths = value >= 10 ? value / 10 : value;
  if (tenths <= 0 || tenths >= 10) return null;
  return Math.round((10 - tenths) * 10 * 100) / 100;
}

function percentOffer(raw: string): Offer | null {
  const percent = parseNumber(raw);
  return Number.isFinite(percent) && percent > 0 && percent <= 100 ? { type: 'percent_off', percent } : null;
}

function amountOffer(raw: string, ...currencyMarkers: ReadonlyArray<string | undefined>): Offer | null {
  const amount = parseNumber(raw);
  return Number.isFinite(amount) && amount > 0 ? { type: 'amount_off', amount, currency: currencyOf(...currencyMarkers) } : null;
}

function findOffers(text: string, options: ParseOfferOptions): Found[] {
  const found: Found[] = [];
  let rest = text;
  const take = (pattern: RegExp, rank: number, build: (match: RegExpExecArray) => Offer | null): void => {
    for (const match of matchAll(pattern, rest)) {
      const offer = build(match);
      if (!offer) continue;
      found.push({ offer, start: match.index, end: match.index + match[0].length, rank });
      rest = maskSpan(rest, match.index, match.index + match[0].length);
    }
  };
  for (const { pattern, spendFirst } of THRESHOLD_PATTERNS) {
    take(pattern, 0, (m) => {
      const [first, second] = spendFirst ? [m[2], m[5]] : [m[5], m[2]];
      const threshold = parseNumber(first ?? '');
      const amount = parseNumber(second ?? '');
      if (!(threshold > 0 && amount > 0 && amount < threshold)) return null;
      return { type: 'threshold', threshold, amount, currency: currencyOf(m[1], m[3], m[4], m[6]) };
    });
  }
  take(new RegExp(`${NUM}\\s*(?:%|percent|per cent)\\s*(?:off|discount|coupon|voucher|savings?|的?折扣|的?优惠)`), 1, (m) => percentOffer(m[1] ?? ''));
  take(new RegExp(`\\b(?:discount|savings?|save|take|get)\\s+(?:of\\s+)?(?:up to\\s+|at most\\s+)?${NUM}\\s*(?:%|percent|per cent)`), 1, (m) => percentOffer(m[1] ?? ''));
  take(/(?<![\d.])(\d(?:\.\d)?|[1-9]\d|[一二三四五六七八九]{1,2})\s*折(?!扣)/, 1, (m) => {
    const percent = percentFromZhe(m[1] ?? '');
    return percent === null ? null : { type: 'percent_off', percent };
  });
  take(new RegExp(`(?:优惠|折扣|降价|让利|立减|直降|减|便宜)\\s*${NUM}\\s*%`), 1, (m) => percentOffer(m[1] ?? ''));
  if (options.allowBarePercent) take(new RegExp(`${NUM}\\s*(?:%|percent|per cent)`), 1, (m) => percentOffer(m[1] ?? ''));
  // 减20 and 立减20 are amounts off on their own; 优惠20 or 返20 only with a currency (优惠20% is a percentage).
  take(new RegExp(`(?:立减|直减|立省|直降|减|优惠|便宜|返)\\s*(¥|rmb ?)?${NUM}\\s*(元|块钱?|rmb)?(?!\\s*[%\\d])`), 2, (m) =>
    m[1] || m[3] || /立减|直减|立省|直降/.test(m[0]) || /^减/.test(m[0]) ? amountOffer(m[2] ?? '', m[1], m[3]) : null,
  );
  take(new RegExp(`${NUM}\\s*(元|块钱?)\\s*(?:的)?(?:优惠券|无门槛券|代金券|现金券|红包|券|优惠|立减)`), 2, (m) => amountOffer(m[1] ?? '', m[2]));
  take(new RegExp(`${MONEY}[ -]?(?:off|coupons?|vouchers?|discount|credit)\\b`), 2, (m) =>
    m[1] || m[3] || /\boff\b/.test(m[0]) ? amountOffer(m[2] ?? '', m[1], m[3]) : null,
  );
  take(/\bfree (?:shipping|delivery)\b|\bships? free\b|\bno shipping (?:fees?|costs?)\b|包邮|免运费|免邮|运费全免/, 3, () => ({ type: 'free_shipping' }));
  return found;
}

export function parseOffer(text: string, options: ParseOfferOptions = {}): ParsedOffer {
  const found = findOffers(text, options).sort((a, b) => a.rank - b.rank || a.start - b.start);
  const [primary, ...others] = found;
  return {
    offer: primary?.offer ?? null,
    dropped: others.map((item) => item.offer),
    explicitlyNone: !primary && NO_OFFER.test(text),
  };
}

/** Notes for the marketer about how the offer was read. */
export function offerAssumptions(parsed: ParsedOffer, locale: Locale): string[] {
  if (!parsed.offer || parsed.dropped.length === 0) return [];
  const kept = describeOffer(parsed.offer, locale);
  const dropped = parsed.dropped.map((offer) => describeOffer(offer, locale)).join(say(locale, ', ', '、'));
  return [
    say(locale, `one offer per campaign: kept ${kept}, left out ${dropped}`, `每个活动只用一种优惠：保留${kept}，未采用${dropped}`),
  ];
}
