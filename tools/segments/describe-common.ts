// Pieces both description languages share: flattening nested and/or, splitting a minute count into
// its largest whole unit, percentages without float noise, and calendar-window shapes.
import type { Condition, LeafCondition, Window } from '../../src/domain/segment.ts';

/** The operands of an and/or, with directly nested operators of the same kind merged in. */
export function flattenOperands(condition: Condition & { kind: 'and' | 'or' }): Condition[] {
  return condition.conditions.flatMap((inner) => (inner.kind === condition.kind ? flattenOperands(inner) : [inner]));
}

export type DurationUnit = 'day' | 'hour' | 'minute';

/** 120 -> 2 hours, 2880 -> 2 days, 90 -> 90 minutes: the largest unit that divides evenly. */
export function splitDuration(minutes: number): { amount: number; unit: DurationUnit } {
  if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'day' };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'hour' };
  return { amount: minutes, unit: 'minute' };
}

/** 0.2 -> "20", 0.075 -> "7.5". */
export function formatPercent(share: number): string {
  return String(Number((share * 100).toPrecision(10)));
}

/** A number as written in a description: no float noise, no exponent for ordinary values. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export type CalendarShape =
  | { shape: 'year'; year: number }
  | { shape: 'month'; year: number; month: number }
  | { shape: 'day'; year: number; month: number; day: number }
  | { shape: 'range'; from: { year: number; month: number; day: number }; to: { year: number; month: number; day: number } };

function dateParts(isoDate: string): { year: number; month: number; day: number } {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a calendar window is a whole year, a whole month, one day or another range of dates. */
export function calendarShape(window: Extract<Window, { type: 'calendar' }>): CalendarShape {
  const from = dateParts(window.from);
  const to = dateParts(window.to);
  if (window.from === window.to) return { shape: 'day', ...from };
  if (from.year === to.year && from.month === 1 && from.day === 1 && to.month === 12 && to.day === 31) {
    return { shape: 'year', year: from.year };
  }
  if (from.year === to.year && from.month === to.month && from.day === 1 && to.day === daysInMonth(to.year, to.month)) {
    return { shape: 'month', year: from.year, month: from.month };
  }
  return { shape: 'range', from, to };
}

/** At most `limit` values, and how many were left out. */
export function firstValues(values: readonly string[], limit = 5): { shown: string[]; more: number } {
  return { shown: values.slice(0, limit), more: Math.max(0, values.length - limit) };
}

/** The condition kinds for custom attributes, first/last occurrence, RFM and predicted attributes. */
export type ExtendedLeaf = Extract<LeafCondition, { kind: 'attribute' | 'event_time' | 'rfm' | 'predicted_clv' | 'price_sensitivity' | 'category_affinity' }>;

/** "4-5", or "5" when the range is one score. */
export function scoreRangeText(range: readonly [number, number]): string {
  return range[0] === range[1] ? String(range[0]) : `${range[0]}-${range[1]}`;
}
