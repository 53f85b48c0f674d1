// English copy: the templates for every objective and the channel frames that turn them into push,
// e-mail, SMS and WeCom messages (sender tag, greeting, offer lines, opt-out and unsubscribe lines).
import type { Channel } from '../../../src/domain/vocabulary.ts';
import type { CopyContext } from '../copy-context.ts';
import { FIRST_NAME, UNSUBSCRIBE_URL } from '../placeholders.ts';
import { ENGLISH_GROW_VOICES } from './en-grow.ts';
import { ENGLISH_KEEP_VOICES } from './en-keep.ts';
import type { Variant, Voice, VoiceBook } from './voice.ts';

export const ENGLISH_VOICES: VoiceBook = { ...ENGLISH_KEEP_VOICES, ...ENGLISH_GROW_VOICES };

export const ENGLISH_SMS_OPT_OUT = 'Reply STOP to opt out';
export const ENGLISH_UNSUBSCRIBE_LINE = `Unsubscribe: ${UNSUBSCRIBE_URL}`;

export interface ComposedCopy {
  title: string | null;
  text: string;
}

function sentences(...parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' ');
}

function withOccasion(title: string, context: CopyContext): string {
  return context.occasion ? `${context.occasion} | ${title}` : title;
}

/** The offer line for a variant: A states the benefit, B the deadline; compact copy just the offer. */
function offerLine(variant: Variant, context: CopyContext): string | null {
  if (!context.offer) return null;
  if (context.compact) return `${context.offer.headline}.`;
  return variant === 'A' ? context.offer.benefitSentence : context.offer.urgentSentence;
}

/** "Take a look" as a tap prompt: "Tap to take a look." */
function tapPrompt(voice: Voice, c: CopyContext): string {
  const cta = voice.cta(c);
  return `Tap to ${cta.charAt(0).toLowerCase()}${cta.slice(1)}.`;
}

function push(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  if (variant === 'A') {
    return { title: withOccasion(voice.headline(c), c), text: sentences(voice.hook(c), offerLine(variant, c) ?? tapPrompt(voice, c)) };
  }
  // B's title speaks to the person by name, so the occasion moves to the offer line.
  const offer = offerLine(variant, c);
  const occasionOffer = offer && c.occasion ? `${c.occasion}: ${offer}` : offer;
  return { title: voice.headline(c), text: sentences(voice.hook(c), occasionOffer ?? tapPrompt(voice, c)) };
}

function sms(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  const opener = variant === 'B' ? `Hi ${FIRST_NAME}!` : c.occasion ? `${c.occasion}:` : null;
  const text = sentences(
    `[${c.brand}]`,
    opener,
    voice.hook(c),
    offerLine(variant, c),
    c.offer?.smsCode,
    `${voice.cta(c)} in the ${c.brand} app.`,
    ENGLISH_SMS_OPT_OUT,
  );
  return { title: null, text };
}

function email(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  const audience = variant === 'A' && c.audience ? `We put this together for ${c.audience} like you.` : null;
  const paragraphs = [
    `Hi ${FIRST_NAME},`,
    voice.hook(c),
    sentences(voice.story(c), audience),
    c.offer ? sentences(offerLine(variant, c), c.offer.codeSentence) : null,
    `${voice.cta(c)} in the ${c.brand} app or on our website.`,
    c.note,
    variant === 'A' ? `Warm regards,\nThe ${c.brand} team` : `See you soon,\nThe ${c.brand} team`,
    ENGLISH_UNSUBSCRIBE_LINE,
  ];
  return {
    title: withOccasion(c.compact ? voice.headline(c) : voice.subject(c), c),
    text: paragraphs.filter((paragraph): paragraph is string => Boolean(paragraph)).join('\n\n'),
  };
}

function wecom(voice: Voice, variant: Variant, c: CopyContext): ComposedCopy {
  const offer = c.offer ? sentences(offerLine(variant, c), c.offer.smsCode) : null;
  const text =
    variant === 'A'
      ? sentences(
          `Hi ${FIRST_NAME}, it's your ${c.brand} advisor.`,
          c.occasion ? `${c.occasion} is here!` : null,
          voice.hook(c),
          offer,
          `${voice.cta(c)} in the app, or reply here for a recommendation.`,
          c.note,
        )
      : sentences(
          `${FIRST_NAME}, a quick note from ${c.brand}:`,
          c.detailed ? voice.story(c) : voice.hook(c),
          offer,
          `${voice.cta(c)} in the app. Questions? Just reply here.`,
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

/** English copy for one channel and variant. */
export function composeEnglish(channel: Channel, variant: Variant, context: CopyContext): ComposedCopy {
  const voice = ENGLISH_VOICES[context.objective][variant];
  return FRAMES[channel](voice, variant, context);
}
