// Display names of the product categories, in English and Chinese, for descriptions shown to marketers.
import { CATEGORY_NAMES } from '../../src/domain/demo-categories.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';

export { CATEGORY_NAMES };

/** The category's display name, or the category id itself (quoted) when it has none. */
export function categoryDisplayName(category: string, locale: Locale): string {
  const names = Object.hasOwn(CATEGORY_NAMES, category) ? CATEGORY_NAMES[category as keyof typeof CATEGORY_NAMES] : undefined;
  if (names) return names[locale];
  return locale === 'zh' ? `“${category}”` : `"${category}"`;
}
