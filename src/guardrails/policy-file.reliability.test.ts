// Fuzzing policy files (fast-check): the shipped policy with one value anywhere in it replaced by an
// arbitrary JSON value, and arbitrary text as a whole file. Loading either succeeds with a valid
// policy or fails with POLICY_INVALID and, for a wrong value, a message naming its path; nothing
// else is ever thrown.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CodedError } from '../errors.ts';
import { DEFAULT_POLICY_PATH, loadPolicy } from './policy-file.ts';

const shipped = parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'campaign-agent-policy-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every path to a leaf value of the shipped policy, e.g. ['discount', 'ceilingPercent']. */
function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [path];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => leafPaths(inner, [...path, key]));
}
const paths = leafPaths(shipped);

function withValueAt(path: readonly string[], replacement: unknown): unknown {
  const copy = structuredClone(shipped) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

function loadOutcome(file: string): { ok: true } | { ok: false; message: string } {
  try {
    loadPolicy(file);
    return { ok: true };
  } catch (error) {
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('POLICY_INVALID');
    return { ok: false, message: (error as CodedError).message };
  }
}

describe('policy files under fuzzing', () => {
  it('a wrong value anywhere is refused naming its path, or accepted as valid', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, replacement) => {
        const file = join(dir, 'policy.json');
        writeFileSync(file, JSON.stringify(withValueAt(path, replacement)));
        const outcome = loadOutcome(file);
        if (!outcome.ok) {
          refused += 1;
          expect(outcome.message).toContain(path.filter((key) => !/^\d+$/.test(key)).slice(0, 1).join('.'));
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it('arbitrary text as a YAML or JSON file is refused with POLICY_INVALID, never another error', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('policy.yaml', 'policy.json'), (text, name) => {
        const file = join(dir, name);
        writeFileSync(file, text);
        loadOutcome(file);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
