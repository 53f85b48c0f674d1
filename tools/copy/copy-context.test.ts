import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/domain/brief.ts';
import { containsAbsoluteClaim, findAbsoluteClaim } from './absolute-claims.ts';
import { categoryWording, responsibleUseNote } from './categories.ts';
import { audiencePhrase, buildCopyContext } from './copy-context.ts';
import { formatDeadline, occasionName } from './occasions.ts';

const brief: Brief = {
  goal: '双11给老客户发9折券',
  objective: 'winback',
  channels: ['sms'],
  offer: { type: 'percent_off', percent: 10 },
  timing: { kind: 'window', label: '双11', from: '2025-11-01', to: '2025-11-11', localTime: '10:00' },
  locale: 'zh',
  category: 'beauty',
  budget: null,
};

describe('occasionName', () => {
  it('translates known occasions and keeps labels already in the copy language', () => {
    expect(occasionName('双11', 'en')).toBe("Singles' Day");
    expect(occasionName('双11', 'zh')).toBe('双11');
    expect(occasionName('双十一大促', 'en')).toBe("Singles' Day");
    expect(occasionName('Black Friday', 'zh')).toBe('黑五');
    expect(occasionName('singles day', 'en')).toBe("Singles' Day");
    expect(occasionName('618', 'en')).toBe('618');
    expect(occasionName('Spring Refresh', 'en')).toBe('Spring Refresh');
  });

  it('leaves out labels it cannot write in the copy language or that make claims', () => {
    expect(occasionName('会员日', 'en')).toBeNull();
    expect(occasionName('Spring Refresh', 'zh')).toBeNull();
    expect(occasionName('全网最低价', 'zh')).toBeNull();
    expect(occasionName('{{first_name}} day', 'en')).toBeNull();
  });
});

describe('formatDeadline', () => {
  it('writes a date the way each language does', () => {
    expect(formatDeadline('2025-11-11', 'en')).toBe('Nov 11');
    expect(formatDeadline('2025-06-08', 'zh')).toBe('6月8日');
  });
});

describe('categoryWording', () => {
  it('names demo categories in both languages', () => {
    expect(categoryWording('baby', 'en')).toEqual({ name: 'baby care', items: 'baby essentials' });
    expect(categoryWording('baby', 'zh')).toEqual({ name: '母婴', items: '母婴好物' });
    expect(categoryWording('phone_accessories', 'zh')).toEqual({ name: '手机配件', items: '手机配件' });
  });

  it('uses other categories as written only when they are in the copy language', () => {
    expect(categoryWording('pet_supplies', 'en')).toEqual({ name: 'pet supplies', items: 'pet supplies' });
    expect(categoryWording('pet_supplies', 'zh')).toBeNull();
    expect(categoryWording('宠物用品', 'zh')).toEqual({ name: '宠物用品', items: '宠物用品' });
    expect(categoryWording(null, 'en')).toBeNull();
  });

  it('adds a responsible-use note for alcohol', () => {
    expect(responsibleUseNote('alcohol', 'en')).toBe('Please drink responsibly. Not for sale to minors.');
    expect(responsibleUseNote('books', 'en')).toBeNull();
  });
});

describe('audiencePhrase', () => {
  it('keeps a short hint in the copy language', () => {
    expect(audiencePhrase('Loyal customers', 'en')).toBe('loyal customers');
    expect(audiencePhrase('VIP members', 'en')).toBe('VIP members');
    expect(audiencePhrase('老顾客', 'zh')).toBe('老顾客');
  });

  it('drops descriptions that are not a short phrase', () => {
    expect(audiencePhrase('Customers who spent over ¥1,000 in the last 90 days', 'en')).toBeNull();
    expect(audiencePhrase('customers in Shanghai', 'en')).toBeNull();
    expect(audiencePhrase('top 20% by spend', 'en')).toBeNull();
    expect(audiencePhrase('近90天未购买的高价值客户', 'zh')).toBeNull();
    expect(audiencePhrase('高价值客户', 'zh')).toBe('高价值客户');
  });

  it('drops hints in the wrong language, too long, or with claims', () => {
    expect(audiencePhrase('老顾客', 'en')).toBeNull();
    expect(audiencePhrase('loyal customers', 'zh')).toBeNull();
    expect(audiencePhrase('our best customers', 'en')).toBeNull();
    expect(audiencePhrase('x'.repeat(41), 'en')).toBeNull();
    expect(audiencePhrase(null, 'en')).toBeNull();
  });
});

describe('buildCopyContext', () => {
  it('words everything for the brief and leaves out what is omitted', () => {
    const full = buildCopyContext({ brief, brand: '乐萌', audienceHint: '老顾客' });
    expect({ ...full, offer: full.offer?.short }).toEqual({
      locale: 'zh',
      objective: 'winback',
      brand: '乐萌',
      offer: '9折',
      occasion: '双11',
      deadline: '11月11日',
      category: { name: '美妆', items: '美妆好物' },
      audience: '老顾客',
      productFocus: false,
      note: null,
      detailed: true,
      compact: false,
    });
    const plain = buildCopyContext({
      brief,
      brand: '乐萌',
      audienceHint: '老顾客',
      omit: ['audience', 'detail', 'occasion', 'category', 'long_wording'],
    });
    expect([plain.audience, plain.occasion, plain.category, plain.detailed, plain.compact, plain.deadline]).toEqual([
      null,
      null,
      null,
      false,
      true,
      '11月11日',
    ]);
  });

  it('focuses on the product for carts and for view or add-to-cart triggers', () => {
    const trigger = { kind: 'trigger', event: 'view', delayMinutes: 30, unlessEvent: 'purchase' } as const;
    expect(buildCopyContext({ brief: { ...brief, objective: 'cart_recovery' }, brand: 'x', audienceHint: null }).productFocus).toBe(true);
    expect(buildCopyContext({ brief: { ...brief, objective: 'conversion', timing: trigger }, brand: 'x', audienceHint: null }).productFocus).toBe(true);
    expect(buildCopyContext({ brief: { ...brief, objective: 'conversion' }, brand: 'x', audienceHint: null }).productFocus).toBe(false);
  });
});

describe('findAbsoluteClaim', () => {
  it('finds absolute claims in either language', () => {
    expect(findAbsoluteClaim('Our best deal yet')).toBe('best');
    expect(findAbsoluteClaim('Results GUARANTEED')).toBe('GUARANTEED');
    expect(findAbsoluteClaim('全网最低价')).toBe('全网');
    expect(findAbsoluteClaim('效果最好')).toBe('最');
    expect(findAbsoluteClaim('销量第一')).toBe('第一');
    expect(findAbsoluteClaim('１００％ natural')).toBe('100%');
    expect(findAbsoluteClaim("We're #1")).toBe('#1');
  });

  it('matches English terms as whole words only', () => {
    expect(containsAbsoluteClaim('bestow a secure cure-all')).toBe(true);
    expect(containsAbsoluteClaim('bestow a secure gift')).toBe(false);
    expect(containsAbsoluteClaim('Spend ¥300, save ¥50')).toBe(false);
  });
});
