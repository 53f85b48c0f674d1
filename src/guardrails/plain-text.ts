// Small helpers for the plain-English sentences guardrail verdicts and approval reasons are made of.

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `1234` -> `1,234`. */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** `customers` or `customer`, by count. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/** `['sms', 'push']` -> `sms or push`; `['a', 'b', 'c']` -> `a, b or c`. */
export function joinWords(words: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** A number as copy writes it: no trailing zeros, at most two decimals. */
export function formatAmount(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Rounds a money amount down to the cent, so a lowered amount never ends up above its bound. */
export function floorToCents(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}
