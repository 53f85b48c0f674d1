// Turns trigger events into sends for a trigger campaign: one per customer per UTC day (the step is
// the day number, so a customer can be triggered again on a later day but never twice for one
// event), at the event time plus the delay, held out of the recipient's quiet hours. Pure.
import { createHash } from 'node:crypto';
import { holdOutOfQuietHours } from '../../../tools/schedule/send-time.ts';
import type { Channel } from '../../domain/vocabulary.ts';
import { quietHoursFor, type QuietHoursRules } from '../../guardrails/quiet-hours-for.ts';

export interface TriggerEvent {
  id: number;
  customerId: string;
  occurredAt: Date;
}

export interface TriggerRecipient {
  channel: Channel;
  timeZone: string;
  /** Country code for per-country quiet hours; null or absent when unknown. */
  country?: string | null;
}

export interface TriggerSend {
  customerId: string;
  step: number;
  channel: Channel;
  variant: string;
  sendAt: Date;
  triggeredAt: Date;
  triggerEventId: number;
}

export interface PlanTriggerSendsOptions {
  events: readonly TriggerEvent[];
  /** Segment members reachable on a planned channel, by customer id. */
  recipients: ReadonlyMap<string, TriggerRecipient>;
  /** The campaign's copy variants per channel. */
  variants: Partial<Record<Channel, readonly string[]>>;
  delayMinutes: number;
  /** The policy's quiet hours; each send gets the window of its channel and recipient country. */
  quietHours: QuietHoursRules;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of an instant: the step of a trigger send. */
export function triggerStep(occurredAt: Date): number {
  return Math.floor(occurredAt.getTime() / DAY_MS);
}

/** A channel's variant for a customer, by a hash of their id: stable and evenly split. */
export function variantFor(customerId: string, variants: readonly string[]): string | null {
  const sorted = [...variants].sort();
  if (sorted.length === 0) return null;
  return sorted[createHash('sha1').update(customerId).digest().readUInt32BE(0) % sorted.length]!;
}

export function planTriggerSends({ events, recipients, variants, delayMinutes, quietHours }: PlanTriggerSendsOptions): TriggerSend[] {
  const byKey = new Map<string, TriggerSend>();
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id);
  for (const event of ordered) {
    const recipient = recipients.get(event.customerId);
    if (!recipient) continue;
    const variant = variantFor(event.customerId, variants[recipient.channel] ?? []);
    if (!variant) continue;
    const step = triggerStep(event.occurredAt);
    const key = `${event.customerId}:${step}`;
    if (byKey.has(key)) continue;
    const due = new Date(event.occurredAt.getTime() + delayMinutes * 60_000);
    byKey.set(key, {
      customerId: event.customerId,
      step,
      channel: recipient.channel,
      variant,
      sendAt: holdOutOfQuietHours(due, recipient.timeZone, quietHoursFor(quietHours, recipient)),
      triggeredAt: event.occurredAt,
      triggerEventId: event.id,
    });
  }
  return [...byKey.values()];
}
