// A campaign for delivery benchmarks: `sends` consenting customers in a zone where it is about noon
// (so quiet hours never hold a send back), half of them in an e-mail campaign and half in an SMS
// campaign, each send due a minute ago. Returns the campaigns and the key of every send
// (`${campaign}:${customer}:${step}`, the idempotency key its message carries).
import { queueSends, saveCampaign, saveMessages } from '../../data/campaigns.ts';
import type { Database } from '../../data/database.ts';
import type { Channel } from '../../domain/vocabulary.ts';
import { sendJobKey } from '../queue/job-keys.ts';

export interface BenchCampaigns {
  campaignIds: string[];
  /** Every send's idempotency key. */
  sendKeys: string[];
}

/** A fixed-offset zone where it is about noon at `now`. */
export function zoneAtNoon(now: Date): string {
  const offset = ((12 - now.getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export async function insertBenchCampaigns(db: Database, { prefix, sends, now = new Date() }: { prefix: string; sends: number; now?: Date }): Promise<BenchCampaigns> {
  const zone = zoneAtNoon(now);
  const half = Math.ceil(sends / 2);
  const campaigns: Array<{ id: string; channel: Channel; count: number }> = [
    { id: `${prefix}-email`, channel: 'email', count: half },
    { id: `${prefix}-sms`, channel: 'sms', count: sends - half },
  ];
  const sendKeys: string[] = [];
  for (const campaign of campaigns) {
    const customerPrefix = `${campaign.id}-c`;
    await db.query(
      `INSERT INTO customers (id, first_name, email, phone, time_zone, locale)
       SELECT $1 || n, 'N' || n, $1 || n || '@example.test', '+861380' || lpad(n::text, 7, '0'), $2, 'en' FROM generate_series(1, $3) AS n`,
      [customerPrefix, zone, campaign.count],
    );
    await db.query(
      `INSERT INTO consents (customer_id, channel, granted, source, recorded_at)
       SELECT $1 || n, $2, true, 'bench', now() - interval '30 days' FROM generate_series(1, $3) AS n`,
      [customerPrefix, campaign.channel, campaign.count],
    );
    const customerIds = Array.from({ length: campaign.count }, (_, index) => `${customerPrefix}${index + 1}`);
    await db.transaction(async (tx) => {
      await saveCampaign(tx, {
        id: campaign.id,
        threadId: null,
        name: `Bench ${campaign.id}`,
        status: 'scheduled',
        objective: 'winback',
        channels: [campaign.channel],
        brief: { channels: [campaign.channel], locale: 'en' },
        segmentDefinition: { version: 1, root: { kind: 'profile', field: 'locale', values: ['en'] } },
        plan: {
          schedule: {
            kind: 'at',
            summary: 'bench',
            localDateTime: null,
            timeZoneHandling: 'recipient_local',
            quietHours: { start: '21:00', end: '08:00' },
            trigger: null,
            firstSendUtc: now.toISOString(),
            lastSendUtc: now.toISOString(),
          },
        },
        createdBy: 'bench',
        approvedBy: 'bench',
      });
      await saveMessages(tx, campaign.id, [
        { channel: campaign.channel, variant: 'A', title: campaign.channel === 'email' ? 'Hi {{first_name}}' : null, text: 'Hi {{first_name}}, 10% off this week. {{unsubscribe_url}}' },
      ]);
      const sendAt = new Date(now.getTime() - 60_000);
      await queueSends(tx, campaign.id, 0, customerIds.map((customerId) => ({ customerId, channel: campaign.channel, variant: 'A', sendAt })));
    });
    sendKeys.push(...customerIds.map((customerId) => sendJobKey({ campaignId: campaign.id, customerId, step: 0 })));
  }
  return { campaignIds: campaigns.map((campaign) => campaign.id), sendKeys };
}
