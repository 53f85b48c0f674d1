// How an offer is worded in copy: "10% off" / 9折, "spend ¥300, save ¥50" / 满300减50, "$20 off" /
// 立减20元, "free shipping" / 包邮, in the shapes templates need (title fragment, noun, sentences).
import type { Offer } from '../../src/domain/brief.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { COUPON_CODE } from './placeholders.ts';

export interface OfferWording {
  /** Stands alone at the start of a title or sentence: "10% off", "Spend ¥300, save ¥50" / "享9折". */
  headline: string;
  /** Stands alone mid-sentence or after a colon: "10% off", "spend ¥300, save ¥50" / "9折". */
  short: string;
  /** Fits where a noun does ("get ___", "plus ___"): "¥50 off orders of ¥300+" / "满300减50". */
  noun: string;
  /** The benefit as a sentence: "Enjoy 10% off your next order." / "下单享9折优惠。" */
  benefitSentence: string;
  /** The offer with its end: "10% off until Nov 13." / "9折优惠11月13日截止。" */
  urgentSentence: string;
  /** How to redeem it: "Use code {{coupon_code}} at checkout." */
  codeSentence: string;
  /** The code, briefly, for SMS: "Code: {{coupon_code}}." */
  smsCode: string;
}

export interface OfferWordingOptions {
  /** When the offer ends, already formatted for the locale ("Nov 13", 11月13日); null if open. */
  deadline?: string | null;
  /** The offer is for the first order (activation) rather than the next one. */
  firstOrder?: boolean;
}

const CURRENCY_SYMBOLS: Record<string, string> = { CNY: '¥', RMB: '¥', JPY: '¥', USD: '$', EUR: '€', GBP: '£', HKD: 'HK$' };

/** A number with at most two decimals and no trailing zeros: 8.5, 8.75, 9. */
function trimmedNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function englishAmount(value: number): string {
  const fixed = Number.isInteger(value) ? String(value) : value.toFixed(2);
  const [whole = '0', decimals] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

/** "¥300", "$19.90", "CHF 40". */
export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  const symbol = CURRENCY_SYMBOLS[code];
  return symbol ? `${symbol}${englishAmount(amount)}` : `${code} ${englishAmount(amount)}`;
}

/** Chinese money: bare figures for yuan (满300减50, 20元), the symbol for other currencies. */
function chineseMoney(amount: number, currency: string): { bare: string; withUnit: string } {
  if (currency.toUpperCase() === 'CNY' || currency.toUpperCase() === 'RMB') {
    const figure = trimmedNumber(amount);
    return { bare: figure, withUnit: `${figure}元` };
  }
  const formatted = formatMoney(amount, currency).replace(/,/g, '');
  return { bare: formatted, withUnit: formatted };
}

/** A percentage off as 折: 10% off is 9折, 15% off 8.5折, 25% off 7.5折. */
export function percentToZhe(percent: number): string {
  return `${trimmedNumber((100 - percent) / 10)}折`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function englishWording(offer: Offer, options: Required<OfferWordingOptions>): OfferWording {
  const order = options.firstOrder ? 'your first order' : 'your next order';
  let short: string;
  let noun: string;
  let benefitSentence: string;
  switch (offer.type) {
    case 'percent_off':
      if (offer.percent >= 100) {
        short = 'a free order';
        noun = 'a free order';
        benefitSentence = `Enjoy a free order: ${order} is on us.`;
      } else {
        short = `${trimmedNumber(offer.percent)}% off`;
        noun = short;
        benefitSentence = `Enjoy ${short} ${order}.`;
      }
      break;
    case 'amount_off':
      short = `${formatMoney(offer.amount, offer.currency)} off`;
      noun = short;
      benefitSentence = `Take ${short} ${order}.`;
      break;
    case 'threshold': {
      const threshold = formatMoney(offer.threshold, offer.currency);
      const amount = formatMoney(offer.amount, offer.currency);
      short = `spend ${threshold}, save ${amount}`;
      noun = `${amount} off orders of ${threshold}+`;
      benefitSentence = `Spend ${threshold}, save ${amount} on ${order}.`;
      break;
    }
    case 'free_shipping':
      short = 'free shipping';
      noun = short;
      benefitSentence = `Enjoy free shipping on ${order}.`;
      break;
  }
  const headline = capitalize(short);
  const urgentSentence = options.deadline ? `${headline} until ${options.deadline}.` : `${headline} for a limited time.`;
  return {
    headline,
    short,
    noun,
    benefitSentence,
    urgentSentence,
    codeSentence: `Use code ${COUPON_CODE} at checkout.`,
    smsCode: `Code: ${COUPON_CODE}.`,
  };
}

function chineseWording(offer: Offer, options: Required<OfferWordingOptions>): OfferWording {
  const order = options.firstOrder ? '首单' : '下单';
  let short: string;
  let headline: string;
  let benefitSentence: string;
  switch (offer.type) {
    case 'percent_off':
      if (offer.percent >= 100) {
        short = '免单';
        headline = '免单';
        benefitSentence = `${order}即可免单。`;
      } else {
        short = percentToZhe(offer.percent);
        headline = `享${short}`;
        benefitSentence = `${order}享${short}优惠。`;
      }
      break;
    case 'amount_off':
      short = `立减${chineseMoney(offer.amount, offer.currency).withUnit}`;
      headline = short;
      benefitSentence = `${order}${short}。`;
      break;
    case 'threshold':
      short = `满${chineseMoney(offer.threshold, offer.currency).bare}减${chineseMoney(offer.amount, offer.currency).bare}`;
      headline = short;
      benefitSentence = `${options.firstOrder ? '首单' : '订单'}${short}。`;
      break;
    case 'free_shipping':
      short = '包邮';
      headline = '享包邮';
      benefitSentence = `${order}即享包邮。`;
      break;
  }
  const urgentSentence = options.deadline
    ? `${short}优惠${options.deadline}截止。`
    : `${short}优惠限时有效，别错过。`;
  return {
    headline,
    short,
    noun: short,
    benefitSentence,
    urgentSentence,
    codeSentence: `结算时输入优惠码${COUPON_CODE}即可使用。`,
    smsCode: `优惠码${COUPON_CODE}。`,
  };
}

/** The offer worded for `locale`, or null when the brief has no offer (copy then mentions none). */
export function offerWording(offer: Offer | null, locale: Locale, options: OfferWordingOptions = {}): OfferWording | null {
  if (offer === null) return null;
  const resolved: Required<OfferWordingOptions> = { deadline: options.deadline ?? null, firstOrder: options.firstOrder ?? false };
  return locale === 'zh' ? chineseWording(offer, resolved) : englishWording(offer, resolved);
}
