// Configuration from the environment (and CLI flags that override it), validated once at start-up.
// This is the only module that reads process.env for product settings.
import { resolve } from 'node:path';
import { z } from 'zod';
import { CrossSellSettings } from './domain/cross-sell.ts';
import { CodedError, describeIssues, ErrorCode } from './errors.ts';

const OnOff = z.enum(['on', 'off']);

export const Config = z.object({
  /** PostgreSQL URL; null selects the embedded database. */
  databaseUrl: z.string().min(1).nullable(),
  /** Embedded database directory. */
  dataDir: z.string().min(1),
  /** Campaign memory (pgvector). Off lets the product run on a PostgreSQL server without pgvector. */
  memory: z.boolean(),
  /** Customers in the demo data a first run seeds into an empty database. */
  demoCustomers: z.number().int().min(1).max(10_000_000),
  model: z.object({
    /** `offline`: the built-in deterministic model and embedder; `openai`: any OpenAI-compatible endpoint. */
    mode: z.enum(['offline', 'openai']),
    apiKey: z.string().nullable(),
    baseUrl: z.string().url().nullable(),
    chatModel: z.string().min(1),
    embeddingModel: z.string().min(1),
    timeoutMs: z.number().int().positive(),
    maxRetries: z.number().int().min(0),
    /**
     * Model requests per second across every process on the same database (CAMPAIGN_AGENT_MODEL_RPS);
     * null: no limit.
     */
    requestsPerSecond: z.number().positive().max(10_000).nullable(),
  }),
  /** The marketer's time zone, for relative dates in goals ("next Tuesday"). */
  timeZone: z.string().min(1),
  /** Policy file; null uses the shipped default. */
  policyPath: z.string().nullable(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Association-rule thresholds for cross-sell (CAMPAIGN_AGENT_CROSS_SELL_*). */
  crossSell: CrossSellSettings,
});
export type Config = z.infer<typeof Config>;

export interface ConfigOverrides {
  dataDir?: string;
  policyPath?: string;
  timeZone?: string;
}

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const memory = OnOff.safeParse((env.CAMPAIGN_AGENT_MEMORY ?? 'on').toLowerCase());
  if (!memory.success) {
    throw new CodedError(ErrorCode.InvalidInput, `CAMPAIGN_AGENT_MEMORY must be "on" or "off" (got "${env.CAMPAIGN_AGENT_MEMORY}")`);
  }
  const apiKey = env.OPENAI_API_KEY?.trim() || null;
  const requestsPerSecond = optionalNumber(env.CAMPAIGN_AGENT_MODEL_RPS) ?? null;
  if (requestsPerSecond !== null && !(Number.isFinite(requestsPerSecond) && requestsPerSecond > 0 && requestsPerSecond <= 10_000)) {
    throw new CodedError(
      ErrorCode.InvalidInput,
      `CAMPAIGN_AGENT_MODEL_RPS must be a number of model requests per second above 0 and at most 10000, e.g. 5 or 0.5 ` +
        `(got "${env.CAMPAIGN_AGENT_MODEL_RPS}"); unset it for no limit`,
    );
  }
  const candidate = {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: resolve(overrides.dataDir ?? env.CAMPAIGN_AGENT_DATA_DIR ?? '.data'),
    memory: memory.data === 'on',
    demoCustomers: Number(env.CAMPAIGN_AGENT_DEMO_CUSTOMERS ?? 10_000),
    model: {
      mode: apiKey ? 'openai' : 'offline',
      apiKey,
      baseUrl: env.OPENAI_BASE_URL?.trim() || null,
      chatModel: env.CAMPAIGN_AGENT_CHAT_MODEL?.trim() || 'gpt-4o-mini',
      embeddingModel: env.CAMPAIGN_AGENT_EMBEDDING_MODEL?.trim() || 'text-embedding-3-small',
      timeoutMs: Number(env.CAMPAIGN_AGENT_MODEL_TIMEOUT_MS ?? 60_000),
      maxRetries: Number(env.CAMPAIGN_AGENT_MODEL_MAX_RETRIES ?? 3),
      requestsPerSecond,
    },
    timeZone: overrides.timeZone ?? env.CAMPAIGN_AGENT_TIME_ZONE ?? systemTimeZone(),
    policyPath: overrides.policyPath ?? env.CAMPAIGN_AGENT_POLICY ?? null,
    logLevel: env.LOG_LEVEL ?? 'warn',
    crossSell: {
      minSupport: optionalNumber(env.CAMPAIGN_AGENT_CROSS_SELL_MIN_SUPPORT),
      minPairCount: optionalNumber(env.CAMPAIGN_AGENT_CROSS_SELL_MIN_PAIR_COUNT),
      minConfidence: optionalNumber(env.CAMPAIGN_AGENT_CROSS_SELL_MIN_CONFIDENCE),
      minLift: optionalNumber(env.CAMPAIGN_AGENT_CROSS_SELL_MIN_LIFT),
      basketWindowDays: optionalNumber(env.CAMPAIGN_AGENT_CROSS_SELL_WINDOW_DAYS),
    },
  };
  const parsed = Config.safeParse(candidate);
  if (!parsed.success) {
    throw new CodedError(ErrorCode.InvalidInput, `configuration is invalid: ${describeIssues(parsed.error.issues)}`);
  }
  if (!isValidTimeZone(parsed.data.timeZone)) {
    throw new CodedError(ErrorCode.InvalidInput, `time zone "${parsed.data.timeZone}" is not a known IANA zone (e.g. Asia/Shanghai)`);
  }
  return parsed.data;
}

/** An environment number, or undefined (the schema default) when unset. */
function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined || value.trim() === '' ? undefined : Number(value);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
