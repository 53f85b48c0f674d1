// Rule `content.personal_data`: copy carries no personal data beyond the approved placeholders.
// A `{{placeholder}}` the policy does not list, a literal e-mail address or a phone number is
// removed, and the verdict says what kind of data went (never the data itself); a message left
// with no text blocks the plan.
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { rewriteClaims } from '../banned-claims.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { findPersonalData } from '../personal-data.ts';
import type { PersonalDataMatch, PersonalDataRules } from '../personal-data.ts';
import { formatCount, plural } from '../plain-text.ts';
import { clauseSeparator, joinIn, messageLabel, say } from '../verdict-text.ts';

export const CONTENT_PERSONAL_DATA = 'content.personal_data';

const hasNoWords = /^[\s\p{P}\p{S}]*$/u;

interface MessageFix {
  message: PlannedMessage;
  found: PersonalDataMatch[];
  emptied: boolean;
}

function removeAll(text: string, matches: readonly PersonalDataMatch[]): string {
  return rewriteClaims(
    text,
    matches.map((match) => ({ term: match.label, replacement: '', start: match.start, end: match.end })),
  );
}

function fixMessage(message: PlannedMessage, rules: PersonalDataRules): MessageFix {
  const titleFound = message.title === null ? [] : findPersonalData(message.title, rules);
  const textFound = findPersonalData(message.text, rules);
  const title = message.title === null || titleFound.length === 0 ? message.title : removeAll(message.title, titleFound);
  const text = textFound.length === 0 ? message.text : removeAll(message.text, textFound);
  return {
    message: { ...message, title: title !== null && hasNoWords.test(title) ? null : title, text },
    found: [...titleFound, ...textFound],
    emptied: hasNoWords.test(text),
  };
}

function describeFound(found: readonly PersonalDataMatch[], locale: Locale): string {
  const placeholders = [...new Set(found.filter((match) => match.kind === 'placeholder').map((match) => match.label))];
  const emails = found.filter((match) => match.kind === 'email').length;
  const phones = found.filter((match) => match.kind === 'phone').length;
  const parts: string[] = [];
  if (placeholders.length) {
    parts.push(say(locale, `${plural(placeholders.length, 'the placeholder', 'the placeholders')} ${joinIn(locale, placeholders, 'and')}`, `占位符 ${placeholders.join('、')}`));
  }
  if (emails) parts.push(say(locale, `${formatCount(emails)} ${plural(emails, 'e-mail address', 'e-mail addresses')}`, `${formatCount(emails)} 个邮箱地址`));
  if (phones) parts.push(say(locale, `${formatCount(phones)} ${plural(phones, 'phone number')}`, `${formatCount(phones)} 个电话号码`));
  return joinIn(locale, parts, 'and');
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy } = input;
  const locale = draft.brief.locale;
  const rules: PersonalDataRules = {
    allowedPlaceholders: policy.placeholders.allowed,
    allowedContacts: policy.placeholders.allowedContacts,
  };
  const fixes = draft.messages.map((message) => fixMessage(message, rules));
  const changed = fixes.filter((fix) => fix.found.length > 0);
  const verdict = (status: 'pass' | 'fixed' | 'blocked', detail: string) => ({ rule: CONTENT_PERSONAL_DATA, status, detail });
  if (changed.length === 0) {
    const allowed = policy.placeholders.allowed.map((name) => `{{${name}}}`).join(', ');
    const detail = say(
      locale,
      `no personal data in the copy beyond the approved placeholders (${allowed})`,
      `文案中除允许的占位符（${allowed}）外没有个人信息`,
    );
    return { verdict: verdict('pass', detail), draft, exclusions: [] };
  }
  const listed = changed
    .map((fix) => `${messageLabel(fix.message, locale)}${say(locale, ': ', '：')}${describeFound(fix.found, locale)}`)
    .join(clauseSeparator(locale));
  const emptied = fixes.filter((fix) => fix.emptied).map((fix) => messageLabel(fix.message, locale));
  if (emptied.length > 0) {
    const detail = say(
      locale,
      `without its personal data the ${joinIn(locale, emptied, 'and')} copy has no text left (${listed})`,
      `去掉个人信息后${joinIn(locale, emptied, 'and')}没有剩余文字（${listed}）`,
    );
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  return {
    verdict: verdict('fixed', say(locale, `removed personal data from the copy: ${listed}`, `已从文案中删除个人信息：${listed}`)),
    draft: { ...draft, messages: fixes.map((fix) => fix.message) },
    exclusions: [],
  };
}

export const contentPersonalData: GuardrailRule = { id: CONTENT_PERSONAL_DATA, check };
