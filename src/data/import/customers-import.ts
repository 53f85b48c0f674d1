// Importing a customers file: one row per customer, ids as the file gives them. Columns no field
// reads become custom attributes (text values), merged into the attributes already stored. When an
// id appears on several rows the last row wins. A field the file provides replaces what is stored;
// an email or phone number that does not look like one is a bad row.
import type { Queryable } from '../database.ts';
import { readDate, readEmail, readGender, readLocale, readPhone, readTimeZone } from './field-values.ts';
import { type ApplyContext, countWritten, extraValues, type KindImporter, NO_WRITES, type RowContext, STAGING_TABLE, type WrittenCounts } from './staging.ts';

const PROFILE_FIELDS = ['email', 'phone', 'first_name', 'last_name', 'gender', 'birth_date', 'city', 'country', 'time_zone', 'locale'] as const;

export const customersImporter: KindImporter = {
  columns: [
    { name: 'id', type: 'text' },
    { name: 'email', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'first_name', type: 'text' },
    { name: 'last_name', type: 'text' },
    { name: 'gender', type: 'text' },
    { name: 'birth_date', type: 'date' },
    { name: 'city', type: 'text' },
    { name: 'country', type: 'text' },
    { name: 'time_zone', type: 'text' },
    { name: 'locale', type: 'text' },
    { name: 'attributes', type: 'jsonb' },
  ],
  dateFields: [{ field: 'birth_date', type: 'date' }],

  readRow({ reader, dateFormats, ...context }: RowContext): unknown[] {
    const birth = reader.text('birth_date');
    return [
      reader.required('customer_id'),
      readEmail(reader.text('email'), reader.column('email')),
      readPhone(reader.text('phone'), reader.column('phone')),
      reader.text('first_name'),
      reader.text('last_name'),
      readGender(reader.text('gender'), reader.column('gender')),
      birth === null ? null : readDate(birth, reader.column('birth_date'), dateFormats.birth_date ?? 'iso'),
      reader.text('city'),
      reader.text('country'),
      readTimeZone(reader.text('time_zone'), reader.column('time_zone')),
      readLocale(reader.text('locale'), reader.column('locale')),
      JSON.stringify(extraValues({ reader, dateFormats, ...context })),
    ];
  },

  async findConflicts(): Promise<[]> {
    return [];
  },

  async apply(tx: Queryable, { mapped }: ApplyContext): Promise<WrittenCounts> {
    const columns = PROFILE_FIELDS.filter((field) => mapped.has(field));
    const names = ['id', ...columns, 'attributes'];
    const updates = [...columns.map((column) => `${column} = EXCLUDED.${column}`), 'attributes = customers.attributes || EXCLUDED.attributes'];
    const { created, updated } = await countWritten(
      tx,
      `INSERT INTO customers (${names.join(', ')})` +
        ` SELECT ${names.map((name) => `latest.${name}`).join(', ')}` +
        ` FROM (SELECT DISTINCT ON (id) * FROM ${STAGING_TABLE} ORDER BY id, line DESC) latest` +
        ` ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')} RETURNING (xmax = 0) AS inserted`,
    );
    return { ...NO_WRITES, customersCreated: created, customersUpdated: updated };
  },
};
