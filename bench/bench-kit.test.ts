// The benchmark helpers: nearest-rank percentiles, summaries, tables, flags, the varied memory corpus
// and the latency proxy's token estimate.
import { describe, expect, it } from 'vitest';
import { formatTable, percentile, readFlags, summarize } from './bench-kit.ts';
import { approximateTokens, timeInFlight } from './latency-proxy.ts';
import { generateCampaignCorpus } from './memory-corpus.ts';

describe('bench kit', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [9, 1, 5, 3, 7, 2, 8, 4, 6, 10];
    expect([percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 1)]).toEqual([5, 10, 10]);
    expect(percentile([], 0.5)).toBeNaN();
    expect(summarize([4, 2])).toEqual({ runs: 2, p50: 2, p95: 4, mean: 3 });
  });

  it('pads a markdown table to its widest cell', () => {
    expect(formatTable(['a', 'bb'], [['ccc', 'd']])).toBe(['| a   | bb |', '|-----|----|', '| ccc | d  |'].join('\n'));
  });

  it('reads flags and refuses a bad number naming the flag', () => {
    const flags = readFlags(['--runs', '3', '--json', '--bad', 'x']);
    expect([flags.has('--json'), flags.text('--runs'), flags.integer('--runs', 5), flags.integer('--missing', 7)]).toEqual([true, '3', 3, 7]);
    expect(() => flags.integer('--bad', 1)).toThrow('--bad must be a whole number of at least 1 (got x)');
  });

  it('estimates tokens at four characters each', () => {
    expect([approximateTokens(''), approximateTokens('abcd'), approximateTokens('abcde')]).toEqual([0, 1, 2]);
  });
});

describe('memory corpus', () => {
  it('is deterministic, varied and in both languages', () => {
    const corpus = generateCampaignCorpus({ count: 500 });
    expect(generateCampaignCorpus({ count: 500 })).toEqual(corpus);
    expect(corpus.map((campaign) => campaign.id)).toEqual(Array.from({ length: 500 }, (_, index) => index + 1));
    expect(new Set(corpus.map((campaign) => campaign.text)).size).toBeGreaterThan(490);
    const zhShare = corpus.filter((campaign) => campaign.locale === 'zh').length / corpus.length;
    expect(zhShare).toBeGreaterThan(0.55);
    expect(zhShare).toBeLessThan(0.75);
    expect(corpus.find((campaign) => campaign.locale === 'zh')!.text).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('latency proxy', () => {
  it('counts overlapping requests once in the time a model call was in flight', () => {
    const at = (arrivedAt: number, answeredAt: number) => ({ path: '', body: '', responseBody: '', arrivedAt, answeredAt });
    expect(timeInFlight([])).toBe(0);
    expect(timeInFlight([at(0, 200), at(300, 500), at(350, 550), at(600, 650)])).toBe(200 + 250 + 50);
  });
});
