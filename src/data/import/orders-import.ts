// Importing an orders file. With a product column the rows are order lines (several per order,
// grouped by order id; the UCI Online Retail layout): line numbers follow the file, the total is
// Σ |quantity| × unit price − discount. Without one, each row is a whole order with its total.
// Cancellations and returns are recognised: an order id of C + digits (the UCI convention) is
// cancelled, a line with a negative quantity makes the order returned, and a status column wins
// over both. Unknown customers are created (with the row's country), unknown products too (name
// from the description, category "uncategorised", price from the row). Re-importing upserts by
// order id and (order id, line number), so nothing is duplicated.
import type { Queryable } from '../database.ts';
import { readDecimal, readInstant, readInteger, readOrderStatus } from './field-values.ts';
import { type ApplyContext, countWritten, type KindImporter, NO_WRITES, type RowContext, type RowIssue, STAGING_TABLE, type WrittenCounts } from './staging.ts';

export const UNKNOWN_CATEGORY = 'uncategorised';
/** UCI Online Retail marks a cancelled invoice with a C before its number. */
export const CANCELLATION_ORDER_ID = /^C\d+$/;

export const ordersImporter: KindImporter = {
  columns: [
    { name: 'order_id', type: 'text' },
    { name: 'customer_id', type: 'text' },
    { name: 'ordered_at', type: 'timestamptz' },
    { name: 'product_id', type: 'text' },
    { name: 'product_name', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'quantity', type: 'integer' },
    { name: 'unit_price', type: 'numeric' },
    { name: 'total', type: 'numeric' },
    { name: 'discount', type: 'numeric' },
    { name: 'status', type: 'text' },
    { name: 'cancellation', type: 'boolean' },
    { name: 'currency', type: 'text' },
    { name: 'country', type: 'text' },
  ],
  dateFields: [{ field: 'ordered_at', type: 'instant' }],

  readRow({ reader, dateFormats, timeZone }: RowContext): unknown[] {
    const orderId = reader.required('order_id');
    const customerId = reader.required('customer_id');
    const orderedAt = readInstant(reader.required('ordered_at'), reader.column('ordered_at'), dateFormats.ordered_at ?? 'iso', timeZone);
    const lines = reader.has('product_id');
    const number = (field: string, options?: { allowNegative?: boolean }) => {
      const text = reader.text(field);
      return text === null ? null : readDecimal(text, reader.column(field), options);
    };
    const status = reader.text('status');
    return [
      orderId,
      customerId,
      orderedAt,
      lines ? reader.required('product_id') : null,
      reader.text('product_name'),
      reader.text('category'),
      lines ? readInteger(reader.required('quantity'), reader.column('quantity')) : null,
      lines ? readDecimal(reader.required('unit_price'), reader.column('unit_price')) : null,
      lines ? null : readDecimal(reader.required('total'), reader.column('total')),
      number('discount'),
      status === null ? null : readOrderStatus(status, reader.column('status')),
      CANCELLATION_ORDER_ID.test(orderId),
      reader.text('currency'),
      reader.text('country'),
    ];
  },

  async findConflicts(tx: Queryable, { mapped }: ApplyContext): Promise<RowIssue[]> {
    const first = `SELECT DISTINCT ON (order_id) order_id, customer_id, line FROM ${STAGING_TABLE} ORDER BY order_id, line`;
    if (mapped.has('product_id')) {
      const { rows } = await tx.query<{ line: number; order_id: string; customer_id: string; first_customer: string; first_line: number }>(
        `SELECT staged.line, staged.order_id, staged.customer_id, first.customer_id AS first_customer, first.line AS first_line` +
          ` FROM ${STAGING_TABLE} staged JOIN (${first}) first ON first.order_id = staged.order_id` +
          ` WHERE staged.customer_id <> first.customer_id ORDER BY staged.line`,
      );
      return rows.map((row) => ({
        line: Number(row.line),
        column: 'customer_id',
        message: `order ${JSON.stringify(row.order_id)} belongs to customer ${JSON.stringify(row.first_customer)} (line ${row.first_line}), not ${JSON.stringify(row.customer_id)}`,
      }));
    }
    const { rows } = await tx.query<{ line: number; order_id: string; first_line: number }>(
      `SELECT staged.line, staged.order_id, first.line AS first_line FROM ${STAGING_TABLE} staged` +
        ` JOIN (${first}) first ON first.order_id = staged.order_id WHERE staged.line <> first.line ORDER BY staged.line`,
    );
    return rows.map((row) => ({
      line: Number(row.line),
      column: 'order_id',
      message: `order ${JSON.stringify(row.order_id)} is already on line ${row.first_line} (without a product column each row is a whole order)`,
    }));
  },

  async apply(tx: Queryable, { mapped, currency }: ApplyContext): Promise<WrittenCounts> {
    const lines = mapped.has('product_id');
    const firstOf = (column: string) => `(array_agg(${column} ORDER BY line) FILTER (WHERE ${column} IS NOT NULL))[1]`;
    const customers = await countWritten(
      tx,
      `INSERT INTO customers (id, country) SELECT customer_id, ${firstOf('country')} FROM ${STAGING_TABLE} GROUP BY customer_id` +
        ` ON CONFLICT (id) DO UPDATE SET country = EXCLUDED.country WHERE customers.country IS NULL AND EXCLUDED.country IS NOT NULL` +
        ` RETURNING (xmax = 0) AS inserted`,
    );
    const products = lines
      ? await countWritten(
          tx,
          `INSERT INTO products (id, name, category, price, currency)` +
            ` SELECT product_id, coalesce(${firstOf('product_name')}, product_id), coalesce(${firstOf('category')}, $1::text),` +
            ` (array_agg(unit_price ORDER BY line))[1], coalesce(${firstOf('currency')}, $2::text)` +
            ` FROM ${STAGING_TABLE} GROUP BY product_id ON CONFLICT (id) DO NOTHING RETURNING (xmax = 0) AS inserted`,
          [UNKNOWN_CATEGORY, currency],
        )
      : { created: 0, updated: 0 };
    const subtotal = lines ? 'sum(abs(quantity) * unit_price)' : 'sum(total)';
    const discount = 'coalesce(sum(discount), 0)';
    const orders = await countWritten(
      tx,
      `INSERT INTO orders (id, customer_id, ordered_at, status, total, discount, currency)` +
        ` SELECT order_id, (array_agg(customer_id ORDER BY line))[1], min(ordered_at),` +
        ` coalesce(${firstOf('status')}, CASE WHEN bool_or(cancellation) THEN $1::text WHEN bool_or(quantity < 0) THEN $2::text ELSE $3::text END),` +
        ` ${lines ? `greatest(0, ${subtotal} - ${discount})` : subtotal}, ${discount}, coalesce(${firstOf('currency')}, $4::text)` +
        ` FROM ${STAGING_TABLE} GROUP BY order_id` +
        ` ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, ordered_at = EXCLUDED.ordered_at, status = EXCLUDED.status,` +
        ` total = EXCLUDED.total, discount = EXCLUDED.discount, currency = EXCLUDED.currency RETURNING (xmax = 0) AS inserted`,
      ['cancelled', 'returned', 'completed', currency],
    );
    let orderLines = 0;
    if (lines) {
      const written = await countWritten(
        tx,
        `INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)` +
          ` SELECT order_id, row_number() OVER (PARTITION BY order_id ORDER BY line), product_id, quantity, unit_price FROM ${STAGING_TABLE}` +
          ` ON CONFLICT (order_id, line_no) DO UPDATE SET product_id = EXCLUDED.product_id, quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price` +
          ` RETURNING (xmax = 0) AS inserted`,
      );
      orderLines = written.created + written.updated;
      // Lines an earlier import of the order had beyond the ones the file has now.
      await tx.query(
        `DELETE FROM order_items item USING (SELECT order_id, count(*) AS lines FROM ${STAGING_TABLE} GROUP BY order_id) imported` +
          ` WHERE item.order_id = imported.order_id AND item.line_no > imported.lines`,
      );
    }
    return {
      ...NO_WRITES,
      customersCreated: customers.created,
      customersUpdated: customers.updated,
      productsCreated: products.created,
      ordersCreated: orders.created,
      ordersUpdated: orders.updated,
      orderLines,
    };
  },
};
