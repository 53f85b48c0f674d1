// Product categories the offline parser recognises, with English and Chinese ways people name them,
// and a finder that locates category mentions in a normalised goal.
import { DEMO_CATEGORIES as DEMO_CATEGORY_IDS } from '../../../domain/demo-categories.ts';
import type { Locale } from '../../../domain/vocabulary.ts';

/** Categories of the demo database. A real database passes its own list in the parse options. */
export const DEMO_CATEGORIES: readonly string[] = DEMO_CATEGORY_IDS;

/** How marketers name each demo category, in lower case after NFKC, English and Chinese. */
export const CATEGORY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  baby: [
    'baby products', 'baby product', 'baby goods', 'baby', 'babies', 'infants', 'infant', 'diapers', 'diaper',
    'nappies', 'formula', '母婴', '婴儿', '婴童', '宝宝', '纸尿裤', '尿不湿', '奶粉',
  ],
  kids_education: [
    "children's education", 'childrens education', 'children education', "kids' education", 'kids education',
    "kids' learning", 'kids learning', "children's learning", 'early education', 'early learning',
    'educational toys', 'picture books', "children's books", '儿童教育', '少儿教育', '儿童早教', '早教', '绘本',
    '儿童读物', '益智玩具',
  ],
  beauty: ['beauty', 'skincare', 'skin care', 'cosmetics', 'makeup', 'make-up', '美妆', '护肤', '化妆品', '彩妆', '美容'],
  fashion: [
    'fashion', 'clothing', 'clothes', 'apparel', 'dresses', 'womenswear', 'menswear', '服装', '女装', '男装', '服饰',
    '衣服',
  ],
  electronics: ['consumer electronics', 'electronics', 'electronic products', 'gadgets', '3c', '数码', '电子产品', '家电'],
  phone_accessories: [
    'phone accessories', 'phone cases', 'phone case', 'screen protectors', 'screen protector', 'chargers',
    '手机壳', '手机配件', '手机膜', '贴膜', '充电器', '数据线',
  ],
  home: ['home goods', 'homeware', 'homewares', 'home decor', 'household goods', 'furniture', 'kitchenware', 'bedding', '家居', '家纺', '家具', '厨具', '日用品'],
  grocery: ['groceries', 'grocery', 'fresh food', 'food', 'snacks', '生鲜', '食品', '零食', '粮油', '水果'],
  // Sportswear is sports, not fashion: the longer names win over 服饰 / 服装 inside them.
  sports: ['sportswear', 'sports', 'outdoor gear', 'outdoors', 'outdoor', 'fitness', '运动服饰', '运动服装', '运动服', '运动装', '运动', '户外', '健身'],
  books: ['books', 'e-books', 'ebooks', '图书', '书籍'],
  alcohol: ['alcohol', 'wines', 'wine', 'beer', 'spirits', 'liquor', 'whisky', 'whiskey', 'baijiu', '白酒', '红酒', '啤酒', '葡萄酒', '洋酒', '酒类', '酒'],
};

const LABELS: Readonly<Record<string, { en: string; zh: string }>> = {
  baby: { en: 'baby products', zh: '母婴用品' },
  kids_education: { en: "children's education", zh: '儿童教育' },
  beauty: { en: 'beauty', zh: '美妆' },
  fashion: { en: 'fashion', zh: '服装' },
  electronics: { en: 'electronics', zh: '数码' },
  phone_accessories: { en: 'phone accessories', zh: '手机配件' },
  home: { en: 'home goods', zh: '家居' },
  grocery: { en: 'grocery', zh: '生鲜食品' },
  sports: { en: 'sports', zh: '运动户外' },
  books: { en: 'books', zh: '图书' },
  alcohol: { en: 'alcohol', zh: '酒水' },
};

/** Words that contain a category synonym but mean something else (酒店 is a hotel). */
const FALSE_FRIENDS = ['酒店', '公众号'];

export interface CategoryMention {
  category: string;
  start: number;
  end: number;
}

/** How a category is named in a sentence of the given language. */
export function categoryLabel(category: string, locale: Locale): string {
  const label = LABELS[category];
  if (label) return label[locale];
  return category.replace(/[_-]+/g, ' ');
}

function synonymsOf(category: string): string[] {
  const known = CATEGORY_SYNONYMS[category] ?? [];
  const spelled = category.toLowerCase().replace(/[_-]+/g, ' ');
  return [...known, spelled, category.toLowerCase()];
}

const isLatin = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9]/.test(ch);

/** Finds every category mention, longest synonym first, never two over the same characters. */
export function findCategoryMentions(text: string, categories: readonly string[]): CategoryMention[] {
  const pairs = categories
    .flatMap((category) => synonymsOf(category).map((synonym) => ({ category, synonym })))
    .sort((a, b) => b.synonym.length - a.synonym.length);
  const taken = new Array<boolean>(text.length).fill(false);
  for (const word of FALSE_FRIENDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      for (let i = at; i < at + word.length; i++) taken[i] = true;
    }
  }
  const mentions: CategoryMention[] = [];
  for (const { category, synonym } of pairs) {
    if (!synonym) continue;
    for (let at = text.indexOf(synonym); at >= 0; at = text.indexOf(synonym, at + 1)) {
      const end = at + synonym.length;
      const latinWord = /^[a-z0-9]/.test(synonym);
      if (latinWord && (isLatin(text[at - 1]) || isLatin(text[end]))) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      mentions.push({ category, start: at, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
