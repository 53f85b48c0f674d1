// What a customer message asks for, in English or Chinese, by keywords: order status, returns,
// shipping, a complaint, a discount, a person, thanks or a greeting. Deterministic, so the
// decisions built on it (offers, escalation) never depend on a model.
import type { Locale } from '../../../domain/vocabulary.ts';

export const SUPPORT_INTENTS = ['order_status', 'returns', 'shipping', 'complaint', 'discount_request', 'thanks', 'greeting', 'identify', 'other'] as const;
export type SupportIntent = (typeof SUPPORT_INTENTS)[number];

const KEYWORDS: Record<Exclude<SupportIntent, 'identify' | 'other'>, { en: RegExp; zh: RegExp }> = {
  complaint: {
    en: /\b(broken|damaged|defective|faulty|crack(?:ed|s)?|scratch(?:ed|es)?|dent(?:ed)?|leak(?:ed|ing)?|wrong (?:item|size|colou?r|product)|missing|never (?:arrived|came|received)|didn'?t (?:arrive|receive|get)|not (?:arrived|received|working)|doesn'?t work|stopped working|late|delayed|complain(?:t)?|terrible|awful|unacceptable|disappointed|refund)\b/i,
    zh: /坏了|坏的|损坏|破损|碎|裂|划痕|漏|有问题|质量差|质量不好|发错|少发|漏发|没收到|未收到|还没到|太慢|延迟|投诉|差评|退款|失望|不满|气死|垃圾/,
  },
  discount_request: {
    en: /\b(discount|coupon|voucher|promo(?:tion)? code|\d{1,3}\s?%\s?off|percent off|cheaper|price match|free (?:gift|item|product)|money off)\b/i,
    zh: /打折|折扣|优惠|优惠券|代金券|红包|便宜|减价|降价|[\d一二三四五六七八九]\s?折|免单|返现|半价/,
  },
  returns: {
    en: /\b(return|returns|returning|exchange|send (?:it )?back)\b/i,
    zh: /退货|退换|换货|退回|寄回/,
  },
  shipping: {
    en: /\b(shipping|delivery|deliver|ship|courier|tracking|how long)\b/i,
    zh: /运费|配送|快递|物流|发货|几天到|多久到|包邮/,
  },
  order_status: {
    en: /\b(order status|my order|where is|where's|status of|track(?:ing)? (?:my )?order|has (?:it|my order) shipped)\b/i,
    zh: /订单|到哪|在哪|状态|查一下|查询/,
  },
  thanks: {
    en: /\b(thanks|thank you|thx|great|perfect|awesome|love it|appreciate)\b/i,
    zh: /谢谢|感谢|多谢|太好了|很棒|满意|喜欢/,
  },
  greeting: {
    en: /^\s*(hi|hello|hey|good (?:morning|afternoon|evening))\b/i,
    zh: /^\s*(你好|您好|在吗|哈喽|嗨)/,
  },
};

/** Intents in priority order: a complaint mentioning an order is a complaint first. */
const PRIORITY: Array<keyof typeof KEYWORDS> = ['complaint', 'discount_request', 'returns', 'shipping', 'order_status', 'thanks', 'greeting'];

export interface ReadIntent {
  intent: SupportIntent;
  /** Every intent the message matched, for the summary. */
  matched: SupportIntent[];
}

export function detectIntent(text: string, { hasIdentifiers = false }: { hasIdentifiers?: boolean } = {}): ReadIntent {
  const folded = text.normalize('NFKC');
  const matched: SupportIntent[] = PRIORITY.filter((intent) => KEYWORDS[intent].en.test(folded) || KEYWORDS[intent].zh.test(folded));
  // "Hello! Order O1-2, phone ..." is an identification, not only a greeting.
  if (hasIdentifiers && !matched.some((intent) => intent !== 'greeting' && intent !== 'thanks')) matched.unshift('identify');
  const first = matched[0];
  if (first) return { intent: first, matched };
  return { intent: hasIdentifiers ? 'identify' : 'other', matched: hasIdentifiers ? ['identify'] : [] };
}

/** Whether a text contains any of the words, English ones as whole words, case- and width-insensitively. */
export function containsAnyWord(text: string, words: Partial<Record<Locale, readonly string[]>>): string | null {
  const folded = text.normalize('NFKC').toLowerCase();
  for (const word of words.en ?? []) {
    const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![a-z])${escaped}(?![a-z])`, 'i').test(folded)) return word;
  }
  for (const word of words.zh ?? []) {
    if (folded.includes(word.normalize('NFKC').toLowerCase())) return word;
  }
  return null;
}
