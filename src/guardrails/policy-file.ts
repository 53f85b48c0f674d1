// Reads the policy file (YAML or JSON, by extension), validates it against the Policy schema and
// reports every problem with its path, line and file name. Also prints the policy in effect.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { Document } from 'yaml';
import { Policy } from '../domain/policy.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { describePolicyIssue, issuePath } from './policy-issues.ts';

/** The policy that ships with campaign-agent, found beside the source, wherever the process runs. */
export const DEFAULT_POLICY_PATH = fileURLToPath(new URL('../../policies/default.yaml', import.meta.url));

type LineOf = (path: readonly PropertyKey[]) => number | null;

interface ParsedFile {
  data: unknown;
  lineOf: LineOf;
}

function policyError(message: string, cause?: unknown): CodedError {
  return new CodedError(ErrorCode.PolicyInvalid, message, { cause });
}

function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw policyError(`Policy file ${path} does not exist.`, error);
    if (code === 'EISDIR') throw policyError(`Policy file ${path} is a directory, not a file.`, error);
    throw policyError(`Cannot read policy file ${path}: ${(error as Error).message}`, error);
  }
}

/** Line of the key (or list item) at `path` in a parsed YAML document, or of its nearest parent that exists. */
function lineFinder(document: Document, lineCounter: LineCounter): LineOf {
  return (path) => {
    let node: unknown = document.contents;
    let line: number | null = null;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) break;
        const range = isScalar(pair.key) ? pair.key.range : null;
        if (range) line = lineCounter.linePos(range[0]).line;
        node = pair.value;
      } else if (isSeq(node)) {
        const item: unknown = node.items[Number(key)];
        const range = (item as { range?: [number, number, number] } | undefined)?.range;
        if (!range) break;
        line = lineCounter.linePos(range[0]).line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
}

function parseYamlSource(source: string, path: string): ParsedFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const [first] = document.errors;
  if (first) {
    const position = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    const where = position ? ` at line ${position.line}, column ${position.col}` : '';
    throw policyError(`Policy file ${path} is not valid YAML${where}: ${first.message.split('\n')[0]}`, first);
  }
  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    // Well-formed YAML can still fail to resolve, e.g. an alias (`*name`) with no anchor.
    throw policyError(`Policy file ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, error);
  }
  return { data, lineOf: lineFinder(document, lineCounter) };
}

function parseJsonSource(source: string, path: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const lineAndColumn = message.match(/line (\d+) column (\d+)/);
    const where = lineAndColumn ? ` at line ${lineAndColumn[1]}, column ${lineAndColumn[2]}` : '';
    const reason = message.replace(/ in JSON at position \d+.*$/, '');
    throw policyError(`Policy file ${path} is not valid JSON${where}: ${reason}`, error);
  }
  // JSON is YAML too: the YAML parser finds the lines validation issues point at.
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  return { data, lineOf: document.errors.length ? () => null : lineFinder(document, lineCounter) };
}

type Validation = { ok: true; policy: Policy } | { ok: false; problems: string[] };

/** Every problem with already-parsed policy data, one `path: message (line n)` per problem. */
function validate(data: unknown, lineOf: LineOf): Validation {
  const result = Policy.safeParse(data);
  if (result.success) return { ok: true, policy: result.data };
  const problems = result.error.issues.map((issue) => {
    const line = lineOf(issue.path);
    return `${issuePath(issue.path)}: ${describePolicyIssue(issue, data)}${line === null ? '' : ` (line ${line})`}`;
  });
  return { ok: false, problems };
}

/** Validates already-parsed policy data; `fileName` and `lineOf` only make the error message precise. */
export function validatePolicy(data: unknown, fileName: string, lineOf: LineOf = () => null): Policy {
  if (data === null || data === undefined) throw policyError(`Policy file ${fileName} is empty.`);
  const validation = validate(data, lineOf);
  if (validation.ok) return validation.policy;
  const count = validation.problems.length === 1 ? '1 problem' : `${validation.problems.length} problems`;
  throw policyError(`Policy file ${fileName} has ${count}:\n${validation.problems.map((problem) => `  ${problem}`).join('\n')}`);
}

function readPolicyFile(path: string): ParsedFile {
  const extension = extname(path).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(extension)) {
    throw policyError(`Policy file ${path} must end in .yaml, .yml or .json.`);
  }
  const source = readSource(path);
  return extension === '.json' ? parseJsonSource(source, path) : parseYamlSource(source, path);
}

/** Reads and validates a policy file; `.yaml`/`.yml` as YAML, `.json` as JSON. */
export function loadPolicy(path: string = DEFAULT_POLICY_PATH): Policy {
  const parsed = readPolicyFile(path);
  return validatePolicy(parsed.data, path, parsed.lineOf);
}

export type PolicyFileCheck = { ok: true; policy: Policy } | { ok: false; problems: string[] };

/**
 * Checks a policy file without throwing for what is wrong with it: every validation problem as
 * `discount.ceilingPercent: expected a number <= 100 (line 14)`, or the one reason the file could
 * not be read or parsed.
 */
export function checkPolicyFile(path: string): PolicyFileCheck {
  let parsed: ParsedFile;
  try {
    parsed = readPolicyFile(path);
  } catch (error) {
    if (error instanceof CodedError && error.code === ErrorCode.PolicyInvalid) return { ok: false, problems: [error.message] };
    throw error;
  }
  if (parsed.data === null || parsed.data === undefined) return { ok: false, problems: [`Policy file ${path} is empty.`] };
  return validate(parsed.data, parsed.lineOf);
}

/** The policy in effect, printed as YAML. */
export function formatPolicy(policy: Policy): string {
  return stringify(policy, { lineWidth: 0 });
}
