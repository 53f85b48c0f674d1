// Everything the marketer needs to check one segment, in one object with the plan's field names:
// the definition, its plain description, the assumptions behind it, the count, who is reachable on
// each channel after consent, a masked sample and a breakdown by city and age band.
import type { Queryable } from '../../src/data/database.ts';
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import { CHANNELS, type Channel, type Locale } from '../../src/domain/vocabulary.ts';
import { describeSegment } from './describe-segment.ts';
import { previewSegment, type SegmentPreview } from './preview-segment.ts';

export interface SegmentExplanation {
  definition: SegmentDefinition;
  description: string;
  assumptions: string[];
  count: number;
  reachable: Partial<Record<Channel, number>>;
  sample: SegmentPreview['sample'];
  breakdown: SegmentPreview['breakdown'];
}

export interface ExplainSegmentOptions {
  asOf: Date;
  locale: Locale;
  assumptions?: string[];
  /** Channels to count reachable customers on; default all four. */
  channels?: Channel[];
  sampleSize?: number;
}

export async function explainSegment(db: Queryable, definition: SegmentDefinition, options: ExplainSegmentOptions): Promise<SegmentExplanation> {
  const preview = await previewSegment(db, definition, {
    asOf: options.asOf,
    channels: options.channels ?? [...CHANNELS],
    ...(options.sampleSize !== undefined ? { sampleSize: options.sampleSize } : {}),
  });
  return {
    definition,
    description: describeSegment(definition, options.locale),
    assumptions: options.assumptions ?? [],
    count: preview.count,
    reachable: preview.reachable,
    sample: preview.sample,
    breakdown: preview.breakdown,
  };
}
