// Deterministic checks of a plan against a case's expectations: final status, brief fields,
// segment conditions, guardrail verdicts; and checks every plan must pass whatever the case
// (answer in the goal's language, ordered forecast ranges).
import type { Condition } from '../../domain/segment.ts';
import type { Plan, Range } from '../../domain/plan.ts';
import { cjkShare, containsHan } from '../../../tools/copy/text-script.ts';
import type { CaseOutput } from '../case-output.ts';
import type { EvalCase } from '../suite-schema.ts';
import { failed, fraction, passed, show, type Score } from './score.ts';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Every field named in `expected` equals the same field of `actual`. */
export function matchesFields(actual: unknown, expected: Record<string, unknown>): boolean {
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.entries(expected).every(([key, value]) => deepEqual((actual as Record<string, unknown>)[key], value));
}

export interface SegmentLeaf {
  condition: Condition;
  /** Inside an odd number of `not`s. */
  negated: boolean;
}

export function segmentLeaves(condition: Condition, negated = false): SegmentLeaf[] {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return condition.conditions.flatMap((child) => segmentLeaves(child, negated));
    case 'not':
      return segmentLeaves(condition.condition, !negated);
    default:
      return [{ condition, negated }];
  }
}

function leafMatches(leaf: SegmentLeaf, expected: Record<string, unknown>): boolean {
  const { negated = false, ...fields } = expected;
  return leaf.negated === negated && matchesFields(leaf.condition, fields);
}

function statusScore(plan: Plan, expected: NonNullable<EvalCase['expect']['status']>): Score {
  const allowed = Array.isArray(expected) ? expected : [expected];
  return allowed.includes(plan.status)
    ? passed('status', `status ${plan.status}`)
    : failed('status', `status ${plan.status}, expected ${allowed.join(' or ')}${plan.question ? ` (asked: ${plan.question})` : ''}`);
}

function briefScores(plan: Plan, expected: NonNullable<EvalCase['expect']['brief']>): Score[] {
  const brief = plan.brief;
  return Object.entries(expected).map(([field, want]): Score => {
    const key = `brief.${field}`;
    if (!brief) return failed(key, `no brief (status ${plan.status}), expected ${field} ${show(want)}`);
    const got = brief[field as keyof typeof brief];
    const same =
      field === 'channels'
        ? deepEqual([...(got as string[])].sort(), [...(want as string[])].sort())
        : field === 'timing'
          ? matchesFields(got, want as Record<string, unknown>)
          : deepEqual(got, want);
    return same ? passed(key, `${field} ${show(got)}`) : failed(key, `${field} ${show(got)}, expected ${show(want)}`);
  });
}

function segmentScores(plan: Plan, expected: NonNullable<EvalCase['expect']['segment']>): Score[] {
  const scores: Score[] = [];
  const leaves = plan.segment ? segmentLeaves(plan.segment.definition.root) : [];
  const none = `no segment (status ${plan.status})`;
  if (expected.kinds) {
    const present = new Set(leaves.map((leaf) => leaf.condition.kind));
    const missing = expected.kinds.filter((kind) => !present.has(kind as Condition['kind']));
    scores.push(
      fraction('segment.kinds', expected.kinds.length - missing.length, expected.kinds.length,
        plan.segment ? missing.map((kind) => `no ${kind} condition (has ${[...present].join(', ') || 'none'})`) : missing.length ? [none] : [],
        `has ${expected.kinds.join(', ')}`),
    );
  }
  const required = expected.conditions ?? [];
  const forbidden = expected.forbidden ?? [];
  if (required.length + forbidden.length > 0) {
    const problems: string[] = [];
    for (const want of required) if (!leaves.some((leaf) => leafMatches(leaf, want))) problems.push(`no condition matching ${show(want)}`);
    for (const unwanted of forbidden) if (leaves.some((leaf) => leafMatches(leaf, unwanted))) problems.push(`has a condition matching ${show(unwanted)}`);
    const total = required.length + forbidden.length;
    scores.push(fraction('segment.conditions', total - problems.length, total, plan.segment ? problems : [none], 'conditions as expected'));
  }
  return scores;
}

function guardrailScore(plan: Plan, expected: Record<string, string>): Score {
  const problems: string[] = [];
  for (const [rule, status] of Object.entries(expected)) {
    const verdict = plan.guardrails.find((entry) => entry.rule === rule);
    if (!verdict) problems.push(`no ${rule} verdict, expected ${status}`);
    else if (verdict.status !== status) problems.push(`${rule} ${verdict.status}, expected ${status}: ${verdict.detail}`);
  }
  const total = Object.keys(expected).length;
  return fraction('guardrails.verdicts', total - problems.length, total, problems, Object.entries(expected).map(([rule, status]) => `${rule} ${status}`).join(', '));
}

/** The agent's words to the marketer are in the goal's language. */
function summaryLanguageScore(plan: Plan, locale: EvalCase['locale']): Score | null {
  const words = plan.question ?? plan.summary;
  if (!words.trim()) return null;
  if (locale === 'zh') {
    const share = cjkShare(words);
    return share >= 0.5 ? passed('language.summary', `Chinese (${Math.round(share * 100)}% Chinese characters)`) : failed('language.summary', `mostly not Chinese (${Math.round(share * 100)}% Chinese characters): "${words.slice(0, 160)}"`, share);
  }
  return containsHan(words) ? failed('language.summary', `English answer contains Chinese: "${words.slice(0, 160)}"`) : passed('language.summary', 'English');
}

function ordered(range: Range): boolean {
  return range.p10 <= range.p50 && range.p50 <= range.p90;
}

/** A plan that waits for approval or was scheduled has a forecast with ordered ranges and a plausible reach. */
function forecastScore(plan: Plan): Score | null {
  const needsForecast = plan.status === 'needs_approval' || plan.status === 'scheduled';
  const forecast = plan.forecast;
  if (!forecast) return needsForecast ? failed('forecast.sane', `a ${plan.status} plan has no forecast`) : null;
  const problems: string[] = [];
  for (const name of ['conversions', 'incrementalConversions', 'revenue', 'cost', 'roi'] as const) {
    if (!ordered(forecast[name])) problems.push(`${name} range is not ordered: ${show(forecast[name])}`);
  }
  const reachable = Object.values(plan.segment?.reachable ?? {}).reduce((sum, count) => sum + (count ?? 0), 0);
  if (forecast.reach > reachable) problems.push(`reach ${forecast.reach} exceeds the ${reachable} reachable customers`);
  return fraction('forecast.sane', 6 - problems.length, 6, problems, `ordered ranges, reach ${forecast.reach} of ${reachable} reachable`);
}

export function planScores(evalCase: EvalCase, output: CaseOutput): Score[] {
  const { plan } = output;
  const expect = evalCase.expect;
  const scores: Score[] = [];
  if (expect.status) scores.push(statusScore(plan, expect.status));
  if (expect.brief) scores.push(...briefScores(plan, expect.brief));
  if (expect.segment) scores.push(...segmentScores(plan, expect.segment));
  if (expect.guardrails) scores.push(guardrailScore(plan, expect.guardrails));
  const language = summaryLanguageScore(plan, evalCase.locale);
  if (language) scores.push(language);
  const forecast = forecastScore(plan);
  if (forecast) scores.push(forecast);
  return scores;
}
