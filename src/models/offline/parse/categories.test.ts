// Tests for category mentions: English and Chinese synonyms, longest match first, database categories.
import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORIES, categoryLabel, findCategoryMentions } from './categories.ts';
import { normalizeText } from './text.ts';

const categoriesIn = (text: string, categories: readonly string[] = DEMO_CATEGORIES): string[] =>
  findCategoryMentions(normalizeText(text), categories).map((mention) => mention.category);

describe('findCategoryMentions', () => {
  it.each<[string, string[]]>([
    ['baby products', ['baby']],
    ['纸尿裤和奶粉', ['baby', 'baby']],
    ["children's education", ['kids_education']],
    ["children's books", ['kids_education']],
    ['早教和绘本', ['kids_education', 'kids_education']],
    ['skincare and cosmetics', ['beauty', 'beauty']],
    ['女装', ['fashion']],
    ['phone case and gadgets', ['phone_accessories', 'electronics']],
    ['手机壳', ['phone_accessories']],
    ['家居', ['home']],
    ['生鲜', ['grocery']],
    ['sportswear', ['sports']],
    ['运动服饰', ['sports']],
    ['运动服和女装', ['sports', 'fashion']],
    ['图书', ['books']],
    ['红酒和白酒', ['alcohol', 'alcohol']],
    ['酒店用户', []],
    ['babysitter', []],
  ])('%s', (text, categories) => {
    expect(categoriesIn(text)).toEqual(categories);
  });

  it('matches categories the database names, spelled with spaces', () => {
    expect(categoriesIn('pet food lovers', ['pet_food'])).toEqual(['pet_food']);
    expect(categoriesIn('beauty', ['pet_food'])).toEqual([]);
  });

  it('labels categories in both languages', () => {
    expect(categoryLabel('kids_education', 'zh')).toBe('儿童教育');
    expect(categoryLabel('pet_food', 'en')).toBe('pet food');
  });
});