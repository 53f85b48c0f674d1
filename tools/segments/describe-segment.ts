// Plain-language description of a segment definition, in the marketer's language, so they can check
// what the engine will select: window kinds are named ("rolling" vs "calendar"), bounds are exact.
import type { SegmentDefinition } from '../../src/domain/segment.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { describeSegmentEn } from './describe-en.ts';
import { describeSegmentZh } from './describe-zh.ts';

export function describeSegment(definition: SegmentDefinition, locale: Locale): string {
  return locale === 'zh' ? describeSegmentZh(definition) : describeSegmentEn(definition);
}
