// The trigger scanner: for each live trigger campaign, reads the trigger events that arrived since
// its last scan (re-reading a short overlap for late events), keeps those from segment members
// reachable on a planned channel, and queues their sends. Re-reading is harmless: a send is unique
// per (campaign, customer, step).
import { selectRecipients } from '../../../tools/segments/audience-facts.ts';
import type { Database } from '../../data/database.ts';
import type { Brief } from '../../domain/brief.ts';
import type { Schedule } from '../../domain/plan.ts';
import type { Policy } from '../../domain/policy.ts';
import type { SegmentDefinition } from '../../domain/segment.ts';
import type { Channel } from '../../domain/vocabulary.ts';
import { planTriggerSends, type TriggerEvent, type TriggerRecipient } from './trigger-sends.ts';

export interface TriggerScanOptions {
  now: Date;
  policy: Pick<Policy, 'quietHours' | 'minors' | 'frequencyCap'>;
  /** Events up to this many minutes before the last scan are read again. */
  overlapMinutes: number;
}

interface TriggerCampaignRow extends Record<string, unknown> {
  id: string;
  brief: Brief;
  trigger: NonNullable<Schedule['trigger']>;
  segment_definition: SegmentDefinition;
  went_live: Date;
  live_from: Date | null;
  scanned_until: Date | null;
}

async function scanCampaign(db: Database, campaign: TriggerCampaignRow, { now, policy, overlapMinutes }: TriggerScanOptions): Promise<number> {
  const liveFrom = campaign.live_from ? new Date(campaign.live_from) : new Date(Math.min(new Date(campaign.went_live).getTime(), now.getTime()));
  const rescanFrom = campaign.scanned_until ? new Date(campaign.scanned_until).getTime() - overlapMinutes * 60_000 : liveFrom.getTime();
  const from = new Date(Math.max(liveFrom.getTime(), rescanFrom));
  const { rows: eventRows } = await db.query<{ id: number; customer_id: string; occurred_at: Date }>(
    'SELECT id, customer_id, occurred_at FROM events WHERE type = $1 AND occurred_at > $2 AND occurred_at <= $3 ORDER BY occurred_at, id',
    [campaign.trigger.event, from.toISOString(), now.toISOString()],
  );
  const events: TriggerEvent[] = eventRows.map((row) => ({ id: Number(row.id), customerId: row.customer_id, occurredAt: new Date(row.occurred_at) }));

  let sends: ReturnType<typeof planTriggerSends> = [];
  if (events.length > 0) {
    const members = await selectRecipients(db, {
      definition: campaign.segment_definition,
      asOf: now,
      channels: campaign.brief.channels,
      minimumAge: policy.minors.minimumAge,
      frequencyCap: policy.frequencyCap,
      sendAt: now,
      exclude: { minors: true, overFrequencyCap: false },
    });
    const triggered = new Set(events.map((event) => event.customerId));
    const recipients = new Map<string, TriggerRecipient>(
      members.filter((member) => triggered.has(member.customerId)).map((member) => [member.customerId, { channel: member.channel, timeZone: member.timeZone, country: member.country }]),
    );
    const { rows: copy } = await db.query<{ channel: Channel; variant: string }>('SELECT channel, variant FROM messages WHERE campaign_id = $1', [campaign.id]);
    const variants: Partial<Record<Channel, string[]>> = {};
    for (const row of copy) (variants[row.channel] ??= []).push(row.variant);
    sends = planTriggerSends({ events, recipients, variants, delayMinutes: campaign.trigger.delayMinutes, quietHours: policy.quietHours });
  }

  return db.transaction(async function queueTriggerSends(tx) {
    let added = 0;
    if (sends.length > 0) {
      const result = await tx.query(
        `INSERT INTO sends (campaign_id, customer_id, step, channel, variant, send_at, triggered_at, trigger_event_id)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::bigint[])
         ON CONFLICT (campaign_id, customer_id, step) DO NOTHING`,
        [
          campaign.id,
          sends.map((send) => send.customerId),
          sends.map((send) => send.step),
          sends.map((send) => send.channel),
          sends.map((send) => send.variant),
          sends.map((send) => send.sendAt.toISOString()),
          sends.map((send) => send.triggeredAt.toISOString()),
          sends.map((send) => send.triggerEventId),
        ],
      );
      added = result.affectedRows;
    }
    await tx.query(
      `INSERT INTO trigger_scans (campaign_id, live_from, scanned_until) VALUES ($1, $2, $3)
       ON CONFLICT (campaign_id) DO UPDATE SET scanned_until = GREATEST(trigger_scans.scanned_until, EXCLUDED.scanned_until)`,
      [campaign.id, liveFrom.toISOString(), now.toISOString()],
    );
    return added;
  });
}

/** Scans every live trigger campaign; returns how many sends were queued. */
export async function scanTriggerCampaigns(db: Database, options: TriggerScanOptions): Promise<number> {
  const { rows } = await db.query<TriggerCampaignRow>(
    `SELECT c.id, c.brief, c.plan->'schedule'->'trigger' AS trigger, c.segment_definition,
            coalesce(c.approved_at, c.created_at) AS went_live, t.live_from, t.scanned_until
       FROM campaigns c LEFT JOIN trigger_scans t ON t.campaign_id = c.id
      WHERE c.status IN ('scheduled', 'running') AND c.plan->'schedule'->>'kind' = 'trigger'
        AND jsonb_typeof(c.plan->'schedule'->'trigger') = 'object'
      ORDER BY c.id`,
  );
  let queued = 0;
  for (const campaign of rows) queued += await scanCampaign(db, campaign, options);
  return queued;
}
