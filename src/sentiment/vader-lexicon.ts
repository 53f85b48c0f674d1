// The set of words VADER gives a valence to, read once from the package's own lexicon file; used to
// count how many sentiment-bearing words an English message contains.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let vaderWords: ReadonlySet<string> | undefined;

function loadVaderWords(): ReadonlySet<string> {
  const lexiconPath = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  const words = new Set<string>();
  for (const line of readFileSync(lexiconPath, 'utf8').split('\n')) {
    const word = line.split('\t')[0];
    if (word) words.add(word);
  }
  return words;
}

/** True when VADER's lexicon gives `token` (lower-cased, or an emoticon as written) a valence. */
export function isVaderWord(token: string): boolean {
  vaderWords ??= loadVaderWords();
  return vaderWords.has(token) || vaderWords.has(token.toLowerCase());
}

const EDGE_PUNCTUATION = /^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+|[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/g;

/** Number of whitespace-separated tokens of `text` that carry a VADER valence. */
export function countVaderWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    if (isVaderWord(token) || isVaderWord(token.replace(EDGE_PUNCTUATION, ''))) count += 1;
  }
  return count;
}
