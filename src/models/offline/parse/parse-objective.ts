// Finds what the campaign should achieve. Cues are checked in a fixed order so that the stated aim wins
// over audience words: "raise AOV of lapsed customers" is aov, "召回有流失风险的用户" is retention.
import type { Objective } from '../../../domain/brief.ts';

const OBJECTIVE_CUES: ReadonlyArray<{ objective: Objective; pattern: RegExp }> = [
  {
    objective: 'aov',
    pattern: /\baverage order value\b|\baov\b|\bbasket size\b|\border value\b|\bspend more per order\b|\bupsell\w*|\bbigger (?:orders|baskets)\b|客单价|笔单价|连带率|件单价|客单/,
  },
  {
    objective: 'retention',
    pattern: /\bchurn risk\b|\bat[- ]risk\b|\brisk of churn(?:ing)?\b|\blikely to churn\b|\babout to churn\b|\bprevent churn\b|\breduce churn\b|\bretention\b|\bretain\b|\brepeat (?:purchases?|orders?|buying)\b|\bsecond (?:purchase|order)\b|\bbuy again\b|\blogins? (?:are |is )?declin\w*|流失风险|可能流失|即将流失|流失倾向|流失预警|防止流失|防流失|留存|复购/,
  },
  {
    objective: 'winback',
    pattern: /\bwin[- ]?back\b|\bwin (?:them |these customers |customers |users )?back\b|\bre-?engag\w*|\breactivat\w*|\bbring (?:\w+ )?back\b|\bcome back\b|召回|唤醒|挽回|回流|激活沉睡|回来|回归/,
  },
  {
    objective: 'cart_recovery',
    pattern: /\babandon\w*\s+(?:their\s+|the\s+|a\s+|shopping\s+)*(?:carts?|baskets?|checkouts?)\b|\b(?:cart|basket|checkout) (?:abandon\w*|recovery)\b|\bin (?:their|the) cart\b|\badd(?:ed)? to cart\b|加购|加入购物车|购物车|弃购|弃单|未付款订单/,
  },
  {
    objective: 'cross_sell',
    pattern: /\bcross-?sell\w*|\brecommend\w*|\bto buyers of\b|交叉销售|推荐|关联销售|搭配购买/,
  },
  {
    objective: 'activation',
    pattern: /\bfirst[- ](?:time )?(?:purchase|order)\b|\bnew (?:users|customers|sign-?ups|members|registrants)\b|\bactivat\w*|\bnever (?:bought|purchased|ordered)\b|\bonboard\w*|新用户|新客|首单|首购|注册未(?:购买|下单)|拉新|转化新/,
  },
  {
    objective: 'winback',
    pattern: /\blapsed\b|\bdormant\b|\bchurned\b|\binactive\b|\b(?:haven'?t|have not|hasn'?t|didn'?t|not) (?:bought|purchased|ordered|shopped)(?: anything)?(?: from us)? (?:in|for|since|within)\b|\bno (?:purchases?|orders?) (?:in|for|within)\b|流失|沉睡|久未|很久没|好久没|(?:\d+|[一二两三四五六七八九十半]+)\s*(?:天|日|周|个?星期|个?月|年)\s*(?:以上|多|及以上)?\s*(?:内|以来)?\s*(?:都|均|一直)?\s*(?:未|没|没有|无)(?:再)?(?:购买|买|下单|消费|复购|购物)/,
  },
  {
    objective: 'awareness',
    pattern: /\bannounc\w*|\blaunch\w*|\bnew (?:arrivals?|collection|products?|line|season)\b|\bintroduc\w*|\bawareness\b|\blet (?:them|customers|users) know\b|\binform\b|\bnewsletters?\b|\bupdate\b|新品|上新|月刊|发布|宣传|告知|品牌曝光|曝光|通知用户/,
  },
  {
    objective: 'conversion',
    pattern: /\bconver\w*|\bsales\b|\bsell\b|\bgmv\b|\brevenue\b|\borders\b|\bpurchases\b|\bbuy\b|\bpromot\w*|\bdeal\b|\bsale\b|\bclearance\b|转化|销量|销售|成交|gmv|下单|促销|大促|清仓|购买|卖/,
  },
];

export interface ObjectiveCue {
  objective: Objective;
  /** The words that decided it. */
  cue: string;
}

/** The objective the text states or implies, or null when nothing hints at one. */
export function detectObjective(text: string): ObjectiveCue | null {
  for (const { objective, pattern } of OBJECTIVE_CUES) {
    const match = pattern.exec(text);
    if (match) return { objective, cue: match[0] };
  }
  return null;
}
