// Keeps the discount figures in copy within the ceiling: a figure deeper than the ceiling, or one
// that repeats an offer the ceiling just lowered, is rewritten to the lowered value (fix), or
// reported (block). The rest of the text is left exactly as written.
import type { Offer } from '../domain/brief.ts';
import { findDiscountFigures, writeZhe } from './discount-figures.ts';
import type { DiscountFigure } from './discount-figures.ts';
import { applyEdits } from './matching-text.ts';
import type { TextEdit } from './matching-text.ts';
import { moneyWithin } from './offer-ceiling.ts';
import { formatAmount } from './plain-text.ts';

export interface CopyDiscountContext {
  ceilingPercent: number;
  /** Rewrite figures (`fix`) or only report the ones above the ceiling (`block`). */
  onExceed: 'fix' | 'block';
  /** The offer before the ceiling lowered it, and after; the same offer when nothing changed. */
  previousOffer: Offer | null;
  revisedOffer: Offer | null;
}

export interface CopyDiscountReview {
  text: string;
  /** Figures rewritten, as they read before and after. */
  changes: Array<{ from: string; to: string }>;
  /** Figures above the ceiling left as they were: in block mode, or when no lower figure makes sense. */
  refused: string[];
}

const UNFIXABLE = Symbol('unfixable');

/** The smallest 折 (to one decimal) whose discount is within the ceiling: 30% -> 7, 25% -> 7.5. */
function zheWithin(ceilingPercent: number): number {
  return Math.ceil(100 - ceilingPercent - 1e-9) / 10;
}

function isAboveCeiling(figure: DiscountFigure, ceilingPercent: number): boolean {
  return figure.percentOff !== null && figure.percentOff > ceilingPercent + 1e-9;
}

/** What replaces the figure's number, null to leave it, UNFIXABLE when it is above the ceiling and cannot be lowered. */
function replacementFor(figure: DiscountFigure, context: CopyDiscountContext): string | null | typeof UNFIXABLE {
  const { ceilingPercent, previousOffer, revisedOffer } = context;
  if (figure.kind === 'amount') {
    const lowered =
      previousOffer !== revisedOffer &&
      (previousOffer?.type === 'amount_off' || previousOffer?.type === 'threshold') &&
      revisedOffer?.type === previousOffer.type &&
      figure.amount === previousOffer.amount &&
      revisedOffer.amount !== previousOffer.amount;
    return lowered ? formatAmount(revisedOffer.amount) : null;
  }
  if (!isAboveCeiling(figure, ceilingPercent)) return null;
  if (ceilingPercent <= 0) return UNFIXABLE;
  switch (figure.kind) {
    case 'percent_off':
      return formatAmount(ceilingPercent);
    case 'zhe':
      return writeZhe(zheWithin(ceilingPercent), figure.zheStyle);
    case 'half_price':
      return `${writeZhe(zheWithin(ceilingPercent), 'digits')}折`;
    case 'threshold': {
      const threshold = figure.threshold ?? 0;
      const sameOffer = revisedOffer?.type === 'threshold' && revisedOffer.threshold === threshold;
      const amount = sameOffer ? revisedOffer.amount : moneyWithin((threshold * ceilingPercent) / 100);
      return amount > 0 ? formatAmount(amount) : UNFIXABLE;
    }
  }
}

/** Reviews one piece of copy (a title or a text) against the ceiling. */
export function reviewDiscountCopy(text: string, context: CopyDiscountContext): CopyDiscountReview {
  const changes: CopyDiscountReview['changes'] = [];
  const refused: string[] = [];
  const edits: TextEdit[] = [];
  for (const figure of findDiscountFigures(text)) {
    const written = text.slice(figure.start, figure.end);
    if (context.onExceed === 'block') {
      if (isAboveCeiling(figure, context.ceilingPercent)) refused.push(written);
      continue;
    }
    const replacement = replacementFor(figure, context);
    if (replacement === UNFIXABLE) {
      refused.push(written);
      continue;
    }
    if (replacement === null || replacement === text.slice(figure.numberStart, figure.numberEnd)) continue;
    const edit = { start: figure.numberStart, end: figure.numberEnd, replacement };
    edits.push(edit);
    changes.push({
      from: written,
      to: applyEdits(written, [{ ...edit, start: edit.start - figure.start, end: edit.end - figure.start }]),
    });
  }
  return { text: applyEdits(text, edits), changes, refused };
}
