// Compiles a segment definition to one parameterised query returning the matching customer ids.
// The SQL text depends only on the definition's shape (condition kinds, nesting, which optional
// bounds are present and whether a lower bound is above zero, window types, whether an attribute is
// compared with text, a number or a flag); every value — numbers, texts, dates, channel and event
// names, shares, the as-of instant — is a bind parameter with an explicit cast.
import { SegmentDefinition, type Condition } from '../../src/domain/segment.ts';
import { CodedError, ErrorCode, describeIssues } from '../../src/errors.ts';
import { categoryPurchaseConditionSql, eventCountConditionSql, eventCountParts, orderStatConditionSql, orderStatParts, sequenceConditionSql } from './behaviour-conditions-sql.ts';
import type { CompileContext } from './compile-context.ts';
import { ageConditionSql, consentConditionSql, genderConditionSql, profileConditionSql } from './profile-conditions-sql.ts';
import { churnRiskConditionSql, churnRiskParts, spendRankConditionSql, spendRankParts } from './rank-and-risk-sql.ts';
import { createSqlParams, type SqlParams } from './sql-builder.ts';
import { attributeConditionSql } from './attribute-sql.ts';
import { categoryAffinityConditionSql } from './affinity-sql.ts';
import { eventTimeConditionSql } from './event-time-sql.ts';
import { predictedClvConditionSql, priceSensitivityConditionSql, priceSensitivityParts } from './predicted-value-sql.ts';
import { rfmConditionSql } from './rfm-sql.ts';
import { conditionPartsSql, membersSql, segmentFromPartsSql, type ConditionParts } from './summary-sql.ts';

export interface CompiledSegment {
  /**
   * `SELECT c.id AS customer_id FROM customers c WHERE ...`, or, for a single condition the activity
   * summary can answer, a `SELECT customer_id` over the summary (falling back to the former form).
   */
  sql: string;
  params: unknown[];
}

export interface CompileSegmentOptions {
  /** The instant every relative window ends at and ages are measured on (its UTC date). */
  asOf: Date;
}

function conditionSql(condition: Condition, context: CompileContext): string {
  const child = (inner: Condition, path: string, conjunct: boolean) => conditionSql(inner, { ...context, path, conjunct });
  switch (condition.kind) {
    case 'and':
    case 'or': {
      const conjunct = condition.kind === 'and' && context.conjunct === true;
      const parts = condition.conditions.map((inner, index) => child(inner, `${context.path}.conditions.${index}`, conjunct));
      return `(${parts.join(condition.kind === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not':
      return negatedConditionSql(condition.condition, context);
    case 'age':
      return ageConditionSql(condition, context);
    case 'gender':
      return genderConditionSql(condition, context);
    case 'profile':
      return profileConditionSql(condition, context);
    case 'consent':
      return consentConditionSql(condition, context);
    case 'event_count':
      return eventCountConditionSql(condition, context);
    case 'order_stat':
      return orderStatConditionSql(condition, context);
    case 'sequence':
      return sequenceConditionSql(condition, context);
    case 'spend_rank':
      return spendRankConditionSql(condition, context);
    case 'churn_risk':
      return churnRiskConditionSql(condition, context);
    case 'category_purchase':
      return categoryPurchaseConditionSql(condition, context);
    case 'attribute':
      return attributeConditionSql(condition, context);
    case 'event_time':
      return eventTimeConditionSql(condition, context);
    case 'rfm':
      return rfmConditionSql(condition, context);
    case 'predicted_clv':
      return predictedClvConditionSql(condition, context);
    case 'price_sensitivity':
      return priceSensitivityConditionSql(condition, context);
    case 'category_affinity':
      return categoryAffinityConditionSql(condition, context);
  }
}

/**
 * NOT `inner`. A condition that is unknown for a customer (no city on file) is false, so NOT makes it
 * true. As one of the root's AND-ed conditions, a condition whose members can be selected in one pass
 * becomes an anti-join with them ("no order in the last 30 days") instead of a check per customer.
 */
function negatedConditionSql(inner: Condition, context: CompileContext): string {
  const innerContext: CompileContext = { ...context, path: `${context.path}.condition`, conjunct: false };
  const parts = summarisableParts(inner, { ...innerContext, conjunct: true });
  if (parts && context.conjunct === true && (parts.groupable || parts.membersOnly === true)) {
    return `NOT EXISTS (SELECT 1 FROM (${membersSql(parts)}) excluded WHERE excluded.customer_id = c.id)`;
  }
  const innerSql = parts ? conditionPartsSql(parts, innerContext) : conditionSql(inner, innerContext);
  return `(NOT coalesce(${innerSql}, false))`;
}

/** Both forms of a condition the activity summary can answer, or null for other kinds. */
function summarisableParts(condition: Condition, context: CompileContext): ConditionParts | null {
  switch (condition.kind) {
    case 'event_count':
      return eventCountParts(condition, context);
    case 'order_stat':
      return orderStatParts(condition, context);
    case 'spend_rank':
      return spendRankParts(condition, context);
    case 'churn_risk':
      return churnRiskParts(condition, context);
    case 'price_sensitivity':
      return priceSensitivityParts(condition, context);
    default:
      return null;
  }
}

/** Text PostgreSQL cannot store (NUL) anywhere in the definition, named by its path. */
function findNulCharacter(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Checks a definition against the schema and the database's limits; returns it parsed. */
export function validateSegmentDefinition(definition: unknown): SegmentDefinition {
  const parsed = SegmentDefinition.safeParse(definition);
  if (!parsed.success) {
    throw new CodedError(ErrorCode.InvalidInput, `segment definition is invalid: ${describeIssues(parsed.error.issues)}`);
  }
  const nulAt = findNulCharacter(parsed.data.root, 'root');
  if (nulAt) throw new CodedError(ErrorCode.InvalidInput, `segment definition is invalid: ${nulAt}: text may not contain the NUL character`);
  return parsed.data;
}

/**
 * The segment's `SELECT c.id AS customer_id ...` with its values appended to `params`, so several
 * segments (or a segment and further clauses) can share one statement and its numbering.
 */
export function compileSegmentInto(definition: SegmentDefinition, params: SqlParams, options: CompileSegmentOptions): string {
  const { asOf } = options;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw new CodedError(ErrorCode.InvalidInput, 'asOf must be a valid date-time to evaluate the segment against');
  }
  const valid = validateSegmentDefinition(definition);
  const context: CompileContext = { params, asOf, path: 'root', conjunct: true };
  const parts = summarisableParts(valid.root, context);
  if (parts) return segmentFromPartsSql(parts) ?? `SELECT c.id AS customer_id FROM customers c WHERE ${conditionPartsSql(parts, context)}`;
  return `SELECT c.id AS customer_id FROM customers c WHERE ${conditionSql(valid.root, context)}`;
}

export function compileSegment(definition: SegmentDefinition, options: CompileSegmentOptions): CompiledSegment {
  const params = createSqlParams();
  const sql = compileSegmentInto(definition, params, options);
  return { sql, params: params.values };
}
