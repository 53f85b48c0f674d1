// Delivery settings: which adapter each channel uses (SMTP, webhook or the file sink), rates, retries
// and the worker's timing. Read from the environment only, so secrets (SMTP password, webhook
// signing secrets) never sit in a file; validated once when the worker starts.
import { join } from 'node:path';
import { z } from 'zod';
import { Channel } from '../domain/vocabulary.ts';
import type { Channel as ChannelName } from '../domain/vocabulary.ts';
import { CodedError, describeIssues, ErrorCode } from '../errors.ts';

const Url = z.string().url();

export const EmailChannelConfig = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('smtp'),
    /** smtp://user:pass@host:port (smtps:// for implicit TLS). */
    url: Url.refine((value) => /^smtps?:\/\//.test(value), 'expected smtp://user:password@host:port or smtps://...'),
    /** Sender shown to recipients, e.g. `Lumen <news@lumen.example>`. */
    from: z.string().min(3),
  }),
  z.object({ kind: z.literal('file') }),
]);
export type EmailChannelConfig = z.infer<typeof EmailChannelConfig>;

export const WebhookChannelConfig = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('webhook'),
    url: Url,
    /** Key of the HMAC-SHA256 signature sent with every request. */
    secret: z.string().min(16, 'expected a signing secret of at least 16 characters'),
    timeoutMs: z.number().int().min(100).max(120_000),
    /** Tries per message, counting the first; 5xx answers, timeouts and network errors are tried again. */
    attempts: z.number().int().min(1).max(10),
  }),
  z.object({ kind: z.literal('file') }),
]);
export type WebhookChannelConfig = z.infer<typeof WebhookChannelConfig>;

export const DeliveryConfig = z.object({
  channels: z.object({ email: EmailChannelConfig, sms: WebhookChannelConfig, push: WebhookChannelConfig, wecom: WebhookChannelConfig }),
  /** Where the file sink writes one JSON-lines file per channel. */
  outboxDir: z.string().min(1),
  /** Messages per second per channel, across all worker processes. */
  ratePerSecond: z.record(Channel, z.number().positive().max(100_000)),
  retries: z.object({
    /** Further attempts after the first failure before a send is dead-lettered. */
    limit: z.number().int().min(0).max(50),
    /** First delay; doubled on each retry when above 0. */
    delaySeconds: z.number().int().min(0).max(86_400),
    delayMaxSeconds: z.number().int().min(1).max(604_800),
  }),
  /** A send job still running after this long is presumed lost and tried again. */
  jobTimeoutSeconds: z.number().int().min(5).max(86_400),
  dispatch: z.object({
    intervalSeconds: z.number().min(0.5).max(3600),
    /** Sends due within this many seconds are handed to the queue ahead of time. */
    horizonSeconds: z.number().int().min(0).max(86_400),
    /** A queued send handed over this long ago, still not sent, is handed over again (a duplicate job is refused). */
    requeueAfterSeconds: z.number().int().min(60).max(604_800),
  }),
  /** Trigger events are re-read this far behind the last scan, to catch late-arriving events. */
  triggerOverlapMinutes: z.number().int().min(0).max(10_080),
  /** Thompson-sampling reallocation of recurring campaigns' later sends between variants; off by default. */
  bandit: z.object({ enabled: z.boolean(), minCustomersPerVariant: z.number().int().min(1).max(1_000_000) }).optional(),
  links: z.object({
    unsubscribeUrl: Url,
    unsubscribeSecret: z.string().min(16).nullable(),
    couponSecret: z.string().min(8).nullable(),
  }),
});
export type DeliveryConfig = z.infer<typeof DeliveryConfig>;

export interface DeliveryConfigOptions {
  /** Default outbox directory when CAMPAIGN_AGENT_OUTBOX_DIR is unset (the data directory's `outbox`). */
  dataDir?: string;
}

const DEFAULT_RATES: Record<ChannelName, number> = { email: 20, sms: 5, push: 50, wecom: 10 };

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = text(env, name);
  return value === undefined ? fallback : Number(value);
}

function emailFrom(env: NodeJS.ProcessEnv): unknown {
  const smtpUrl = text(env, 'SMTP_URL');
  const kind = (text(env, 'CAMPAIGN_AGENT_EMAIL') ?? (smtpUrl ? 'smtp' : 'file')).toLowerCase();
  if (kind === 'file') return { kind };
  return { kind, url: smtpUrl ?? '', from: text(env, 'CAMPAIGN_AGENT_EMAIL_FROM') ?? '' };
}

function webhookFrom(env: NodeJS.ProcessEnv, channel: 'sms' | 'push' | 'wecom'): unknown {
  const prefix = `CAMPAIGN_AGENT_${channel.toUpperCase()}`;
  const url = text(env, `${prefix}_WEBHOOK_URL`);
  const kind = (text(env, prefix) ?? (url ? 'webhook' : 'file')).toLowerCase();
  if (kind === 'file') return { kind };
  return {
    kind,
    url: url ?? '',
    secret: text(env, `${prefix}_WEBHOOK_SECRET`) ?? text(env, 'CAMPAIGN_AGENT_WEBHOOK_SECRET') ?? '',
    timeoutMs: numberFrom(env, 'CAMPAIGN_AGENT_WEBHOOK_TIMEOUT_MS', 5000),
    attempts: numberFrom(env, 'CAMPAIGN_AGENT_WEBHOOK_ATTEMPTS', 3),
  };
}

/** The environment variable behind each config path, so an error says what to change. */
const VARIABLES: Record<string, string> = {
  'channels.email.kind': 'CAMPAIGN_AGENT_EMAIL',
  'channels.email.url': 'SMTP_URL',
  'channels.email.from': 'CAMPAIGN_AGENT_EMAIL_FROM',
  outboxDir: 'CAMPAIGN_AGENT_OUTBOX_DIR',
  'retries.limit': 'CAMPAIGN_AGENT_SEND_RETRIES',
  'retries.delaySeconds': 'CAMPAIGN_AGENT_SEND_RETRY_DELAY_SECONDS',
  'retries.delayMaxSeconds': 'CAMPAIGN_AGENT_SEND_RETRY_DELAY_MAX_SECONDS',
  jobTimeoutSeconds: 'CAMPAIGN_AGENT_SEND_TIMEOUT_SECONDS',
  'dispatch.intervalSeconds': 'CAMPAIGN_AGENT_DISPATCH_INTERVAL_SECONDS',
  'dispatch.horizonSeconds': 'CAMPAIGN_AGENT_DISPATCH_HORIZON_SECONDS',
  'dispatch.requeueAfterSeconds': 'CAMPAIGN_AGENT_REQUEUE_AFTER_SECONDS',
  triggerOverlapMinutes: 'CAMPAIGN_AGENT_TRIGGER_OVERLAP_MINUTES',
  'bandit.minCustomersPerVariant': 'CAMPAIGN_AGENT_BANDIT_MIN_CUSTOMERS',
  'links.unsubscribeUrl': 'CAMPAIGN_AGENT_UNSUBSCRIBE_URL',
  'links.unsubscribeSecret': 'CAMPAIGN_AGENT_UNSUBSCRIBE_SECRET',
  'links.couponSecret': 'CAMPAIGN_AGENT_COUPON_SECRET',
};
for (const channel of ['sms', 'push', 'wecom']) {
  const prefix = `CAMPAIGN_AGENT_${channel.toUpperCase()}`;
  VARIABLES[`channels.${channel}.kind`] = prefix;
  VARIABLES[`channels.${channel}.url`] = `${prefix}_WEBHOOK_URL`;
  VARIABLES[`channels.${channel}.secret`] = `${prefix}_WEBHOOK_SECRET or CAMPAIGN_AGENT_WEBHOOK_SECRET`;
  VARIABLES[`channels.${channel}.timeoutMs`] = 'CAMPAIGN_AGENT_WEBHOOK_TIMEOUT_MS';
  VARIABLES[`channels.${channel}.attempts`] = 'CAMPAIGN_AGENT_WEBHOOK_ATTEMPTS';
}
for (const channel of Channel.options) VARIABLES[`ratePerSecond.${channel}`] = `CAMPAIGN_AGENT_${channel.toUpperCase()}_RATE`;

function variableFor(path: ReadonlyArray<PropertyKey>): string {
  const key = path.map(String).join('.');
  return VARIABLES[key] ?? VARIABLES[path.slice(0, -1).map(String).join('.')] ?? key;
}

/** Reads and validates the delivery settings; a problem names the environment variable to fix. */
export function loadDeliveryConfig(env: NodeJS.ProcessEnv = process.env, { dataDir = '.data' }: DeliveryConfigOptions = {}): DeliveryConfig {
  const candidate = {
    channels: { email: emailFrom(env), sms: webhookFrom(env, 'sms'), push: webhookFrom(env, 'push'), wecom: webhookFrom(env, 'wecom') },
    outboxDir: text(env, 'CAMPAIGN_AGENT_OUTBOX_DIR') ?? join(dataDir, 'outbox'),
    ratePerSecond: Object.fromEntries(
      Channel.options.map((channel) => [channel, numberFrom(env, `CAMPAIGN_AGENT_${channel.toUpperCase()}_RATE`, DEFAULT_RATES[channel])]),
    ),
    retries: {
      limit: numberFrom(env, 'CAMPAIGN_AGENT_SEND_RETRIES', 5),
      delaySeconds: numberFrom(env, 'CAMPAIGN_AGENT_SEND_RETRY_DELAY_SECONDS', 30),
      delayMaxSeconds: numberFrom(env, 'CAMPAIGN_AGENT_SEND_RETRY_DELAY_MAX_SECONDS', 3600),
    },
    jobTimeoutSeconds: numberFrom(env, 'CAMPAIGN_AGENT_SEND_TIMEOUT_SECONDS', 300),
    dispatch: {
      intervalSeconds: numberFrom(env, 'CAMPAIGN_AGENT_DISPATCH_INTERVAL_SECONDS', 5),
      horizonSeconds: numberFrom(env, 'CAMPAIGN_AGENT_DISPATCH_HORIZON_SECONDS', 60),
      requeueAfterSeconds: numberFrom(env, 'CAMPAIGN_AGENT_REQUEUE_AFTER_SECONDS', 3600),
    },
    triggerOverlapMinutes: numberFrom(env, 'CAMPAIGN_AGENT_TRIGGER_OVERLAP_MINUTES', 60),
    bandit: {
      enabled: ['on', 'true', '1'].includes((text(env, 'CAMPAIGN_AGENT_BANDIT') ?? 'off').toLowerCase()),
      minCustomersPerVariant: numberFrom(env, 'CAMPAIGN_AGENT_BANDIT_MIN_CUSTOMERS', 50),
    },
    links: {
      unsubscribeUrl: text(env, 'CAMPAIGN_AGENT_UNSUBSCRIBE_URL') ?? 'http://localhost:3000/unsubscribe',
      unsubscribeSecret: text(env, 'CAMPAIGN_AGENT_UNSUBSCRIBE_SECRET') ?? null,
      couponSecret: text(env, 'CAMPAIGN_AGENT_COUPON_SECRET') ?? null,
    },
  };
  const parsed = DeliveryConfig.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [variableFor(issue.path)] }));
    throw new CodedError(ErrorCode.InvalidInput, `delivery configuration is invalid: ${describeIssues(issues)}`);
  }
  return parsed.data;
}

/** One line per channel saying where its messages go, with credentials masked: safe to print. */
export function describeDeliveryConfig(config: DeliveryConfig): string[] {
  const mask = (url: string) => {
    try {
      const parsed = new URL(url);
      if (parsed.username) parsed.username = '***';
      if (parsed.password) parsed.password = '***';
      return parsed.toString();
    } catch {
      return '(invalid URL)';
    }
  };
  return Channel.options.map((channel) => {
    const settings = config.channels[channel];
    const rate = `${config.ratePerSecond[channel]}/s`;
    if (settings.kind === 'smtp') return `${channel}: SMTP ${mask(settings.url)} from ${settings.from} (${rate})`;
    if (settings.kind === 'webhook') return `${channel}: webhook ${mask(settings.url)}, signed (${rate})`;
    return `${channel}: file ${join(config.outboxDir, `${channel}.jsonl`)} (${rate})`;
  });
}
