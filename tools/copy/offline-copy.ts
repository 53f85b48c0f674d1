// Campaign copy written without a model: for every channel in the brief, variants A (benefit-led)
// and B (personal, urgent) in the brief's language, built from the template library and fitted to
// each channel's limits by giving up optional flavour (audience, detail, occasion, category, long
// wording) when needed.
import type { Brief } from '../../src/domain/brief.ts';
import type { PlannedMessage } from '../../src/domain/plan.ts';
import type { Channel, Locale } from '../../src/domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';
import { checkChannelLimits } from './channel-limits.ts';
import { buildCopyContext, type CopyContext, type OptionalFlavour } from './copy-context.ts';
import { composeEnglish, type ComposedCopy } from './templates/en.ts';
import { VARIANTS, type Variant } from './templates/voice.ts';
import { composeChinese } from './templates/zh.ts';

export interface CopyRequest {
  brief: Brief;
  /** Brand in the SMS sender tag and sign-offs; defaults to Lumen in English and 乐萌 in Chinese. */
  brandName?: string;
  /** Who the campaign is for, as a short plural phrase ("loyal customers", 老顾客), for flavour. */
  audienceHint?: string | null;
}

export const DEFAULT_BRAND_NAMES: Record<Locale, string> = { en: 'Lumen', zh: '乐萌' };

/** Longest brand name accepted: it appears in every SMS sender tag and push title. */
export const MAX_BRAND_NAME_LENGTH = 20;

/** Flavour given up, step by step, until a message fits its channel. */
const FITTING_STEPS: ReadonlyArray<readonly OptionalFlavour[]> = [
  [],
  ['audience'],
  ['audience', 'detail'],
  ['audience', 'detail', 'occasion'],
  ['audience', 'detail', 'occasion', 'category'],
  ['audience', 'detail', 'occasion', 'category', 'long_wording'],
];

const COMPOSERS: Record<Locale, (channel: Channel, variant: Variant, context: CopyContext) => ComposedCopy> = {
  en: composeEnglish,
  zh: composeChinese,
};

function resolveBrand(request: CopyRequest): string {
  if (request.brandName === undefined) return DEFAULT_BRAND_NAMES[request.brief.locale];
  const brand = request.brandName.trim();
  if (brand.length === 0 || [...brand].length > MAX_BRAND_NAME_LENGTH || /[{}[\]【】\n]/.test(brand)) {
    throw new CodedError(
      ErrorCode.InvalidInput,
      `brandName: expected 1-${MAX_BRAND_NAME_LENGTH} characters without brackets or braces, got "${request.brandName}"`,
    );
  }
  return brand;
}

function uniqueChannels(channels: readonly Channel[]): Channel[] {
  return [...new Set(channels)];
}

function fittedMessage(request: CopyRequest, brand: string, channel: Channel, variant: Variant): PlannedMessage {
  const compose = COMPOSERS[request.brief.locale];
  let message: PlannedMessage | null = null;
  for (const omit of FITTING_STEPS) {
    const context = buildCopyContext({ brief: request.brief, brand, audienceHint: request.audienceHint ?? null, omit });
    const copy = compose(channel, variant, context);
    message = { channel, variant, title: copy.title, text: copy.text };
    if (checkChannelLimits(message, { locale: request.brief.locale }).ok) return message;
  }
  // The plainest copy is returned even if it is still too long; the channel check reports why.
  return message as PlannedMessage;
}

/** Copy for every channel of the brief (in the brief's order), variants A and B, in the brief's locale. */
export function generateOfflineCopy(request: CopyRequest): PlannedMessage[] {
  const brand = resolveBrand(request);
  return uniqueChannels(request.brief.channels).flatMap((channel) =>
    VARIANTS.map((variant) => fittedMessage(request, brand, channel, variant)),
  );
}
