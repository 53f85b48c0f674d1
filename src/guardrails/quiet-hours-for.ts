// Which quiet hours apply to one message: the policy's default window, overridden per channel and
// per country, the most specific match winning (country+channel, country, channel, default). Also
// the set of windows a whole audience meets, and the earliest time outside all of them, for the
// planning-time guardrail that must pick one wall-clock time for everyone.
import type { Channel } from '../domain/vocabulary.ts';
import { addDays, isWithinQuietHours, minutesBetween, nextAllowedLocalTime } from './quiet-hours-time.ts';
import type { QuietHours } from './quiet-hours-time.ts';

/** The policy's quiet hours; overrides are optional so a bare `{ start, end }` is a valid policy too. */
export interface QuietHoursRules extends QuietHours {
  channels?: Partial<Record<Channel, QuietHours>>;
  countries?: Record<string, QuietHours & { channels?: Partial<Record<Channel, QuietHours>> }>;
}

export interface QuietHoursTarget {
  channel: Channel;
  /** ISO 3166-1 alpha-2 code; unknown countries get the channel or default window. */
  country?: string | null;
}

/** A window with where it came from, for verdicts and send reasons (`default`, `sms`, `CN`, `CN sms`). */
export interface ScopedQuietHours extends QuietHours {
  scope: string;
}

export function quietHoursFor(rules: QuietHoursRules, { channel, country }: QuietHoursTarget): ScopedQuietHours {
  const code = country?.trim().toUpperCase() || null;
  const byCountry = code ? rules.countries?.[code] : undefined;
  const countryChannel = byCountry?.channels?.[channel];
  if (countryChannel) return { start: countryChannel.start, end: countryChannel.end, scope: `${code} ${channel}` };
  if (byCountry) return { start: byCountry.start, end: byCountry.end, scope: code! };
  const byChannel = rules.channels?.[channel];
  if (byChannel) return { start: byChannel.start, end: byChannel.end, scope: channel };
  return { start: rules.start, end: rules.end, scope: 'default' };
}

/**
 * The distinct windows the messages of a plan meet: every planned channel in every recipient country.
 * Without known countries, every country the policy names counts (the cautious reading).
 */
export function quietHoursInAudience(
  rules: QuietHoursRules,
  { channels, countries }: { channels: readonly Channel[]; countries?: ReadonlyArray<string | null> },
): ScopedQuietHours[] {
  const places: Array<string | null> = countries ? [...countries] : [null, ...Object.keys(rules.countries ?? {})];
  const found = new Map<string, ScopedQuietHours>();
  for (const channel of channels) {
    for (const country of places) {
      const window = quietHoursFor(rules, { channel, country });
      const key = `${window.start}-${window.end}`;
      if (!found.has(key)) found.set(key, window);
    }
  }
  // The default first, then by scope, so verdicts read the same whatever order the audience came in.
  return [...found.values()].sort((a, b) => Number(a.scope !== 'default') - Number(b.scope !== 'default') || a.scope.localeCompare(b.scope));
}

/** The first of `windows` that `localDateTime` falls in, or null. */
export function windowContaining(localDateTime: string, windows: readonly ScopedQuietHours[]): ScopedQuietHours | null {
  return windows.find((window) => isWithinQuietHours(localDateTime.slice(11, 16), window)) ?? null;
}

/**
 * The earliest wall-clock date-time at or after `localDateTime` outside every window, or null when
 * together they leave no allowed minute within two days.
 */
export function nextAllowedUnderAll(localDateTime: string, windows: readonly QuietHours[]): string | null {
  const limit = `${addDays(localDateTime.slice(0, 10), 2)}${localDateTime.slice(10)}`;
  let current = localDateTime;
  for (;;) {
    let moved = current;
    for (const window of windows) moved = nextAllowedLocalTime(moved, window);
    if (moved === current) return current;
    if (minutesBetween(moved, limit) < 0) return null;
    current = moved;
  }
}
