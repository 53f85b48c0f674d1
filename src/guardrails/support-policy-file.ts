// Reads the support policy file (YAML), validates it against the SupportPolicy schema and names
// every wrong field with its line, the way the campaign policy file is checked.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { SupportPolicy } from '../domain/support-policy.ts';
import { CodedError, ErrorCode } from '../errors.ts';

/** The support policy that ships with campaign-agent. */
export const DEFAULT_SUPPORT_POLICY_PATH = fileURLToPath(new URL('../../policies/support.yaml', import.meta.url));

function lineOfPath(document: ReturnType<typeof parseDocument>, counter: LineCounter, path: readonly PropertyKey[]): number | null {
  let node: unknown = document.contents;
  let line: number | null = null;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    if (!pair) break;
    if (isScalar(pair.key) && pair.key.range) line = counter.linePos(pair.key.range[0]).line;
    node = pair.value;
  }
  return line;
}

/** Validates support policy text; `fileName` only makes the error message precise. */
export function parseSupportPolicy(source: string, fileName: string): SupportPolicy {
  const counter = new LineCounter();
  const document = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  const [first] = document.errors;
  if (first) {
    throw new CodedError(ErrorCode.PolicyInvalid, `Support policy ${fileName} is not valid YAML: ${first.message.split('\n')[0]}`);
  }
  const parsed = SupportPolicy.safeParse(document.toJS());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const line = lineOfPath(document, counter, issue.path);
    const where = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return `  ${where}: ${issue.message}${line === null ? '' : ` (line ${line})`}`;
  });
  throw new CodedError(ErrorCode.PolicyInvalid, `Support policy ${fileName} has ${problems.length} problem(s):\n${problems.join('\n')}`);
}

export function loadSupportPolicy(path: string = DEFAULT_SUPPORT_POLICY_PATH): SupportPolicy {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CodedError(ErrorCode.PolicyInvalid, `Cannot read support policy ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseSupportPolicy(source, path);
}
