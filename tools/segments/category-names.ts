// Display names of the product categories, in English and Chinese, for descriptions shown to marketers.
import type { Locale } from '../../src/domain/vocabulary.ts';

export const CATEGORY_NAMES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
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

/** The category's display name, or the category id itself (quoted) when it has none. */
export function categoryDisplayName(category: string, locale: Locale): string {
  const names = Object.hasOwn(CATEGORY_NAMES, category) ? CATEGORY_NAMES[category] : undefined;
  if (names) return names[locale];
  return locale === 'zh' ? `“${category}”` : `"${category}"`;
}
