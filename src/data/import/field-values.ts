// Reading one CSV field into the value a column stores, or a RowProblem naming the column and what
// is wrong with the text. Surrounding spaces are removed; an empty field is "no value".
import { isValidTimeZone } from '../../config.ts';
import { EventType, type Gender } from '../../domain/vocabulary.ts';
import { type DateFormat, DATE_FORMAT_NAMES, parseCalendarDate, parseDateTime } from './date-values.ts';

/** A bad value: the CSV column it came from and a message a person can act on. */
export class RowProblem extends Error {
  readonly column: string;
  constructor(column: string, message: string) {
    super(message);
    this.name = 'RowProblem';
    this.column = column;
  }
}

export interface FieldReader {
  /** The trimmed text of a mapped field, null when the field is not mapped or empty. */
  text(field: string): string | null;
  /** The same, but a missing value is a problem. */
  required(field: string): string;
  /** The CSV column a field reads, for messages. */
  column(field: string): string;
  /** Whether the file has a column for the field. */
  has(field: string): boolean;
}

export function createFieldReader(fields: readonly string[], mapping: Record<string, number>, headers: readonly string[]): FieldReader {
  const column = (field: string) => {
    const index = mapping[field];
    return index === undefined ? field : (headers[index] ?? `column ${index + 1}`);
  };
  const text = (field: string): string | null => {
    const index = mapping[field];
    if (index === undefined) return null;
    const value = (fields[index] ?? '').trim();
    if (value.includes('\u0000')) throw new RowProblem(column(field), 'contains a NUL character, which cannot be stored');
    return value === '' ? null : value;
  };
  return {
    text,
    column,
    has: (field) => mapping[field] !== undefined,
    required(field) {
      const value = text(field);
      if (value === null) throw new RowProblem(column(field), 'is empty');
      return value;
    },
  };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+(\.0+)?$/;
/** numeric(12, 2) holds values below 10^10. */
const MAX_AMOUNT = 9_999_999_999.99;

export function readDecimal(value: string, column: string, { allowNegative = false } = {}): number {
  if (!DECIMAL.test(value)) throw new RowProblem(column, `${JSON.stringify(value)} is not a number (write digits with a dot for decimals, e.g. 2.55)`);
  const number = Number(value);
  if (!allowNegative && number < 0) throw new RowProblem(column, `${value} is negative`);
  if (Math.abs(number) > MAX_AMOUNT) throw new RowProblem(column, `${value} is too large (at most ${MAX_AMOUNT})`);
  return number;
}

export function readInteger(value: string, column: string): number {
  if (!INTEGER.test(value)) throw new RowProblem(column, `${JSON.stringify(value)} is not a whole number`);
  const number = Number.parseInt(value, 10);
  if (Math.abs(number) > 2_147_483_647) throw new RowProblem(column, `${value} is too large`);
  return number;
}

export function readInstant(value: string, column: string, format: DateFormat, zone: string): string {
  const instant = parseDateTime(value, format, zone);
  if (!instant) throw new RowProblem(column, `${JSON.stringify(value)} is not a date-time in the format ${DATE_FORMAT_NAMES[format]} (set another with --date-format)`);
  return instant.toISOString();
}

export function readDate(value: string, column: string, format: DateFormat): string {
  const date = parseCalendarDate(value, format);
  if (!date) throw new RowProblem(column, `${JSON.stringify(value)} is not a date in the format ${DATE_FORMAT_NAMES[format]} (set another with --date-format)`);
  return date;
}

/** One @, something on each side, a dot in the domain, no spaces: catches typos and swapped columns, not every RFC 5322 address. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

export function readEmail(value: string | null, column: string): string | null {
  if (value === null) return null;
  if (!EMAIL.test(value)) throw new RowProblem(column, `${JSON.stringify(value)} is not an email address (name@example.com)`);
  return value;
}

/** Digits with an optional leading +, spaces, dashes, dots or brackets between them: 5 to 20 digits. */
const PHONE = /^\+?[0-9(][0-9 ().-]*$/;

export function readPhone(value: string | null, column: string): string | null {
  if (value === null) return null;
  const digits = value.replace(/\D/g, '').length;
  if (!PHONE.test(value) || digits < 5 || digits > 20) throw new RowProblem(column, `${JSON.stringify(value)} is not a phone number (digits, optionally +country code, e.g. +86 138 0013 8000)`);
  return value;
}

const GENDERS: Record<string, Gender> = {
  f: 'female', female: 'female', woman: 'female', w: 'female', '女': 'female', '女性': 'female',
  m: 'male', male: 'male', man: 'male', '男': 'male', '男性': 'male',
  u: 'unknown', unknown: 'unknown', other: 'unknown', x: 'unknown', '未知': 'unknown',
};

export function readGender(value: string | null, column: string): Gender {
  if (value === null) return 'unknown';
  const gender = GENDERS[value.toLowerCase()];
  if (!gender) throw new RowProblem(column, `${JSON.stringify(value)} is not a gender (female/F, male/M, unknown)`);
  return gender;
}

export function readLocale(value: string | null, column: string): 'en' | 'zh' {
  if (value === null) return 'en';
  const lower = value.toLowerCase();
  if (/^zh([-_].*)?$/.test(lower) || lower === 'chinese' || value === '中文') return 'zh';
  if (/^en([-_].*)?$/.test(lower) || lower === 'english') return 'en';
  throw new RowProblem(column, `${JSON.stringify(value)} is not a supported language (en or zh)`);
}

export function readTimeZone(value: string | null, column: string): string {
  if (value === null) return 'UTC';
  if (!isValidTimeZone(value)) throw new RowProblem(column, `${JSON.stringify(value)} is not an IANA time zone such as Asia/Shanghai`);
  return value;
}

const EVENT_SYNONYMS: Record<string, EventType> = {
  view: 'view', pageview: 'view', productview: 'view', viewed: 'view',
  addtocart: 'add_to_cart', cart: 'add_to_cart', addedtocart: 'add_to_cart', addtobasket: 'add_to_cart',
  purchase: 'purchase', transaction: 'purchase', order: 'purchase', buy: 'purchase', purchased: 'purchase',
  login: 'login', signin: 'login', session: 'login',
  open: 'open', emailopen: 'open', opened: 'open',
  click: 'click', emailclick: 'click', clicked: 'click',
  unsubscribe: 'unsubscribe', optout: 'unsubscribe', unsubscribed: 'unsubscribe',
};

export function readEventType(value: string, column: string): EventType {
  const type = EVENT_SYNONYMS[value.toLowerCase().replace(/[^a-z]/g, '')];
  if (!type) throw new RowProblem(column, `${JSON.stringify(value)} is not an event type (${EventType.options.join(', ')})`);
  return type;
}

const STATUSES: Record<string, 'completed' | 'cancelled' | 'returned'> = {
  completed: 'completed', complete: 'completed', paid: 'completed', delivered: 'completed', shipped: 'completed', fulfilled: 'completed',
  cancelled: 'cancelled', canceled: 'cancelled', void: 'cancelled',
  returned: 'returned', refunded: 'returned', return: 'returned',
};

export function readOrderStatus(value: string, column: string): 'completed' | 'cancelled' | 'returned' {
  const status = STATUSES[value.toLowerCase()];
  if (!status) throw new RowProblem(column, `${JSON.stringify(value)} is not an order status (completed, cancelled, returned)`);
  return status;
}
