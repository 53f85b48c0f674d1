// Copy split into clauses (at commas, semicolons and sentence ends, never inside a number such as
// 8.5折 or ¥1,299) so a rule can drop one clause and leave the rest reading as a sentence.

export interface Clause {
  /** Original offsets of the clause's words, without its closing punctuation. */
  start: number;
  end: number;
  body: string;
  /** The punctuation and spaces that close the clause ('' at the end of the text). */
  delimiter: string;
}

const ALWAYS_DELIMITS = new Set(['!', '?', '。', '！', '？', '；', ';', '，', '、', '\n']);
const SENTENCE_END = /[.!?。！？\n]/u;

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

function delimitsAt(text: string, index: number): boolean {
  const character = text[index]!;
  if (ALWAYS_DELIMITS.has(character)) return true;
  if (character === '.' || character === ',') return !(isDigit(text[index - 1]) && isDigit(text[index + 1]));
  return false;
}

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    if (!delimitsAt(text, index)) {
      index++;
      continue;
    }
    const end = index;
    while (index < text.length && (delimitsAt(text, index) || /\s/u.test(text[index]!))) index++;
    clauses.push({ start, end, body: text.slice(start, end), delimiter: text.slice(end, index) });
    start = index;
  }
  if (start < text.length) clauses.push({ start, end: text.length, body: text.slice(start), delimiter: '' });
  return clauses;
}

function endsSentence(delimiter: string): boolean {
  return delimiter === '' || SENTENCE_END.test(delimiter);
}

/** `text` without the clauses `drop` selects, carrying a dropped clause's sentence end to the clause before it. */
export function dropClauses(text: string, drop: (clause: Clause) => boolean): string {
  const kept: Clause[] = [];
  let capitaliseNext = false;
  let atSentenceStart = true;
  for (const clause of splitClauses(text)) {
    if (drop(clause)) {
      const previous = kept[kept.length - 1];
      if (previous && endsSentence(clause.delimiter) && !endsSentence(previous.delimiter)) {
        previous.delimiter = clause.delimiter === '' ? '' : clause.delimiter;
      }
      if (atSentenceStart && /^\s*\p{Lu}/u.test(clause.body)) capitaliseNext = true;
      atSentenceStart = endsSentence(clause.delimiter) ? true : atSentenceStart;
      continue;
    }
    const body = capitaliseNext ? clause.body.replace(/\p{L}/u, (letter) => letter.toUpperCase()) : clause.body;
    kept.push({ ...clause, body });
    capitaliseNext = false;
    atSentenceStart = endsSentence(clause.delimiter);
  }
  const joined = kept.map((clause) => clause.body + clause.delimiter).join('');
  return joined.replace(/^\s+/u, '').replace(/[\s,;:，；：、]+$/u, '');
}
