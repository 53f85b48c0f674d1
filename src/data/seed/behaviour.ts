// A demo customer's 180 days of shopping: visits (login, product views, add to cart, purchase)
// spread by their own activity, its trend and the calendar; orders with 1-4 lines, discounts used
// more by price-sensitive customers, some cancelled or returned; and the follow-up purchases that
// make category co-purchase findable (baby -> kids education, phone -> case -> screen protector).
import { CATALOGUE, DEMO_CATEGORIES, PRODUCTS_BY_CATEGORY } from './catalogue.ts';
import type { Product } from './catalogue.ts';
import type { CustomerProfile } from './customers.ts';
import { createWeightedPicker, searchCumulative } from './random.ts';
import type { Random, WeightedPicker } from './random.ts';
import { localMinuteToUtcMs, shoppingMinuteOfDay } from './seasonality.ts';
import type { SeedCalendar } from './seasonality.ts';
import { isoTime } from './seed-tables.ts';
import type { CustomerRows } from './seed-tables.ts';

const KIDS_EDUCATION = DEMO_CATEGORIES.indexOf('kids_education');
/** Once someone has bought baby products, kids education becomes this much more attractive. */
const KIDS_EDUCATION_AFTER_BABY = 20;
const PHONE_CASES = CATALOGUE.filter((product) => product.kind === 'phone_case');
const SCREEN_PROTECTORS = CATALOGUE.filter((product) => product.kind === 'screen_protector');
const EXTRA_LINES = createWeightedPicker([0.55, 0.25, 0.13, 0.07]);

/** A visit planned by an earlier one: coming back for an abandoned cart, or for an accessory. */
interface FollowUp {
  day: number;
  product: Product;
  buyChance: number;
}

export interface ShoppingSummary {
  orders: number;
  events: number;
}

interface ShopperState {
  profile: CustomerProfile;
  calendar: SeedCalendar;
  random: Random;
  rows: CustomerRows;
  categoryWeights: number[];
  boughtBaby: boolean;
  followUps: FollowUp[];
  orderCount: number;
  eventCount: number;
  earliestMs: number;
}

function activityTrend(profile: CustomerProfile, day: number, dayCount: number): number {
  const lapse = profile.traits.lapse;
  if (!lapse) return Math.exp(profile.traits.trendSlope * (day / dayCount - 0.5));
  const lastMonthStart = dayCount - 30;
  if (day < lapse.fadeStartDay) return 1;
  if (day >= lastMonthStart) return 0.08;
  return 1 - 0.65 * ((day - lapse.fadeStartDay) / Math.max(1, lastMonthStart - lapse.fadeStartDay));
}

function pickCategory(state: ShopperState): number {
  const weights = state.categoryWeights;
  let total = 0;
  for (const weight of weights) total += weight;
  let target = state.random.next() * total;
  for (let index = 0; index < weights.length; index++) {
    target -= weights[index] as number;
    if (target < 0) return index;
  }
  return weights.length - 1;
}

/** Cheaper products sell more often: within a category, popularity falls with the square root of price. */
const POPULARITY_PICKERS = DEMO_CATEGORIES.map((category) =>
  createWeightedPicker(PRODUCTS_BY_CATEGORY[category].map((product) => 1 / Math.sqrt(product.price))),
);

/** Of two popular products of a liked category, big spenders more often take the pricier one. */
function pickProduct(state: ShopperState): Product {
  const categoryIndex = pickCategory(state);
  const products = PRODUCTS_BY_CATEGORY[DEMO_CATEGORIES[categoryIndex] as (typeof DEMO_CATEGORIES)[number]];
  const picker = POPULARITY_PICKERS[categoryIndex] as WeightedPicker;
  const first = products[picker.pick(state.random)] as Product;
  const second = products[picker.pick(state.random)] as Product;
  const [cheaper, pricier] = first.price <= second.price ? [first, second] : [second, first];
  const { spend, priceSensitivity } = state.profile.traits;
  return state.random.chance((spend / (1 + spend)) * (1 - 0.5 * priceSensitivity)) ? pricier : cheaper;
}

function addEvent(state: ShopperState, type: string, atMs: number, productId: string | null = null, properties = '{}'): void {
  state.rows.events.push([state.profile.id, type, isoTime(atMs), productId, properties]);
  state.eventCount++;
}

function scheduleFollowUp(state: ShopperState, followUp: FollowUp): void {
  if (followUp.day >= state.calendar.dayCount) return;
  state.followUps.push(followUp);
  state.followUps.sort((a, b) => a.day - b.day);
}

function placeOrder(state: ShopperState, day: number, atMs: number, first: Product): void {
  const { random, profile, calendar } = state;
  const traits = profile.traits;
  const lines: Array<{ product: Product; quantity: number }> = [{ product: first, quantity: 1 }];
  const extraLines = Math.min(3, EXTRA_LINES.pick(random) + (traits.spend > 1.8 && random.chance(0.4) ? 1 : 0));
  for (let i = 0; i < extraLines; i++) {
    const product = pickProduct(state);
    if (!lines.some((line) => line.product.id === product.id)) lines.push({ product, quantity: 1 });
  }
  let subtotal = 0;
  for (const line of lines) {
    const roll = random.next();
    line.quantity = line.product.category === 'grocery' ? random.int(1, 3) : roll < 0.84 ? 1 : roll < 0.97 ? 2 : 3;
    subtotal += line.quantity * line.product.price;
  }
  const festival = (calendar.purchaseFactor[profile.locale][day] as number) > 1.5;
  let discount = 0;
  if (random.chance(0.03 + 0.7 * traits.priceSensitivity + (festival ? 0.15 : 0))) {
    discount =
      profile.locale === 'zh' && subtotal >= 300 && random.chance(0.5)
        ? Math.min(Math.floor(subtotal / 300) * 50, subtotal * 0.3) // 满300减50
        : (subtotal * random.pick([5, 10, 15, 20])) / 100;
  }
  discount = Math.round(discount * 100) / 100;
  const total = Math.round((subtotal - discount) * 100) / 100;
  const hasFashion = lines.some((line) => line.product.category === 'fashion');
  const statusRoll = random.next();
  const cancelledChance = 0.02 + 0.03 * traits.priceSensitivity;
  const returnedChance = hasFashion ? 0.1 : 0.035;
  const status = statusRoll < cancelledChance ? 'cancelled' : statusRoll < cancelledChance + returnedChance ? 'returned' : 'completed';

  state.orderCount++;
  const orderId = `O${profile.id.slice(1)}-${state.orderCount}`;
  state.rows.orders.push([orderId, profile.id, isoTime(atMs), status, total, discount, 'CNY']);
  lines.forEach((line, index) => state.rows.orderItems.push([orderId, index + 1, line.product.id, line.quantity, line.product.price]));
  addEvent(state, 'purchase', atMs, first.id, `{"order_id":"${orderId}"}`);

  for (const line of lines) {
    const product = line.product;
    if (product.category === 'baby' && !state.boughtBaby) {
      state.boughtBaby = true;
      state.categoryWeights[KIDS_EDUCATION] = (state.categoryWeights[KIDS_EDUCATION] as number) * KIDS_EDUCATION_AFTER_BABY;
    }
    if (product.kind === 'phone' && random.chance(0.55)) {
      scheduleFollowUp(state, { day: day + random.int(0, 6), product: random.pick(PHONE_CASES), buyChance: 0.85 });
    }
    if (product.kind === 'phone_case' && random.chance(0.55)) {
      scheduleFollowUp(state, { day: day + random.int(1, 14), product: random.pick(SCREEN_PROTECTORS), buyChance: 0.85 });
    }
  }
}

function visit(state: ShopperState, day: number, followUp: FollowUp | null): void {
  const { random, profile, calendar } = state;
  const traits = profile.traits;
  const startMs = localMinuteToUtcMs(calendar, profile.timeZone, day, shoppingMinuteOfDay(random));
  if (startMs < state.earliestMs || startMs >= calendar.asOfMs) return;
  let atMs = startMs;
  const within = (ms: number): boolean => ms < calendar.asOfMs;
  addEvent(state, 'login', atMs);
  const viewed: Product[] = followUp ? [followUp.product] : [];
  const views = 1 + random.poisson(0.6);
  while (viewed.length < views) viewed.push(pickProduct(state));
  for (const product of viewed) {
    atMs += random.int(20, 180) * 1000;
    if (!within(atMs)) return;
    addEvent(state, 'view', atMs, product.id);
  }
  const canBuy = !traits.lapse || day < traits.lapse.purchaseCutoffDay;
  if (!random.chance(followUp ? 0.9 : traits.cartRate * (canBuy ? 1 : 0.5))) return;
  const cartProduct = followUp ? followUp.product : (viewed[viewed.length - 1] as Product);
  atMs += random.int(10, 120) * 1000;
  if (!within(atMs)) return;
  addEvent(state, 'add_to_cart', atMs, cartProduct.id);
  const buyChance = followUp
    ? followUp.buyChance
    : Math.min(0.95, (1 - traits.abandonProbability) * (calendar.purchaseFactor[profile.locale][day] as number));
  if (canBuy && random.chance(buyChance)) {
    atMs += random.int(1, 40) * 60_000;
    if (within(atMs)) placeOrder(state, day, atMs, cartProduct);
  } else if (canBuy && !followUp && random.chance(0.18)) {
    scheduleFollowUp(state, { day: day + random.int(1, 4), product: cartProduct, buyChance: 0.6 });
  }
}

/** Writes the customer's visits, events and orders into `rows`. */
export function simulateShopping(profile: CustomerProfile, calendar: SeedCalendar, random: Random, rows: CustomerRows): ShoppingSummary {
  const state: ShopperState = {
    profile,
    calendar,
    random,
    rows,
    categoryWeights: [...profile.traits.categoryWeights],
    boughtBaby: false,
    followUps: [],
    orderCount: 0,
    eventCount: 0,
    earliestMs: Math.max(profile.createdAtMs, calendar.windowStartMs),
  };
  // Visits are a Poisson process whose daily rate follows activity, trend and the calendar.
  const firstDay = Math.max(0, calendar.dayOf(state.earliestMs));
  const cumulative = new Float64Array(calendar.dayCount);
  const browse = calendar.browseFactor[profile.locale];
  let total = 0;
  for (let day = firstDay; day < calendar.dayCount; day++) {
    total += profile.traits.activity * (browse[day] as number) * activityTrend(profile, day, calendar.dayCount);
    cumulative[day] = total;
  }
  const visitDays = Array.from({ length: random.poisson(total) }, () => searchCumulative(cumulative, random.next() * total));
  visitDays.sort((a, b) => a - b);
  let next = 0;
  while (next < visitDays.length || state.followUps.length > 0) {
    const followUp = state.followUps[0];
    if (followUp && (next >= visitDays.length || followUp.day <= (visitDays[next] as number))) {
      state.followUps.shift();
      visit(state, followUp.day, followUp);
    } else {
      visit(state, visitDays[next++] as number, null);
    }
  }
  return { orders: state.orderCount, events: state.eventCount };
}
