// Chinese copy: the templates for every objective and the channel frames that turn them into push,
// e-mail, SMS and WeCom messages (【brand】 sender tag, greeting, offer lines, 回T退订 and unsubscribe lines).
import type { Channel } from '../../../src/domain/vocabulary.ts';
import type { CopyContext } from '../copy-context.ts';
import { FIRST_NAME, UNSUBSCRIBE_URL } from '../placeholders.ts';
import type { ComposedCopy } from './en.ts';
import type { Variant, Voice, VoiceBook } from './voice.ts';
import { CHINESE_GROW_VOICES } from './zh-grow.ts';
import { CHINESE_KEEP_VOICES } from './zh-keep.ts';

export const CHINESE_VOICES: VoiceBook = { ...CHINESE_KEEP_VOICES, ...CHINESE_GROW_VOICES };

export const CHINESE_SMS_OPT_OUT = '回T退订';
export const CHINESE_UNSUBSCRIBE_LINE = `退订：${UNSUBSCRIBE_URL}`;

function joined(...parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('');
}

function withOccasion(title: string, context: CopyContext): string {
  return context.occasion ? `【${context.occasion}】${title}` : title;
}

/** The offer line for a variant: A states the benefit, B the deadline; compact copy just the offer. */
function offerLine(variant: Variant, context: CopyContext): string | null {
  if (!context.offer) return null;
  if (context.compact) return `${context.offer.headline}。`;
  return variant === 'A' ? context.offer.benefitSentence : context.offer.urgentSentence;
}

function push(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  return {
    title: withOccasion(voice.headline(c), c),
    text: joined(voice.hook(c), offerLine(variant, c) ?? `${voice.cta(c)}吧！`),
  };
}

function sms(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  const opener = variant === 'B' ? `${FIRST_NAME}您好，` : c.occasion ? `${c.occasion}来啦！` : null;
  const text = joined(
    `【${c.brand}】`,
    opener,
    voice.hook(c),
    offerLine(variant, c),
    c.offer?.smsCode,
    `打开${c.brand}App${voice.cta(c)}。`,
    CHINESE_SMS_OPT_OUT,
  );
  return { title: null, text };
}

function email(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  const audience = variant === 'A' && c.audience ? `这些是专为像您这样的${c.audience}准备的。` : null;
  const paragraphs = [
    variant === 'A' ? `亲爱的${FIRST_NAME}：` : `${FIRST_NAME}，您好：`,
    voice.hook(c),
    joined(voice.story(c), audience),
    c.offer ? joined(offerLine(variant, c), c.offer.codeSentence) : null,
    `打开${c.brand}App或访问官网，就能${voice.cta(c)}。`,
    c.note,
    variant === 'A' ? `祝您购物愉快！\n${c.brand}团队` : `期待与您再见！\n${c.brand}团队`,
    CHINESE_UNSUBSCRIBE_LINE,
  ];
  return {
    title: withOccasion(c.compact ? voice.headline(c) : voice.subject(c), c),
    text: paragraphs.filter((paragraph): paragraph is string => Boolean(paragraph)).join('\n\n'),
  };
}

function wecom(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  const offer = c.offer ? joined(offerLine(variant, c), c.offer.codeSentence) : null;
  const text =
    variant === 'A'
      ? joined(
          `${FIRST_NAME}您好，我是${c.brand}的专属购物顾问～`,
          c.occasion ? `${c.occasion}来啦！` : null,
          voice.hook(c),
          c.detailed ? voice.story(c) : null,
          offer,
          `打开${c.brand}App就能${voice.cta(c)}，想要推荐也可以直接回复我哦。`,
          c.note,
        )
      : joined(
          `${FIRST_NAME}，${c.brand}小助手提醒您：`,
          c.detailed ? voice.story(c) : voice.hook(c),
          offer,
          `打开${c.brand}App就能${voice.cta(c)}，有任何问题随时回复我～`,
          c.note,
        );
  return { title: null, text };
}

const FRAMES: Record<Channel, (voice: Voice, variant: Variant, context: CopyContext) => ComposedCopy> = {
  push,
  sms,
  email,
  wecom,
};

/** Chinese copy for one channel and variant. */
export function composeChinese(channel: Channel, variant: Variant, context: CopyContext): ComposedCopy {
  const voice = CHINESE_VOICES[context.objective][variant];
  return FRAMES[channel](voice, variant, context);
}
