// One demo customer's profile (the `customers` row) and the hidden traits that drive their
// behaviour: how active they are and how that changes, how much they spend, how price-sensitive
// they are, what they like, whether they are a parent, and whether they are a lapsing big spender.
// Traits never reach the database; they only show through what the customer does.
import type { Gender, Locale } from '../../domain/vocabulary.ts';
import { DEMO_CATEGORIES } from './catalogue.ts';
import type { DemoCategory } from './catalogue.ts';
import { personNameFor } from './names.ts';
import { PLACES_BY_LOCALE, ZH_LOCALE_SHARE, phoneNumberFor } from './places.ts';
import { createWeightedPicker, pickWeighted } from './random.ts';
import type { Random } from './random.ts';
import { DAY_MS } from './seasonality.ts';
import type { SeedCalendar } from './seasonality.ts';

/** A big spender who drifts away: buys until `purchaseCutoffDay`, then visits less and less. */
export interface Lapse {
  purchaseCutoffDay: number;
  fadeStartDay: number;
}

export interface CustomerTraits {
  /** Expected visits on an ordinary day. */
  activity: number;
  /** Log change of activity from the start to the end of the history. */
  trendSlope: number;
  /** Spend propensity, log-normal with median 1: basket size and pricier choices. */
  spend: number;
  /** 0..1: discount use, cart abandonment. */
  priceSensitivity: number;
  /** Chance a visit puts something in the cart. */
  cartRate: number;
  /** Chance a cart is left without buying. */
  abandonProbability: number;
  isParent: boolean;
  lapse: Lapse | null;
  appUser: boolean;
  /** Multiplier on opening marketing messages (median 1). */
  engagement: number;
  /** Category preference weights, in DEMO_CATEGORIES order. */
  categoryWeights: number[];
}

export interface CustomerProfile {
  index: number;
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  gender: Gender;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  age: number;
  city: string;
  country: string;
  timeZone: string;
  locale: Locale;
  attributes: { acquisition_channel: string };
  createdAtMs: number;
  traits: CustomerTraits;
}

const ID_DIGITS = 7;
export const customerId = (index: number): string => `C${String(index + 1).padStart(ID_DIGITS, '0')}`;

const AGE_BANDS: ReadonlyArray<readonly [min: number, max: number, share: number]> = [
  [16, 17, 0.03],
  [18, 24, 0.16],
  [25, 34, 0.33],
  [35, 44, 0.25],
  [45, 54, 0.14],
  [55, 70, 0.09],
];
const ageBandPicker = createWeightedPicker(AGE_BANDS.map(([, , share]) => share));

const GENDERS: readonly Gender[] = ['female', 'male', 'unknown'];
const genderPicker = createWeightedPicker([0.55, 0.4, 0.05]);

const ACQUISITION: Readonly<Record<Locale, ReadonlyArray<readonly [string, number]>>> = {
  zh: [['app', 35], ['wechat_mini_program', 30], ['web', 15], ['store', 12], ['referral', 8]],
  en: [['app', 35], ['web', 40], ['store', 15], ['referral', 10]],
};

const EMAIL_DOMAINS: Readonly<Record<Locale, ReadonlyArray<readonly [string, number]>>> = {
  zh: [['example.cn', 60], ['example.com', 25], ['example.net', 15]],
  en: [['example.com', 60], ['example.org', 20], ['example.net', 20]],
};

/** Category preferences before personal taste, in DEMO_CATEGORIES order. */
const CATEGORY_BASE: Readonly<Record<'female' | 'male', Readonly<Record<DemoCategory, number>>>> = {
  female: { baby: 0.08, kids_education: 0.15, beauty: 3, fashion: 2.6, electronics: 0.6, phone_accessories: 1.2, home: 1.6, grocery: 1.8, sports: 0.8, books: 1, alcohol: 0.35 },
  male: { baby: 0.05, kids_education: 0.12, beauty: 0.35, fashion: 1.2, electronics: 1.8, phone_accessories: 2, home: 1, grocery: 1.5, sports: 1.8, books: 1, alcohol: 1.1 },
};

function birthDateFor(asOfMs: number, age: number, random: Random): string {
  const asOf = new Date(asOfMs);
  const anniversary = Date.UTC(asOf.getUTCFullYear() - age, asOf.getUTCMonth(), asOf.getUTCDate());
  return new Date(anniversary - random.int(1, 364) * DAY_MS).toISOString().slice(0, 10);
}

function categoryWeightsFor(gender: Gender, age: number, isParent: boolean, random: Random): number[] {
  return DEMO_CATEGORIES.map((category) => {
    const base =
      gender === 'unknown'
        ? (CATEGORY_BASE.female[category] + CATEGORY_BASE.male[category]) / 2
        : CATEGORY_BASE[gender][category];
    let weight = base * random.logNormal(0, 0.6);
    if (category === 'baby' && isParent) weight = (gender === 'male' ? 3 : 4.5) * random.logNormal(0, 0.3);
    if (category === 'alcohol' && age < 18) weight = 0;
    return weight;
  });
}

function traitsFor(gender: Gender, age: number, locale: Locale, createdBeforeWindow: boolean, random: Random): CustomerTraits {
  const parentChance = age >= 24 && age <= 42 ? (gender === 'female' ? 0.36 : 0.26) : age >= 18 ? 0.04 : 0;
  const isParent = random.chance(parentChance);
  const lapsing = createdBeforeWindow && age >= 22 && random.chance(0.06);
  const dormant = !lapsing && random.chance(0.1);
  let activity = random.logNormal(Math.log(0.03), 0.9) * (dormant ? 0.1 : 1) * (isParent ? 1.2 : 1);
  let spend = random.logNormal(0, 0.75);
  let priceSensitivity = (random.next() + random.next()) / 2;
  let lapse: Lapse | null = null;
  if (lapsing) {
    const purchaseCutoffDay = random.int(40, 85);
    lapse = { purchaseCutoffDay, fadeStartDay: purchaseCutoffDay - random.int(0, 10) };
    activity = Math.max(activity, 0.05) * 2.5;
    spend = Math.max(spend, 1.3) * 1.5;
    priceSensitivity *= 0.6;
  }
  const cartRate = Math.min(0.6, Math.max(0.1, 0.28 * Math.pow(spend, 0.25))) + (lapsing ? 0.15 : 0);
  const abandonBase = 0.3 + 0.6 * priceSensitivity + random.normal(0, 0.06);
  return {
    activity,
    trendSlope: lapsing ? 0 : random.normal(0, 0.4),
    spend,
    priceSensitivity,
    cartRate,
    abandonProbability: Math.min(0.92, Math.max(0.15, lapsing ? abandonBase - 0.2 : abandonBase)),
    isParent,
    lapse,
    appUser: random.chance(locale === 'zh' ? 0.66 : 0.5),
    engagement: random.logNormal(0, 0.6),
    categoryWeights: categoryWeightsFor(gender, age, isParent, random),
  };
}

export function generateCustomerProfile(index: number, calendar: SeedCalendar, random: Random): CustomerProfile {
  const locale: Locale = random.chance(ZH_LOCALE_SHARE) ? 'zh' : 'en';
  const place = pickWeighted(random, PLACES_BY_LOCALE[locale], (candidate) => candidate.weight);
  const gender = GENDERS[genderPicker.pick(random)] as Gender;
  const [minAge, maxAge] = AGE_BANDS[ageBandPicker.pick(random)] as readonly [number, number, number];
  const age = random.int(minAge, maxAge);
  const name = personNameFor(locale, gender, random);
  const hasEmail = random.chance(locale === 'zh' ? 0.92 : 0.97);
  const hasPhone = random.chance(locale === 'zh' ? 0.97 : 0.82);
  const domain = pickWeighted(random, EMAIL_DOMAINS[locale], ([, weight]) => weight)[0];
  const phone = phoneNumberFor(place, index, random);
  const createdBeforeWindow = random.chance(0.72);
  const createdAtMs = createdBeforeWindow
    ? calendar.windowStartMs - random.int(1, 1000) * DAY_MS - random.int(0, 86_399) * 1000
    : calendar.windowStartMs + Math.floor(random.next() * (calendar.asOfMs - calendar.windowStartMs - 3_600_000));
  const birthDate = birthDateFor(calendar.asOfMs, age, random);
  const acquisition = pickWeighted(random, ACQUISITION[locale], ([, weight]) => weight)[0];
  return {
    index,
    id: customerId(index),
    firstName: name.firstName,
    lastName: name.lastName,
    email: hasEmail ? `${name.emailStem}${index + 1}@${domain}` : null,
    phone: hasPhone ? phone : null,
    gender,
    birthDate,
    age,
    city: place.city,
    country: place.country,
    timeZone: place.timeZone,
    locale,
    attributes: { acquisition_channel: acquisition },
    createdAtMs,
    traits: traitsFor(gender, age, locale, createdBeforeWindow, random),
  };
}
