// Rule `copy.channel_limits`: every message fits its channel, measured after the opt-out and sender
// text were added: SMS segments (GSM-7 160/153, UCS-2 70/67), push title and body, e-mail subject and
// preheader, WeCom text. The limits and the verdict on each message come from the copy library
// (checkChannelLimits); the one safe fix is dropping a title from an SMS or WeCom message, which has
// none. Anything else over a limit blocks the plan, with the numbers.
import { CHANNEL_LIMITS, checkChannelLimits, emailPreheader, PUSH_BODY_LIMITS } from '../../../tools/copy/channel-limits.ts';
import { smsSegments } from '../../../tools/copy/sms-segments.ts';
import { characterCount } from '../../../tools/copy/text-script.ts';
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { clauseSeparator, itemSeparator, joinIn, messageLabel, say } from '../verdict-text.ts';

export const COPY_CHANNEL_LIMITS = 'copy.channel_limits';

interface Measurement {
  /** `title 18/40`, `1/2 segments (GSM-7, 120 characters)`. */
  reading: string;
  /** Set when the measurement is over its limit or something required is missing. */
  problem: string | null;
}

interface LengthLabel {
  en: string;
  zh: string;
}

const LABELS = {
  title: { en: 'title', zh: '标题' },
  body: { en: 'body', zh: '正文' },
  subject: { en: 'subject', zh: '主题' },
  preheader: { en: 'preheader', zh: '预览文字' },
  text: { en: 'text', zh: '正文' },
} satisfies Record<string, LengthLabel>;

function measureLength(name: string, label: LengthLabel, text: string, limit: number, locale: Locale): Measurement {
  const length = characterCount(text);
  const over =
    length > limit
      ? say(locale, `${name} ${label.en} is ${length} characters, over the ${limit}-character limit`, `${name}${label.zh} ${length} 个字符，超过 ${limit} 个字符的上限`)
      : null;
  return { reading: `${label[locale]} ${length}/${limit}`, problem: over };
}

function requiredTitle(message: PlannedMessage, name: string, label: LengthLabel, locale: Locale): Measurement[] {
  if (message.title !== null && message.title.trim() !== '') return [];
  return [{ reading: '', problem: say(locale, `${name} needs a ${label.en}`, `${name}缺少${label.zh}`) }];
}

function measure(message: PlannedMessage, locale: Locale): Measurement[] {
  const name = messageLabel(message, locale);
  switch (message.channel) {
    case 'push':
      return [
        ...requiredTitle(message, name, LABELS.title, locale),
        measureLength(name, LABELS.title, message.title ?? '', CHANNEL_LIMITS.push.title, locale),
        measureLength(name, LABELS.body, message.text, PUSH_BODY_LIMITS[locale], locale),
      ];
    case 'email':
      return [
        ...requiredTitle(message, name, LABELS.subject, locale),
        measureLength(name, LABELS.subject, message.title ?? '', CHANNEL_LIMITS.email.subject, locale),
        measureLength(name, LABELS.preheader, emailPreheader(message.text), CHANNEL_LIMITS.email.preheader, locale),
      ];
    case 'sms': {
      const count = smsSegments(message.text);
      const max = CHANNEL_LIMITS.sms.maxSegments;
      const how = say(locale, `${count.encoding}, ${count.characters} characters`, `${count.encoding}，${count.characters} 个字符`);
      return [
        {
          reading: say(locale, `${count.segments}/${max} segments (${how})`, `${count.segments}/${max} 条（${how}）`),
          problem:
            count.segments > max
              ? say(locale, `${name} needs ${count.segments} SMS segments (${how}), over the limit of ${max}`, `${name}需要 ${count.segments} 条短信（${how}），超过 ${max} 条的上限`)
              : null,
        },
      ];
    }
    case 'wecom':
      return [measureLength(name, LABELS.text, message.text, CHANNEL_LIMITS.wecom.text, locale)];
  }
}

interface MessageReview {
  message: PlannedMessage;
  titleDropped: boolean;
  readings: string;
  problems: string[];
}

function reviewMessage(original: PlannedMessage, locale: Locale): MessageReview {
  const titleDropped = (original.channel === 'sms' || original.channel === 'wecom') && original.title !== null;
  const message = titleDropped ? { ...original, title: null } : original;
  const measurements = measure(message, locale);
  const problems = measurements.flatMap((measurement) => (measurement.problem ? [measurement.problem] : []));
  if (message.text.trim() === '') problems.push(say(locale, `${messageLabel(message, locale)} has no text`, `${messageLabel(message, locale)}没有正文`));
  const library = checkChannelLimits(message, { locale });
  if (!library.ok && problems.length === 0) problems.push(library.detail);
  const readings = measurements.flatMap((measurement) => (measurement.reading ? [measurement.reading] : [])).join(itemSeparator(locale));
  return { message, titleDropped, readings: `${messageLabel(message, locale)} ${readings}`, problems };
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft } = input;
  const locale = draft.brief.locale;
  const reviews = draft.messages.map((message) => reviewMessage(message, locale));
  const verdict = (status: 'pass' | 'fixed' | 'blocked', detail: string) => ({ rule: COPY_CHANNEL_LIMITS, status, detail });
  const problems = reviews.flatMap((review) => review.problems);
  if (problems.length > 0) {
    const detail = say(locale, `over the channel limits: ${problems.join('; ')}`, `超出渠道限制：${problems.join('；')}`);
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  const readings = reviews.map((review) => review.readings).join(clauseSeparator(locale));
  const fits = say(locale, `every message fits its channel: ${readings}`, `每条文案都符合渠道限制：${readings}`);
  const dropped = reviews.filter((review) => review.titleDropped).map((review) => messageLabel(review.message, locale));
  if (dropped.length === 0) return { verdict: verdict('pass', fits), draft, exclusions: [] };
  const removed = say(
    locale,
    `removed the title from ${joinIn(locale, dropped, 'and')} (the channel has none)`,
    `已删除${joinIn(locale, dropped, 'and')}的标题（该渠道没有标题）`,
  );
  return {
    verdict: verdict('fixed', `${removed}${clauseSeparator(locale)}${fits}`),
    draft: { ...draft, messages: reviews.map((review) => review.message) },
    exclusions: [],
  };
}

export const copyChannelLimits: GuardrailRule = { id: COPY_CHANNEL_LIMITS, check };
