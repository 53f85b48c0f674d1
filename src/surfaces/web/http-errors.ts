// Every failure of the HTTP API as JSON `{ code, message }` with the status its code stands for:
// known errors keep their code, malformed or oversized bodies get a plain explanation, anything
// unexpected is logged and reported as INTERNAL without internals.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { CodedError, describeIssues, ErrorCode } from '../../errors.ts';
import { createLogger } from '../../logger.ts';

const log = createLogger('http');

/** Codes the HTTP layer adds for limits it enforces itself. */
export const HttpOnlyCode = { RateLimited: 'RATE_LIMITED', PayloadTooLarge: 'PAYLOAD_TOO_LARGE' } as const;

export function sendError(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ code, message });
}

/** Parses a request part with a zod schema, or throws INVALID_INPUT naming the wrong fields. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, part: 'body' | 'query' | 'path'): z.output<T> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new CodedError(ErrorCode.InvalidInput, `${part} is invalid: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

export function apiErrorHandler({ bodyLimit }: { bodyLimit: string }): ErrorRequestHandler {
  return function handleApiError(error: unknown, request: Request, response: Response, next) {
    if (response.headersSent) {
      next(error);
      return;
    }
    if (error instanceof CodedError) {
      if (error.httpStatus >= 500) log.error({ err: error, path: request.path }, 'request failed');
      sendError(response, error.httpStatus, error.code, error.message);
      return;
    }
    const parserError = error as BodyParserError;
    if (parserError?.type === 'entity.too.large') {
      sendError(response, 413, HttpOnlyCode.PayloadTooLarge, `the request body is larger than ${bodyLimit}; send less text`);
      return;
    }
    if (parserError?.type === 'entity.parse.failed') {
      sendError(response, 400, ErrorCode.InvalidInput, 'the request body is not valid JSON');
      return;
    }
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      sendError(response, parserError.status, ErrorCode.InvalidInput, error instanceof Error ? error.message : 'the request was not understood');
      return;
    }
    log.error({ err: error, path: request.path }, 'unexpected error');
    sendError(response, 500, ErrorCode.Internal, 'the server failed to handle this request; the details are in its log');
  };
}

/** Unknown /api paths answer in JSON, not with the HTML page. */
export const apiNotFound: RequestHandler = (request, response) => {
  sendError(response, 404, ErrorCode.NotFound, `no API route ${request.method} ${request.originalUrl.split('?')[0]}; see /api/openapi.json`);
};
