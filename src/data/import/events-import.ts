// Importing an events file: one row per event (customer, type, time, optional product and event id).
// Unknown customers are created. An event is identified by its source event id when the file has
// one, otherwise by customer, type, time and product; an event already stored is not stored again,
// so importing the same file twice adds nothing. Columns no field reads become event properties.
import type { Queryable } from '../database.ts';
import { readEventType, readInstant } from './field-values.ts';
import { type ApplyContext, countWritten, extraValues, type KindImporter, NO_WRITES, type RowContext, STAGING_TABLE, type WrittenCounts } from './staging.ts';

/** The property an event's source id is kept in. */
export const SOURCE_EVENT_ID = 'source_event_id';

export const eventsImporter: KindImporter = {
  columns: [
    { name: 'customer_id', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'product_id', type: 'text' },
    { name: 'event_id', type: 'text' },
    { name: 'properties', type: 'jsonb' },
  ],
  dateFields: [{ field: 'occurred_at', type: 'instant' }],

  readRow(context: RowContext): unknown[] {
    const { reader } = context;
    // With an event id column, the id is what makes an event the same one on a second import.
    const eventId = reader.has('event_id') ? reader.required('event_id') : null;
    const properties: Record<string, string> = { ...extraValues(context), ...(eventId === null ? {} : { [SOURCE_EVENT_ID]: eventId }) };
    return [
      reader.required('customer_id'),
      readEventType(reader.required('type'), reader.column('type')),
      readInstant(reader.required('occurred_at'), reader.column('occurred_at'), context.dateFormats.occurred_at ?? 'iso', context.timeZone),
      reader.text('product_id'),
      eventId,
      JSON.stringify(properties),
    ];
  },

  async findConflicts(): Promise<[]> {
    return [];
  },

  async apply(tx: Queryable, { mapped }: ApplyContext): Promise<WrittenCounts> {
    const customers = await countWritten(
      tx,
      `INSERT INTO customers (id) SELECT DISTINCT customer_id FROM ${STAGING_TABLE} ON CONFLICT (id) DO NOTHING RETURNING (xmax = 0) AS inserted`,
    );
    const byEventId = mapped.has('event_id');
    const identity = byEventId ? 'staged.event_id' : 'staged.customer_id, staged.type, staged.occurred_at, staged.product_id';
    const sameEvent = byEventId ? `stored.properties ->> $1::text = staged.event_id` : 'stored.product_id IS NOT DISTINCT FROM staged.product_id';
    const { rows } = await tx.query<{ staged: number; created: number }>(
      `WITH unique_staged AS (SELECT DISTINCT ON (${identity}) * FROM ${STAGING_TABLE} staged ORDER BY ${identity}, staged.line),` +
        ` written AS (INSERT INTO events (customer_id, type, occurred_at, product_id, properties)` +
        ` SELECT staged.customer_id, staged.type, staged.occurred_at, staged.product_id, staged.properties FROM unique_staged staged` +
        ` WHERE NOT EXISTS (SELECT 1 FROM events stored WHERE stored.customer_id = staged.customer_id AND stored.type = staged.type` +
        ` AND stored.occurred_at = staged.occurred_at AND ${sameEvent}) RETURNING 1)` +
        ` SELECT (SELECT count(*) FROM ${STAGING_TABLE})::int AS staged, (SELECT count(*) FROM written)::int AS created`,
      byEventId ? [SOURCE_EVENT_ID] : [],
    );
    const staged = Number(rows[0]?.staged ?? 0);
    const created = Number(rows[0]?.created ?? 0);
    return { ...NO_WRITES, customersCreated: customers.created, eventsCreated: created, eventsAlreadyPresent: staged - created };
  },
};
