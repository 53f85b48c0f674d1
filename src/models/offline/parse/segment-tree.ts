// Small helpers for the top level of a segment definition: build an AND of conditions, list its parts,
// and merge new conditions into it (a new condition replaces the existing one it refines).
import type { Condition, SegmentDefinition } from '../../../domain/segment.ts';

export function andOf(conditions: readonly Condition[]): Condition {
  const [only] = conditions;
  if (conditions.length === 1 && only) return only;
  return { kind: 'and', conditions: [...conditions] };
}

export function segmentOf(conditions: readonly Condition[]): SegmentDefinition {
  return { version: 1, root: andOf(conditions) };
}

/** The ANDed parts of a root: its children when it is an AND, else the root alone. */
export function topLevelConditions(root: Condition): Condition[] {
  return root.kind === 'and' ? [...root.conditions] : [root];
}

/**
 * What a condition is about, so that "only women" replaces a gender condition and "ages 20-35" an age one.
 * Order counts are told apart by direction: "no purchase in 90 days" (max 0) is not "bought before" (min).
 */
export function conditionKey(condition: Condition): string {
  switch (condition.kind) {
    case 'profile':
      return `profile:${condition.field}`;
    case 'event_count':
      return `event_count:${condition.event}`;
    case 'order_stat':
      return `order_stat:${condition.metric}:${condition.max === 0 ? 'none' : 'some'}`;
    case 'consent':
      return `consent:${condition.channel}`;
    case 'not':
      return `not:${conditionKey(condition.condition)}`;
    case 'and':
    case 'or':
      return `${condition.kind}:${condition.conditions.map(conditionKey).join(',')}`;
    default:
      return condition.kind;
  }
}

/** Existing conditions with each incoming one replacing the one of the same key, or appended. */
export function mergeConditions(existing: readonly Condition[], incoming: readonly Condition[]): Condition[] {
  const merged = [...existing];
  for (const condition of incoming) {
    const at = merged.findIndex((item) => conditionKey(item) === conditionKey(condition));
    if (at >= 0) merged[at] = condition;
    else merged.push(condition);
  }
  return merged;
}
