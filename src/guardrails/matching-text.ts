// Text folded the way a reader sees it, for matching: NFKC turns full-width letters and digits into
// ordinary ones, case is ignored and curly apostrophes count as straight ones. Every folded unit
// remembers the span of the original text it came from, so a match can be rewritten in the original.

export interface MatchingText {
  /** The folded text that patterns run against. */
  folded: string;
  /** For each UTF-16 unit of `folded`: start offset of its source character in the original. */
  sourceStart: number[];
  /** For each UTF-16 unit of `folded`: end offset of its source character in the original. */
  sourceEnd: number[];
}

function foldCharacter(character: string): string {
  return character.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc\uff07]/g, "'");
}

/** Folds `original` one character at a time, keeping the map back to the original. */
export function toMatchingText(original: string): MatchingText {
  let folded = '';
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  let offset = 0;
  for (const character of original) {
    const foldedCharacter = foldCharacter(character);
    for (let unit = 0; unit < foldedCharacter.length; unit++) {
      sourceStart.push(offset);
      sourceEnd.push(offset + character.length);
    }
    folded += foldedCharacter;
    offset += character.length;
  }
  return { folded, sourceStart, sourceEnd };
}

/** The folded form of a term, for comparing terms with each other. */
export function foldForMatching(text: string): string {
  return toMatchingText(text).folded;
}

/**
 * The original span `[start, end)` a folded span `[start, end)` came from, or null when the folded
 * span begins or ends inside the expansion of a single original character.
 */
export function originalSpan(text: MatchingText, start: number, end: number): { start: number; end: number } | null {
  if (start >= end || end > text.folded.length) return null;
  const startsCleanly = start === 0 || text.sourceStart[start] !== text.sourceStart[start - 1];
  const endsCleanly = end === text.folded.length || text.sourceStart[end] !== text.sourceStart[end - 1];
  if (!startsCleanly || !endsCleanly) return null;
  return { start: text.sourceStart[start] ?? 0, end: text.sourceEnd[end - 1] ?? 0 };
}

export interface TextEdit {
  /** Original offsets. */
  start: number;
  end: number;
  replacement: string;
}

/** Applies non-overlapping edits to `original`. */
export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  let result = original;
  for (const edit of ordered) result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  return result;
}
