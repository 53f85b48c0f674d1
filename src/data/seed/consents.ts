// Consent per channel for a demo customer (where and when it was given or withdrawn) and the rare
// suppression. Opt-in rates: e-mail ~70%, SMS ~55%, push ~45% (app users only), WeCom ~30% of zh
// customers (zh only); a few percent have withdrawn, and unsubscribes later withdraw more.
import type { Channel } from '../../domain/vocabulary.ts';
import type { CustomerProfile } from './customers.ts';
import { pickWeighted } from './random.ts';
import type { Random } from './random.ts';
import type { SeedCalendar } from './seasonality.ts';

export type ConsentSource = 'signup' | 'checkout' | 'preference_center' | 'import';

export interface ConsentState {
  channel: Channel;
  granted: boolean;
  source: ConsentSource;
  recordedAtMs: number;
}

export interface Suppression {
  /** null: every channel. */
  channel: Channel | null;
  reason: string;
  createdAtMs: number;
}

interface ChannelConsentRule {
  channel: Channel;
  /** Whether the customer can be asked at all on this channel. */
  eligible(profile: CustomerProfile): boolean;
  grantedChance: number;
  withdrawnChance: number;
}

const RULES: readonly ChannelConsentRule[] = [
  { channel: 'email', eligible: (profile) => profile.email !== null, grantedChance: 0.77, withdrawnChance: 0.07 },
  { channel: 'sms', eligible: (profile) => profile.phone !== null, grantedChance: 0.62, withdrawnChance: 0.06 },
  { channel: 'push', eligible: (profile) => profile.traits.appUser, grantedChance: 0.73, withdrawnChance: 0.08 },
  { channel: 'wecom', eligible: (profile) => profile.locale === 'zh', grantedChance: 0.31, withdrawnChance: 0.04 },
];

const GRANT_SOURCES: ReadonlyArray<readonly [ConsentSource, number]> = [
  ['signup', 55],
  ['checkout', 20],
  ['preference_center', 12],
  ['import', 13],
];

function between(random: Random, fromMs: number, toMs: number): number {
  return fromMs + Math.floor(random.next() * Math.max(0, toMs - fromMs));
}

function grantTime(source: ConsentSource, profile: CustomerProfile, calendar: SeedCalendar, random: Random): number {
  const lastMs = calendar.asOfMs - 60_000;
  switch (source) {
    case 'signup':
    case 'import':
      return Math.min(lastMs, profile.createdAtMs + random.int(0, 600) * 1000);
    case 'checkout':
      return between(random, profile.createdAtMs, Math.min(lastMs, profile.createdAtMs + 90 * 86_400_000));
    case 'preference_center':
      return between(random, profile.createdAtMs, lastMs);
  }
}

export function generateConsents(profile: CustomerProfile, calendar: SeedCalendar, random: Random): ConsentState[] {
  const consents: ConsentState[] = [];
  for (const rule of RULES) {
    if (!rule.eligible(profile)) continue;
    const draw = random.next();
    if (draw < rule.grantedChance) {
      const source = pickWeighted(random, GRANT_SOURCES, ([, weight]) => weight)[0];
      consents.push({ channel: rule.channel, granted: true, source, recordedAtMs: grantTime(source, profile, calendar, random) });
    } else if (draw < rule.grantedChance + rule.withdrawnChance) {
      consents.push({
        channel: rule.channel,
        granted: false,
        source: 'preference_center',
        recordedAtMs: between(random, profile.createdAtMs, calendar.asOfMs - 60_000),
      });
    }
  }
  return consents;
}

const SUPPRESSION_REASONS: ReadonlyArray<readonly [reason: string, channel: Channel | null, weight: number]> = [
  ['hard_bounce', 'email', 40],
  ['invalid_number', 'sms', 25],
  ['complaint', null, 20],
  ['do_not_contact', null, 15],
];

/** About 1.2% of customers are suppressed, on one channel or all of them. */
export function generateSuppression(profile: CustomerProfile, calendar: SeedCalendar, random: Random): Suppression | null {
  if (!random.chance(0.012)) return null;
  const [reason, channel] = pickWeighted(random, SUPPRESSION_REASONS, ([, , weight]) => weight);
  if (channel === 'email' && profile.email === null) return null;
  if (channel === 'sms' && profile.phone === null) return null;
  const fromMs = Math.max(profile.createdAtMs, calendar.windowStartMs);
  return { channel, reason, createdAtMs: between(random, fromMs, calendar.asOfMs - 60_000) };
}
