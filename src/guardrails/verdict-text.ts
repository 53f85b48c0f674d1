// Verdict details in the brief's language: picking the English or Chinese sentence, naming channels
// and messages, and joining lists the way each language does.
import type { PlannedMessage } from '../domain/plan.ts';
import type { Channel, Locale } from '../domain/vocabulary.ts';
import { joinWords } from './plain-text.ts';

/** The same sentence in English and Chinese. */
export interface Bilingual {
  en: string;
  zh: string;
}

export function say(locale: Locale, en: string, zh: string): string {
  return locale === 'zh' ? zh : en;
}

const CHINESE_CHANNEL_NAMES: Record<Channel, string> = { sms: '短信', email: '邮件', push: '推送', wecom: '企业微信' };

/** `sms` in English (the id marketers see in the plan), 短信 in Chinese. */
export function channelName(channel: Channel, locale: Locale): string {
  return locale === 'zh' ? CHINESE_CHANNEL_NAMES[channel] : channel;
}

/** `sms A` / `短信A`. */
export function messageLabel(message: Pick<PlannedMessage, 'channel' | 'variant'>, locale: Locale): string {
  return locale === 'zh' ? `${channelName(message.channel, locale)}${message.variant}` : `${message.channel} ${message.variant}`;
}

/** A name put after Chinese text: with a space in front when it starts with a Latin letter or digit (`超过 30% 的折扣上限`). */
export function afterChinese(name: string): string {
  return /^[A-Za-z0-9]/u.test(name) ? ` ${name}` : name;
}

/** `a, b or c` in English; `a、b或c` in Chinese. */
export function joinIn(locale: Locale, words: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (locale === 'en') return joinWords(words, conjunction);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join('、')}${conjunction === 'and' ? '和' : '或'}${words[words.length - 1]}`;
}

/** List separator between clauses: `; ` in English, `；` in Chinese. */
export function clauseSeparator(locale: Locale): string {
  return locale === 'zh' ? '；' : '; ';
}

/** Separator between items: `, ` in English, `，` in Chinese. */
export function itemSeparator(locale: Locale): string {
  return locale === 'zh' ? '，' : ', ';
}

/** `"x"` in English, `“x”` in Chinese. */
export function quote(text: string, locale: Locale): string {
  return locale === 'zh' ? `“${text}”` : `"${text}"`;
}
