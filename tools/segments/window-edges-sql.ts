// The instants just outside a window, as SQL predicates: "before the window starts" and "after it
// ends". With the window itself (window-sql.ts) they split time into three parts, which is what
// first / last occurrence conditions need. Every bound is a bind parameter, added only when used.
import type { Window } from '../../src/domain/segment.ts';
import type { SqlParams } from './sql-builder.ts';
import { asOfParam, calendarBoundsUtc } from './window-sql.ts';

/** `column` lies before the window: rolling, at or before as-of − days; calendar, before `from` 00:00 UTC. */
export function beforeWindowSql(column: string, window: Window, params: SqlParams, asOf: Date, path = 'window'): string {
  if (window.type === 'rolling') return `${column} <= ${asOfParam(params, asOf)} - make_interval(days => ${params.param(window.days, 'int')})`;
  const { start } = calendarBoundsUtc(window, path);
  return `${column} < ${params.param(start.toISOString(), 'timestamptz')}`;
}

/** `column` lies after the window: rolling, after as-of; calendar, at or after `to` + 1 day 00:00 UTC. */
export function afterWindowSql(column: string, window: Window, params: SqlParams, asOf: Date, path = 'window'): string {
  if (window.type === 'rolling') return `${column} > ${asOfParam(params, asOf)}`;
  const { endExclusive } = calendarBoundsUtc(window, path);
  return `${column} >= ${params.param(endExclusive.toISOString(), 'timestamptz')}`;
}
