// The as-of instant every relative window is evaluated at, as a person writes it: an ISO date
// (midnight UTC at its start) or an ISO date-time (UTC unless it carries an offset).
import { parseDateTime } from '../../src/data/import/date-values.ts';
import { CodedError, ErrorCode } from '../../src/errors.ts';

const AS_OF_FORMAT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Reads an as-of value; `flag` names the option in the error (default `--as-of`). */
export function parseAsOf(value: string, flag = '--as-of'): Date {
  const instant = AS_OF_FORMAT.test(value.trim()) ? parseDateTime(value, 'iso', 'UTC') : null;
  if (!instant) {
    throw new CodedError(ErrorCode.InvalidInput, `${flag} must be an ISO date (2011-12-10) or date-time (2011-12-10T12:00:00Z), got ${JSON.stringify(value)}`);
  }
  return instant;
}
