// Model-mode copy: the copy prompt (prompts/copy.md, loaded by name) with the brand voice and the
// campaign's request, answered by the configured chat model as JSON. The answer is validated
// against the PlannedMessage schema and must hold two variants for every planned channel; otherwise
// the offline templates write the copy instead, and the reply says so. Either way the copy then goes
// through the same mechanical guardrails as template copy (claims, channel limits, brand words,
// placeholders, required text).
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import type { Brief } from '../../src/domain/brief.ts';
import { PlannedMessage } from '../../src/domain/plan.ts';
import type { Policy } from '../../src/domain/policy.ts';
import { createLogger } from '../../src/logger.ts';
import { loadPrompt } from '../../src/prompts/load-prompt.ts';
import { renderCopyRequest } from './copy-request.ts';
import { generateOfflineCopy } from './offline-copy.ts';

export const COPY_PROMPT = 'copy';
const VARIANTS = ['A', 'B'] as const;
const log = createLogger('copy');

const CopyAnswer = z.object({ messages: z.array(PlannedMessage).min(1) });

export interface GeneratedCopy {
  messages: PlannedMessage[];
  source: 'model' | 'templates';
  /** The prompt version (content hash) used, when the model wrote the copy. */
  promptSha256: string | null;
  /** Why the model's answer was not used, when it was not. */
  problem: string | null;
}

function answerText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : ((part as { text?: string }).text ?? ''))).join('');
  return '';
}

/** The JSON object in an answer, also when the model wrapped it in a code fence or a sentence. */
function parseAnswer(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('the answer holds no JSON object');
  return JSON.parse(text.slice(start, end + 1));
}

/** Variants A and B of each planned channel, in plan order; a problem when any is missing. */
function pickMessages(answer: z.infer<typeof CopyAnswer>, brief: Brief): PlannedMessage[] | string {
  const picked: PlannedMessage[] = [];
  for (const channel of brief.channels) {
    for (const variant of VARIANTS) {
      const message = answer.messages.find((candidate) => candidate.channel === channel && candidate.variant === variant);
      if (!message) return `no ${channel} variant ${variant} in the answer`;
      picked.push({ channel, variant, title: channel === 'email' || channel === 'push' ? (message.title ?? null) : null, text: message.text.trim() });
    }
  }
  return picked;
}

export async function generateModelCopy({ chatModel, brief, policy }: { chatModel: BaseChatModel; brief: Brief; policy: Policy }): Promise<GeneratedCopy> {
  const prompt = loadPrompt(COPY_PROMPT);
  const fallback = (problem: string): GeneratedCopy => {
    log.warn({ problem, prompt: prompt.sha256.slice(0, 12) }, 'model copy unusable: using the offline templates');
    return { messages: generateOfflineCopy({ brief }), source: 'templates', promptSha256: null, problem };
  };
  let text: string;
  try {
    const answer = await chatModel.invoke([new SystemMessage(prompt.text), new HumanMessage(renderCopyRequest({ brief, policy }))]);
    text = answerText(answer.content);
  } catch (error) {
    return fallback(`the model call failed: ${(error as Error).message}`);
  }
  let parsed: z.infer<typeof CopyAnswer>;
  try {
    const checked = CopyAnswer.safeParse(parseAnswer(text));
    if (!checked.success) return fallback(`the answer does not match the copy schema: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
    parsed = checked.data;
  } catch (error) {
    return fallback(`the answer is not JSON: ${(error as Error).message}`);
  }
  const messages = pickMessages(parsed, brief);
  if (typeof messages === 'string') return fallback(messages);
  return { messages, source: 'model', promptSha256: prompt.sha256, problem: null };
}
