// The shapes the support API accepts and returns (POST /api/support/...). Request bodies are
// validated with these schemas; the reply mirrors SupportService's SupportReply.
import { z } from 'zod';
import { EscalationReason, Register, SentimentBand, SentimentTrend } from '../../domain/support-policy.ts';
import { Locale } from '../../domain/vocabulary.ts';
import { Sentiment } from '../../sentiment/sentiment.ts';
import { ThreadId } from './api-schemas.ts';

const CustomerText = z.string().trim().min(1, 'the text is empty: write the customer message').max(4000);

export const SupportConversationBody = z.object({
  /** The customer's first message; omit to open an empty conversation. */
  text: CustomerText.optional(),
});

export const SupportMessageBody = z.object({ text: CustomerText });

export const SupportConversationId = ThreadId;

export const SupportReplyBody = z.object({
  threadId: ThreadId,
  turn: z.number().int(),
  reply: z.string(),
  language: Locale,
  sentiment: Sentiment,
  tone: z.object({ band: SentimentBand, trend: SentimentTrend, register: Register }),
  offer: z.object({ orderId: z.string(), amount: z.number(), currency: z.string(), percent: z.number() }).nullable(),
  verified: z.boolean(),
  escalation: z.object({ reason: EscalationReason, summary: z.string() }).nullable(),
  replySource: z.enum(['template', 'model', 'model_rejected']),
});

export const SupportConversationCreated = z.object({ threadId: ThreadId, reply: SupportReplyBody.nullable() });

export const SupportTurnsBody = z.object({
  threadId: ThreadId,
  turns: z.array(
    z.object({
      turn: z.number().int(),
      band: SentimentBand,
      trend: SentimentTrend,
      register: Register,
      intent: z.string(),
      offer: SupportReplyBody.shape.offer,
      escalation: EscalationReason.nullable(),
    }),
  ),
});

/** What a customer sees of a reply on the public help page: the text, any coupon and whether a person takes over. */
export const PublicSupportReply = z.object({
  reply: z.string(),
  language: Locale,
  offer: SupportReplyBody.shape.offer,
  verified: z.boolean(),
  /** True once the conversation is handed to a person. */
  handedOver: z.boolean(),
});
export type PublicSupportReply = z.infer<typeof PublicSupportReply>;

/** POST /public/support/conversations: the new conversation, the key its later messages must carry, and any first reply. */
export const PublicConversationCreated = z.object({
  conversationId: ThreadId,
  /** Send as the X-Conversation-Key header with every later message of this conversation. */
  key: z.string(),
  reply: PublicSupportReply.nullable(),
});
export type PublicConversationCreated = z.infer<typeof PublicConversationCreated>;
