// One error type for the whole product: a stable code a program can branch on and a message a
// person can act on. Surfaces print `message` (CLI) or send `{ code, message }` (HTTP); nobody
// sees a stack trace for a known failure.

export const ErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  DatabaseUrlInvalid: 'DATABASE_URL_INVALID',
  DatabaseUnreachable: 'DATABASE_UNREACHABLE',
  PgvectorMissing: 'PGVECTOR_MISSING',
  DataDirLocked: 'DATA_DIR_LOCKED',
  MigrationChanged: 'MIGRATION_CHANGED',
  MigrationFailed: 'MIGRATION_FAILED',
  PolicyInvalid: 'POLICY_INVALID',
  ModelFailed: 'MODEL_FAILED',
  ToolArgumentsInvalid: 'TOOL_ARGUMENTS_INVALID',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const httpStatusByCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  DATABASE_URL_INVALID: 500,
  DATABASE_UNREACHABLE: 503,
  PGVECTOR_MISSING: 500,
  DATA_DIR_LOCKED: 503,
  MIGRATION_CHANGED: 500,
  MIGRATION_FAILED: 500,
  POLICY_INVALID: 400,
  MODEL_FAILED: 502,
  TOOL_ARGUMENTS_INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

export class CodedError extends Error {
  readonly code: ErrorCode;
  override readonly cause?: unknown;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
    this.cause = options.cause;
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into a CodedError, keeping known ones as they are. */
export function asCodedError(thrown: unknown): CodedError {
  if (thrown instanceof CodedError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new CodedError(ErrorCode.Internal, message, { cause: thrown });
}

/** Formats zod issues as `path: message` lines, the form every validation error uses. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
