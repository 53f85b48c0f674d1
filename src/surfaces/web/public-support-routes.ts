// /public/support: the support bot for customers, without an API token (served only when
// PUBLIC_SUPPORT=on). A conversation is opened by the server, which returns its id with a key
// (HMAC-SHA256 of the id under an installation secret); every later message must carry that key in
// X-Conversation-Key, so a visitor reaches only conversations they opened, never a planner thread or
// another customer's conversation. Replies show the customer what is theirs to see (text, coupon,
// hand-over), not the tone and sentiment the support team sees. Requests are limited per address.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { SupportReply, SupportService } from '../../agents/support/support-service.ts';
import type { Queryable } from '../../data/database.ts';
import { installationSecret } from '../../data/installation-secrets.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import { apiErrorHandler, apiNotFound, HttpOnlyCode, parseWith, sendError } from './http-errors.ts';
import { PublicSupportReply, SupportConversationBody, SupportConversationId, SupportMessageBody } from './support-api-schemas.ts';

const BODY_LIMIT = '16kb';
const ID_PREFIX = 'help-';

export interface PublicSupportOptions {
  support: SupportService;
  db: Queryable;
  /** Requests per address per window; default 60 per 10 minutes. */
  limit?: number;
  windowMs?: number;
}

function keyOf(secret: string, conversationId: string): string {
  return createHmac('sha256', secret).update(`public-support:${conversationId}`).digest('base64url');
}

function sameKey(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function toPublicReply(reply: SupportReply): PublicSupportReply {
  return { reply: reply.reply, language: reply.language, offer: reply.offer, verified: reply.verified, handedOver: reply.escalation !== null };
}

function limitPerAddress(limit: number, windowMs: number): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (request) => `ip:${ipKeyGenerator(request.ip ?? 'unknown')}`,
    handler(_request, response) {
      sendError(response, 429, HttpOnlyCode.RateLimited, `too many messages: at most ${limit} per ${Math.round(windowMs / 60_000)} minutes from one address; wait and try again`);
    },
  });
}

export function publicSupportRoutes({ support, db, limit = 60, windowMs = 10 * 60_000 }: PublicSupportOptions): Router {
  let secret: Promise<string> | null = null;
  const signingSecret = () => (secret ??= installationSecret(db, 'public-support'));
  const router = Router();
  router.use(limitPerAddress(limit, windowMs), express.json({ limit: BODY_LIMIT, type: () => true }));

  router.post('/support/conversations', async (request, response) => {
    const { text } = parseWith(SupportConversationBody, request.body, 'body');
    const conversationId = `${ID_PREFIX}${randomUUID()}`;
    const reply = text ? toPublicReply(await support.send(conversationId, text)) : null;
    response.status(201).json({ conversationId, key: keyOf(await signingSecret(), conversationId), reply });
  });

  router.post('/support/conversations/:id/messages', async (request, response) => {
    const conversationId = parseWith(SupportConversationId, request.params.id, 'path');
    const given = request.get('x-conversation-key') ?? '';
    // The same answer for an unknown id and a wrong key, so ids cannot be probed.
    if (!conversationId.startsWith(ID_PREFIX) || !sameKey(keyOf(await signingSecret(), conversationId), given)) {
      throw new CodedError(ErrorCode.NotFound, 'there is no such conversation: open one with POST /public/support/conversations and send its key as X-Conversation-Key');
    }
    const { text } = parseWith(SupportMessageBody, request.body, 'body');
    response.json(toPublicReply(await support.send(conversationId, text)));
  });

  router.use(apiNotFound);
  router.use(apiErrorHandler({ bodyLimit: BODY_LIMIT }));
  return router;
}
