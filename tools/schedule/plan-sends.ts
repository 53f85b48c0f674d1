// The sends a scheduled campaign queues: for each recipient, their arm (holdout or a copy variant of
// their channel, see assign-arm.ts) and the instant of each step in their own zone, held out of the
// quiet hours of their channel and country. Held-out recipients get a row too (status `holdout`,
// never delivered) at the time they would have been messaged, so outcomes can compare the arms. Pure.
import type { PlannedMessage, Schedule } from '../../src/domain/plan.ts';
import type { Channel } from '../../src/domain/vocabulary.ts';
import { quietHoursFor, type QuietHoursRules } from '../../src/guardrails/quiet-hours-for.ts';
import { assignArm, HOLDOUT_ARM } from './assign-arm.ts';
import { sendInstantFor } from './send-time.ts';

export interface SendRecipient {
  customerId: string;
  channel: Channel;
  timeZone: string;
  country?: string | null;
}

export interface PlannedSend {
  customerId: string;
  step: number;
  channel: Channel;
  variant: string;
  status: 'queued' | 'holdout';
  sendAt: Date;
}

export interface PlanSendsOptions {
  campaignId: string;
  recipients: readonly SendRecipient[];
  schedule: Schedule;
  copy: ReadonlyArray<Pick<PlannedMessage, 'channel' | 'variant'>>;
  quietHours: QuietHoursRules;
  /** Share of recipients held out (the forecast's recommended holdout); 0: none. */
  holdoutShare?: number;
  /** Allocation between variants per channel (a bandit's); default an even split. */
  weights?: Partial<Record<Channel, Record<string, number>>>;
  now: Date;
}

/** The wall-clock time of each step: one for a one-off send, one per occurrence for a recurring one. */
export function stepSchedules(schedule: Schedule): Schedule[] {
  const occurrences = schedule.recurrence?.occurrences ?? [];
  if (schedule.kind !== 'recurring' || occurrences.length === 0) return [schedule];
  return occurrences.map((localDateTime) => ({ ...schedule, kind: 'at' as const, localDateTime }));
}

export function planSends({ campaignId, recipients, schedule, copy, quietHours, holdoutShare = 0, weights, now }: PlanSendsOptions): PlannedSend[] {
  const variantsByChannel = new Map<Channel, string[]>();
  for (const message of copy) variantsByChannel.set(message.channel, [...(variantsByChannel.get(message.channel) ?? []), message.variant]);
  const steps = stepSchedules(schedule);
  const sends: PlannedSend[] = [];
  for (const recipient of recipients) {
    const arm = assignArm({
      campaignId,
      customerId: recipient.customerId,
      variants: variantsByChannel.get(recipient.channel) ?? [],
      holdoutShare,
      weights: weights?.[recipient.channel],
    });
    if (!arm) continue;
    const window = quietHoursFor(quietHours, recipient);
    steps.forEach((stepSchedule, step) => {
      const sendAt = sendInstantFor({ schedule: stepSchedule, timeZone: recipient.timeZone, now, quietHours: window });
      if (!sendAt) return;
      sends.push({
        customerId: recipient.customerId,
        step,
        channel: recipient.channel,
        variant: arm.kind === 'holdout' ? HOLDOUT_ARM : arm.variant,
        status: arm.kind === 'holdout' ? 'holdout' : 'queued',
        sendAt,
      });
    });
  }
  return sends;
}
