// Rules of the Chinese scorer: negation, degree, contrast, reservation, irrealis, questions, phrases.
import { describe, expect, it } from 'vitest';
import { scoreChinese } from './chinese.ts';
import { normalizeValence } from './sentiment.ts';

const score = (text: string): number => scoreChinese(text).score;

describe('scoreChinese', () => {
  it('scores nothing for text without sentiment words', () => {
    expect(scoreChinese('请问今天几点送餐')).toEqual({ score: 0, evidence: 0 });
  });

  it('flips a negated word within a short window, negated praise more than negated complaint', () => {
    expect(score('好吃')).toBeGreaterThan(0);
    expect(score('不好吃')).toBeLessThan(0);
    expect(score('不难吃')).toBeGreaterThan(0);
    expect(Math.abs(score('不难吃'))).toBeLessThan(Math.abs(score('不好吃')));
    expect(score('并不满意')).toBeLessThan(0);
    expect(score('不是不好')).toBeGreaterThan(0);
  });

  it('softens "not very" (不太好吃, 不是很好) and strengthens "very not" (很不满意)', () => {
    expect(score('不太好吃')).toBeLessThan(0);
    expect(score('不太好吃')).toBeGreaterThan(score('不好吃'));
    expect(score('很不满意')).toBeLessThan(score('不满意'));
  });

  it('scales by degree words in front and degree complements after', () => {
    expect(score('非常好')).toBeGreaterThan(score('很好'));
    expect(score('稍微有点咸')).toBeGreaterThan(score('太咸了'));
    expect(score('好吃极了')).toBeGreaterThan(score('好吃'));
    expect(score('难吃死了')).toBeLessThan(score('难吃'));
  });

  it('reads 好 in front of another sentiment word as "so"', () => {
    expect(score('好慢啊')).toBeLessThan(0);
    expect(score('好好吃')).toBeGreaterThan(score('好吃'));
  });

  it('turns a neutral taste word into a complaint after "too"', () => {
    expect(score('辣')).toBe(0);
    expect(score('太辣了')).toBeLessThan(0);
    expect(score('有点甜')).toBeLessThan(0);
    expect(score('有点甜')).toBeGreaterThan(score('太甜了'));
  });

  it('weights what follows a contrast more than what precedes it', () => {
    expect(score('东西不错但是送得太慢了')).toBeLessThan(0);
    expect(score('送得有点慢，不过东西很好吃')).toBeGreaterThan(0);
  });

  it('does not count praise that is asked about or only hoped for', () => {
    expect(score('好吃吗')).toBe(0);
    expect(score('这也叫好吃?')).toBe(0);
    expect(score('本以为很好吃')).toBe(0);
    expect(score('本以为很好吃，结果很一般')).toBeLessThan(0);
    expect(score('怎么还没到？？')).toBeLessThan(0);
  });

  it('reads customer-service phrases', () => {
    expect(score('等了两个小时')).toBeLessThan(0);
    expect(score('下单一个小时了还没送到')).toBeLessThan(0);
    expect(score('没有送餐具')).toBeLessThan(0);
    expect(score('以后再也不点了')).toBeLessThan(0);
    expect(score('下次还会再来')).toBeGreaterThan(0);
    expect(score('二十分钟就送到了')).toBeGreaterThan(0);
    expect(score('不好意思，麻烦帮我查一下订单')).toBe(0);
  });

  it('reads 定 as 订 ("to order") and "only then got it" with any verb of receiving', () => {
    expect(score('不会再定了')).toBe(score('不会再订了'));
    expect(score('不会再定了')).toBeLessThan(0);
    expect(score('下次还定')).toBeGreaterThan(0);
    for (const late of ['十二点才收到', '一点才吃到', '等到一点才吃上', '下楼才拿到']) expect(score(late)).toBeLessThan(0);
    expect(score('刚收到')).toBe(0);
  });

  it('counts complaints more than praise of the same size, twice as much', () => {
    expect(score('送餐员态度很好，菜不好吃')).toBeLessThan(0);
    // 不错 (2) against 太慢 (-2.5 x 2): the complaint wins even before 但是 weighs the clauses.
    expect(scoreChinese('不错，太慢')).toEqual({ score: normalizeValence(2 - 2.5 * 2), evidence: 2 });
  });

  it('treats full-width and half-width text alike', () => {
    expect(scoreChinese('太难吃了！')).toEqual(scoreChinese('太难吃了!'));
  });
});
