// Fires many model calls at once (chat and embeddings) through a loaded model pair, each chat with a
// message of its own, for tests that load the model path from several clients and processes.
import type { LoadedModels } from '../models/load-models.ts';

export interface ModelBurstOptions {
  /** Prefix of every chat message, so answers can be told apart across clients. */
  label: string;
  chatCalls: number;
  embeddingCalls: number;
}

export interface ModelBurstResult {
  /** The text of each chat answer, in call order. */
  chatAnswers: string[];
  /** The length of each embedding vector, in call order. */
  embeddingLengths: number[];
}

/**
 * One chat and one embedding call, answered before a measured burst: a process's first requests
 * are slower to leave it (the HTTP client loads, a connection opens; up to 0.4 s on a loaded
 * machine), and a burst should show the steady state.
 */
export async function warmUpModels(models: Pick<LoadedModels, 'chatModel' | 'embedder'>): Promise<void> {
  await models.chatModel.invoke('warm-up');
  await models.embedder.embeddings.embedQuery('warm-up');
}

export function burstMessage(label: string, index: number): string {
  return `${label} call ${index}`;
}

export async function runModelBurst(models: Pick<LoadedModels, 'chatModel' | 'embedder'>, { label, chatCalls, embeddingCalls }: ModelBurstOptions): Promise<ModelBurstResult> {
  const chats = Array.from({ length: chatCalls }, async function askOnce(_, index) {
    const answer = await models.chatModel.invoke(burstMessage(label, index));
    return String(answer.content);
  });
  const embeddings = Array.from({ length: embeddingCalls }, async function embedOnce(_, index) {
    return (await models.embedder.embeddings.embedQuery(`${label} text ${index}`)).length;
  });
  const [chatAnswers, embeddingLengths] = await Promise.all([Promise.all(chats), Promise.all(embeddings)]);
  return { chatAnswers, embeddingLengths };
}
