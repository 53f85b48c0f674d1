// The checks a send passes at the moment it goes out, not only when the campaign was planned: the
// campaign is still live, a trigger's exit condition has not happened, the recipient still consents
// and is not suppressed, can be reached, is outside quiet hours in their own zone, and is under the
// frequency cap counting messages already sent. Quiet hours are the window for the send's channel
// and the recipient's country. Pure: facts and the clock in, a decision out.
import { DateTime } from 'luxon';
import { holdOutOfQuietHours } from '../../../tools/schedule/send-time.ts';
import type { Policy } from '../../domain/policy.ts';
import { quietHoursFor, type QuietHoursRules } from '../../guardrails/quiet-hours-for.ts';
import type { Channel, EventType } from '../../domain/vocabulary.ts';

export interface SendFacts {
  channel: Channel;
  sendAt: Date;
  campaignStatus: string;
  timeZone: string;
  /** The recipient's country code, for per-country quiet hours; null when unknown. */
  country: string | null;
  email: string | null;
  phone: string | null;
  consentGranted: boolean;
  /** Why the customer is suppressed on this channel (or on all), when they are. */
  suppression: string | null;
  /** Messages sent to the customer in the cap window before now, not counting this one. */
  sentInCapWindow: number;
  /** For a trigger send: what set it off and the exit event that cancels it, if one happened since. */
  trigger: { event: string; exitEvent: EventType | null; exitedAt: Date | null } | null;
}

export type SendDecision =
  | { action: 'send' }
  | { action: 'suppress'; reason: string }
  | { action: 'cancel'; reason: string }
  | { action: 'reschedule'; sendAt: Date; reason: string };

export interface SendCheckOptions {
  policy: { quietHours: QuietHoursRules; frequencyCap: Policy['frequencyCap'] };
  now: Date;
  /** A send this little ahead of its time counts as due (clocks of workers and database differ slightly). */
  earlyToleranceMs?: number;
}

const LIVE_CAMPAIGN_STATUSES = new Set(['scheduled', 'running']);

function localTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm");
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function decideSend(facts: SendFacts, { policy, now, earlyToleranceMs = 5000 }: SendCheckOptions): SendDecision {
  if (!LIVE_CAMPAIGN_STATUSES.has(facts.campaignStatus)) {
    return { action: 'cancel', reason: `campaign.status: the campaign is ${facts.campaignStatus}` };
  }
  if (facts.trigger?.exitEvent && facts.trigger.exitedAt) {
    return {
      action: 'cancel',
      reason: `trigger.exit: ${facts.trigger.exitEvent} at ${facts.trigger.exitedAt.toISOString()} after ${facts.trigger.event}`,
    };
  }
  if (facts.sendAt.getTime() > now.getTime() + earlyToleranceMs) {
    return { action: 'reschedule', sendAt: facts.sendAt, reason: 'not due yet' };
  }
  if (!facts.consentGranted) {
    return { action: 'suppress', reason: `consent.channel: no consent for ${facts.channel} at send time` };
  }
  if (facts.suppression !== null) {
    return { action: 'suppress', reason: `suppression: ${facts.suppression}` };
  }
  if (facts.channel === 'email' && !facts.email) return { action: 'suppress', reason: 'contact.missing: no e-mail address' };
  if (facts.channel === 'sms' && !facts.phone) return { action: 'suppress', reason: 'contact.missing: no phone number' };

  const quietHours = quietHoursFor(policy.quietHours, facts);
  const allowed = holdOutOfQuietHours(now, facts.timeZone, quietHours);
  if (allowed.getTime() !== now.getTime()) {
    const { start, end, scope } = quietHours;
    const which = scope === 'default' ? '' : ` (${scope})`;
    return {
      action: 'reschedule',
      sendAt: allowed,
      reason: `quiet_hours.local_time: ${localTime(now, facts.timeZone)} is inside quiet hours ${start}-${end}${which} in ${facts.timeZone}; moved to ${localTime(allowed, facts.timeZone)}`,
    };
  }
  const { maxMessages, windowDays } = policy.frequencyCap;
  if (facts.sentInCapWindow >= maxMessages) {
    return {
      action: 'suppress',
      reason: `frequency.cap: ${plural(facts.sentInCapWindow, 'message')} already sent in the last ${plural(windowDays, 'day')} (cap ${maxMessages})`,
    };
  }
  return { action: 'send' };
}
