// The calendar of the demo history: the 180 days ending at as-of, how busy each day is for browsing
// and for buying (weekly rhythm, 双11 and 618 for zh customers, Black Friday and Christmas for en
// customers, paydays), local hours of activity, and each time zone's UTC offset per day.
import { IANAZone } from 'luxon';
import type { Locale } from '../../domain/vocabulary.ts';
import { createWeightedPicker } from './random.ts';
import type { Random } from './random.ts';

export const HISTORY_DAYS = 180;
export const DAY_MS = 86_400_000;

export interface SeedCalendar {
  readonly asOfMs: number;
  /** asOf − 180 days: nothing in the history happens before it. */
  readonly windowStartMs: number;
  /** Calendar days touching the window; day 0 is the UTC date of windowStart. */
  readonly dayCount: number;
  /** UTC midnight of each day. */
  readonly dayStartMs: Float64Array;
  /** Relative number of visits per day (1 = an ordinary day). */
  readonly browseFactor: Readonly<Record<Locale, Float64Array>>;
  /** Relative propensity to buy during a visit per day. */
  readonly purchaseFactor: Readonly<Record<Locale, Float64Array>>;
  /** Minutes to add to UTC for local time in `timeZone` on `day`. */
  utcOffsetMinutes(timeZone: string, day: number): number;
  /** The day index an instant falls on (may be negative or ≥ dayCount outside the window). */
  dayOf(ms: number): number;
  /** `YYYY-MM-DD` of a day. */
  isoDate(day: number): string;
}

interface DayFactors {
  browse: number;
  purchase: number;
}

const WEEKDAY_BROWSE = [1.2, 0.92, 0.94, 0.97, 1.0, 1.03, 1.18]; // Sunday first
const WEEKDAY_PURCHASE = [1.15, 0.9, 0.95, 0.97, 1.0, 1.05, 1.12];

function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
}

/** Shopping festivals and paydays of zh customers (mainland, Hong Kong, Taiwan). */
function zhFestivalFactors(month: number, day: number): DayFactors {
  const md = month * 100 + day;
  if (md === 1111) return { browse: 2.8, purchase: 4.0 };
  if (md === 1110) return { browse: 1.8, purchase: 1.6 };
  if (md === 1112) return { browse: 1.3, purchase: 1.3 };
  if (md >= 1024 && md <= 1109) return { browse: 1.3, purchase: 1.15 }; // 双11 pre-sale
  if (md === 618) return { browse: 2.2, purchase: 3.0 };
  if (md === 616 || md === 617) return { browse: 1.4, purchase: 1.4 };
  if (md >= 601 && md <= 615) return { browse: 1.2, purchase: 1.15 }; // 618 run-up
  if (md === 1212) return { browse: 1.4, purchase: 1.6 };
  if (md === 520) return { browse: 1.2, purchase: 1.3 };
  if (day === 10 || day === 15) return { browse: 1.05, purchase: 1.25 }; // common paydays
  if (day === 11 || day === 16) return { browse: 1.0, purchase: 1.1 };
  return { browse: 1, purchase: 1 };
}

/** Shopping festivals and paydays of en customers. */
function enFestivalFactors(year: number, month: number, day: number): DayFactors {
  const thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4);
  if (month === 11 && day === thanksgiving + 1) return { browse: 2.0, purchase: 3.0 }; // Black Friday
  if (month === 11 && (day === thanksgiving + 2 || day === thanksgiving + 3)) return { browse: 1.5, purchase: 1.6 };
  if (month === 11 && day === thanksgiving + 4) return { browse: 1.8, purchase: 2.5 }; // Cyber Monday
  if (month === 12 && day === 26) return { browse: 1.6, purchase: 1.8 }; // Boxing Day
  if (month === 12 && day <= 20) return { browse: 1.25, purchase: 1.3 }; // Christmas shopping
  if (month === 11 && day === 11) return { browse: 1.2, purchase: 1.3 };
  if (day === 1 || day === 15) return { browse: 1.05, purchase: 1.2 }; // paydays
  return { browse: 1, purchase: 1 };
}

/** The demo's own seasonality for a UTC calendar date. */
export function dayFactors(locale: Locale, date: Date): DayFactors {
  const weekday = date.getUTCDay();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const festival = locale === 'zh' ? zhFestivalFactors(month, day) : enFestivalFactors(date.getUTCFullYear(), month, day);
  return {
    browse: (WEEKDAY_BROWSE[weekday] as number) * festival.browse,
    purchase: (WEEKDAY_PURCHASE[weekday] as number) * festival.purchase,
  };
}

export function createSeedCalendar(asOf: Date): SeedCalendar {
  const asOfMs = asOf.getTime();
  const windowStartMs = asOfMs - HISTORY_DAYS * DAY_MS;
  const firstDayMs = Math.floor(windowStartMs / DAY_MS) * DAY_MS;
  const dayCount = Math.ceil((asOfMs - firstDayMs) / DAY_MS);
  const dayStartMs = new Float64Array(dayCount);
  const browseFactor = { zh: new Float64Array(dayCount), en: new Float64Array(dayCount) };
  const purchaseFactor = { zh: new Float64Array(dayCount), en: new Float64Array(dayCount) };
  for (let day = 0; day < dayCount; day++) {
    const start = firstDayMs + day * DAY_MS;
    dayStartMs[day] = start;
    for (const locale of ['zh', 'en'] as const) {
      const factors = dayFactors(locale, new Date(start));
      browseFactor[locale][day] = factors.browse;
      purchaseFactor[locale][day] = factors.purchase;
    }
  }
  const offsets = new Map<string, Int16Array>();
  const offsetsFor = (timeZone: string): Int16Array => {
    let table = offsets.get(timeZone);
    if (!table) {
      const zone = IANAZone.create(timeZone);
      table = new Int16Array(dayCount);
      for (let day = 0; day < dayCount; day++) table[day] = zone.offset(firstDayMs + day * DAY_MS + DAY_MS / 2);
      offsets.set(timeZone, table);
    }
    return table;
  };
  return {
    asOfMs,
    windowStartMs,
    dayCount,
    dayStartMs,
    browseFactor,
    purchaseFactor,
    utcOffsetMinutes: (timeZone, day) => offsetsFor(timeZone)[Math.min(dayCount - 1, Math.max(0, day))] as number,
    dayOf: (ms) => Math.floor((ms - firstDayMs) / DAY_MS),
    isoDate: (day) => new Date(firstDayMs + day * DAY_MS).toISOString().slice(0, 10),
  };
}

/** When people shop, by local hour: a lunch peak and a long evening peak. */
const SHOPPING_HOUR_WEIGHTS = [
  0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.6, 1.2, 1.6, 1.8, 2.0, 2.2, 3.0, 2.6, 2.0, 2.0, 2.1, 2.3, 2.6, 3.2, 4.0, 4.4, 3.6, 1.8,
];
const shoppingHourPicker = createWeightedPicker(SHOPPING_HOUR_WEIGHTS);

/** A local time of day for a visit, in minutes after local midnight. */
export function shoppingMinuteOfDay(random: Random): number {
  return shoppingHourPicker.pick(random) * 60 + random.int(0, 59);
}

/** The UTC instant of a local minute on a calendar day, for a customer in `timeZone`. */
export function localMinuteToUtcMs(calendar: SeedCalendar, timeZone: string, day: number, minuteOfDay: number): number {
  return (calendar.dayStartMs[day] as number) + (minuteOfDay - calendar.utcOffsetMinutes(timeZone, day)) * 60_000;
}
