// The model path: the configured chat model rewrites the decided content in the chosen register.
// It receives the decisions (never makes them) and its text is checked like any other reply.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Register } from '../../../domain/support-policy.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { maskPii } from '../../../logger.ts';
import { loadPrompt } from '../../../prompts/load-prompt.ts';

export const SUPPORT_PROMPT = 'support-reply';

export interface ModelReplyInput {
  model: BaseChatModel;
  language: Locale;
  register: Register;
  /** The template reply: every sentence the model may rephrase, and nothing more. */
  decidedContent: string;
  customerMessage: string;
}

export function supportPromptText(): string {
  return loadPrompt(SUPPORT_PROMPT).text;
}

/** The customer's own message goes to the model with e-mail addresses and phone numbers masked. */
export async function writeModelReply({ model, language, register, decidedContent, customerMessage }: ModelReplyInput): Promise<string> {
  const system = `${supportPromptText()}\nLANGUAGE: ${language}\nREGISTER: ${register}\nDECIDED CONTENT:\n${decidedContent}\n`;
  const answer = await model.invoke([new SystemMessage(system), new HumanMessage(maskPii(customerMessage.slice(0, 4000)))]);
  const content = answer.content;
  const text = typeof content === 'string' ? content : content.map((part) => ('text' in part ? String(part.text) : '')).join('');
  return text.trim();
}
