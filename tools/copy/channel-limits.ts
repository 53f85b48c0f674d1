// Per-channel length limits and the check a planned message must pass: push title and body, e-mail
// subject and preheader (the opening line an inbox previews), SMS segments, WeCom text length.
import type { PlannedMessage } from '../../src/domain/plan.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { smsSegments } from './sms-segments.ts';
import { characterCount, cjkShare } from './text-script.ts';

/** Limits in characters (code points) unless named otherwise. `push.body` is for English copy. */
export const CHANNEL_LIMITS = {
  push: { title: 40, body: 120 },
  email: { subject: 70, preheader: 100 },
  sms: { maxSegments: 2 },
  wecom: { text: 300 },
} as const satisfies {
  push: { title: number; body: number };
  email: { subject: number; preheader: number };
  sms: { maxSegments: number };
  wecom: { text: number };
};

/** Push body limit per locale: Chinese characters are twice as wide on a lock screen. */
export const PUSH_BODY_LIMITS: Record<Locale, number> = { en: CHANNEL_LIMITS.push.body, zh: 60 };

export interface ChannelLimitCheck {
  ok: boolean;
  detail: string;
}

export interface ChannelLimitOptions {
  /** Language of the copy; by default read from the text (mostly Chinese characters means zh). */
  locale?: Locale;
}

const SALUTATION_END = /[,，:：]$/;

/** The e-mail's preheader: its first paragraph after the salutation, the text inbox previews show. */
export function emailPreheader(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  const first = paragraphs[0] ?? '';
  const opening = SALUTATION_END.test(first) && !first.includes('\n') ? paragraphs[1] ?? '' : first;
  return opening.replace(/\s*\n\s*/g, ' ');
}

function measure(label: string, text: string, limit: number, problems: string[]): string {
  const length = characterCount(text);
  if (length > limit) problems.push(`${label} is ${length} characters, over the ${limit}-character limit`);
  return `${label} ${length}/${limit}`;
}

function requireTitle(message: PlannedMessage, label: string, problems: string[]): string {
  if (message.title === null || message.title.trim() === '') {
    problems.push(`${message.channel} needs a ${label}`);
    return '';
  }
  return message.title;
}

/** Whether `message` fits its channel's limits, with the measurements (and any problem) spelled out. */
export function checkChannelLimits(message: PlannedMessage, options: ChannelLimitOptions = {}): ChannelLimitCheck {
  const locale = options.locale ?? (cjkShare(`${message.title ?? ''}${message.text}`) >= 0.5 ? 'zh' : 'en');
  const problems: string[] = [];
  const measurements: string[] = [];
  switch (message.channel) {
    case 'push': {
      const title = requireTitle(message, 'title', problems);
      measurements.push(measure('title', title, CHANNEL_LIMITS.push.title, problems));
      measurements.push(measure('body', message.text, PUSH_BODY_LIMITS[locale], problems));
      break;
    }
    case 'email': {
      const subject = requireTitle(message, 'subject', problems);
      measurements.push(measure('subject', subject, CHANNEL_LIMITS.email.subject, problems));
      measurements.push(measure('preheader', emailPreheader(message.text), CHANNEL_LIMITS.email.preheader, problems));
      break;
    }
    case 'sms': {
      const count = smsSegments(message.text);
      measurements.push(`${count.segments}/${CHANNEL_LIMITS.sms.maxSegments} segments (${count.encoding}, ${count.characters} characters)`);
      if (count.segments > CHANNEL_LIMITS.sms.maxSegments) {
        problems.push(`text needs ${count.segments} SMS segments, over the limit of ${CHANNEL_LIMITS.sms.maxSegments}`);
      }
      break;
    }
    case 'wecom':
      measurements.push(measure('text', message.text, CHANNEL_LIMITS.wecom.text, problems));
      break;
  }
  if ((message.channel === 'sms' || message.channel === 'wecom') && message.title !== null) {
    problems.push(`${message.channel} messages have no title; set title to null`);
  }
  if (message.text.trim() === '') problems.push('text is empty');
  const summary = `${message.channel} variant ${message.variant}: ${measurements.join(', ')}`;
  return problems.length === 0
    ? { ok: true, detail: summary }
    : { ok: false, detail: `${summary}; ${problems.join('; ')}` };
}
