// How a demo customer answered the routine marketing of the last 180 days: a weekly e-mail, push
// and WeCom message, a monthly SMS and extra sends on the big shopping days, to the channels they
// had consented to; opens, clicks, and the occasional unsubscribe, which withdraws that consent.
import type { Channel, Locale } from '../../domain/vocabulary.ts';
import type { ConsentState, Suppression } from './consents.ts';
import type { CustomerProfile } from './customers.ts';
import type { Random } from './random.ts';
import { localMinuteToUtcMs } from './seasonality.ts';
import type { SeedCalendar } from './seasonality.ts';
import { isoTime } from './seed-tables.ts';
import type { CustomerRows } from './seed-tables.ts';

interface MarketingSend {
  channel: Channel;
  day: number;
  /** Local send time, minutes after midnight. */
  localMinute: number;
}

interface ChannelResponse {
  /** Chance an average customer opens a message (0: the channel reports no opens). */
  open: number;
  /** Chance of a click after an open, or per message when there are no opens. */
  click: number;
  /** Chance one message makes an average customer unsubscribe. */
  unsubscribe: number;
}

const RESPONSE: Readonly<Record<Channel, ChannelResponse>> = {
  email: { open: 0.16, click: 0.15, unsubscribe: 0.0012 },
  push: { open: 0.07, click: 0.35, unsubscribe: 0 },
  wecom: { open: 0.3, click: 0.18, unsubscribe: 0 },
  sms: { open: 0, click: 0.02, unsubscribe: 0.0025 },
};

const CHANNEL_PROPERTIES: Readonly<Record<Channel, string>> = {
  email: '{"channel":"email"}',
  push: '{"channel":"push"}',
  wecom: '{"channel":"wecom"}',
  sms: '{"channel":"sms"}',
};

/** Days on which the calendar says people buy at least this much more are campaign days. */
const BIG_DAY_FACTOR = 2.4;

const schedules = new WeakMap<SeedCalendar, Record<Locale, MarketingSend[]>>();

function scheduleFor(calendar: SeedCalendar, locale: Locale): MarketingSend[] {
  let byLocale = schedules.get(calendar);
  if (!byLocale) {
    byLocale = { zh: buildSchedule(calendar, 'zh'), en: buildSchedule(calendar, 'en') };
    schedules.set(calendar, byLocale);
  }
  return byLocale[locale];
}

function buildSchedule(calendar: SeedCalendar, locale: Locale): MarketingSend[] {
  const sends: MarketingSend[] = [];
  for (let day = 0; day < calendar.dayCount; day++) {
    const date = new Date(calendar.dayStartMs[day] as number);
    const weekday = date.getUTCDay();
    if (weekday === 4) sends.push({ channel: 'email', day, localMinute: 10 * 60 });
    if (weekday === 6) sends.push({ channel: 'push', day, localMinute: 19 * 60 + 30 });
    if (weekday === 5 && locale === 'zh') sends.push({ channel: 'wecom', day, localMinute: 12 * 60 });
    if (date.getUTCDate() === 1) sends.push({ channel: 'sms', day, localMinute: 11 * 60 });
    if ((calendar.purchaseFactor[locale][day] as number) >= BIG_DAY_FACTOR) {
      sends.push({ channel: 'email', day, localMinute: 9 * 60 }, { channel: 'push', day, localMinute: 20 * 60 });
      sends.push({ channel: 'sms', day, localMinute: 10 * 60 + 30 });
      if (locale === 'zh') sends.push({ channel: 'wecom', day, localMinute: 20 * 60 + 30 });
    }
  }
  return sends;
}

function suppressedAt(suppression: Suppression | null, channel: Channel, atMs: number): boolean {
  return suppression !== null && (suppression.channel === null || suppression.channel === channel) && suppression.createdAtMs <= atMs;
}

export interface EngagementSummary {
  events: number;
}

/** Writes opens, clicks and unsubscribes into `rows`; unsubscribes update `consents` in place. */
export function simulateEngagement(
  profile: CustomerProfile,
  consents: ConsentState[],
  suppression: Suppression | null,
  calendar: SeedCalendar,
  random: Random,
  rows: CustomerRows,
): EngagementSummary {
  const earliestMs = Math.max(profile.createdAtMs, calendar.windowStartMs);
  const engagement = profile.traits.engagement;
  let events = 0;
  const addEvent = (type: string, atMs: number, channel: Channel): void => {
    if (atMs >= calendar.asOfMs) return;
    rows.events.push([profile.id, type, isoTime(atMs), null, CHANNEL_PROPERTIES[channel]]);
    events++;
  };
  for (const send of scheduleFor(calendar, profile.locale)) {
    const consent = consents.find((candidate) => candidate.channel === send.channel);
    if (!consent?.granted) continue;
    const sentMs = localMinuteToUtcMs(calendar, profile.timeZone, send.day, send.localMinute);
    if (sentMs < earliestMs || sentMs < consent.recordedAtMs || sentMs >= calendar.asOfMs) continue;
    if (suppressedAt(suppression, send.channel, sentMs)) continue;
    const response = RESPONSE[send.channel];
    if (response.unsubscribe > 0 && random.chance(Math.min(0.02, response.unsubscribe / Math.sqrt(engagement)))) {
      const atMs = sentMs + random.int(2, 240) * 60_000;
      if (atMs < calendar.asOfMs) {
        consent.granted = false;
        consent.source = 'preference_center';
        consent.recordedAtMs = atMs;
        addEvent('unsubscribe', atMs, send.channel);
      }
      continue;
    }
    if (response.open === 0) {
      if (random.chance(Math.min(0.5, response.click * engagement))) addEvent('click', sentMs + random.int(1, 120) * 60_000, send.channel);
      continue;
    }
    if (!random.chance(Math.min(0.9, response.open * engagement))) continue;
    const openedMs = sentMs + Math.round(Math.min(3 * 1440, random.logNormal(Math.log(90), 1)) * 60_000);
    addEvent('open', openedMs, send.channel);
    if (random.chance(response.click)) addEvent('click', openedMs + random.int(30, 600) * 1000, send.channel);
  }
  return { events };
}
