// Reads the eval suites and the eval environment from the evals/ directory, validating every file
// against its schema; a mistake names the file, the case id and the field to fix.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { CodedError, ErrorCode } from '../errors.ts';
import { EvalEnvironment, SUITE_NAMES, SuiteFile, SuiteName, type LoadedSuite } from './suite-schema.ts';

/** The evals/ directory of this installation: suites, environment, baseline and recordings. */
export const EVALS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'evals');

function readYaml(path: string): unknown {
  if (!existsSync(path)) throw new CodedError(ErrorCode.NotFound, `${path} does not exist`);
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CodedError(ErrorCode.InvalidInput, `${path} is not valid YAML: ${(error as Error).message}`);
  }
}

/** Issue paths with `cases.3` spelled as the case id, so a person finds the case in the file. */
function describeSuiteIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string {
  const cases = (data as { cases?: Array<{ id?: unknown }> } | null)?.cases;
  return issues
    .map((issue) => {
      const path = [...issue.path];
      if (path[0] === 'cases' && typeof path[1] === 'number') {
        const id = cases?.[path[1]]?.id;
        const where = typeof id === 'string' ? `case "${id}"` : `case #${path[1] + 1}`;
        const rest = path.slice(2).map(String).join('.');
        return `${where}${rest ? ` ${rest}` : ''}: ${issue.message}`;
      }
      return `${path.length ? path.map(String).join('.') : '(root)'}: ${issue.message}`;
    })
    .join('; ');
}

export function loadSuiteFile(path: string): LoadedSuite {
  const data = readYaml(path);
  const text = readFileSync(path, 'utf8');
  const parsed = SuiteFile.safeParse(data);
  if (!parsed.success) throw new CodedError(ErrorCode.InvalidInput, `${path}: ${describeSuiteIssues(parsed.error.issues, data)}`);
  return {
    name: parsed.data.suite,
    description: parsed.data.description,
    cases: parsed.data.cases,
    sha256: createHash('sha256').update(text).digest('hex'),
    path,
  };
}

export interface LoadSuitesOptions {
  dir?: string;
  /** Suites to load (default: all). */
  names?: readonly string[];
}

export function loadSuites({ dir = EVALS_DIR, names = [] }: LoadSuitesOptions = {}): LoadedSuite[] {
  const unknown = names.filter((name) => !SuiteName.safeParse(name).success);
  if (unknown.length) {
    throw new CodedError(ErrorCode.InvalidInput, `unknown suite ${unknown.map((name) => `"${name}"`).join(', ')}: choose from ${SUITE_NAMES.join(', ')}`);
  }
  const wanted = names.length ? SUITE_NAMES.filter((name) => names.includes(name)) : SUITE_NAMES;
  return wanted.map((name) => loadSuiteFile(join(dir, 'suites', `${name}.yaml`)));
}

export function loadEvalEnvironment({ dir = EVALS_DIR }: { dir?: string } = {}): EvalEnvironment {
  const path = join(dir, 'environment.yaml');
  const parsed = EvalEnvironment.safeParse(readYaml(path));
  if (!parsed.success) throw new CodedError(ErrorCode.InvalidInput, `${path}: ${describeSuiteIssues(parsed.error.issues, null)}`);
  return parsed.data;
}
