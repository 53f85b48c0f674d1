// What kinds of campaigns the demo's past marketing team ran: per objective, the channels they used
// in each language, the offers, the audience sizes and how often it was tied to a category or a
// shopping festival; and the festivals themselves with their dates.
import type { Objective, Offer } from '../../domain/brief.ts';
import type { Channel, Locale } from '../../domain/vocabulary.ts';
import type { DemoCategory } from './catalogue.ts';

export interface ObjectiveDesign {
  objective: Objective;
  /** Relative frequency among past campaigns. */
  weight: number;
  channels: Readonly<Record<Locale, ReadonlyArray<readonly Channel[]>>>;
  offers: ReadonlyArray<Offer | null>;
  audience: readonly [min: number, max: number];
  /** Chance the campaign promotes one category. */
  categoryChance: number;
  /** Chance the campaign ran for a shopping festival. */
  festivalChance: number;
  /** Running time in days. */
  durationDays: readonly [min: number, max: number];
  /** Typical converting order value relative to the store average. */
  orderValueFactor: number;
}

const percent = (value: number): Offer => ({ type: 'percent_off', percent: value });
const amount = (value: number): Offer => ({ type: 'amount_off', amount: value, currency: 'CNY' });
const threshold = (over: number, off: number): Offer => ({ type: 'threshold', threshold: over, amount: off, currency: 'CNY' });
const freeShipping: Offer = { type: 'free_shipping' };

export const OBJECTIVE_DESIGNS: readonly ObjectiveDesign[] = [
  {
    objective: 'winback',
    weight: 16,
    channels: { zh: [['sms'], ['sms'], ['wecom'], ['sms', 'wecom'], ['email']], en: [['email'], ['sms'], ['email', 'sms']] },
    offers: [percent(10), percent(15), percent(20), percent(25)],
    audience: [1500, 30_000],
    categoryChance: 0.2,
    festivalChance: 0.15,
    durationDays: [5, 14],
    orderValueFactor: 0.95,
  },
  {
    objective: 'retention',
    weight: 10,
    channels: { zh: [['push'], ['wecom'], ['sms'], ['push', 'wecom']], en: [['email'], ['push'], ['email', 'push']] },
    offers: [percent(10), freeShipping, amount(20)],
    audience: [1000, 20_000],
    categoryChance: 0.1,
    festivalChance: 0.1,
    durationDays: [7, 21],
    orderValueFactor: 1,
  },
  {
    objective: 'aov',
    weight: 12,
    channels: { zh: [['push'], ['sms'], ['wecom'], ['sms', 'push']], en: [['email'], ['push'], ['email', 'push']] },
    offers: [threshold(300, 50), threshold(500, 80), threshold(199, 30), threshold(1000, 150)],
    audience: [1000, 15_000],
    categoryChance: 0.5,
    festivalChance: 0.5,
    durationDays: [3, 10],
    orderValueFactor: 1.5,
  },
  {
    objective: 'conversion',
    weight: 14,
    channels: { zh: [['push'], ['sms'], ['push', 'sms']], en: [['email'], ['push'], ['email', 'push']] },
    offers: [percent(10), percent(15), percent(20), percent(30), threshold(300, 50)],
    audience: [2000, 40_000],
    categoryChance: 0.6,
    festivalChance: 0.5,
    durationDays: [3, 10],
    orderValueFactor: 1,
  },
  {
    objective: 'cart_recovery',
    weight: 14,
    channels: { zh: [['push'], ['sms'], ['wecom']], en: [['email'], ['push'], ['sms']] },
    offers: [percent(5), percent(10), freeShipping, null],
    audience: [500, 6000],
    categoryChance: 0,
    festivalChance: 0.1,
    durationDays: [14, 30],
    orderValueFactor: 1.1,
  },
  {
    objective: 'cross_sell',
    weight: 12,
    channels: { zh: [['push'], ['wecom'], ['sms']], en: [['email'], ['push']] },
    offers: [amount(20), amount(30), amount(50), percent(15)],
    audience: [800, 12_000],
    categoryChance: 1,
    festivalChance: 0.1,
    durationDays: [5, 14],
    orderValueFactor: 1.1,
  },
  {
    objective: 'activation',
    weight: 10,
    channels: { zh: [['sms'], ['push'], ['wecom']], en: [['email'], ['sms']] },
    offers: [amount(20), amount(30), percent(15)],
    audience: [500, 12_000],
    categoryChance: 0,
    festivalChance: 0.1,
    durationDays: [7, 30],
    orderValueFactor: 0.8,
  },
  {
    objective: 'awareness',
    weight: 12,
    channels: { zh: [['push'], ['wecom'], ['sms', 'push']], en: [['email'], ['push'], ['email', 'push']] },
    offers: [null, null, freeShipping],
    audience: [10_000, 50_000],
    categoryChance: 0.6,
    festivalChance: 0.4,
    durationDays: [3, 7],
    orderValueFactor: 1,
  },
];

/** Categories a campaign may promote, and which category buyers a cross-sell starts from. */
export const PROMOTED_CATEGORIES: readonly DemoCategory[] = ['beauty', 'fashion', 'electronics', 'home', 'grocery', 'sports', 'books', 'baby', 'alcohol'];
export const CROSS_SELL_PAIRS: ReadonlyArray<readonly [from: DemoCategory, to: DemoCategory]> = [
  ['baby', 'kids_education'],
  ['electronics', 'phone_accessories'],
  ['fashion', 'beauty'],
  ['sports', 'fashion'],
  ['grocery', 'home'],
];

export interface Festival {
  name: Record<Locale, string>;
  locale: Locale;
  /** The festival's date in a given year, as [month, day]. */
  dateIn(year: number): readonly [month: number, day: number];
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
}

const fixed = (month: number, day: number) => (): readonly [number, number] => [month, day];

export const FESTIVALS: readonly Festival[] = [
  { name: { zh: '双11', en: 'Singles Day' }, locale: 'zh', dateIn: fixed(11, 11) },
  { name: { zh: '618', en: '618' }, locale: 'zh', dateIn: fixed(6, 18) },
  { name: { zh: '双12', en: 'Double 12' }, locale: 'zh', dateIn: fixed(12, 12) },
  { name: { zh: '年货节', en: 'New Year Goods Festival' }, locale: 'zh', dateIn: fixed(1, 15) },
  { name: { zh: '38女神节', en: "Women's Day" }, locale: 'zh', dateIn: fixed(3, 8) },
  { name: { zh: '520', en: '520' }, locale: 'zh', dateIn: fixed(5, 20) },
  { name: { zh: '开学季', en: 'Back to School' }, locale: 'zh', dateIn: fixed(9, 1) },
  { name: { zh: '国庆', en: 'Golden Week' }, locale: 'zh', dateIn: fixed(10, 1) },
  { name: { zh: '黑五', en: 'Black Friday' }, locale: 'en', dateIn: (year) => [11, nthWeekday(year, 11, 4, 4) + 1] },
  { name: { zh: '网络星期一', en: 'Cyber Monday' }, locale: 'en', dateIn: (year) => [11, nthWeekday(year, 11, 4, 4) + 4] },
  { name: { zh: '圣诞', en: 'Christmas' }, locale: 'en', dateIn: fixed(12, 20) },
  { name: { zh: '情人节', en: "Valentine's Day" }, locale: 'en', dateIn: fixed(2, 14) },
  { name: { zh: '母亲节', en: "Mother's Day" }, locale: 'en', dateIn: (year) => [5, nthWeekday(year, 5, 0, 2)] },
  { name: { zh: '返校季', en: 'Back to School' }, locale: 'en', dateIn: fixed(8, 25) },
  { name: { zh: '夏季大促', en: 'Summer Sale' }, locale: 'en', dateIn: fixed(7, 10) },
];

const SEASONS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Winter', 'Spring', 'Summer', 'Autumn'],
  zh: ['冬季', '春季', '夏季', '秋季'],
};

/** The season (northern hemisphere) of a date, in the campaign's language. */
export function seasonName(date: Date, locale: Locale): string {
  const quarter = Math.floor(((date.getUTCMonth() + 1) % 12) / 3);
  return SEASONS[locale][quarter] as string;
}
