// What every condition compiler receives: the parameter collector, the as-of instant and where
// in the definition the condition sits (for error messages).
import type { LeafCondition } from '../../src/domain/segment.ts';
import type { SqlParams } from './sql-builder.ts';

/** The leaf condition of one kind, e.g. `LeafOf<'age'>`. */
export type LeafOf<K extends LeafCondition['kind']> = Extract<LeafCondition, { kind: K }>;

export interface CompileContext {
  params: SqlParams;
  asOf: Date;
  /** The condition's path in the definition, e.g. `root.conditions.1`. */
  path: string;
  /**
   * Whether the condition is the root or one of the root's AND-ed conditions: there a `c.id IN (...)`
   * becomes a semi-join over one grouped pass, while under OR / NOT it would be a sub-plan the
   * database may run once per customer, so conditions with a per-customer form use that instead.
   */
  conjunct?: boolean;
}

/** Bound checks on an aggregate: `min <= value <= max`, either bound optional. Returns null without bounds. */
export function boundsSql(value: string, bounds: { min?: number | undefined; max?: number | undefined }, context: CompileContext): string | null {
  const checks: string[] = [];
  if (bounds.min !== undefined) checks.push(`${value} >= ${context.params.param(bounds.min, 'numeric')}`);
  if (bounds.max !== undefined) checks.push(`${value} <= ${context.params.param(bounds.max, 'numeric')}`);
  return checks.length > 0 ? checks.join(' AND ') : null;
}
