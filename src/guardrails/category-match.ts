// Finding a product category's entry in a policy or data map: names match ignoring case, width and
// surrounding spaces, so `Alcohol` in a brief finds `alcohol` in the policy.
import { foldForMatching } from './matching-text.ts';

export interface CategoryEntry<T> {
  /** The key as written in the map. */
  name: string;
  value: T;
}

export function findCategoryEntry<T>(entries: Readonly<Record<string, T>> | undefined, category: string | null): CategoryEntry<T> | null {
  if (!entries || category === null) return null;
  const wanted = foldForMatching(category.trim());
  for (const [name, value] of Object.entries(entries)) {
    if (foldForMatching(name.trim()) === wanted) return { name, value };
  }
  return null;
}
