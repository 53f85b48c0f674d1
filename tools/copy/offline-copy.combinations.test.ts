// Every template combination (objective x locale x offer x timing x category x audience hint, all
// four channels, both variants) is generated and checked against the channel limits, the required
// content, the placeholder rules, the language, the offer wording and the absolute-claim list.
import { describe, expect, it } from 'vitest';
import { Objective, type Brief, type Offer, type Timing } from '../../src/domain/brief.ts';
import type { PlannedMessage } from '../../src/domain/plan.ts';
import { CHANNELS, type Locale } from '../../src/domain/vocabulary.ts';
import { findAbsoluteClaim } from './absolute-claims.ts';
import { DEMO_CATEGORIES } from './categories.ts';
import { checkChannelLimits } from './channel-limits.ts';
import { generateOfflineCopy } from './offline-copy.ts';
import { ALLOWED_PLACEHOLDERS, placeholdersIn } from './placeholders.ts';
import { smsSegments } from './sms-segments.ts';
import { cjkShare, containsHan } from './text-script.ts';

const OFFERS: ReadonlyArray<Offer | null> = [
  null,
  { type: 'percent_off', percent: 10 },
  { type: 'percent_off', percent: 15 },
  { type: 'percent_off', percent: 12.5 },
  { type: 'percent_off', percent: 100 },
  { type: 'amount_off', amount: 20, currency: 'USD' },
  { type: 'amount_off', amount: 19.9, currency: 'CNY' },
  { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' },
  { type: 'threshold', threshold: 1250.5, amount: 125.25, currency: 'EUR' },
  { type: 'threshold', threshold: 100, amount: 15, currency: 'CHF' },
  { type: 'free_shipping' },
];

const TIMINGS: readonly Timing[] = [
  { kind: 'asap' },
  { kind: 'at', localDateTime: '2025-11-11T10:00' },
  { kind: 'window', label: '双11', from: '2025-11-01', to: '2025-11-11', localTime: '10:00' },
  { kind: 'window', label: 'Mid-Autumn Festival', from: '2025-09-20', to: '2025-09-30', localTime: '09:30' },
  { kind: 'window', label: 'Our very long spring refresh weekend celebration event 2025', from: '2025-04-01', to: '2025-04-03', localTime: '09:00' },
  { kind: 'trigger', event: 'add_to_cart', delayMinutes: 60, unlessEvent: 'purchase' },
  { kind: 'trigger', event: 'view', delayMinutes: 120, unlessEvent: null },
];

const CATEGORIES: ReadonlyArray<string | null> = [null, ...Object.keys(DEMO_CATEGORIES), 'pet_supplies', '宠物用品'];
const HINTS: Record<Locale, ReadonlyArray<string | null>> = { en: [null, 'loyal customers'], zh: [null, '老顾客'] };

/** Realistic long values for the merge fields, to check SMS still fits once they are filled in. */
const SAMPLE_VALUES: Record<Locale, Record<string, string>> = {
  en: {
    '{{first_name}}': 'Maximilian-Alexander',
    '{{last_viewed_product}}': 'Organic Cotton Hooded Sweatshirt (Navy)',
    '{{coupon_code}}': 'WELCOME-BACK-2025',
  },
  zh: { '{{first_name}}': '欧阳明轩', '{{last_viewed_product}}': '有机棉连帽卫衣（藏青色）加绒款', '{{coupon_code}}': 'WELCOME-BACK-2025' },
};

function offerFigure(offer: Offer, locale: Locale): string {
  switch (offer.type) {
    case 'percent_off':
      if (offer.percent === 100) return locale === 'en' ? 'free order' : '免单';
      if (offer.percent === 12.5) return locale === 'en' ? '12.5% off' : '8.75折';
      return locale === 'en' ? `${offer.percent}% off` : `${(100 - offer.percent) / 10}折`;
    case 'amount_off':
      if (offer.currency === 'USD') return locale === 'en' ? '$20 off' : '立减$20';
      return locale === 'en' ? '¥19.90 off' : '立减19.9元';
    case 'threshold':
      if (offer.currency === 'CNY') return locale === 'en' ? 'spend ¥300, save ¥50' : '满300减50';
      if (offer.currency === 'EUR') return locale === 'en' ? 'spend €1,250.50, save €125.25' : '满€1250.50减€125.25';
      return locale === 'en' ? 'spend CHF 100, save CHF 15' : '满CHF 100减CHF 15';
    case 'free_shipping':
      return locale === 'en' ? 'free shipping' : '包邮';
  }
}

const NO_OFFER_WORDS: Record<Locale, RegExp> = {
  en: /%|\boff\b|discount|coupon|\bsav(e|ing)|\bdeal|free shipping|\bgift|[¥$€£]|on us/i,
  zh: /%|折|优惠|减|包邮|券|元|免单|红包|礼|满\d|[¥$€£]/,
};

function fill(text: string, locale: Locale): string {
  return text.replace(/\{\{[a-z_]+\}\}/g, (placeholder) => SAMPLE_VALUES[locale][placeholder] ?? placeholder);
}

function problemsWith(message: PlannedMessage, brief: Brief): string[] {
  const problems: string[] = [];
  const locale = brief.locale;
  const whole = `${message.title ?? ''}\n${message.text}`;
  const limits = checkChannelLimits(message, { locale });
  if (!limits.ok) problems.push(limits.detail);
  if (message.text.trim() === '') problems.push('empty text');
  const claim = findAbsoluteClaim(whole);
  if (claim) problems.push(`absolute claim "${claim}"`);
  for (const placeholder of placeholdersIn(whole)) {
    if (!ALLOWED_PLACEHOLDERS.includes(placeholder)) problems.push(`unknown placeholder ${placeholder}`);
  }
  if (!brief.offer && whole.includes('{{coupon_code}}')) problems.push('coupon code without an offer');
  if (message.channel !== 'email' && whole.includes('{{unsubscribe_url}}')) problems.push('unsubscribe link outside e-mail');
  if (locale === 'en' && containsHan(whole)) problems.push('Chinese characters in English copy');
  if (locale === 'zh' && cjkShare(whole) < 0.75) problems.push(`CJK share ${cjkShare(whole).toFixed(2)}`);
  if (brief.offer && !message.text.toLowerCase().includes(offerFigure(brief.offer, locale).toLowerCase())) {
    problems.push(`offer "${offerFigure(brief.offer, locale)}" missing`);
  }
  if (!brief.offer && NO_OFFER_WORDS[locale].test(whole)) problems.push(`discount wording without an offer: ${whole.match(NO_OFFER_WORDS[locale])?.[0]}`);
  if (brief.objective === 'cart_recovery' && !message.text.includes('{{last_viewed_product}}')) problems.push('cart item missing');
  switch (message.channel) {
    case 'sms': {
      const [sender, optOut] = locale === 'en' ? ['[Lumen] ', 'Reply STOP to opt out'] : ['【乐萌】', '回T退订'];
      if (!message.text.startsWith(sender) || !message.text.endsWith(optOut)) problems.push('sender or opt-out missing');
      if (message.title !== null) problems.push('sms with a title');
      if (smsSegments(fill(message.text, locale)).segments > 2) problems.push('over 2 segments once filled in');
      if (locale === 'en' && smsSegments(message.text).encoding !== 'GSM-7') problems.push('English SMS not GSM-7');
      break;
    }
    case 'email': {
      const unsubscribe = locale === 'en' ? 'Unsubscribe: {{unsubscribe_url}}' : '退订：{{unsubscribe_url}}';
      if (!message.text.endsWith(`\n\n${unsubscribe}`)) problems.push('unsubscribe line missing');
      if (!message.title) problems.push('email without subject');
      break;
    }
    case 'push':
      if (!message.title) problems.push('push without title');
      break;
    case 'wecom':
      if (message.title !== null) problems.push('wecom with a title');
      break;
  }
  return problems.map((problem) => `${message.channel}/${message.variant}: ${problem}`);
}

function briefsFor(objective: Objective, locale: Locale): Array<{ brief: Brief; hint: string | null }> {
  const briefs: Array<{ brief: Brief; hint: string | null }> = [];
  for (const offer of OFFERS)
    for (const timing of TIMINGS)
      for (const category of CATEGORIES)
        for (const hint of HINTS[locale])
          briefs.push({
            brief: { goal: 'test', objective, channels: [...CHANNELS], offer, timing, locale, category, budget: null },
            hint,
          });
  return briefs;
}

describe('generateOfflineCopy over every template combination', () => {
  for (const objective of Objective.options) {
    for (const locale of ['en', 'zh'] as const) {
      it(`writes clean copy within limits for ${objective} in ${locale}`, () => {
        // Each distinct problem once, with the first brief that showed it.
        const failures = new Map<string, string>();
        let messageCount = 0;
        for (const { brief, hint } of briefsFor(objective, locale)) {
          const messages = generateOfflineCopy({ brief, audienceHint: hint });
          messageCount += messages.length;
          expect(messages.map((message) => `${message.channel}/${message.variant}`)).toEqual(
            CHANNELS.flatMap((channel) => [`${channel}/A`, `${channel}/B`]),
          );
          for (const message of messages) {
            for (const problem of problemsWith(message, brief)) {
              const key = problem.replace(/\d+/g, '#');
              if (!failures.has(key)) failures.set(key, `${problem} in ${JSON.stringify({ brief, hint })}`);
            }
          }
          for (const channel of CHANNELS) {
            const [a, b] = messages.filter((message) => message.channel === channel);
            if (a?.text === b?.text) failures.set(`${channel} identical`, `${channel}: variants A and B are identical`);
          }
        }
        expect([...failures.values()]).toEqual([]);
        expect(messageCount).toBe(OFFERS.length * TIMINGS.length * CATEGORIES.length * 2 * CHANNELS.length * 2);
      });
    }
  }
});
