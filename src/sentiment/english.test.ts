// The English scorer: VADER's compound, adjusted by the customer-service phrase layer.
import { describe, expect, it } from 'vitest';
import { findServicePhrases } from './english-service-phrases.ts';
import { scoreEnglish, vaderCompound } from './english.ts';

describe('scoreEnglish', () => {
  it('equals VADER compound when no service phrase occurs', () => {
    for (const text of ['I love this phone', 'Terrible, awful service', 'The box is blue']) {
      expect(scoreEnglish(text).score).toBe(vaderCompound(text));
    }
  });

  it('counts VADER lexicon words and phrases as evidence', () => {
    expect(scoreEnglish('The box is blue').evidence).toBe(0);
    expect(scoreEnglish('Great, great, awful!').evidence).toBe(3);
    expect(scoreEnglish('Please refund me').evidence).toBe(2);
  });

  it('pulls complaints down and resolutions up', () => {
    expect(scoreEnglish('Where is my package? It still has not arrived').score).toBeLessThan(vaderCompound('Where is my package? It still has not arrived'));
    expect(scoreEnglish('Problem solved, thanks').score).toBeGreaterThan(vaderCompound('Problem solved, thanks'));
  });
});

describe('findServicePhrases', () => {
  it('finds each complaint once, negated forms before plain ones', () => {
    expect(findServicePhrases("I won't buy again and I want my money back")).toEqual([
      { name: 'will not buy again', valence: -2 },
      { name: 'refund request', valence: -1.5 },
    ]);
    expect(findServicePhrases('Will definitely order again')).toEqual([{ name: 'buy again', valence: 1.5 }]);
    expect(findServicePhrases('My issue hasn’t been resolved')).toEqual([{ name: 'not resolved', valence: -1.5 }]);
  });

  it('reads "want" as a verb, not as a negation', () => {
    expect(findServicePhrases('I want it to arrive on Monday')).toEqual([]);
  });
});
