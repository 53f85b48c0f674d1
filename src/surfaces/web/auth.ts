// Bearer-token authentication and per-token rate limits for /api. The token identifies a person and
// their role; requests without a known token get 401. Limits count per token, and per address for
// requests without a valid one, so guessing tokens is slowed down too.
import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { CodedError, ErrorCode } from '../../errors.ts';
import { hashToken, type Identity, type TokenRegistry } from './api-tokens.ts';
import { HttpOnlyCode, sendError } from './http-errors.ts';

interface AuthLocals {
  identity?: Identity | null;
  tokenKey?: string;
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** Reads the bearer token and who it stands for; does not refuse anyone yet. */
export function identifyCaller(registry: TokenRegistry): RequestHandler {
  return function identify(request, response, next) {
    const token = bearerToken(request.get('authorization'));
    const locals = response.locals as AuthLocals;
    locals.identity = token ? registry.identify(token) : null;
    locals.tokenKey = token && locals.identity ? `token:${hashToken(token).slice(0, 32)}` : undefined;
    next();
  };
}

/** Refuses callers without a known token (401, with a hint on how to authenticate). */
export const requireIdentity: RequestHandler = function requireIdentity(request, response, next) {
  const locals = response.locals as AuthLocals;
  if (locals.identity) {
    next();
    return;
  }
  response.set('WWW-Authenticate', 'Bearer');
  const presented = bearerToken(request.get('authorization')) !== null;
  next(
    new CodedError(
      ErrorCode.Unauthorized,
      presented
        ? 'the bearer token is not valid: use a token from API_TOKENS or the local admin token printed at first start'
        : 'authentication required: send the header "Authorization: Bearer <token>"',
    ),
  );
};

/** The authenticated caller (after requireIdentity). */
export function callerOf(response: Response): Identity {
  const identity = (response.locals as AuthLocals).identity;
  if (!identity) throw new CodedError(ErrorCode.Unauthorized, 'authentication required: send the header "Authorization: Bearer <token>"');
  return identity;
}

export interface RateLimitOptions {
  /** Requests allowed per token (or address) per window. */
  limit?: number;
  windowMs?: number;
}

export function rateLimitPerToken({ limit = 300, windowMs = 60_000 }: RateLimitOptions = {}): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator(request, response) {
      return (response.locals as AuthLocals).tokenKey ?? `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`;
    },
    handler(_request, response) {
      sendError(response, 429, HttpOnlyCode.RateLimited, `too many requests: at most ${limit} per ${Math.round(windowMs / 1000)} s per token; wait and try again`);
    },
  });
}
