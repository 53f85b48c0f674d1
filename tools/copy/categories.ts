// Display names of product categories in English and Chinese: `name` reads as a department
// ("beauty", 美妆), `items` as the things sold there ("beauty products", 美妆好物).
import type { Locale } from '../../src/domain/vocabulary.ts';
import { containsAbsoluteClaim } from './absolute-claims.ts';
import { containsHan } from './text-script.ts';

export interface CategoryWording {
  name: string;
  items: string;
}

export const DEMO_CATEGORIES: Record<string, Record<Locale, CategoryWording>> = {
  baby: { en: { name: 'baby care', items: 'baby essentials' }, zh: { name: '母婴', items: '母婴好物' } },
  kids_education: {
    en: { name: "kids' learning", items: 'learning toys and books' },
    zh: { name: '儿童教育', items: '益智好物' },
  },
  beauty: { en: { name: 'beauty', items: 'beauty products' }, zh: { name: '美妆', items: '美妆好物' } },
  fashion: { en: { name: 'fashion', items: 'fashion finds' }, zh: { name: '服饰', items: '服饰新款' } },
  electronics: { en: { name: 'electronics', items: 'gadgets' }, zh: { name: '数码', items: '数码好物' } },
  phone_accessories: {
    en: { name: 'phone accessories', items: 'phone accessories' },
    zh: { name: '手机配件', items: '手机配件' },
  },
  home: { en: { name: 'home & living', items: 'home essentials' }, zh: { name: '家居', items: '家居好物' } },
  grocery: { en: { name: 'food & grocery', items: 'groceries' }, zh: { name: '食品', items: '美味食品' } },
  sports: { en: { name: 'sports & outdoors', items: 'sports gear' }, zh: { name: '运动', items: '运动装备' } },
  books: { en: { name: 'books', items: 'books' }, zh: { name: '图书', items: '好书' } },
  alcohol: { en: { name: 'wine & spirits', items: 'wines and spirits' }, zh: { name: '酒水', items: '美酒' } },
};

/** Categories whose copy carries a responsible-use note. */
const RESPONSIBLE_USE_NOTES: Record<string, Record<Locale, string>> = {
  alcohol: { en: 'Please drink responsibly. Not for sale to minors.', zh: '理性饮酒，未成年人请勿饮酒。' },
};

const MAX_FREE_TEXT_CATEGORY = 24;

/**
 * Wording for `category` in `locale`. Demo categories have curated names; another category is used
 * as written when it is in the copy's language and short, otherwise left out of the copy (null).
 */
export function categoryWording(category: string | null, locale: Locale): CategoryWording | null {
  if (category === null) return null;
  const key = category.trim().toLowerCase();
  const known = DEMO_CATEGORIES[key];
  if (known) return known[locale];
  const readable = category.trim().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  const rightLanguage = locale === 'zh' ? containsHan(readable) : !containsHan(readable);
  const usable =
    readable.length > 0 &&
    [...readable].length <= MAX_FREE_TEXT_CATEGORY &&
    rightLanguage &&
    !/[{}]/.test(readable) &&
    !containsAbsoluteClaim(readable);
  if (!usable) return null;
  const name = locale === 'en' ? readable.toLowerCase() : readable;
  return { name, items: name };
}

/** A note the category's copy must carry (e.g. drink responsibly), or null. */
export function responsibleUseNote(category: string | null, locale: Locale): string | null {
  if (category === null) return null;
  return RESPONSIBLE_USE_NOTES[category.trim().toLowerCase()]?.[locale] ?? null;
}
