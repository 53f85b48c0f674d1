// The product categories of the demo data, with the names marketers see in English and Chinese.
// The seeder builds its catalogue from them and the parser and descriptions recognise them; a
// user's own database brings its own categories (ids as found in products.category).
import type { Locale } from './vocabulary.ts';

export const DEMO_CATEGORIES = [
  'baby',
  'kids_education',
  'beauty',
  'fashion',
  'electronics',
  'phone_accessories',
  'home',
  'grocery',
  'sports',
  'books',
  'alcohol',
] as const;
export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

/** Display names, for descriptions and campaign names. */
export const CATEGORY_NAMES: Readonly<Record<DemoCategory, Readonly<Record<Locale, string>>>> = {
  baby: { en: 'baby & maternity', zh: '母婴' },
  kids_education: { en: "kids' education", zh: '儿童教育' },
  beauty: { en: 'beauty', zh: '美妆' },
  fashion: { en: 'fashion', zh: '服饰' },
  electronics: { en: 'electronics', zh: '数码' },
  phone_accessories: { en: 'phone accessories', zh: '手机配件' },
  home: { en: 'home', zh: '家居' },
  grocery: { en: 'grocery', zh: '生鲜食品' },
  sports: { en: 'sports & outdoors', zh: '运动户外' },
  books: { en: 'books', zh: '图书' },
  alcohol: { en: 'alcohol', zh: '酒类' },
};
