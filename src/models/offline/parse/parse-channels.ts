// Finds the delivery channels a goal or edit names (SMS, email, push, WeCom), and names it cannot
// serve (fax, WhatsApp, 微信 ...) so the caller can ask instead of silently dropping them.
import type { Channel, Locale } from '../../../domain/vocabulary.ts';
import { matchAll, say, unique } from './text.ts';

export interface ChannelMention {
  channel: Channel;
  start: number;
  end: number;
}

const CHANNEL_PATTERNS: ReadonlyArray<{ channel: Channel; pattern: RegExp }> = [
  { channel: 'wecom', pattern: /\bwecom\b|\bwechat work\b|\bwework\b|企业微信|企業微信|企微/ },
  {
    channel: 'sms',
    pattern: /\bsms(?:es)?\b|\btext messages?\b|\b(?:send|sending|shoot) (?:them |out |customers |users )?(?:a |an )?texts?\b|\btexts\b|\btexting\b|\b(?:by|via|over|through) text\b|手机短信|短信|短消息/,
  },
  { channel: 'email', pattern: /\be-?mails?\b|\bedm\b|\bnewsletters?\b|\bmail\b|电子邮件|邮件|邮箱/ },
  {
    channel: 'push',
    pattern: /\bapp push\b|\bpush notifications?\b|\bpush(?:es)?\b|\bnotifications?\b|\bin-app messages?\b|app推送|消息推送|推送|通知|站内信/,
  },
];

/** A channel named right after these words is what the audience did, not how to reach them. */
const BEHAVIOUR_BEFORE = /(?:open|opened|opening|click|clicked|read|unsubscribed from|打开过?|点击过?|阅读过?|看过|退订)\s*(?:an? |the |our |their |any )?(?:app )?$/;

const UNSUPPORTED: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'fax', pattern: /\bfax(?:es)?\b|传真/ },
  { name: 'WhatsApp', pattern: /\bwhats ?app\b/ },
  { name: 'Telegram', pattern: /\btelegram\b/ },
  { name: 'LINE', pattern: /\b(?:via|on|by|through) line\b|\bline app\b/ },
  { name: 'Facebook', pattern: /\bfacebook\b|\bmessenger\b/ },
  { name: 'Instagram', pattern: /\binstagram\b/ },
  { name: 'TikTok', pattern: /\btiktok\b|抖音/ },
  { name: 'Weibo', pattern: /\bweibo\b|微博/ },
  { name: 'WeChat', pattern: /\bwechat\b(?! work)|(?<!企业)微信|公众号/ },
  { name: 'phone call', pattern: /\bphone calls?\b|\bcall them\b|\btelemarketing\b|电话|外呼/ },
  { name: 'direct mail', pattern: /\bdirect mail\b|\bpost(?:al)? mail\b|\bpostcards?\b|\bletters?\b|直邮|信件|明信片/ },
  { name: 'MMS', pattern: /\bmms\b|彩信/ },
];

const VIA_STOP_WORDS = new Set(['the', 'our', 'a', 'an', 'their', 'your', 'its', 'all', 'both', 'every', 'each', 'any', 'app']);
const SUPPORTED_WORD = /^(?:sms|text|texts|e-?mails?|mail|push|notifications?|wecom|wework|edm|newsletters?)$/;

/**
 * 通知 / "notification" right after another channel ("短信通知", "email notification") or used as the verb
 * "notify" (通知用户) describes the message, not the push channel.
 */
function isNoticeWord(word: string, text: string, start: number, end: number, found: readonly ChannelMention[]): boolean {
  if (!/^(?:通知|notifications?)$/.test(word)) return false;
  if (found.some((mention) => mention.end >= start - 1 && mention.end <= start)) return true;
  return word === '通知' && /^(?:用户|客户|会员|大家|他们|顾客)/.test(text.slice(end));
}

/** Every supported channel mention, in order of appearance. */
export function findChannelMentions(text: string): ChannelMention[] {
  const mentions: ChannelMention[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const { name, pattern } of UNSUPPORTED) {
    if (name !== 'direct mail') continue; // "direct mail" must not count as e-mail
    for (const match of matchAll(pattern, text)) taken.fill(true, match.index, match.index + match[0].length);
  }
  for (const { channel, pattern } of CHANNEL_PATTERNS) {
    for (const match of matchAll(pattern, text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      if (BEHAVIOUR_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
      if (channel === 'push' && isNoticeWord(match[0], text, start, end, mentions)) continue;
      taken.fill(true, start, end);
      mentions.push({ channel, start, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** Names of channels the goal asks for that the product cannot send through. */
export function findUnsupportedChannels(text: string): string[] {
  const names: string[] = [];
  for (const { name, pattern } of UNSUPPORTED) if (pattern.test(text)) names.push(name);
  for (const match of matchAll(/\bvia ([a-z][a-z0-9-]*)/, text)) {
    const word = match[1] ?? '';
    if (VIA_STOP_WORDS.has(word) || SUPPORTED_WORD.test(word)) continue;
    if (!names.some((name) => name.toLowerCase() === word)) names.push(word);
  }
  return unique(names);
}

export interface ParsedChannels {
  /** Supported channels in the order the text names them; empty when none is named. */
  channels: Channel[];
  unsupported: string[];
}

export function parseChannels(text: string): ParsedChannels {
  return {
    channels: unique(findChannelMentions(text).map((mention) => mention.channel)),
    unsupported: findUnsupportedChannels(text),
  };
}

const CHANNEL_NAMES: Record<Channel, { en: string; zh: string }> = {
  sms: { en: 'SMS', zh: '短信' },
  email: { en: 'email', zh: '邮件' },
  push: { en: 'push', zh: '推送' },
  wecom: { en: 'WeCom', zh: '企业微信' },
};

export function channelName(channel: Channel, locale: Locale): string {
  return CHANNEL_NAMES[channel][locale];
}

/** "SMS and push" / "短信和推送". */
export function describeChannels(channels: readonly Channel[], locale: Locale): string {
  const names = channels.map((channel) => channelName(channel, locale));
  if (locale === 'zh') return names.join('、').replace(/、([^、]*)$/, '和$1');
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The one question to ask when the goal names a channel the product cannot use. */
export function unsupportedChannelQuestion(names: readonly string[], locale: Locale): string {
  const supported = describeChannels(['sms', 'email', 'push', 'wecom'], locale).replace(' and ', ' or ').replace('和', '或');
  if (locale === 'zh') {
    const wechatHint = names.includes('WeChat') ? '（如果您说的微信是指企业微信，请直接写“企业微信”）' : '';
    return `暂不支持通过${names.join('、')}发送。可用的渠道有${supported}，要改用哪一个？${wechatHint}`;
  }
  const wechatHint = names.includes('WeChat') ? ' (if you meant WeChat Work, say WeCom)' : '';
  return `${names.join(', ')} ${names.length > 1 ? "aren't supported channels" : "isn't a supported channel"}. Which should I use instead: ${supported}?${wechatHint}`;
}

export const DEFAULT_CHANNELS: readonly Channel[] = ['email', 'push'];

export function defaultChannelsAssumption(locale: Locale): string {
  return say(locale, 'no channel named: using email and push', '未指定渠道：默认使用邮件和推送');
}
