// Finds the discount figures copy advertises, in English and Chinese: "30% off", "save 30%",
// "立减30%", "7折", "七五折", "半价", "满300减50", "¥50 off orders over ¥300", and bare amounts
// such as "¥50", "50元" or "立减50". Matching runs on width-folded text, offsets are the original's.
import { originalSpan, toMatchingText } from './matching-text.ts';
import type { MatchingText } from './matching-text.ts';

export type DiscountFigureKind = 'percent_off' | 'zhe' | 'half_price' | 'threshold' | 'amount';

export interface DiscountFigure {
  kind: DiscountFigureKind;
  /** Original offsets of the whole figure. */
  start: number;
  end: number;
  /** Original offsets of the part a fix rewrites (the number; the whole figure for 半价). */
  numberStart: number;
  numberEnd: number;
  /** How deep a discount the figure states, in percent; null for a bare amount. */
  percentOff: number | null;
  /** Amount off, for `threshold` and `amount` figures. */
  amount: number | null;
  /** Spend threshold, for `threshold` figures. */
  threshold: number | null;
  /** How a `zhe` figure wrote its number: `7`, `7.5`, `75` or Chinese numerals `七五`. */
  zheStyle: 'digits' | 'two_digits' | 'chinese' | null;
}

const chineseDigits = '〇一二三四五六七八九';
const money = String.raw`(?:[¥$€£]\s?|(?:cny|rmb|usd|eur)\s?)`;
const number = String.raw`(\d+(?:\.\d+)?)`;
const percentNumber = String.raw`(\d{1,3}(?:\.\d+)?)`;

interface Reading {
  numberGroup: number;
  percentOff: number | null;
  amount?: number;
  threshold?: number;
  zheStyle?: DiscountFigure['zheStyle'];
  wholeFigureIsNumber?: boolean;
}

interface FigurePattern {
  kind: DiscountFigureKind;
  pattern: RegExp;
  read(groups: ReadonlyArray<string | undefined>): Reading | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function readPercent(groups: ReadonlyArray<string | undefined>): Reading | null {
  const percent = Number(groups[1]);
  return percent > 0 && percent <= 100 ? { numberGroup: 1, percentOff: percent } : null;
}

function zheReading(zhe: number, style: DiscountFigure['zheStyle']): Reading | null {
  return zhe > 0 && zhe < 10 ? { numberGroup: 1, percentOff: round2(100 - zhe * 10), zheStyle: style } : null;
}

function thresholdReading(threshold: number, amount: number, numberGroup: number): Reading | null {
  if (!(threshold > 0) || !(amount > 0)) return null;
  return { numberGroup, percentOff: round2(Math.min(100, (amount / threshold) * 100)), amount, threshold };
}

/** Earlier patterns win where figures overlap: 满300减50 is a threshold, not an amount "减50". */
const patterns: FigurePattern[] = [
  {
    kind: 'threshold',
    pattern: new RegExp(String.raw`满\s?${number}\s?(?:元|块)?\s?立?减\s?${number}(?!\s?[%\d.])`, 'dgu'),
    read: (groups) => thresholdReading(Number(groups[1]), Number(groups[2]), 2),
  },
  {
    kind: 'threshold',
    pattern: new RegExp(
      String.raw`${money}?${number} off (?:(?:orders?|purchases?|spend(?:ing)?) )?(?:of|over|above|from) ${money}?${number}`,
      'dgu',
    ),
    read: (groups) => thresholdReading(Number(groups[2]), Number(groups[1]), 1),
  },
  {
    kind: 'threshold',
    pattern: new RegExp(
      String.raw`spend ${money}?${number}(?:\+| or more)?,? (?:and )?(?:get|save) ${money}?${number}(?!\s?[%\d.])`,
      'dgu',
    ),
    read: (groups) => thresholdReading(Number(groups[1]), Number(groups[2]), 2),
  },
  {
    kind: 'percent_off',
    pattern: new RegExp(String.raw`(?<![\d.])${percentNumber}\s?(?:%|percent)\s?(?:off|discount)\b`, 'dgu'),
    read: readPercent,
  },
  {
    kind: 'percent_off',
    pattern: new RegExp(String.raw`\b(?:save|extra|take|get)\s(?:up to\s)?${percentNumber}\s?(?:%|percent)`, 'dgu'),
    read: readPercent,
  },
  {
    kind: 'percent_off',
    pattern: new RegExp(String.raw`(?:减|优惠|省|让利|折扣|低至)\s?${percentNumber}\s?%`, 'dgu'),
    read: readPercent,
  },
  {
    kind: 'percent_off',
    pattern: new RegExp(String.raw`(?<![\d.])${percentNumber}\s?%\s?(?:折扣|优惠)`, 'dgu'),
    read: readPercent,
  },
  {
    kind: 'zhe',
    pattern: /(?<![\d.])(\d\.\d|\d{1,2})\s?折(?!扣)/dgu,
    read: (groups) => {
      const written = groups[1] ?? '';
      const twoDigits = /^\d\d$/.test(written);
      return zheReading(twoDigits ? Number(written) / 10 : Number(written), twoDigits ? 'two_digits' : 'digits');
    },
  },
  {
    kind: 'zhe',
    pattern: /(?<![〇一二三四五六七八九十百千万两])([一二三四五六七八九][〇一二三四五六七八九]?)折(?!扣)/dgu,
    read: (groups) => {
      const [whole = 0, tenth] = [...(groups[1] ?? '')].map((digit) => chineseDigits.indexOf(digit));
      return zheReading(whole + (tenth ?? 0) / 10, 'chinese');
    },
  },
  {
    kind: 'half_price',
    pattern: /(半价)/dgu,
    read: () => ({ numberGroup: 1, percentOff: 50, wholeFigureIsNumber: true }),
  },
  {
    kind: 'amount',
    pattern: new RegExp(String.raw`${money}${number}`, 'dgu'),
    read: (groups) => ({ numberGroup: 1, percentOff: null, amount: Number(groups[1]) }),
  },
  {
    kind: 'amount',
    pattern: new RegExp(String.raw`(?<![\d.])${number}\s?(?:元|块|yuan\b|rmb\b|cny\b)`, 'dgu'),
    read: (groups) => ({ numberGroup: 1, percentOff: null, amount: Number(groups[1]) }),
  },
  {
    kind: 'amount',
    // A number followed by a date or time unit (优惠11月30日截止) is a date, not an amount.
    pattern: new RegExp(String.raw`(?:立减|减|省|抵|优惠)\s?${number}(?![\d.%折]|\s?(?:月|日|号|点|时|年|:))`, 'dgu'),
    read: (groups) => ({ numberGroup: 1, percentOff: null, amount: Number(groups[1]) }),
  },
  {
    kind: 'amount',
    pattern: new RegExp(String.raw`(?<![\d.])${number} off\b`, 'dgu'),
    read: (groups) => ({ numberGroup: 1, percentOff: null, amount: Number(groups[1]) }),
  },
];

function figuresOf(text: MatchingText, figurePattern: FigurePattern): DiscountFigure[] {
  const figures: DiscountFigure[] = [];
  for (const match of text.folded.matchAll(figurePattern.pattern)) {
    const reading = figurePattern.read(match);
    const whole = match.indices?.[0];
    const group = match.indices?.[reading?.numberGroup ?? 0];
    if (!reading || !whole || !group) continue;
    const span = originalSpan(text, whole[0], whole[1]);
    const numberSpan = originalSpan(text, group[0], group[1]);
    if (!span || !numberSpan) continue;
    figures.push({
      kind: figurePattern.kind,
      ...span,
      numberStart: numberSpan.start,
      numberEnd: numberSpan.end,
      percentOff: reading.percentOff,
      amount: reading.amount ?? null,
      threshold: reading.threshold ?? null,
      zheStyle: reading.zheStyle ?? null,
    });
  }
  return figures;
}

/** Every discount figure in `text`, in reading order, never overlapping. */
export function findDiscountFigures(text: string): DiscountFigure[] {
  const matching = toMatchingText(text);
  const taken: DiscountFigure[] = [];
  for (const figurePattern of patterns) {
    for (const figure of figuresOf(matching, figurePattern)) {
      if (!taken.some((other) => figure.start < other.end && other.start < figure.end)) taken.push(figure);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** A 折 number in the style the copy used: 7, 7.5, 75 or 七五. */
export function writeZhe(zhe: number, style: DiscountFigure['zheStyle']): string {
  const tenths = Math.round(zhe * 10);
  const whole = Math.floor(tenths / 10);
  const tenth = tenths % 10;
  if (style === 'chinese') return chineseDigits[whole]! + (tenth ? chineseDigits[tenth]! : '');
  if (tenth === 0) return String(whole);
  return style === 'two_digits' ? `${whole}${tenth}` : `${whole}.${tenth}`;
}
