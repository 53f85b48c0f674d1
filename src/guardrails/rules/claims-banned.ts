// Rule `claims.banned`: copy must not make claims the policy bans (absolute claims, the superlatives
// advertising law forbids). Every message's title and text is checked against the banned lists of
// all locales; a found term is replaced or removed, and a message left with no text blocks the plan.
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { findBannedClaims, prepareClaims, rewriteClaims } from '../banned-claims.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { joinIn, messageLabel, quote, say } from '../verdict-text.ts';

export const CLAIMS_BANNED = 'claims.banned';

interface MessageFix {
  message: PlannedMessage;
  changes: string[];
  emptied: boolean;
}

const hasNoWords = /^[\s\p{P}\p{S}]*$/u;

function describeChange(term: string, replacement: string, locale: Locale): string {
  if (replacement === '') return say(locale, `"${term}" removed`, `删除${quote(term, locale)}`);
  return `${quote(term, locale)} -> ${quote(replacement, locale)}`;
}

function fixMessage(message: PlannedMessage, claims: ReturnType<typeof prepareClaims>, locale: Locale): MessageFix {
  const changes: string[] = [];
  const fixField = (value: string, field: 'title' | 'text'): string => {
    const matches = findBannedClaims(value, claims);
    for (const match of matches) {
      const change = describeChange(match.term, match.replacement, locale);
      changes.push(field === 'title' ? say(locale, `${change} (title)`, `${change}（标题）`) : change);
    }
    return matches.length ? rewriteClaims(value, matches) : value;
  };
  const title = message.title === null ? null : fixField(message.title, 'title');
  const text = fixField(message.text, 'text');
  return {
    message: { ...message, title: title !== null && hasNoWords.test(title) ? null : title, text },
    changes,
    emptied: hasNoWords.test(text),
  };
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy } = input;
  const locale = draft.brief.locale;
  const claims = prepareClaims(Object.values(policy.claims.banned).flat());
  const fixes = draft.messages.map((message) => fixMessage(message, claims, locale));
  const changed = fixes.filter((fix) => fix.changes.length > 0);
  if (changed.length === 0) {
    return {
      verdict: { rule: CLAIMS_BANNED, status: 'pass', detail: say(locale, 'no banned claims in the copy', '文案中没有违禁用语') },
      draft,
      exclusions: [],
    };
  }
  const listed = changed
    .map((fix) => say(locale, `${messageLabel(fix.message, locale)}: ${fix.changes.join(', ')}`, `${messageLabel(fix.message, locale)}：${fix.changes.join('，')}`))
    .join(say(locale, '; ', '；'));
  const emptied = fixes.filter((fix) => fix.emptied).map((fix) => messageLabel(fix.message, locale));
  if (emptied.length > 0) {
    return {
      verdict: {
        rule: CLAIMS_BANNED,
        status: 'blocked',
        detail: say(
          locale,
          `without its banned claims the ${joinIn(locale, emptied, 'and')} copy has no text left (${listed})`,
          `去掉违禁用语后${joinIn(locale, emptied, 'and')}没有剩余文字（${listed}）`,
        ),
      },
      draft,
      exclusions: [],
    };
  }
  return {
    verdict: { rule: CLAIMS_BANNED, status: 'fixed', detail: say(locale, `rewrote banned claims in the copy: ${listed}`, `已改写文案中的违禁用语：${listed}`) },
    draft: { ...draft, messages: fixes.map((fix) => fix.message) },
    exclusions: [],
  };
}

export const claimsBanned: GuardrailRule = { id: CLAIMS_BANNED, check };
