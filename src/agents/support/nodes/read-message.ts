// Reads the latest customer message: its sentiment (label, score, confidence), language, what it
// asks for and any order number, e-mail or phone in it. Counts very negative messages.
import { HumanMessage } from '@langchain/core/messages';
import type { Locale } from '../../../domain/vocabulary.ts';
import { detectLanguage } from '../../../sentiment/detect-language.ts';
import { detectSentiment } from '../../../sentiment/detect-sentiment.ts';
import { sentimentBand } from '../decide/choose-tone.ts';
import type { SupportDeps } from '../deps.ts';
import { extractIdentifiers, type Identifiers } from '../understand/identifiers.ts';
import { detectIntent } from '../understand/intent.ts';
import type { SupportStateType, SupportUpdate } from '../state.ts';

/** The text of the newest customer message. */
export function latestCustomerText(state: Pick<SupportStateType, 'messages'>): string {
  const last = [...state.messages].reverse().find((message) => HumanMessage.isInstance(message));
  const content = last?.content ?? '';
  return typeof content === 'string' ? content : content.map((part) => ('text' in part ? String(part.text) : '')).join(' ');
}

/**
 * The language of a message, judged without its order numbers, e-mail and phone ("订单 O1-2 邮箱
 * a@b.cn" is Chinese); a message of identifiers alone keeps the conversation's language.
 */
export function messageLanguage(text: string, identifiers: Identifiers, previous: Locale | null): Locale {
  let words = text.normalize('NFKC');
  for (const part of [...identifiers.orderIds, identifiers.email, identifiers.phone]) if (part) words = words.replaceAll(part, ' ');
  if (previous && !/[A-Za-z\u3400-\u9fff]/u.test(words.replace(/\b(?:order|email|e-mail|phone|mobile|tel|no)\b/gi, ''))) return previous;
  return detectLanguage(words);
}

export function makeReadMessage({ supportPolicy }: SupportDeps) {
  return function readMessage(state: SupportStateType): SupportUpdate {
    const text = latestCustomerText(state);
    const identifiers = extractIdentifiers(text);
    const sentiment = detectSentiment(text, { language: messageLanguage(text, identifiers, state.turn > 0 ? state.language : null) });
    const hasIdentifiers = identifiers.orderIds.length > 0 || identifiers.email !== null || identifiers.phone !== null;
    const { intent, matched } = detectIntent(text, { hasIdentifiers });
    const band = sentimentBand(sentiment, supportPolicy.sentiment);
    const veryNegative = band === 'very_negative';
    // An upset message that asks for nothing in particular is a complaint.
    const upset = intent === 'other' && (band === 'negative' || veryNegative);
    return {
      turn: state.turn + 1,
      language: sentiment.language,
      sentiment,
      scores: [...state.scores, sentiment.score],
      veryNegativeTurns: state.veryNegativeTurns + (veryNegative ? 1 : 0),
      intents: upset ? ['complaint'] : [intent, ...matched.filter((other) => other !== intent)],
      identifiers,
      verification: 'none',
      answer: null,
      offer: null,
    };
  };
}
