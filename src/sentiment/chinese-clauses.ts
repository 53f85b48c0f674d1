// Splits a Chinese message into clauses at punctuation and spaces, noting how each clause ends:
// exclamation marks add emphasis, a question mark or question particle makes it a question.

export interface Clause {
  body: string;
  /** Emphasis marks after the clause (capped): each "!", and "?" when doubled (怎么还没到??). */
  exclamations: number;
  /** Ends in a question mark or a question particle (好吃吗, 这叫好吃?): it asks rather than asserts. */
  isQuestion: boolean;
}

const MAX_EXCLAMATIONS = 3;

/** Clauses of text already NFKC-normalised (so full-width ！？， arrive as !?,). */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  for (const match of text.matchAll(/([^,.;:!?。；…~\s]+)([,.;:!?。；…~\s]*)/gu)) {
    const body = match[1] ?? '';
    const ending = match[2] ?? '';
    clauses.push({
      body,
      exclamations: Math.min(MAX_EXCLAMATIONS, emphasisMarks(ending)),
      isQuestion: /[吗么][呀啊]?$/u.test(body) || ending.includes('?'),
    });
  }
  return clauses;
}

function emphasisMarks(ending: string): number {
  const exclamations = (ending.match(/!/g) ?? []).length;
  const questions = (ending.match(/\?/g) ?? []).length;
  return exclamations + (questions >= 2 ? questions : 0);
}
