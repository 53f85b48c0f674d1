// Checks the parse options and turns them into what every parser needs: the current instant and
// today's date in the marketer's zone, and the known product categories.
import { DateTime } from 'luxon';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { DEMO_CATEGORIES } from './categories.ts';

export interface ParseGoalOptions {
  now: Date;
  /** The marketer's zone, for relative dates such as "tomorrow"; default 'Asia/Shanghai'. */
  timeZone?: string;
  /** Product categories known in the database; default DEMO_CATEGORIES. */
  categories?: readonly string[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface GoalContext {
  now: DateTime;
  today: DateTime;
  categories: readonly string[];
}

export function goalContext(options: ParseGoalOptions): GoalContext {
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new CodedError(ErrorCode.InvalidInput, 'now is not a valid date: pass the current time as a Date');
  }
  const now = DateTime.fromJSDate(options.now, { zone });
  if (!now.isValid) {
    throw new CodedError(ErrorCode.InvalidInput, `timeZone is not a known IANA time zone: "${zone}" (for example "Asia/Shanghai")`);
  }
  return { now, today: now.startOf('day'), categories: options.categories ?? DEMO_CATEGORIES };
}
