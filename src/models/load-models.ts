// The one place that turns configuration into a chat model and an embedder. Nodes and tools
// receive these objects and never name a model or a provider.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.ts';
import type { Queryable } from '../data/database.ts';
import { EMBEDDING_DIMENSIONS, OfflineEmbeddings } from './offline-embedder.ts';
import { OfflinePlannerModel } from './offline/offline-planner-model.ts';
import { rateLimitedFetch } from './rate-limited-fetch.ts';

export interface NamedEmbedder {
  /** Identifies the embedding model; memory only compares vectors made by the same one. */
  id: string;
  embeddings: Embeddings;
}

export interface LoadedModels {
  mode: Config['model']['mode'];
  /** Human-readable, for the README's "which model is in use" and `/health`. */
  description: string;
  chatModel: BaseChatModel;
  embedder: NamedEmbedder;
}

export interface LoadModelsOptions {
  /** Clock for the offline model's relative dates. */
  now?: () => Date;
  /**
   * The database every process shares, which keeps the model rate limit (CAMPAIGN_AGENT_MODEL_RPS).
   * Without it (evals, which open no database) requests are not rate limited.
   */
  db?: Queryable;
}

/**
 * The models the configuration asks for. The OpenAI-compatible client is imported only when an API
 * key selects it: loading it costs the offline default a noticeable part of its start-up.
 */
export async function loadModels(config: Pick<Config, 'model' | 'timeZone'>, { now, db }: LoadModelsOptions = {}): Promise<LoadedModels> {
  const { model } = config;
  if (model.mode === 'offline' || !model.apiKey) {
    return {
      mode: 'offline',
      description: 'built-in offline model and embedder (no API key set)',
      chatModel: new OfflinePlannerModel({ timeZone: config.timeZone, now }),
      embedder: { id: 'offline-hash-v1', embeddings: new OfflineEmbeddings() },
    };
  }
  const { ChatOpenAI, OpenAIEmbeddings } = await import('@langchain/openai');
  // Every HTTP request of both clients, retries included, goes through this fetch.
  const fetch = model.requestsPerSecond && db ? rateLimitedFetch({ db, requestsPerSecond: model.requestsPerSecond }) : undefined;
  const connection = {
    apiKey: model.apiKey,
    configuration: { ...(model.baseUrl ? { baseURL: model.baseUrl } : {}), ...(fetch ? { fetch } : {}) },
  };
  const limit = fetch ? `, at most ${model.requestsPerSecond} requests/s across processes on this database` : '';
  return {
    mode: 'openai',
    description: `${model.chatModel} and ${model.embeddingModel} at ${model.baseUrl ?? 'the OpenAI API'}${limit}`,
    chatModel: new ChatOpenAI({
      ...connection,
      model: model.chatModel,
      temperature: 0,
      timeout: model.timeoutMs,
      maxRetries: model.maxRetries,
    }),
    embedder: {
      id: `openai:${model.embeddingModel}:${EMBEDDING_DIMENSIONS}`,
      embeddings: new OpenAIEmbeddings({ ...connection, model: model.embeddingModel, dimensions: EMBEDDING_DIMENSIONS }),
    },
  };
}
