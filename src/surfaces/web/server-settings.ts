// Settings of the HTTP server and the Slack app, read from an environment object handed in by the
// `serve` command: port, API tokens with their roles, Slack credentials. Each is validated once
// with a message that names the variable and the entry that is wrong.
import { z } from 'zod';
import { Role } from '../../agents/planner/approval-decision.ts';
import { CodedError, describeIssues, ErrorCode } from '../../errors.ts';

/** One configured API token: who it stands for and what they may do. */
export interface TokenGrant {
  name: string;
  role: Role;
  token: string;
}

export interface SlackSettings {
  signingSecret: string;
  botToken: string;
  /** Socket Mode instead of HTTP when set (an app-level token, xapp-...). */
  appToken: string | null;
  /** Slack user ids allowed to approve. */
  approvers: string[];
}

export interface ServerSettings {
  port: number;
  /** Tokens from API_TOKENS; null when unset (a local admin token is created instead). */
  apiTokens: TokenGrant[] | null;
  slack: SlackSettings | null;
  /** PUBLIC_SUPPORT=on: the support bot for customers without a token (/help.html, /public/support). */
  publicSupport: boolean;
}

export const MIN_TOKEN_LENGTH = 16;
const TOKEN_TEXT = /^[A-Za-z0-9._~+/=-]+$/;
const NAME_TEXT = /^[\w.@-]{1,64}$/;

const TokenEntry = z.object({
  role: Role,
  name: z.string().regex(NAME_TEXT, 'a name is letters, digits, _ . @ - (at most 64)').optional(),
  token: z
    .string()
    .min(MIN_TOKEN_LENGTH, `a token needs at least ${MIN_TOKEN_LENGTH} characters (e.g. from \`openssl rand -hex 24\`)`)
    .regex(TOKEN_TEXT, 'a token is letters, digits and . _ ~ + / = - only'),
});

/**
 * Parses API_TOKENS: comma-separated `role:token` or `role:name:token` entries, e.g.
 * `approver:alice:3f9c...,marketer:8d21...`. A token without a name is called `<role>-<n>`.
 */
export function parseApiTokens(text: string): TokenGrant[] {
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new CodedError(ErrorCode.InvalidInput, 'API_TOKENS is empty: give entries like approver:<token>,marketer:<token>');
  const counts = new Map<string, number>();
  const grants = entries.map((entry, index) => {
    const parts = entry.split(':');
    if (parts.length < 2 || parts.length > 3) {
      throw new CodedError(ErrorCode.InvalidInput, `API_TOKENS entry ${index + 1} must be role:token or role:name:token (roles: ${Role.options.join(', ')})`);
    }
    const [role, name, token] = parts.length === 3 ? parts : [parts[0], undefined, parts[1]];
    const parsed = TokenEntry.safeParse({ role, name, token });
    if (!parsed.success) throw new CodedError(ErrorCode.InvalidInput, `API_TOKENS entry ${index + 1} (${role}): ${describeIssues(parsed.error.issues)}`);
    const count = (counts.get(parsed.data.role) ?? 0) + 1;
    counts.set(parsed.data.role, count);
    return { role: parsed.data.role, name: parsed.data.name ?? `${parsed.data.role}-${count}`, token: parsed.data.token };
  });
  const seen = new Set<string>();
  for (const grant of grants) {
    if (seen.has(grant.token)) throw new CodedError(ErrorCode.InvalidInput, `API_TOKENS gives the same token twice (${grant.name}): each person needs their own`);
    seen.add(grant.token);
  }
  return grants;
}

/** A port in digits; an unset or empty PORT means 3000, an empty --port is a mistake. */
export function parsePort(text: string | undefined, source: string, { emptyIsDefault = true } = {}): number {
  if (text === undefined || (emptyIsDefault && text.trim() === '')) return 3000;
  const port = Number(text.trim());
  // Digits only: Number() would also read 1e3, 0x50 and an empty string.
  if (!/^\d+$/.test(text.trim()) || port > 65_535) throw new CodedError(ErrorCode.InvalidInput, `${source} must be a port number from 0 to 65535 (got ${JSON.stringify(text)})`);
  return port;
}

function parseSlack(env: Record<string, string | undefined>): SlackSettings | null {
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!signingSecret && !botToken) return null;
  if (!signingSecret || !botToken) {
    throw new CodedError(ErrorCode.InvalidInput, `the Slack app needs both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (${signingSecret ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET'} is missing)`);
  }
  const approvers = (env.SLACK_APPROVERS ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const badUser = approvers.find((id) => !/^[UW][A-Z0-9]+$/.test(id));
  if (badUser) throw new CodedError(ErrorCode.InvalidInput, `SLACK_APPROVERS holds "${badUser}", which is not a Slack user id (U… or W…)`);
  return { signingSecret, botToken, appToken: env.SLACK_APP_TOKEN?.trim() || null, approvers };
}

function parseSwitch(text: string | undefined, name: string): boolean {
  const value = text?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'off') return false;
  if (value === 'on') return true;
  throw new CodedError(ErrorCode.InvalidInput, `${name} must be on or off (got "${text}")`);
}

export function loadServerSettings(env: Record<string, string | undefined>, { port }: { port?: string } = {}): ServerSettings {
  const tokens = env.API_TOKENS?.trim();
  return {
    port: port !== undefined ? parsePort(port, '--port', { emptyIsDefault: false }) : parsePort(env.PORT, 'PORT'),
    apiTokens: tokens ? parseApiTokens(tokens) : null,
    slack: parseSlack(env),
    publicSupport: parseSwitch(env.PUBLIC_SUPPORT, 'PUBLIC_SUPPORT'),
  };
}
