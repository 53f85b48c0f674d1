// The tables the demo seed writes, as bulk-insert specs (column order = the order rows are pushed
// in), and the per-chunk buffers for the customer-dependent ones, listed parents first.
import { ColumnarRows } from './bulk-insert.ts';
import type { TableSpec } from './bulk-insert.ts';

export const CUSTOMERS_TABLE: TableSpec = {
  table: 'customers',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'first_name', type: 'text' },
    { name: 'last_name', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'gender', type: 'text' },
    { name: 'birth_date', type: 'date' },
    { name: 'city', type: 'text' },
    { name: 'country', type: 'text' },
    { name: 'time_zone', type: 'text' },
    { name: 'locale', type: 'text' },
    { name: 'attributes', type: 'jsonb' },
    { name: 'created_at', type: 'timestamptz' },
  ],
};

export const CONSENTS_TABLE: TableSpec = {
  table: 'consents',
  columns: [
    { name: 'customer_id', type: 'text' },
    { name: 'channel', type: 'text' },
    { name: 'granted', type: 'boolean' },
    { name: 'source', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
};

export const SUPPRESSIONS_TABLE: TableSpec = {
  table: 'suppressions',
  columns: [
    { name: 'customer_id', type: 'text' },
    { name: 'channel', type: 'text' },
    { name: 'reason', type: 'text' },
    { name: 'created_at', type: 'timestamptz' },
  ],
};

export const PRODUCTS_TABLE: TableSpec = {
  table: 'products',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'price', type: 'numeric' },
    { name: 'cost', type: 'numeric' },
    { name: 'currency', type: 'text' },
  ],
};

export const ORDERS_TABLE: TableSpec = {
  table: 'orders',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'customer_id', type: 'text' },
    { name: 'ordered_at', type: 'timestamptz' },
    { name: 'status', type: 'text' },
    { name: 'total', type: 'numeric' },
    { name: 'discount', type: 'numeric' },
    { name: 'currency', type: 'text' },
  ],
};

export const ORDER_ITEMS_TABLE: TableSpec = {
  table: 'order_items',
  columns: [
    { name: 'order_id', type: 'text' },
    { name: 'line_no', type: 'integer' },
    { name: 'product_id', type: 'text' },
    { name: 'quantity', type: 'integer' },
    { name: 'unit_price', type: 'numeric' },
  ],
};

export const EVENTS_TABLE: TableSpec = {
  table: 'events',
  columns: [
    { name: 'customer_id', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'product_id', type: 'text' },
    { name: 'properties', type: 'jsonb' },
  ],
};

export const CAMPAIGNS_TABLE: TableSpec = {
  table: 'campaigns',
  columns: [
    { name: 'id', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'objective', type: 'text' },
    // text[] cannot be unnested row by row: channels travel comma-separated.
    { name: 'channels', type: 'text', select: "string_to_array(u.channels, ',')" },
    { name: 'brief', type: 'jsonb' },
    { name: 'segment_definition', type: 'jsonb' },
    { name: 'created_by', type: 'text' },
    { name: 'approved_by', type: 'text' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'approved_at', type: 'timestamptz' },
    { name: 'starts_at', type: 'timestamptz' },
    { name: 'ended_at', type: 'timestamptz' },
  ],
};

export const CAMPAIGN_OUTCOMES_TABLE: TableSpec = {
  table: 'campaign_outcomes',
  columns: [
    { name: 'campaign_id', type: 'text' },
    { name: 'sent', type: 'integer' },
    { name: 'delivered', type: 'integer' },
    { name: 'converted', type: 'integer' },
    { name: 'revenue', type: 'numeric' },
    { name: 'holdout_size', type: 'integer' },
    { name: 'holdout_converted', type: 'integer' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
};

/** Buffers for everything that hangs off a customer, in the order they must be written. */
export interface CustomerRows {
  customers: ColumnarRows;
  consents: ColumnarRows;
  suppressions: ColumnarRows;
  orders: ColumnarRows;
  orderItems: ColumnarRows;
  events: ColumnarRows;
}

export function createCustomerRows(): CustomerRows {
  return {
    customers: new ColumnarRows(CUSTOMERS_TABLE),
    consents: new ColumnarRows(CONSENTS_TABLE),
    suppressions: new ColumnarRows(SUPPRESSIONS_TABLE),
    orders: new ColumnarRows(ORDERS_TABLE),
    orderItems: new ColumnarRows(ORDER_ITEMS_TABLE),
    events: new ColumnarRows(EVENTS_TABLE),
  };
}

/** Parents before children, so foreign keys hold when flushed in this order. */
export function customerRowsInWriteOrder(rows: CustomerRows): ColumnarRows[] {
  return [rows.customers, rows.consents, rows.suppressions, rows.orders, rows.orderItems, rows.events];
}

export const isoTime = (ms: number): string => new Date(ms).toISOString();
