// Rule `claims.banned`: copy must not make claims the policy bans (absolute claims, the superlatives
// advertising law forbids). Every message's title and text is checked against the banned lists of
// all locales; a found term is replaced or removed, and a message left with no text blocks the plan.
import type { PlannedMessage } from '../../domain/plan.ts';
import { findBannedClaims, prepareClaims, rewriteClaims } from '../banned-claims.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { joinWords } from '../plain-text.ts';

export const CLAIMS_BANNED = 'claims.banned';

interface MessageFix {
  message: PlannedMessage;
  changes: string[];
  emptied: boolean;
}

const hasNoWords = /^[\s\p{P}\p{S}]*$/u;

function describeChange(term: string, replacement: string): string {
  return replacement === '' ? `"${term}" removed` : `"${term}" -> "${replacement}"`;
}

function fixMessage(message: PlannedMessage, claims: ReturnType<typeof prepareClaims>): MessageFix {
  const changes: string[] = [];
  const fixField = (value: string, field: 'title' | 'text'): string => {
    const matches = findBannedClaims(value, claims);
    for (const match of matches) {
      const change = describeChange(match.term, match.replacement);
      changes.push(field === 'title' ? `${change} (title)` : change);
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

function messageName(message: PlannedMessage): string {
  return `${message.channel} ${message.variant}`;
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy } = input;
  const claims = prepareClaims(Object.values(policy.claims.banned).flat());
  const fixes = draft.messages.map((message) => fixMessage(message, claims));
  const changed = fixes.filter((fix) => fix.changes.length > 0);
  if (changed.length === 0) {
    return {
      verdict: { rule: CLAIMS_BANNED, status: 'pass', detail: 'no banned claims in the copy' },
      draft,
      exclusions: [],
    };
  }
  const listed = changed.map((fix) => `${messageName(fix.message)}: ${fix.changes.join(', ')}`).join('; ');
  const emptied = fixes.filter((fix) => fix.emptied).map((fix) => messageName(fix.message));
  if (emptied.length > 0) {
    return {
      verdict: {
        rule: CLAIMS_BANNED,
        status: 'blocked',
        detail: `without its banned claims the ${joinWords(emptied, 'and')} copy has no text left (${listed})`,
      },
      draft,
      exclusions: [],
    };
  }
  return {
    verdict: { rule: CLAIMS_BANNED, status: 'fixed', detail: `rewrote banned claims in the copy: ${listed}` },
    draft: { ...draft, messages: fixes.map((fix) => fix.message) },
    exclusions: [],
  };
}

export const claimsBanned: GuardrailRule = { id: CLAIMS_BANNED, check };
