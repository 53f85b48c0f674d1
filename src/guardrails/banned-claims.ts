// Finding and rewriting banned claims in copy. Terms match case- and width-insensitively, longest
// term first at each position, Latin terms only as whole words; the rewrite keeps the rest of the
// original text as it was and tidies the spaces and punctuation a removed term leaves behind.
import type { z } from 'zod';
import type { BannedClaim } from '../domain/policy.ts';
import { foldForMatching, originalSpan, toMatchingText } from './matching-text.ts';

export type BannedClaimEntry = z.infer<typeof BannedClaim>;

export interface ClaimMatch {
  /** The policy term, as written in the policy. */
  term: string;
  replacement: string;
  /** Original offsets of the matched text. */
  start: number;
  end: number;
}

interface PreparedClaim {
  entry: BannedClaimEntry;
  folded: string;
  foldedExceptions: string[];
}

const latinWordCharacter = /[\p{Script=Latin}\p{Nd}_]/u;

/** Folds, de-duplicates and orders the terms longest first, so 全网最好 wins over 最好 and 最. */
export function prepareClaims(entries: readonly BannedClaimEntry[]): PreparedClaim[] {
  const seen = new Set<string>();
  const prepared: PreparedClaim[] = [];
  for (const entry of entries) {
    const folded = foldForMatching(entry.term.trim());
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    prepared.push({ entry, folded, foldedExceptions: (entry.except ?? []).map(foldForMatching) });
  }
  return prepared.sort((a, b) => b.folded.length - a.folded.length);
}

function isWholeWordAt(folded: string, start: number, end: number): boolean {
  const first = folded[start] ?? '';
  const last = folded[end - 1] ?? '';
  const before = folded[start - 1] ?? '';
  const after = folded[end] ?? '';
  if (latinWordCharacter.test(first) && latinWordCharacter.test(before)) return false;
  if (latinWordCharacter.test(last) && latinWordCharacter.test(after)) return false;
  return true;
}

function isExcepted(folded: string, start: number, end: number, exceptions: readonly string[]): boolean {
  return exceptions.some((word) => {
    for (let from = Math.max(0, end - word.length); from <= start; from++) {
      if (folded.startsWith(word, from) && from + word.length >= end) return true;
    }
    return false;
  });
}

/** Every banned claim in `text`, left to right, never overlapping. */
export function findBannedClaims(text: string, claims: readonly PreparedClaim[]): ClaimMatch[] {
  const matching = toMatchingText(text);
  const { folded } = matching;
  const matches: ClaimMatch[] = [];
  let position = 0;
  while (position < folded.length) {
    const hit = claims.find(
      (claim) =>
        folded.startsWith(claim.folded, position) &&
        isWholeWordAt(folded, position, position + claim.folded.length) &&
        !isExcepted(folded, position, position + claim.folded.length, claim.foldedExceptions) &&
        originalSpan(matching, position, position + claim.folded.length) !== null,
    );
    if (!hit) {
      position++;
      continue;
    }
    const span = originalSpan(matching, position, position + hit.folded.length)!;
    matches.push({ term: hit.entry.term, replacement: hit.entry.replacement, ...span });
    position += hit.folded.length;
  }
  return matches;
}

const separators = /[,;:，；：、]+$/;
const sentenceEnd = /(^|[.!?。！？])$/;

function startsUppercase(text: string): boolean {
  const first = text.normalize('NFKC').match(/\p{L}/u)?.[0];
  return first !== undefined && first !== first.toLowerCase();
}

function capitaliseFirstLetter(text: string): string {
  return text.replace(/\p{L}/u, (letter) => letter.toUpperCase());
}

/** The replacement in the case of the text it replaces: `Guaranteed` -> capitalised, `BEST` -> upper case. */
function matchCase(replacement: string, replaced: string): string {
  const letters = replaced.normalize('NFKC').replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase();
  }
  return startsUppercase(replaced) ? capitaliseFirstLetter(replacement) : replacement;
}

/** Joins the text either side of a removed term without doubled spaces or dangling separators. */
function joinAfterRemoval(left: string, right: string, removedWasCapitalised: boolean): string {
  const leftTrimmed = left.replace(/\s+$/u, '');
  const rightTrimmed = right.replace(/^\s+/u, '');
  if (leftTrimmed === '') {
    const rest = rightTrimmed.replace(/^[,;:，；：、]+\s*/u, '');
    return left + (removedWasCapitalised ? capitaliseFirstLetter(rest) : rest);
  }
  if (rightTrimmed === '') return leftTrimmed.replace(separators, '') + right;
  if (/^[,.!?;:，。！？；：、)）]/u.test(rightTrimmed)) {
    if (/[.!?。！？]$/u.test(leftTrimmed)) return leftTrimmed + rightTrimmed.replace(/^[,.!?;:，。！？；：、]+/u, '');
    return (separators.test(leftTrimmed) ? leftTrimmed.replace(separators, '') : leftTrimmed) + rightTrimmed;
  }
  const space = leftTrimmed !== left || rightTrimmed !== right ? ' ' : '';
  const capitalise = removedWasCapitalised && sentenceEnd.test(leftTrimmed);
  return leftTrimmed + space + (capitalise ? capitaliseFirstLetter(rightTrimmed) : rightTrimmed);
}

/** `text` with every match replaced (or removed, for an empty replacement). */
export function rewriteClaims(text: string, matches: readonly ClaimMatch[]): string {
  let result = text;
  for (const match of [...matches].sort((a, b) => b.start - a.start)) {
    const replaced = result.slice(match.start, match.end);
    const left = result.slice(0, match.start);
    const right = result.slice(match.end);
    result =
      match.replacement === ''
        ? joinAfterRemoval(left, right, startsUppercase(replaced))
        : left + matchCase(match.replacement, replaced) + right;
  }
  return result;
}
