// /api/support: a customer conversation with the support bot, for a chat widget or a help-desk
// backend holding an API token. Open a conversation, send customer messages, read the turns with
// the tone chosen for each. The bot itself verifies customers before showing any order.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { SupportService } from '../../agents/support/support-service.ts';
import { CodedError, ErrorCode } from '../../errors.ts';
import { parseWith } from './http-errors.ts';
import { SupportConversationBody, SupportConversationId, SupportMessageBody } from './support-api-schemas.ts';

export function supportRoutes({ support }: { support: SupportService }): Router {
  const router = Router();

  router.post('/support/conversations', async (request, response) => {
    const { text } = parseWith(SupportConversationBody, request.body, 'body');
    const threadId = randomUUID();
    const reply = text ? await support.send(threadId, text) : null;
    response.status(201).json({ threadId, reply });
  });

  router.post('/support/conversations/:id/messages', async (request, response) => {
    const threadId = parseWith(SupportConversationId, request.params.id, 'path');
    const { text } = parseWith(SupportMessageBody, request.body, 'body');
    response.json(await support.send(threadId, text));
  });

  router.get('/support/conversations/:id', async (request, response) => {
    const threadId = parseWith(SupportConversationId, request.params.id, 'path');
    const turns = await support.turns(threadId);
    if (turns.length === 0) throw new CodedError(ErrorCode.NotFound, `support conversation ${threadId} has no messages yet; POST /api/support/conversations/${threadId}/messages first`);
    response.json({
      threadId,
      turns: turns.map((turn) => ({ turn: turn.turn, band: turn.tone.band, trend: turn.tone.trend, register: turn.tone.register, intent: turn.intent, offer: turn.offer, escalation: turn.escalation })),
    });
  });

  return router;
}
