// The Slack app (Bolt): an @mention or a direct message starts or continues a plan in its Slack
// thread; Approve / Reject buttons decide on it. Over HTTP, Bolt's ExpressReceiver is mounted on the
// server's express app at /slack/events (it verifies the signing secret and refuses requests older
// than five minutes); with an app-level token it uses Socket Mode instead. Events are acknowledged
// at once and the plan is posted when it is ready.
import { App as BoltApp, ExpressReceiver, LogLevel, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Express } from 'express';
import type { App } from '../../app/open-app.ts';
import { createLogger } from '../../logger.ts';
import type { SlackSettings } from '../web/server-settings.ts';
import { APPROVE_ACTION, REJECT_ACTION } from './plan-blocks.ts';
import { SlackConversations, type IncomingMessage } from './slack-conversation.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  app: App;
  settings: SlackSettings;
  /** The server's express app; the receiver is mounted on it (HTTP mode). */
  expressApp?: Express;
  /** Web API client options, e.g. `slackApiUrl` for a stand-in server. */
  clientOptions?: webApi.WebClientOptions;
  progressIntervalMs?: number;
}

export interface SlackSurface {
  mode: 'http' | 'socket';
  bolt: BoltApp;
  conversations: SlackConversations;
  /** Connects in Socket Mode; nothing to do over HTTP (the server listens). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function boltLogger(): BoltLogger {
  const log = createLogger('slack-bolt');
  let level = LogLevel.WARN;
  return {
    debug: (...messages) => log.debug(messages.map(String).join(' ')),
    info: (...messages) => log.info(messages.map(String).join(' ')),
    warn: (...messages) => log.warn(messages.map(String).join(' ')),
    error: (...messages) => log.error(messages.map(String).join(' ')),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: () => undefined,
  };
}

function incomingFrom(body: { team_id?: string }, event: { channel: string; ts: string; thread_ts?: string; user?: string; text?: string }): IncomingMessage {
  return { teamId: body.team_id ?? '', channelId: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user ?? 'unknown', text: event.text ?? '' };
}

export function createSlackApp({ app, settings, expressApp, clientOptions, progressIntervalMs = 1000 }: SlackAppOptions): SlackSurface {
  const logger = boltLogger();
  const mode = settings.appToken ? 'socket' : 'http';
  const bolt =
    mode === 'socket'
      ? new BoltApp({ token: settings.botToken, appToken: settings.appToken!, socketMode: true, logger, clientOptions })
      : new BoltApp({
          token: settings.botToken,
          logger,
          clientOptions,
          receiver: new ExpressReceiver({ signingSecret: settings.signingSecret, endpoints: SLACK_EVENTS_PATH, app: expressApp, logger, processBeforeResponse: false }),
        });
  const conversations = new SlackConversations({ app, client: bolt.client, approvers: new Set(settings.approvers), progressIntervalMs });
  const handle = (work: Promise<void>) => void work.catch((error: unknown) => logger.error('Slack handler failed', error));

  bolt.event('app_mention', async ({ event, body }) => {
    handle(conversations.handleMessage(incomingFrom(body, event)));
  });

  bolt.message(async ({ message, body }) => {
    // Direct messages only; in channels the app answers when mentioned.
    if (message.channel_type !== 'im' || message.subtype !== undefined || (message as { bot_id?: string }).bot_id) return;
    handle(conversations.handleMessage(incomingFrom(body, message)));
  });

  for (const [actionId, decision] of [[APPROVE_ACTION, 'approve'], [REJECT_ACTION, 'reject']] as const) {
    bolt.action(actionId, async ({ ack, body, action }) => {
      await ack();
      if (body.type !== 'block_actions' || action.type !== 'button' || !body.channel || !body.message) return;
      handle(conversations.handleButton({ decision, agentThreadId: action.value ?? '', user: body.user.id, channelId: body.channel.id, messageTs: body.message.ts }));
    });
  }

  return {
    mode,
    bolt,
    conversations,
    start: async () => {
      if (mode === 'socket') await bolt.start();
    },
    stop: async () => {
      if (mode === 'socket') await bolt.stop();
      await conversations.idle();
    },
  };
}
