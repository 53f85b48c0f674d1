// Plain language (English or Chinese) -> segment definition, through the planner's offline goal
// parser: the same reading of "high-value", "lapsed" or "new" the planner uses, so a segment checked
// here is the audience a plan for the same words gets. A configured chat model is not consulted:
// the offline parser is deterministic and covers the audience vocabulary.
//
// The goal parser also reports what it assumed about channels, timing, offer and objective; those
// do not concern an audience, so only the assumptions the audience builder made are kept.
import { isDeepStrictEqual } from 'node:util';
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { buildSegment } from '../../src/models/offline/parse/build-segment.ts';
import { goalContext } from '../../src/models/offline/parse/goal-context.ts';
import { parseAudience } from '../../src/models/offline/parse/parse-audience.ts';
import { parseGoal } from '../../src/models/offline/parse/parse-goal.ts';
import { normalizeText } from '../../src/models/offline/parse/text.ts';

export interface SegmentFromText {
  locale: Locale;
  definition: SegmentDefinition;
  /** In the text's language: what vague words were taken to mean. */
  assumptions: string[];
}

export interface SegmentFromTextOptions {
  /** The instant relative dates ("in October", "last month") are read against. */
  now: Date;
  /** The marketer's zone for those dates; default the parser's. */
  timeZone?: string;
  /** Product categories known in the database; default the parser's demo categories. */
  categories?: readonly string[];
}

export function segmentFromText(text: string, options: SegmentFromTextOptions): SegmentFromText {
  const parsed = parseGoal(text, options);
  const context = goalContext(options);
  const timing = parsed.brief.timing;
  const cartDelayMinutes = timing.kind === 'trigger' && timing.event === 'add_to_cart' ? timing.delayMinutes : null;
  const audience = parseAudience(normalizeText(text), { today: context.today, locale: parsed.locale, categories: context.categories, cartDelayMinutes });
  const built = buildSegment({ audience, objective: parsed.brief.objective, locale: parsed.locale, cartDelayMinutes });
  // The audience builder is the parser's own; should the two ever read the text differently, keep every assumption.
  const assumptions = isDeepStrictEqual(built.segment, parsed.segment) ? built.assumptions : parsed.assumptions;
  return { locale: parsed.locale, definition: parsed.segment, assumptions };
}
