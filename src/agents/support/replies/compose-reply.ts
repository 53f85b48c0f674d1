// A whole offline reply: the register's opening (from the tone policy, rotated by turn), the
// plan's points, a product suggestion when the register allows it, and the register's closing.
import type { RegisterStyle } from '../../../domain/support-policy.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import type { AnswerPlan } from '../answer-plan.ts';
import { crossSellSentence, pointSentence } from './templates.ts';

export interface ComposeOptions {
  plan: AnswerPlan;
  style: RegisterStyle;
  language: Locale;
  /** Rotates the opening so consecutive replies differ. */
  turn: number;
  /** The verified customer's first name, for `{name}`. */
  firstName: string | null;
}

function pick(lines: readonly string[] | undefined, turn: number): string {
  if (!lines || lines.length === 0) return '';
  return lines[(turn - 1) % lines.length] ?? '';
}

export function fillName(text: string, firstName: string | null, language: Locale): string {
  const name = firstName ? (language === 'zh' ? `，${firstName}` : `, ${firstName}`) : '';
  return text.replaceAll('{name}', name);
}

/** The opening sentence of a register in a language (English when the language has none). */
export function openingOf(style: RegisterStyle, language: Locale, turn: number, firstName: string | null): string {
  return fillName(pick(style.opening[language] ?? style.opening.en, turn), firstName, language);
}

export function composeTemplateReply({ plan, style, language, turn, firstName }: ComposeOptions): string {
  const brief = style.maxPoints <= 2;
  const parts = [openingOf(style, language, turn, firstName), ...plan.points.map((point) => pointSentence(point, language, { brief }))];
  if (style.crossSellAllowed && plan.crossSell.length > 0) parts.push(crossSellSentence(plan.crossSell, language));
  parts.push(fillName(pick(style.closing[language] ?? style.closing.en, turn), firstName, language));
  return parts.filter(Boolean).join(language === 'zh' ? '' : ' ');
}
