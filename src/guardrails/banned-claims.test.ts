import { describe, expect, it } from 'vitest';
import { findBannedClaims, prepareClaims, rewriteClaims } from './banned-claims.ts';
import { samplePolicy } from './guardrail-fixtures.ts';

const policy = samplePolicy();
const claims = prepareClaims([...policy.claims.banned.en, ...policy.claims.banned.zh]);
const fix = (text: string) => rewriteClaims(text, findBannedClaims(text, claims));

describe('findBannedClaims', () => {
  it('prefers the longest term at a position', () => {
    expect(findBannedClaims('全网最好的奶粉', claims)).toEqual([{ term: '全网最好', replacement: '口碑好', start: 0, end: 4 }]);
  });

  it('matches Latin terms as whole words only', () => {
    expect(findBannedClaims('Secure checkout, curious prices', claims)).toEqual([]);
    expect(findBannedClaims('It cures colds', claims).map((match) => match.term)).toEqual(['cures']);
  });

  it('leaves words the policy excepts', () => {
    expect(findBannedClaims('最近买过的商品，最后一天，第一次下单', claims)).toEqual([]);
  });

  it('matches regardless of width and case', () => {
    expect(findBannedClaims('ＧＵＡＲＡＮＴＥＥＤ', claims)).toEqual([
      { term: 'guaranteed', replacement: '', start: 0, end: 10 },
    ]);
    expect(findBannedClaims('The World’s Best tea', claims).map((match) => match.term)).toEqual(["world's best"]);
  });
});

describe('rewriteClaims', () => {
  it('replaces Chinese superlatives', () => {
    expect(fix('全网最好的奶粉')).toBe('口碑好的奶粉');
    expect(fix('销量第一，最好的选择')).toBe('销量领先，很好的选择');
    expect(fix('最低价，最新款')).toBe('特惠价，超新款');
    expect(fix('100%纯天然，国家级品质')).toBe('纯天然，品质');
  });

  it('removes English claims and tidies what is left', () => {
    expect(fix('Guaranteed results!')).toBe('Results!');
    expect(fix('ＧＵＡＲＡＮＴＥＥＤ')).toBe('');
    expect(fix('Results, guaranteed.')).toBe('Results.');
    expect(fix('Get guaranteed  results today')).toBe('Get results today');
    expect(fix('Try it risk-free')).toBe('Try it');
    expect(fix('Our miracle cream cures acne. Guaranteed.')).toBe('Our remarkable cream helps with acne.');
    expect(fix('好评如潮！国家级！')).toBe('好评如潮！');
  });

  it('keeps the case of the text it replaces', () => {
    expect(fix('Best in the world coffee')).toBe('Great coffee');
    expect(fix('the best in the world coffee')).toBe('the great coffee');
    expect(fix('NUMBER ONE choice')).toBe('LEADING choice');
  });
});
