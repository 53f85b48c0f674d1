// An independent reading of the policy's banned claims, for scoring copy: a term counts when it
// appears (case- and width-insensitively; Latin terms as whole words) outside the longer words the
// policy lists as fine. Deliberately simpler than the guardrail's matcher, so a broken guardrail
// cannot hide its own mistakes from the evals.
import type { Policy } from '../../domain/policy.ts';

const fold = (text: string) => text.normalize('NFKC').toLowerCase();
const latinWord = /[\p{Script=Latin}\p{Nd}_]/u;

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function isWholeWord(text: string, start: number, end: number): boolean {
  const startsLatin = latinWord.test(text[start] ?? '');
  const endsLatin = latinWord.test(text[end - 1] ?? '');
  return !(startsLatin && latinWord.test(text[start - 1] ?? '')) && !(endsLatin && latinWord.test(text[end] ?? ''));
}

/** The banned terms `text` uses, each once, in the policy's spelling. */
export function findClaims(text: string, policy: Policy): string[] {
  const folded = fold(text);
  const found = new Set<string>();
  for (const entries of Object.values(policy.claims.banned)) {
    for (const entry of entries ?? []) {
      const term = fold(entry.term);
      const exceptions = (entry.except ?? []).map(fold);
      const hit = occurrences(folded, term).some((start) => {
        const end = start + term.length;
        if (!isWholeWord(folded, start, end)) return false;
        return !exceptions.some((word) => occurrences(folded, word).some((from) => from <= start && from + word.length >= end));
      });
      if (hit) found.add(entry.term);
    }
  }
  return [...found];
}
