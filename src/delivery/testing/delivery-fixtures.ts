// Small, explicit data for delivery tests: a few customers with consent, one campaign with its copy,
// and (for one-off campaigns) a queued send per customer. Faster and plainer than the demo seed.
import { queueSends, saveCampaign, saveMessages } from '../../data/campaigns.ts';
import type { Database } from '../../data/database.ts';
import type { Schedule } from '../../domain/plan.ts';
import type { SegmentDefinition } from '../../domain/segment.ts';
import type { Channel, Locale } from '../../domain/vocabulary.ts';

export interface FixtureCustomer {
  id: string;
  firstName?: string | null;
  email?: string | null;
  phone?: string | null;
  timeZone?: string;
  locale?: Locale;
  /** Channels the customer consented to (default: the campaign's channels). */
  consents?: Channel[];
}

export interface FixtureCampaign {
  id: string;
  channel: Channel;
  customers: FixtureCustomer[];
  copy: Array<{ variant: string; title: string | null; text: string }>;
  /** When the one-off sends go out; null for a trigger campaign (no sends until events arrive). */
  sendAt: Date | null;
  trigger?: Schedule['trigger'];
  segment?: SegmentDefinition;
  locale?: Locale;
  status?: 'scheduled' | 'running' | 'cancelled';
  /** When the campaign was approved: a trigger campaign reacts to events from then on. */
  approvedAt?: Date;
}

const EVERYONE: SegmentDefinition = { version: 1, root: { kind: 'profile', field: 'locale', values: ['en', 'zh'] } };

function scheduleFor(fixture: FixtureCampaign): Schedule {
  return {
    kind: fixture.trigger ? 'trigger' : 'at',
    summary: 'test schedule',
    localDateTime: null,
    timeZoneHandling: 'recipient_local',
    quietHours: { start: '21:00', end: '08:00' },
    trigger: fixture.trigger ?? null,
    firstSendUtc: fixture.sendAt?.toISOString() ?? null,
    lastSendUtc: fixture.sendAt?.toISOString() ?? null,
  };
}

export async function insertCustomers(db: Database, customers: readonly FixtureCustomer[], defaultChannel: Channel, recordedAt: Date): Promise<void> {
  for (const customer of customers) {
    await db.query(
      `INSERT INTO customers (id, first_name, email, phone, time_zone, locale) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [customer.id, customer.firstName ?? null, customer.email ?? `${customer.id.toLowerCase()}@example.test`, customer.phone ?? null, customer.timeZone ?? 'Asia/Shanghai', customer.locale ?? 'en'],
    );
    for (const channel of customer.consents ?? [defaultChannel]) {
      await db.query(
        `INSERT INTO consents (customer_id, channel, granted, source, recorded_at) VALUES ($1, $2, true, 'test', $3) ON CONFLICT (customer_id, channel) DO NOTHING`,
        [customer.id, channel, recordedAt.toISOString()],
      );
    }
  }
}

/** Inserts the customers, the campaign and its copy, and queues one send per customer when `sendAt` is given. Returns the send ids. */
export async function insertFixtureCampaign(db: Database, fixture: FixtureCampaign): Promise<number[]> {
  await insertCustomers(db, fixture.customers, fixture.channel, new Date('2026-01-01T00:00:00Z'));
  const locale = fixture.locale ?? 'en';
  await db.transaction(async (tx) => {
    await saveCampaign(tx, {
      id: fixture.id,
      threadId: null,
      name: `Test ${fixture.id}`,
      status: fixture.status ?? 'scheduled',
      objective: fixture.trigger ? 'cart_recovery' : 'winback',
      channels: [fixture.channel],
      brief: { channels: [fixture.channel], locale },
      segmentDefinition: fixture.segment ?? EVERYONE,
      plan: { schedule: scheduleFor(fixture) },
      createdBy: 'test',
      approvedBy: 'olga',
    });
    await saveMessages(tx, fixture.id, fixture.copy.map((message) => ({ channel: fixture.channel, ...message })));
    if (fixture.sendAt) {
      const variants = fixture.copy.map((message) => message.variant);
      await queueSends(
        tx,
        fixture.id,
        0,
        fixture.customers.map((customer, index) => ({ customerId: customer.id, channel: fixture.channel, variant: variants[index % variants.length]!, sendAt: fixture.sendAt! })),
      );
    }
  });
  if (fixture.approvedAt) await db.query('UPDATE campaigns SET approved_at = $2 WHERE id = $1', [fixture.id, fixture.approvedAt.toISOString()]);
  const { rows } = await db.query<{ id: number }>('SELECT id FROM sends WHERE campaign_id = $1 ORDER BY customer_id, step', [fixture.id]);
  return rows.map((row) => Number(row.id));
}
