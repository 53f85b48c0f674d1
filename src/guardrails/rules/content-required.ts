// Rule `content.required`: every message carries what its channel requires. The opt-out text the
// policy sets per channel and locale (SMS "Reply STOP to opt out" / 回T退订, an e-mail unsubscribe
// link) is appended where missing; an SMS starts with the sender's name as [Brand] / 【品牌】, added
// where missing. With no sender name in the policy a missing tag cannot be added and blocks the plan.
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { foldForMatching } from '../matching-text.ts';
import { clauseSeparator, joinIn, messageLabel, quote, say } from '../verdict-text.ts';

export const CONTENT_REQUIRED = 'content.required';

const SENDER_TAG = /^\s*(?:\[([^\]\n]+)\]|【([^】\n]+)】)/u;
const PLACEHOLDER = /\{\{\s*[a-z][a-z0-9_]*\s*\}\}/gu;
const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;

/** What shows an opt-out text is present: its placeholders (the unsubscribe link), else the text itself. */
function markersOf(optOut: string): string[] {
  const placeholders = optOut.match(PLACEHOLDER);
  return placeholders ? placeholders.map((placeholder) => placeholder.replace(/\s+/gu, '')) : [foldForMatching(optOut)];
}

function hasOptOut(text: string, optOuts: readonly string[]): boolean {
  const folded = foldForMatching(text).replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/gu, '{{$1}}');
  return optOuts.some((optOut) => markersOf(optOut).every((marker) => folded.includes(marker)));
}

function appendOptOut(message: PlannedMessage, optOut: string): string {
  const text = message.text.replace(/\s+$/u, '');
  if (message.channel === 'email') return `${text}\n\n${optOut}`;
  if (CJK_END.test(text)) return /[。！？]$/u.test(text) ? `${text}${optOut}` : `${text}。${optOut}`;
  return /[.!?]$/u.test(text) ? `${text} ${optOut}` : `${text}. ${optOut}`;
}

function senderTag(name: string, locale: Locale): string {
  return locale === 'zh' ? `【${name}】` : `[${name}]`;
}

interface MessageFix {
  message: PlannedMessage;
  optOutAdded: string | null;
  tagAdded: string | null;
  missingTag: boolean;
}

function fixMessage(message: PlannedMessage, policy: Policy, locale: Locale): MessageFix {
  const fix: MessageFix = { message, optOutAdded: null, tagAdded: null, missingTag: false };
  const { optOut, senderName } = policy.requiredContent;
  const optOuts = Object.values(optOut[message.channel] ?? {});
  const localOptOut = optOut[message.channel]?.[locale] ?? optOuts[0];
  if (localOptOut !== undefined && !hasOptOut(message.text, optOuts)) {
    fix.message = { ...fix.message, text: appendOptOut(fix.message, localOptOut) };
    fix.optOutAdded = localOptOut;
  }
  if (message.channel !== 'sms') return fix;
  const names = Object.values(senderName).map((name) => foldForMatching(name.trim()));
  const tag = fix.message.text.match(SENDER_TAG);
  const tagged = tag !== null && (names.length === 0 || names.includes(foldForMatching((tag[1] ?? tag[2] ?? '').trim())));
  if (tagged) return fix;
  const name = senderName[locale] ?? Object.values(senderName)[0];
  if (name === undefined) return { ...fix, missingTag: true };
  const added = senderTag(name, locale);
  const separator = locale === 'zh' || /^\s*[[【]/u.test(fix.message.text) ? '' : ' ';
  fix.message = { ...fix.message, text: `${added}${separator}${fix.message.text.replace(/^\s+/u, '')}` };
  fix.tagAdded = added;
  return fix;
}

/** Groups messages by what was added to them: `"Reply STOP to opt out" to sms A and sms B`. */
function additions(fixes: readonly MessageFix[], pickAdded: (fix: MessageFix) => string | null, locale: Locale): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const fix of fixes) {
    const added = pickAdded(fix);
    if (added !== null) grouped.set(added, [...(grouped.get(added) ?? []), messageLabel(fix.message, locale)]);
  }
  return grouped;
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy } = input;
  const locale = draft.brief.locale;
  const fixes = draft.messages.map((message) => fixMessage(message, policy, locale));
  const verdict = (status: 'pass' | 'fixed' | 'blocked', detail: string) => ({ rule: CONTENT_REQUIRED, status, detail });

  const untagged = fixes.filter((fix) => fix.missingTag).map((fix) => messageLabel(fix.message, locale));
  if (untagged.length > 0) {
    const detail = say(
      locale,
      `${joinIn(locale, untagged, 'and')} ${untagged.length === 1 ? 'does' : 'do'} not start with a sender tag such as [Brand], and the policy names no sender to add (requiredContent.senderName)`,
      `${joinIn(locale, untagged, 'and')}开头没有“【品牌】”这样的发送方标识，而政策未指定可添加的发送方名称（requiredContent.senderName）`,
    );
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  const changes: string[] = [];
  for (const [text, names] of additions(fixes, (fix) => fix.optOutAdded, locale)) {
    changes.push(say(locale, `added ${quote(text, locale)} to ${joinIn(locale, names, 'and')}`, `已在${joinIn(locale, names, 'and')}末尾加上${quote(text, locale)}`));
  }
  for (const [tag, names] of additions(fixes, (fix) => fix.tagAdded, locale)) {
    changes.push(
      say(locale, `added the sender tag ${quote(tag, locale)} to ${joinIn(locale, names, 'and')}`, `已在${joinIn(locale, names, 'and')}开头加上发送方标识${quote(tag, locale)}`),
    );
  }
  if (changes.length === 0) {
    const detail = say(
      locale,
      'every message carries the opt-out and sender text its channel requires',
      '每条文案都带有其渠道要求的退订说明和发送方标识',
    );
    return { verdict: verdict('pass', detail), draft, exclusions: [] };
  }
  return {
    verdict: verdict('fixed', changes.join(clauseSeparator(locale))),
    draft: { ...draft, messages: fixes.map((fix) => fix.message) },
    exclusions: [],
  };
}

export const contentRequired: GuardrailRule = { id: CONTENT_REQUIRED, check };
