// What people did, read from an audience phrase: value rank ("high-value", "VIP"), lapse ("haven't bought
// in 90 days", "三个月没买"), churn risk, abandoned carts, opens/clicks/logins, never bought, repeat buyers.
import type { EventType } from '../../../domain/vocabulary.ts';
import { NUM, WORD_NUM, maskSpan, matchAll, parseNumber, unitToDays } from './text.ts';

export interface EventFinding {
  event: EventType;
  /** Days the phrase itself gives ("haven't opened an email in 60 days"), else null. */
  days: number | null;
  /** "haven't opened" / 未打开: at most zero such events. */
  negated: boolean;
  /** Said as "active users": a login in the last 30 days. */
  activeWording: boolean;
}

export interface BehaviourFinding {
  /** The text with the phrases read here blanked out, for the window and category searches that follow. */
  rest: string;
  spendRank: { topShare: number } | null;
  lapseDays: number | null;
  /** "but haven't bought", 没有下单: a lapse as long as the window stated elsewhere in the goal. */
  lapseFromWindow: boolean;
  /** "lapsed", "dormant", 沉睡: a lapse without a number of days. */
  lapseVague: boolean;
  churn: 'high' | 'medium' | null;
  cart: boolean;
  events: EventFinding[];
  neverBought: boolean;
  /** "first-time buyers": exactly one order. */
  oneOrder: boolean;
  repeatBuyers: boolean;
  /** "spent over 1000", 累计消费超过1000元: total order value at least this much. */
  spentAtLeast: number | null;
  /** "everyone", "all customers", 所有用户: the whole customer base. */
  everyone: boolean;
  /** "customers who bought", 购买过, 老客户: has bought, no category given. */
  boughtCue: boolean;
}

const NEG_EN = "(?:haven'?t|have not|hasn'?t|has not|didn'?t|did not|not|never)";
const BUY_EN = '(?:bought|purchased|ordered|shopped|made (?:a|any) purchases?|placed (?:an|any) orders?|been back|returned)';
const SPAN_EN = "(?:in|for|within|during|over)\\s+(?:the\\s+)?(?:last|past)?\\s*(?:over|more than)?\\s*";
const UNIT_EN = '(days?|weeks?|months?|years?)';
const LAPSE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${NEG_EN}\\s+${BUY_EN}(?:\\s+(?:anything|again|from us|with us))*\\s+${SPAN_EN}${WORD_NUM}\\+?\\s*${UNIT_EN}`),
  new RegExp(`\\bno (?:purchases?|orders?|buys|spend(?:ing)?)\\s+${SPAN_EN}${WORD_NUM}\\s*${UNIT_EN}`),
  new RegExp(`\\b(?:inactive|lapsed|dormant|idle)\\s+${SPAN_EN}${WORD_NUM}\\+?\\s*${UNIT_EN}`),
  new RegExp(`\\blast (?:purchase|order)d?\\s+(?:was\\s+)?(?:over|more than)\\s+${WORD_NUM}\\s*${UNIT_EN}\\s+ago`),
  new RegExp(`\\b(?:stopped|quit|last) (?:buying|purchasing|ordering|shopping|bought|purchased|ordered|shopped)\\b[^,.;]*?\\b(?:over|more than|about|around)?\\s*${WORD_NUM}\\s*${UNIT_EN}\\s+ago`),
  new RegExp(`\\b${WORD_NUM}\\+?\\s*${UNIT_EN}\\s+(?:since|without)\\s+(?:their\\s+|a\\s+)?(?:last\\s+)?(?:purchase|order)`),
  new RegExp(`${NUM}\\s*(天|日|周|个?星期|个?月|年)\\s*(?:以上|多|及以上)?\\s*(?:内|以来)?\\s*(?:都|均|一直)?\\s*(?:未|没|没有|无|不曾|未曾)\\s*(?:再)?\\s*(?:购买|买|下单|消费|复购|购物|成交|回购|光顾)`),
];
const LAPSE_VAGUE =
  /\blapsed\b|\bdormant\b|\bchurned\b|\binactive (?:customers|buyers|shoppers|users|members)\b|\b(?:haven'?t|have not|not) (?:bought|purchased|ordered|shopped)(?: anything)?(?: from us)? (?:in a while|recently|lately|for a while|in ages|for ages)\b|(?<!可能|即将|防止)流失(?!风险|倾向|预警)|沉睡|久未(?:购买|下单)|很久没(?:买|下单)|好久没(?:买|下单)|不活跃/;

const SPEND_RANK =
  /\bhigh[- ]value\b|\bhigh[- ]spend(?:ing|ers)?\b|\bbig spenders\b|\bvips?\b|\btop (?:customers|spenders|buyers|clients)\b|\bbest customers\b|\bmost valuable\b|\bvaluable customers\b|高价值|高消费|高净值|大客户|核心用户|核心客户|优质客户|重要客户|高端用户/;
const TOP_SHARE = /\btop (\d{1,2}(?:\.\d+)?) ?%(?! ?off)|前\s*(\d{1,2})\s*%/;

const CHURN_MEDIUM = /\bmedium[- ](?:churn[- ])?risk\b|\bmoderate[- ](?:churn[- ])?risk\b|中等?流失风险|流失风险(?:为|是)?中等?(?!高)|中风险/;
const CHURN =
  /\bchurn risk\b|\bat[- ]risk\b|\brisk of churn(?:ing)?\b|\blikely to (?:churn|leave|lapse)\b|\babout to churn\b|\bchurn-prone\b|\blogins? (?:are |is )?(?:declin|drop|fall)\w*|\bdeclining (?:logins?|activity|engagement)\b|\bless active\b|\bengagement (?:is )?(?:declin|drop)\w*|流失风险|可能流失|即将流失|流失倾向|流失预警|活跃度?(?:在)?下降|登录(?:次数|频率)?(?:减少|下降)|越来越不活跃/;

const CART =
  /加购(?:后)?[^,，。;；]{0,10}?(?:未|没有?)(?:付款|购买|支付|下单|结算)|加入购物车[^,，。;；]{0,10}?(?:未|没有?)(?:付款|购买|支付|下单|结算)|\badded (?:items |products |something |it )?to (?:their |the )?cart,? (?:but|and) (?:didn'?t|did not|never|haven'?t|have not|not) (?:buy|purchase|check ?out|complete|pay)\w*|\babandon\w*\s+(?:their\s+|the\s+|a\s+|shopping\s+)*(?:carts?|baskets?|checkouts?)\b|\b(?:cart|basket|checkout) abandon\w*|\b(?:left|leave) (?:items|products|something|things) in (?:their|the) (?:cart|basket)\b|\badded (?:items |products |something )?to (?:their |the )?cart\b|\badd to cart\b|加购|加入购物车|购物车|弃购|弃单|未付款订单/;

const ONE_ORDER = /\b(?:first-time|one-time) (?:buyers|customers|purchasers|shoppers)\b|只买过一次|仅购买过一次|只下过一单/;
const NEVER_BOUGHT =
  /\bnew (?:users|customers|sign-?ups|members|registrants|subscribers)\b|\bfirst[- ](?:time )?(?:purchase|order)\b|\bnever (?:bought|purchased|ordered)\b|\bhaven'?t (?:bought|purchased|ordered) (?:anything )?yet\b|\b(?:registered|signed up) but\b|新用户|新客|首单|首购|注册未(?:购买|下单)|注册后未|从未购买|从没买过|没买过|未购买过|还没下单|未下过单/;
const REPEAT = /\brepeat (?:customers|buyers|purchasers|shoppers)\b|\bloyal customers\b|\bbought (?:at least )?(?:twice|two times|2\+? times)\b|复购用户|回头客|多次购买/;
const BOUGHT =
  /\b(?:bought|purchased|ordered|made a purchase|placed an order|existing customers|past (?:buyers|customers|purchasers)|previous (?:buyers|customers))\b|购买过|买过|有购买|下过单|有过购买|消费过|有消费|下单过|有下单|老客户|老用户|老客/;

/** "but haven't bought" / 没有下单: a lapse whose length comes from the window stated elsewhere. */
const NEGATED_PURCHASE =
  /\b(?:haven'?t|have not|hasn'?t|didn'?t|did not|not|never) (?:yet )?(?:bought|purchased|ordered|made a purchase|placed an order|buy|purchase|order)\b(?! (?:anything )?yet)|(?:未|没|没有|无|不曾)(?:再)?(?:购买|下单|消费|付款)(?!过)/;
const EVENT_SPAN_AFTER = new RegExp(`^\\s*(?:\\w+\\s+){0,2}?(?:in|for|within|during|over)\\s+(?:the\\s+)?(?:last|past)?\\s*${WORD_NUM}\\s*(days?|weeks?|months?)`);
const EVENT_SPAN_BEFORE = new RegExp(`${NUM}\\s*(天|日|周|个?星期|个?月)\\s*(?:内|以来)?\\s*(?:都|均)?\\s*(?:未|没有?|有)?\\s*$`);

const SPENT_AT_LEAST: readonly RegExp[] = [
  new RegExp(`\\b(?:spent|spend|spending|total spend|lifetime spend)\\s+(?:of\\s+)?(?:over|more than|at least|above|>)\\s*(?:\\$|¥|rmb ?|usd ?)?${NUM}`),
  new RegExp(`(?:累计|总)?消费(?:金额|额)?(?:超过|满|大于|不低于|高于|达到|在)\\s*${NUM}\\s*(?:元|块)?(?:以上)?`),
];

const EVERYONE = /\b(?:everyone|everybody|all (?:our )?(?:customers|users|members|subscribers|shoppers|buyers))\b|所有(?:的)?(?:用户|客户|会员|人)|全部(?:的)?(?:用户|客户|会员)|全体(?:用户|客户|会员)|全量用户/;

const NEGATED_BEFORE = /(?:haven'?t|have not|didn'?t|did not|not|never|no)\s*$|(?:未|没有?|从未|从没)$/;
const EVENT_PATTERNS: ReadonlyArray<{ event: EventType; active: boolean; pattern: RegExp }> = [
  { event: 'open', active: false, pattern: /\bopen(?:ed)?\s+(?:an?\s+|our\s+|the\s+|any\s+|their\s+)?(?:emails?|e-mails?|messages?|newsletters?|push(?:es)?|notifications?|sms)\b|\bopeners\b|打开过?(?:邮件|短信|推送|消息|通知)/ },
  { event: 'click', active: false, pattern: /\bclick(?:ed)?\s+(?:on\s+)?(?:an?\s+|our\s+|the\s+|any\s+)?(?:links?|emails?|messages?|ads?|push(?:es)?|notifications?)\b|\bclickers\b|\bclicked\b|点击过?(?:链接|邮件|短信|推送|广告|消息)?/ },
  { event: 'login', active: true, pattern: /\b(?:recently )?active\b(?! ingredients)|(?<!不)活跃(?!度)/ },
  { event: 'login', active: false, pattern: /\blogged in\b|\bsigned in\b|登录过|有登录|最近登录/ },
  { event: 'view', active: false, pattern: /\b(?:browsed|viewed)\b|\bbrowsers\b|浏览过|看过|浏览了/ },
];

export function findBehaviour(text: string): BehaviourFinding {
  let rest = text;
  const blank = (match: RegExpExecArray): void => {
    rest = maskSpan(rest, match.index, match.index + match[0].length);
  };

  const oneOrder = ONE_ORDER.exec(rest);
  if (oneOrder) blank(oneOrder);
  const never = NEVER_BOUGHT.exec(rest);
  for (const match of matchAll(NEVER_BOUGHT, rest)) blank(match);
  const cart = CART.exec(rest);
  if (cart) for (const match of matchAll(CART, rest)) blank(match);

  let lapseDays: number | null = null;
  for (const pattern of LAPSE_PATTERNS) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const half = /半(?:个)?(年|月)/.exec(match[0]);
    const days = half ? (half[1] === '年' ? 180 : 15) : parseNumber(match[1] ?? '') * unitToDays(match[2] ?? '');
    if (!(days >= 1)) continue;
    lapseDays = Math.min(3650, Math.round(days));
    blank(match);
    break;
  }
  const vague = LAPSE_VAGUE.exec(rest);
  for (const match of matchAll(LAPSE_VAGUE, rest)) blank(match);
  const negatedPurchase = lapseDays === null ? NEGATED_PURCHASE.exec(rest) : null;
  if (negatedPurchase) blank(negatedPurchase);

  const churnMedium = CHURN_MEDIUM.exec(rest);
  const churnHigh = churnMedium ? null : CHURN.exec(rest);
  for (const match of [churnMedium, churnHigh]) if (match) blank(match);

  const events: EventFinding[] = [];
  for (const { event, active, pattern } of EVENT_PATTERNS) {
    const match = pattern.exec(rest);
    if (!match || events.some((found) => found.event === event)) continue;
    const before = rest.slice(Math.max(0, match.index - 14), match.index);
    const after = rest.slice(match.index + match[0].length);
    const negated = NEGATED_BEFORE.test(before.slice(-12));
    const spanAfter = EVENT_SPAN_AFTER.exec(after);
    const spanBefore = EVENT_SPAN_BEFORE.exec(before);
    const span = spanAfter ?? spanBefore;
    const days = span ? Math.round(parseNumber(span[1] ?? '') * unitToDays(span[2] ?? '')) : null;
    events.push({ event, negated, activeWording: active, days: days && days >= 1 && days <= 3650 ? days : null });
    blank(match);
    if (spanAfter) rest = maskSpan(rest, match.index + match[0].length, match.index + match[0].length + spanAfter[0].length);
    if (spanBefore) rest = maskSpan(rest, match.index - spanBefore[0].length, match.index);
  }

  let spentAtLeast: number | null = null;
  for (const pattern of SPENT_AT_LEAST) {
    const match = pattern.exec(rest);
    const amount = match ? parseNumber(match[1] ?? '') : Number.NaN;
    if (!match || !(amount > 0)) continue;
    spentAtLeast = amount;
    blank(match);
    break;
  }

  const topShare = TOP_SHARE.exec(rest);
  const spendRank = SPEND_RANK.test(rest) || topShare
    ? { topShare: topShare ? Number(topShare[1] ?? topShare[2]) / 100 : 0.2 }
    : null;
  const repeat = REPEAT.exec(rest);
  for (const match of matchAll(REPEAT, rest)) blank(match);

  return {
    rest,
    spendRank: spendRank && spendRank.topShare > 0 && spendRank.topShare <= 1 ? spendRank : null,
    lapseDays,
    lapseFromWindow: negatedPurchase !== null,
    lapseVague: vague !== null,
    churn: churnMedium ? 'medium' : churnHigh ? 'high' : null,
    cart: cart !== null,
    events,
    neverBought: never !== null,
    oneOrder: oneOrder !== null,
    repeatBuyers: repeat !== null,
    spentAtLeast,
    everyone: EVERYONE.test(rest),
    boughtCue: BOUGHT.test(rest),
  };
}
