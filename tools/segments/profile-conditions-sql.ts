// SQL for the conditions on who a customer is: age, gender, profile fields and channel consent.
// The customer row is `c`; every value is a bind parameter.
import { ageSql, reachableSql } from './audience-sql.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';
import { asOfDateParam } from './window-sql.ts';

/** Profile fields a condition may test, mapped to their column; the field picks a fixed fragment. */
const PROFILE_COLUMNS = {
  city: 'c.city',
  country: 'c.country',
  locale: 'c.locale',
  time_zone: 'c.time_zone',
} as const satisfies Record<LeafOf<'profile'>['field'], string>;

/** Age in whole years on the as-of date, within the bounds; customers without a birth date never match. */
export function ageConditionSql(condition: LeafOf<'age'>, context: CompileContext): string {
  const checks = ['c.birth_date IS NOT NULL'];
  if (condition.min !== undefined || condition.max !== undefined) {
    const age = ageSql('c.birth_date', asOfDateParam(context.params, context.asOf));
    if (condition.min !== undefined) checks.push(`${age} >= ${context.params.param(condition.min, 'int')}`);
    if (condition.max !== undefined) checks.push(`${age} <= ${context.params.param(condition.max, 'int')}`);
  }
  return `(${checks.join(' AND ')})`;
}

export function genderConditionSql(condition: LeafOf<'gender'>, context: CompileContext): string {
  return `c.gender = ANY(${context.params.param(condition.values, 'text[]')})`;
}

/** The field equals one of the values exactly; a customer with no value for the field never matches. */
export function profileConditionSql(condition: LeafOf<'profile'>, context: CompileContext): string {
  return `coalesce(${PROFILE_COLUMNS[condition.field]} = ANY(${context.params.param(condition.values, 'text[]')}), false)`;
}

/** Consent granted on the channel and not suppressed on it (nor on every channel). */
export function consentConditionSql(condition: LeafOf<'consent'>, context: CompileContext): string {
  return reachableSql('c.id', context.params.param(condition.channel, 'text'));
}
