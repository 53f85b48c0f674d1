// Turns zod validation issues on a policy file into sentences a marketer can act on:
// `discount.ceilingPercent: expected a number <= 100` rather than zod's own wording.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const expectedNames: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a section of settings',
  record: 'a section of settings',
};

/** The value found at `path` in the parsed file, or undefined when there is none. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a section of settings';
  return JSON.stringify(value);
}

function sizeBound(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>, bound: number | bigint): string {
  const below = issue.code === 'too_big';
  const comparison = issue.inclusive ? (below ? '<=' : '>=') : below ? '<' : '>';
  const words = below ? 'at most' : 'at least';
  const exact = 'exact' in issue && issue.exact;
  const unit = (singular: string) => `${bound} ${singular}${Number(bound) === 1 ? '' : 's'}`;
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      return `expected a number ${comparison} ${bound}`;
    case 'string':
      return `expected ${exact ? 'exactly' : words} ${unit('character')}`;
    case 'array':
    case 'set':
      return `expected ${exact ? 'exactly' : words} ${unit('item')}`;
    default:
      return issue.message;
  }
}

/** The readable message for one issue, without its path. */
export function describePolicyIssue(issue: Issue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedNames[issue.expected] ?? issue.expected;
      const found = valueAt(data, issue.path);
      return found === undefined ? `missing, expected ${expected}` : `expected ${expected}, got ${describeValue(found)}`;
    }
    case 'too_big':
      return sizeBound(issue, issue.maximum);
    case 'too_small':
      return sizeBound(issue, issue.minimum);
    case 'invalid_value': {
      const choices = issue.values.map((value) => JSON.stringify(value));
      const expected = choices.length === 1 ? choices[0] : `one of ${choices.join(', ')}`;
      const found = valueAt(data, issue.path);
      return found === undefined ? `missing, expected ${expected}` : `expected ${expected}, got ${describeValue(found)}`;
    }
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_union': {
      const here = valueAt(data, issue.path);
      const alternatives = issue.errors.flatMap((issues) => {
        const first = issues[0];
        if (!first) return [];
        return [`${first.path.length ? `${issuePath(first.path)}: ` : ''}${describePolicyIssue(first, here)}`];
      });
      return alternatives.length ? `matches none of the allowed forms (${alternatives.join('; or ')})` : issue.message;
    }
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') && issue.format === 'regex' && 'pattern' in issue
        ? `expected text matching ${String(issue.pattern)}`
        : issue.message;
    default:
      return issue.message;
  }
}

/** `discount.ceilingPercent`, or `(root)` for the file as a whole. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(root)';
}
