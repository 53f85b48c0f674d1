// Everything a template needs to write copy for one brief, already worded in the brief's language:
// brand, offer, occasion, deadline, category, audience flavour. Optional flavour can be left out
// (`omit`) when the fuller copy would not fit a channel's limits.
import type { Brief, Objective } from '../../src/domain/brief.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { containsAbsoluteClaim } from './absolute-claims.ts';
import { categoryWording, responsibleUseNote, type CategoryWording } from './categories.ts';
import { formatDeadline, occasionName } from './occasions.ts';
import { offerWording, type OfferWording } from './offer-phrases.ts';
import { containsHan } from './text-script.ts';

export interface CopyContext {
  locale: Locale;
  objective: Objective;
  brand: string;
  offer: OfferWording | null;
  /** The occasion a window timing names ("Singles' Day", 双11), or null. */
  occasion: string | null;
  /** When a window's offer ends, formatted for the locale, or null. */
  deadline: string | null;
  category: CategoryWording | null;
  /** Who the copy is for, as a plural noun phrase ("loyal customers", 老顾客), or null. */
  audience: string | null;
  /** The copy is about a product the customer looked at or left in the cart. */
  productFocus: boolean;
  /** A line the category requires (drink responsibly), or null. */
  note: string | null;
  /** Longer channels (WeCom) may tell the story behind the hook; false when space is short. */
  detailed: boolean;
  /** Shortest wording: offers without their deadline, e-mail subjects as short as push titles. */
  compact: boolean;
}

/** Flavour that may be left out to make copy fit, in the order it is given up. */
export type OptionalFlavour = 'audience' | 'detail' | 'occasion' | 'category' | 'long_wording';

export interface CopyContextInput {
  brief: Brief;
  brand: string;
  audienceHint: string | null;
  omit?: readonly OptionalFlavour[];
}

const MAX_AUDIENCE_WORDS_EN = 4;
const MAX_AUDIENCE_CHARACTERS_EN = 40;
const MAX_AUDIENCE_CHARACTERS_ZH = 10;
/** Letters, spaces, apostrophes, hyphens and ampersands only: no figures, symbols or clauses. */
const AUDIENCE_CHARACTERS = /^[\p{L}\s'’&-]+$/u;
const RELATIVE_CLAUSE = /\b(who|that|with|without|in|from|whose|which)\b/i;

/**
 * The audience hint as a short plural noun phrase for "for ___ like you" / 像您这样的___, or null
 * when it is unusable here: wrong language, a description rather than a phrase (figures, symbols,
 * clauses, too many words) or an absolute claim.
 */
export function audiencePhrase(hint: string | null, locale: Locale): string | null {
  if (hint === null) return null;
  const cleaned = hint.trim().replace(/\s+/g, ' ');
  if (cleaned.length < 2 || !AUDIENCE_CHARACTERS.test(cleaned) || containsAbsoluteClaim(cleaned)) return null;
  if (locale === 'zh') {
    return containsHan(cleaned) && [...cleaned].length <= MAX_AUDIENCE_CHARACTERS_ZH ? cleaned : null;
  }
  const words = cleaned.split(' ').length;
  if (containsHan(cleaned) || cleaned.length > MAX_AUDIENCE_CHARACTERS_EN || words > MAX_AUDIENCE_WORDS_EN) return null;
  if (RELATIVE_CLAUSE.test(cleaned)) return null;
  // "Loyal customers" reads as "loyal customers" mid-sentence; "VIP members" keeps its capitals.
  return /^[A-Z][a-z]/.test(cleaned) ? cleaned.charAt(0).toLowerCase() + cleaned.slice(1) : cleaned;
}

/** True when the brief's timing or objective centres the copy on a product the customer looked at. */
function isProductFocused(brief: Brief): boolean {
  if (brief.objective === 'cart_recovery') return true;
  return brief.timing.kind === 'trigger' && (brief.timing.event === 'view' || brief.timing.event === 'add_to_cart');
}

/** Builds the context for `brief`, leaving out the flavour named in `omit`. */
export function buildCopyContext(input: CopyContextInput): CopyContext {
  const { brief } = input;
  const omit = new Set(input.omit ?? []);
  const locale = brief.locale;
  const timing = brief.timing;
  const deadline = timing.kind === 'window' ? formatDeadline(timing.to, locale) : null;
  const occasion = timing.kind === 'window' && !omit.has('occasion') ? occasionName(timing.label, locale) : null;
  return {
    locale,
    objective: brief.objective,
    brand: input.brand,
    offer: offerWording(brief.offer, locale, { deadline, firstOrder: brief.objective === 'activation' }),
    occasion,
    deadline,
    category: omit.has('category') ? null : categoryWording(brief.category, locale),
    // A hint about who the customer is reads oddly next to their own cart or product.
    audience: omit.has('audience') || isProductFocused(brief) ? null : audiencePhrase(input.audienceHint, locale),
    productFocus: isProductFocused(brief),
    note: responsibleUseNote(brief.category, locale),
    detailed: !omit.has('detail'),
    compact: omit.has('long_wording'),
  };
}
