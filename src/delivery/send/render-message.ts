// Fills a message's `{{placeholders}}` for one recipient. A missing value gets a fallback that reads
// naturally where it stands: "Hi {{first_name}}," -> "Hi there,"; "{{first_name}}, we've missed you"
// -> "We've missed you"; "亲爱的{{first_name}}" -> "亲爱的顾客"; "{{first_name}}您好" -> "您好".
// Whatever placeholder is left afterwards is reported, and such a message is never sent.
import { placeholdersIn } from '../../../tools/copy/placeholders.ts';
import type { Locale } from '../../domain/vocabulary.ts';

export interface PlaceholderValues {
  first_name: string | null;
  last_viewed_product: string | null;
  coupon_code: string;
  unsubscribe_url: string;
}

const PRODUCT_FALLBACK: Record<Locale, string> = { en: 'the item you liked', zh: '心仪好物' };
const NAME_FALLBACK: Record<Locale, string> = { en: 'there', zh: '您' };

function capitaliseSentenceStarts(text: string, replaced: ReadonlySet<number>): string {
  return text.replace(/(^|[\n.!?]\s*)(\p{Ll})/gu, (match, before: string, letter: string, offset: number) =>
    replaced.has(offset + before.length) ? `${before}${letter.toUpperCase()}` : match,
  );
}

/** Drops the name where the sentence reads well without it, before any other fallback applies. */
function dropMissingName(text: string, locale: Locale): string {
  if (locale === 'zh') {
    return text
      .replace(/亲爱的\{\{first_name\}\}/g, '亲爱的顾客')
      .replace(/\{\{first_name\}\}\s*(?=您好)/g, '')
      .replace(/(^|\n|】)\{\{first_name\}\}\s*[，,：:]\s*/g, '$1');
  }
  return text.replace(/(^|\n)\{\{first_name\}\},\s*(\p{L})/gu, (_match, start: string, letter: string) => `${start}${letter.toUpperCase()}`);
}

/** `template` with every known placeholder filled for this recipient (or given its fallback). */
export function renderPlaceholders(template: string, values: PlaceholderValues, locale: Locale): string {
  let text = values.first_name ? template : dropMissingName(template, locale);
  const filled: Record<string, string> = {
    first_name: values.first_name ?? NAME_FALLBACK[locale],
    last_viewed_product: values.last_viewed_product ?? PRODUCT_FALLBACK[locale],
    coupon_code: values.coupon_code,
    unsubscribe_url: values.unsubscribe_url,
  };
  const starts = new Set<number>();
  let output = '';
  let last = 0;
  for (const match of text.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)) {
    const value = filled[match[1]!];
    if (value === undefined) continue;
    output += text.slice(last, match.index);
    if (match[1] === 'last_viewed_product' && !values.last_viewed_product) starts.add(output.length);
    output += value;
    last = match.index + match[0].length;
  }
  text = output + text.slice(last);
  return locale === 'en' ? capitaliseSentenceStarts(text, starts) : text;
}

/** Placeholders still in a text (unknown names): a message holding any is refused. */
export function unresolvedPlaceholders(text: string): string[] {
  return placeholdersIn(text);
}
