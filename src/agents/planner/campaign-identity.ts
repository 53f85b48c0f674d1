// Names and ids for the campaign a draft becomes: stable for a thread and draft revision, so
// repeating a step after a crash finds the same campaign instead of creating another.
import { createHash } from 'node:crypto';
import type { Brief } from '../../domain/brief.ts';

export function campaignIdFor(threadId: string, revision: number): string {
  return `cmp_${createHash('sha256').update(`${threadId}#${revision}`).digest('hex').slice(0, 16)}`;
}

const OBJECTIVE_NAMES: Record<Brief['objective'], { en: string; zh: string }> = {
  winback: { en: 'Win-back', zh: '召回' },
  retention: { en: 'Retention', zh: '挽留' },
  aov: { en: 'Basket builder', zh: '提升客单价' },
  conversion: { en: 'Conversion', zh: '促转化' },
  cart_recovery: { en: 'Cart recovery', zh: '加购召回' },
  cross_sell: { en: 'Cross-sell', zh: '交叉销售' },
  activation: { en: 'First purchase', zh: '新客首单' },
  awareness: { en: 'Announcement', zh: '活动通知' },
};

const CHANNEL_NAMES = { en: { sms: 'SMS', email: 'E-mail', push: 'Push', wecom: 'WeCom' }, zh: { sms: '短信', email: '邮件', push: '推送', wecom: '企微' } };

function offerName(brief: Brief): string | null {
  const offer = brief.offer;
  if (!offer) return null;
  const zh = brief.locale === 'zh';
  switch (offer.type) {
    case 'percent_off':
      return zh ? `${Number(((100 - offer.percent) / 10).toFixed(1))}折` : `${offer.percent}% off`;
    case 'amount_off':
      return zh ? `立减${offer.amount}` : `${offer.amount} ${offer.currency} off`;
    case 'threshold':
      return zh ? `满${offer.threshold}减${offer.amount}` : `${offer.amount} off ${offer.threshold}`;
    case 'free_shipping':
      return zh ? '包邮' : 'free shipping';
  }
}

export function campaignNameFor(brief: Brief, startDate: string | null): string {
  const locale = brief.locale;
  const parts = [
    OBJECTIVE_NAMES[brief.objective][locale],
    brief.channels.map((channel) => CHANNEL_NAMES[locale][channel]).join(locale === 'zh' ? '+' : ' + '),
    offerName(brief),
    startDate,
  ].filter((part): part is string => Boolean(part));
  return parts.join(' · ');
}
