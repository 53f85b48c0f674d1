// Short human-readable wording, in English or Chinese, for offers, timings, windows and audience
// conditions: used in assumptions and in the list of changes an edit made.
import type { Offer, Timing } from '../../../domain/brief.ts';
import type { Condition, Window } from '../../../domain/segment.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { categoryLabel } from './categories.ts';
import { cityLabel } from './cities.ts';
import { say } from './text.ts';
import { describeWeekdays } from '../../../../tools/schedule/recurrence.ts';
import { describeSegment } from '../../../../tools/segments/describe-segment.ts';

const CURRENCY_SIGNS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

function money(amount: number, currency: string, locale: Locale): string {
  const sign = CURRENCY_SIGNS[currency];
  if (sign) return `${sign}${amount}`;
  if (currency === 'CNY') return say(locale, `¥${amount}`, `${amount}元`);
  return `${amount} ${currency}`;
}

/** "10% off" / "9折"; "¥50 off orders of ¥300+" / "满300元减50元". */
export function describeOffer(offer: Offer | null, locale: Locale): string {
  if (!offer) return say(locale, 'no discount', '无优惠');
  switch (offer.type) {
    case 'percent_off': {
      const zhe = Math.round((100 - offer.percent) * 10) / 100;
      return say(locale, `${offer.percent}% off`, `${zhe}折`);
    }
    case 'amount_off':
      return say(locale, `${money(offer.amount, offer.currency, locale)} off`, `立减${money(offer.amount, offer.currency, locale)}`);
    case 'threshold':
      return say(
        locale,
        `${money(offer.amount, offer.currency, locale)} off orders of ${money(offer.threshold, offer.currency, locale)} or more`,
        `满${money(offer.threshold, offer.currency, locale)}减${money(offer.amount, offer.currency, locale)}`,
      );
    case 'free_shipping':
      return say(locale, 'free shipping', '包邮');
  }
}

const EVENT_NAMES: Record<string, { en: string; zh: string }> = {
  view: { en: 'viewing a product', zh: '浏览' },
  add_to_cart: { en: 'adding to cart', zh: '加购' },
  purchase: { en: 'purchase', zh: '购买' },
  login: { en: 'logging in', zh: '登录' },
  open: { en: 'opening a message', zh: '打开消息' },
  click: { en: 'clicking', zh: '点击' },
  unsubscribe: { en: 'unsubscribing', zh: '退订' },
};

function eventName(event: string, locale: Locale): string {
  return EVENT_NAMES[event]?.[locale] ?? event;
}

function duration(minutes: number, locale: Locale): string {
  if (minutes % 1440 === 0) return say(locale, `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`, `${minutes / 1440}天`);
  if (minutes % 60 === 0) return say(locale, `${minutes / 60} hour${minutes === 60 ? '' : 's'}`, `${minutes / 60}小时`);
  return say(locale, `${minutes} minutes`, `${minutes}分钟`);
}

export function describeTiming(timing: Timing, locale: Locale): string {
  const t = (en: string, zh: string): string => say(locale, en, zh);
  switch (timing.kind) {
    case 'asap':
      return t('as soon as approved', '审批通过后立即发送');
    case 'at': {
      const when = timing.localDateTime.replace('T', ' ');
      return t(`${when} recipient local time`, `${when}（收件人当地时间）`);
    }
    case 'window':
      return t(
        `${timing.label}: ${timing.from} to ${timing.to}, first send ${timing.localTime}`,
        `${timing.label}：${timing.from} 至 ${timing.to}，首次发送 ${timing.localTime}`,
      );
    case 'recurring': {
      const days = describeWeekdays(timing.weekdays, locale);
      const from = timing.startDate ? t(`, from ${timing.startDate}`, `，从 ${timing.startDate} 起`) : '';
      return t(`${days} at ${timing.localTime}, ${timing.count} times${from}`, `${days} ${timing.localTime}，共${timing.count}次${from}`);
    }
    case 'trigger': {
      const after = duration(timing.delayMinutes, locale);
      const event = eventName(timing.event, locale);
      if (!timing.unlessEvent) return t(`${after} after ${event}`, `${event}后${after}`);
      const unless = timing.unlessEvent === 'purchase' ? 'buy' : eventName(timing.unlessEvent, locale);
      return t(`${after} after ${event} unless they ${unless} first`, `${event}后${after}，期间${eventName(timing.unlessEvent, locale)}则不发`);
    }
  }
}

export function describeWindow(window: Window, locale: Locale): string {
  if (window.type === 'calendar') return say(locale, `from ${window.from} to ${window.to}`, `${window.from} 至 ${window.to}`);
  if (window.days === 365) return say(locale, 'in the last 12 months', '近12个月');
  return say(locale, `in the last ${window.days} days`, `近${window.days}天`);
}

function bounds(min: number | undefined, max: number | undefined, locale: Locale): string {
  if (min !== undefined && max !== undefined) return min === max ? `${min}` : `${min}-${max}`;
  if (min !== undefined) return say(locale, `at least ${min}`, `至少${min}`);
  if (max !== undefined) return say(locale, `at most ${max}`, `至多${max}`);
  return say(locale, 'any', '任意');
}

const GENDER_NAMES: Record<string, { en: string; zh: string }> = {
  female: { en: 'women', zh: '女性' },
  male: { en: 'men', zh: '男性' },
  unknown: { en: 'gender unknown', zh: '性别未知' },
};

/** One line per condition, for the marketer to check what the audience became. */
export function describeCondition(condition: Condition, locale: Locale): string {
  const t = (en: string, zh: string): string => say(locale, en, zh);
  switch (condition.kind) {
    case 'and':
    case 'or': {
      const joiner = condition.kind === 'and' ? t(' and ', '且') : t(' or ', '或');
      return condition.conditions.map((inner) => describeCondition(inner, locale)).join(joiner);
    }
    case 'not':
      return t(`not (${describeCondition(condition.condition, locale)})`, `排除（${describeCondition(condition.condition, locale)}）`);
    case 'age':
      return t(`age ${bounds(condition.min, condition.max, locale)}`, `年龄${bounds(condition.min, condition.max, locale)}岁`);
    case 'gender':
      return condition.values.map((value) => GENDER_NAMES[value]?.[locale] ?? value).join(t(' or ', '或'));
    case 'profile':
      if (condition.field !== 'city') return `${condition.field}: ${condition.values.join(', ')}`;
      return t(`in ${condition.values.join(', ')}`, `位于${condition.values.map(cityLabel).join('、')}`);
    case 'consent':
      return t(`consented to ${condition.channel}`, `同意接收${condition.channel}`);
    case 'event_count': {
      const [event, times, window] = [eventName(condition.event, locale), bounds(condition.min, condition.max, locale), describeWindow(condition.window, locale)];
      return t(`${event} ${times} times ${window}`, `${window}${event}${times}次`);
    }
    case 'order_stat': {
      const [times, window] = [bounds(condition.min, condition.max, locale), describeWindow(condition.window, locale)];
      if (condition.metric === 'total') return t(`spent ${times} ${window}`, `${window}消费${times}`);
      if (condition.max === 0) return t(`no purchase ${window}`, `${window}未购买`);
      return t(`${times} orders ${window}`, `${window}下单${times}次`);
    }
    case 'sequence': {
      const [first, missing] = [eventName(condition.first, locale), eventName(condition.missing, locale)];
      const [within, window] = [duration(condition.withinMinutes, locale), describeWindow(condition.window, locale)];
      return t(`${first} without ${missing} within ${within} (${window})`, `${window}${first}后${within}内未${missing}`);
    }
    case 'spend_rank': {
      const [share, window] = [Math.round(condition.topShare * 100), describeWindow(condition.window, locale)];
      return t(`top ${share}% by spend ${window}`, `${window}消费额前${share}%`);
    }
    case 'churn_risk':
      return t(`${condition.level} churn risk`, condition.level === 'high' ? '高流失风险' : '中等流失风险');
    case 'category_purchase': {
      const [category, window] = [categoryLabel(condition.category, locale), describeWindow(condition.window, locale)];
      return t(`bought ${category} ${window}`, `${window}购买过${category}`);
    }
    default:
      // Kinds the parser never produces itself are described by the segment engine.
      return describeSegment({ version: 1, root: condition }, locale);
  }
}
