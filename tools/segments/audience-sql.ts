// SQL fragments about one customer that the segment conditions, the preview and the audience facts
// share: reachability on a channel, age on the as-of date, and which orders count as purchases.
import type { SqlParams } from './sql-builder.ts';

/** Only completed orders are purchases; cancelled and returned orders never count. */
export const COMPLETED_ORDER_STATUS = 'completed';

/** The placeholder of the completed-order status, shared within one statement. */
export function completedStatusParam(params: SqlParams): string {
  return params.shared('completed_status', COMPLETED_ORDER_STATUS, 'text');
}

/**
 * The customer `customerId` may be messaged on `channel`: consent for that channel is recorded as
 * granted, and no suppression covers it (a suppression without a channel covers every channel).
 */
export function reachableSql(customerId: string, channel: string): string {
  return (
    `(EXISTS (SELECT 1 FROM consents consent WHERE consent.customer_id = ${customerId} AND consent.channel = ${channel} AND consent.granted)` +
    ` AND NOT EXISTS (SELECT 1 FROM suppressions suppression WHERE suppression.customer_id = ${customerId}` +
    ` AND (suppression.channel IS NULL OR suppression.channel = ${channel})))`
  );
}

/** Whole years from `birthDate` to the as-of date (NULL when the birth date is unknown). */
export function ageSql(birthDate: string, asOfDate: string): string {
  return `extract(year FROM age((${asOfDate})::timestamp, (${birthDate})::timestamp))::int`;
}
