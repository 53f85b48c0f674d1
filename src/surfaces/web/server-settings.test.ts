// API_TOKENS, PORT and the Slack variables: parsed into settings, or refused with a message naming
// the variable and the entry that is wrong.
import { describe, expect, it } from 'vitest';
import { loadServerSettings, parseApiTokens } from './server-settings.ts';

const A = 'a'.repeat(16);
const B = 'b'.repeat(24);

describe('parseApiTokens', () => {
  it('reads role:token and role:name:token entries, naming unnamed tokens per role', () => {
    expect(parseApiTokens(`approver:${A}, marketer:mia:${B},marketer:${A}c`)).toEqual([
      { role: 'approver', name: 'approver-1', token: A },
      { role: 'marketer', name: 'mia', token: B },
      { role: 'marketer', name: 'marketer-2', token: `${A}c` },
    ]);
  });

  it.each([
    ['', 'API_TOKENS is empty: give entries like approver:<token>,marketer:<token>'],
    [A, 'API_TOKENS entry 1 must be role:token or role:name:token (roles: marketer, approver, admin)'],
    [`approver:${A},boss:${B}`, 'API_TOKENS entry 2 (boss): role: Invalid option: expected one of "marketer"|"approver"|"admin"'],
    ['marketer:xxxx', 'API_TOKENS entry 1 (marketer): token: a token needs at least 16 characters (e.g. from `openssl rand -hex 24`)'],
    [`marketer:bad name:${A}`, 'API_TOKENS entry 1 (marketer): name: a name is letters, digits, _ . @ - (at most 64)'],
    [`marketer:${A},approver:${A}`, 'API_TOKENS gives the same token twice (approver-1): each person needs their own'],
    [`a:b:c:${A}`, 'API_TOKENS entry 1 must be role:token or role:name:token (roles: marketer, approver, admin)'],
  ])('refuses %j', (text, message) => {
    expect(() => parseApiTokens(text)).toThrow(message);
  });
});

describe('loadServerSettings', () => {
  it('defaults to port 3000, no configured tokens, no Slack and no public help page (PUBLIC_SUPPORT is on or off)', () => {
    expect(loadServerSettings({})).toEqual({ port: 3000, apiTokens: null, slack: null, publicSupport: false });
    expect(loadServerSettings({ PUBLIC_SUPPORT: 'on' }).publicSupport).toBe(true);
    expect(loadServerSettings({ PUBLIC_SUPPORT: ' OFF ' }).publicSupport).toBe(false);
    expect(() => loadServerSettings({ PUBLIC_SUPPORT: 'yes' })).toThrow('PUBLIC_SUPPORT must be on or off (got "yes")');
  });

  it('takes --port over PORT and checks both', () => {
    expect(loadServerSettings({ PORT: '8080' }).port).toBe(8080);
    expect(loadServerSettings({ PORT: '8080' }, { port: '9090' }).port).toBe(9090);
    expect(() => loadServerSettings({ PORT: 'eighty' })).toThrow('PORT must be a port number from 0 to 65535 (got "eighty")');
    expect(() => loadServerSettings({}, { port: '70000' })).toThrow('--port must be a port number from 0 to 65535 (got "70000")');
  });

  it('enables Slack only with both the signing secret and the bot token', () => {
    expect(loadServerSettings({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APPROVERS: 'U123, W456' }).slack).toEqual({
      signingSecret: 's',
      botToken: 'xoxb-1',
      appToken: null,
      approvers: ['U123', 'W456'],
    });
    expect(loadServerSettings({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
    expect(() => loadServerSettings({ SLACK_SIGNING_SECRET: 's' })).toThrow('the Slack app needs both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (SLACK_BOT_TOKEN is missing)');
    expect(() => loadServerSettings({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'x', SLACK_APPROVERS: 'alice' })).toThrow(
      'SLACK_APPROVERS holds "alice", which is not a Slack user id (U… or W…)',
    );
  });
});
