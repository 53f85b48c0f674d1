// Which CSV column feeds which field: common header names are recognised (CustomerID, user_id,
// InvoiceNo, InvoiceDate, StockCode, Description, UnitPrice, ...), and `--map target=source,...`
// names or overrides the rest (`target=` leaves a field out). Columns no field takes are kept as
// custom attributes (customers) or event properties (events).
import { CodedError, ErrorCode } from '../../errors.ts';

export type ImportKind = 'customers' | 'orders' | 'events';
export const IMPORT_KINDS: readonly ImportKind[] = ['customers', 'orders', 'events'];

interface TargetSpec {
  /** Header names (normalised: lower case, letters and digits only) recognised for the field. */
  names: readonly string[];
  required?: boolean;
}

const CUSTOMER_ID = ['customerid', 'customer', 'custid', 'clientid', 'userid', 'user', 'memberid', 'visitorid', 'customernumber', 'customerno'];
const PRODUCT_ID = ['productid', 'stockcode', 'sku', 'itemid', 'productcode', 'product', 'item'];

export const TARGETS: Record<ImportKind, Record<string, TargetSpec>> = {
  customers: {
    customer_id: { names: [...CUSTOMER_ID, 'id'], required: true },
    email: { names: ['email', 'emailaddress', 'mail'] },
    phone: { names: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'tel', 'telephone', 'cellphone'] },
    first_name: { names: ['firstname', 'givenname', 'forename', 'first'] },
    last_name: { names: ['lastname', 'surname', 'familyname', 'last'] },
    gender: { names: ['gender', 'sex'] },
    birth_date: { names: ['birthdate', 'birthday', 'dateofbirth', 'dob'] },
    city: { names: ['city', 'town'] },
    country: { names: ['country', 'countrycode', 'countryname'] },
    time_zone: { names: ['timezone', 'tz', 'zone'] },
    locale: { names: ['locale', 'language', 'lang'] },
  },
  orders: {
    order_id: { names: ['orderid', 'order', 'invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'ordernumber', 'orderno', 'transactionid', 'id'], required: true },
    customer_id: { names: CUSTOMER_ID, required: true },
    ordered_at: { names: ['orderedat', 'invoicedate', 'orderdate', 'ordertime', 'purchasedat', 'transactiondate', 'createdat', 'date', 'datetime', 'timestamp'], required: true },
    product_id: { names: PRODUCT_ID },
    product_name: { names: ['productname', 'description', 'itemname', 'name', 'title'] },
    category: { names: ['category', 'productcategory'] },
    quantity: { names: ['quantity', 'qty', 'units'] },
    unit_price: { names: ['unitprice', 'price', 'itemprice'] },
    total: { names: ['total', 'ordertotal', 'amount', 'totalprice', 'revenue'] },
    discount: { names: ['discount', 'discountamount'] },
    status: { names: ['status', 'orderstatus'] },
    currency: { names: ['currency', 'currencycode'] },
    country: { names: ['country', 'countrycode', 'countryname'] },
  },
  events: {
    customer_id: { names: CUSTOMER_ID, required: true },
    type: { names: ['type', 'eventtype', 'event', 'eventname', 'action'], required: true },
    occurred_at: { names: ['occurredat', 'timestamp', 'eventtime', 'time', 'datetime', 'date', 'createdat'], required: true },
    product_id: { names: PRODUCT_ID },
    event_id: { names: ['eventid', 'id'] },
  },
};

/** Field name -> index of the CSV column it reads; `extra` are the columns no field reads. */
export interface ColumnMapping {
  fields: Record<string, number>;
  extra: Array<{ name: string; index: number }>;
  headers: string[];
}

export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Reads `target=source,target=source` (several --map flags are joined first). */
export function parseMapOption(values: readonly string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const entry of values.flatMap((value) => value.split(',')).map((part) => part.trim()).filter(Boolean)) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new CodedError(ErrorCode.InvalidInput, `--map ${JSON.stringify(entry)}: write target=source, e.g. --map customer_id=CustomerID`);
    pairs.set(entry.slice(0, equals).trim(), entry.slice(equals + 1).trim());
  }
  return pairs;
}

function findHeader(headers: readonly string[], source: string, target: string): number {
  const exact = headers.indexOf(source);
  if (exact >= 0) return exact;
  const loose = headers.flatMap((header, index) => (header.toLowerCase() === source.toLowerCase() ? [index] : []));
  if (loose.length === 1) return loose[0]!;
  throw new CodedError(ErrorCode.InvalidInput, `--map ${target}=${source}: the file has no column ${JSON.stringify(source)}; its columns are ${headers.map((h) => JSON.stringify(h)).join(', ')}`);
}

export function resolveColumnMapping(kind: ImportKind, headers: readonly string[], overrides: ReadonlyMap<string, string> = new Map()): ColumnMapping {
  const targets = TARGETS[kind];
  const fields: Record<string, number> = {};
  const taken = new Set<number>();
  for (const [target, source] of overrides) {
    if (!Object.hasOwn(targets, target)) {
      throw new CodedError(ErrorCode.InvalidInput, `--map ${target}=...: ${kind} have no field ${JSON.stringify(target)}; fields: ${Object.keys(targets).join(', ')}`);
    }
    if (source === '') continue;
    const index = findHeader(headers, source, target);
    fields[target] = index;
    taken.add(index);
  }
  const normalised = headers.map(normaliseHeader);
  for (const [target, spec] of Object.entries(targets)) {
    if (overrides.has(target)) continue;
    // The first recognised name wins, in the order the names are listed.
    for (const name of spec.names) {
      const index = normalised.findIndex((header, position) => header === name && !taken.has(position));
      if (index >= 0) {
        fields[target] = index;
        taken.add(index);
        break;
      }
    }
  }
  const missing = Object.entries(targets).filter(([target, spec]) => spec.required && fields[target] === undefined).map(([target]) => target);
  if (missing.length > 0) {
    throw new CodedError(
      ErrorCode.InvalidInput,
      `${kind}: no column found for ${missing.join(', ')}; name it with --map ${missing[0]}=<column> (the file's columns are ${headers.map((h) => JSON.stringify(h)).join(', ')})`,
    );
  }
  const extra = headers.flatMap((name, index) => (taken.has(index) ? [] : [{ name, index }]));
  return { fields, extra, headers: [...headers] };
}

/** `field <- column` pairs for reports. */
export function describeMapping(mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping.fields).map(([field, index]) => [field, mapping.headers[index] ?? `column ${index + 1}`]));
}
