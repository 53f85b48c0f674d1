// Checks a parser's output against its domain schema: a miss is a bug in the parser, not bad input.
import type { ZodType } from 'zod';
import { CodedError, ErrorCode, describeIssues } from '../../../errors.ts';

export function checkedOutput<T>(schema: ZodType<T>, value: T, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CodedError(ErrorCode.Internal, `offline parser built an invalid ${what}: ${describeIssues(result.error.issues)}`);
  }
  return value;
}
