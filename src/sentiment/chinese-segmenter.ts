// Chinese word segmentation with jieba. Words the caller must see whole (差评, 还可以, 再也不) are
// added to jieba's dictionary when they would otherwise be split.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

export type Segmenter = (text: string) => string[];

export interface ChineseSegmenterOptions {
  /** Words to keep whole. */
  keepWhole?: Iterable<string>;
  /** Frequency given to added words: common enough to beat splitting them into single characters. */
  addedWordFrequency?: number;
}

/** A segmenter using jieba's precise mode without HMM guessing of unknown words (repeatable output). */
export function createChineseSegmenter(options: ChineseSegmenterOptions = {}): Segmenter {
  const { keepWhole = [], addedWordFrequency = 2000 } = options;
  const jieba = Jieba.withDict(dict);
  const splitToday = [...new Set(keepWhole)].filter((word) => {
    if ([...word].length < 2 || /\s/.test(word)) return false;
    const pieces = jieba.cut(word, false);
    return pieces.length !== 1 || pieces[0] !== word;
  });
  if (splitToday.length > 0) {
    const userDictionary = splitToday.map((word) => `${word} ${addedWordFrequency}`).join('\n') + '\n';
    jieba.loadDict(Buffer.from(userDictionary, 'utf8'));
  }
  return (text) => jieba.cut(text, false);
}
