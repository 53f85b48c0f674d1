// The request the copy prompt (prompts/copy.md) is given in model mode: the brief, the brand voice
// profile from the policy (tone, words to use and avoid, emoji), each channel's limits and the text
// every message must carry, as plain Markdown the model reads. Pure.
import type { Brief } from '../../src/domain/brief.ts';
import type { z } from 'zod';
import type { AvoidedWord, Policy } from '../../src/domain/policy.ts';
import type { Channel, Locale } from '../../src/domain/vocabulary.ts';
import { CHANNEL_LIMITS, PUSH_BODY_LIMITS } from './channel-limits.ts';
import { DEFAULT_BRAND_NAMES } from './offline-copy.ts';

type CopyPolicy = Pick<Policy, 'brandVoice' | 'requiredContent' | 'placeholders'>;

function avoidedTerm(word: z.infer<typeof AvoidedWord>): string {
  return typeof word === 'string' ? word : word.replacement ? `${word.term} (say "${word.replacement}" instead)` : word.term;
}

function channelRules(channel: Channel, locale: Locale, policy: CopyPolicy): string {
  const optOut = policy.requiredContent.optOut[channel]?.[locale];
  const sender = policy.requiredContent.senderName[locale] ?? DEFAULT_BRAND_NAMES[locale];
  switch (channel) {
    case 'sms':
      return `- sms: at most ${CHANNEL_LIMITS.sms.maxSegments} SMS segments (160 GSM-7 or 70 Chinese characters each, 153/67 when split), counting the opt-out; start with ${locale === 'zh' ? `【${sender}】` : `[${sender}]`}${optOut ? `; end with "${optOut}"` : ''}`;
    case 'email':
      return `- email: subject (title) at most ${CHANNEL_LIMITS.email.subject} characters; the first line is the inbox preview, at most ${CHANNEL_LIMITS.email.preheader} characters${optOut ? `; end with "${optOut}"` : ''}`;
    case 'push':
      return `- push: title at most ${CHANNEL_LIMITS.push.title} characters, text at most ${PUSH_BODY_LIMITS[locale]} characters`;
    case 'wecom':
      return `- wecom: text at most ${CHANNEL_LIMITS.wecom.text} characters${optOut ? `; end with "${optOut}"` : ''}`;
  }
}

/** The brand voice section, in the campaign's language where the policy has it. */
export function brandVoiceSection(policy: CopyPolicy, locale: Locale): string {
  const voice = policy.brandVoice;
  const avoid = Object.values(voice.wordsToAvoid).flatMap((words) => (words ?? []).map(avoidedTerm));
  const use = voice.wordsToUse[locale] ?? [];
  return [
    '## Brand voice',
    `- tone: ${voice.tone[locale] ?? voice.tone.en ?? 'friendly and clear'}`,
    `- words to use: ${use.length ? use.join(', ') : '(none listed)'}`,
    `- words to avoid: ${avoid.length ? avoid.join('; ') : '(none listed)'}`,
    `- emoji: ${voice.emoji === 'none' ? 'none at all' : 'allowed, sparingly'}`,
  ].join('\n');
}

export function renderCopyRequest({ brief, policy }: { brief: Brief; policy: CopyPolicy }): string {
  const offer = brief.offer ? JSON.stringify(brief.offer) : 'none: write no offer';
  return [
    '## Campaign',
    `- goal (the marketer's words): ${JSON.stringify(brief.goal)}`,
    `- objective: ${brief.objective}`,
    `- language: ${brief.locale}`,
    `- offer: ${offer}`,
    `- product category: ${brief.category ?? 'any'}`,
    `- channels: ${brief.channels.join(', ')} (two variants, A and B, for each)`,
    '',
    brandVoiceSection(policy, brief.locale),
    '',
    '## Channel limits and required text',
    ...brief.channels.map((channel) => channelRules(channel, brief.locale, policy)),
    '',
    '## Placeholders allowed',
    policy.placeholders.allowed.map((name) => `{{${name}}}`).join(', '),
  ].join('\n');
}
