// `campaign-agent serve` (and `npm start`): the web chat page, the HTTP API and, when configured,
// the Slack app, on one server. Prints its URL and, on the first start without API_TOKENS, the
// local admin token (once). Stops cleanly on Ctrl-C / SIGTERM.
import type { Command } from 'commander';
import { prepareApiTokens } from '../../web/api-tokens.ts';
import { loadServerSettings, parsePort } from '../../web/server-settings.ts';
import { closeServer, createWebServer, listen } from '../../web/web-server.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';
import { startInProcessDelivery, type InProcessDelivery } from '../in-process-delivery.ts';

const SHUTDOWN_WAIT_MS = 10_000;

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Checks every --port given (a repeated flag keeps the last value, but an earlier bad one is still an error). */
function portOption(value: string): string {
  parsePort(value, '--port', { emptyIsDefault: false });
  return value;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web chat page, the HTTP API and (with SLACK_* set) the Slack app')
    .option('--port <n>', 'port to listen on (default PORT or 3000)', portOption)
    .option('--worker', 'also deliver approved campaigns from this process (the default on the embedded database)')
    .option('--no-worker', 'do not deliver from this process (run `campaign-agent worker` instead)')
    .action(async function runServeCommand(options: { port?: string; worker?: boolean }, command: Command) {
      const settings = loadServerSettings(process.env, { port: options.port });
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      const say = (text: string) => process.stdout.write(`${text}\n`);
      try {
        const tokens = await prepareApiTokens(app.db, settings.apiTokens);
        const slackMode = settings.slack ? (settings.slack.appToken ? 'socket' : 'http') : 'off';
        // The embedded database admits one process, so there the server delivers too unless told not to.
        const delivers = options.worker ?? app.db.kind === 'embedded';
        let delivery: InProcessDelivery | null = null;
        const web = createWebServer({
          app,
          tokens: tokens.registry,
          slack: slackMode,
          publicSupport: settings.publicSupport,
          queueState: () => delivery?.state() ?? { state: 'not running', detail: 'this server does not deliver: run `campaign-agent worker`' },
        });
        // Bolt is loaded only when Slack is configured (it costs about 0.15 s of start-up otherwise).
        const slack = settings.slack
          ? (await import('../../slack/slack-app.ts')).createSlackApp({ app, settings: settings.slack, expressApp: web.express })
          : null;
        const { server, url } = await listen(web.express, { port: settings.port });
        await slack?.start();
        if (delivers) delivery = startInProcessDelivery(app);

        say(`campaign-agent is listening on ${url} (database: ${app.db.kind} at ${app.db.location}; model: ${app.models.description})`);
        say(`  web chat: ${url}/   API: ${url}/api/openapi.json   health: ${url}/health`);
        if (delivery) say(`  delivery: in this process (${delivery.describe().join('; ')})`);
        else say('  delivery: not from this process; run `campaign-agent worker` to send approved campaigns');
        if (settings.publicSupport) say(`  customer help page (no token, PUBLIC_SUPPORT=on): ${url}/help.html`);
        if (slack) say(`  Slack: ${slack.mode === 'socket' ? 'Socket Mode' : `events at ${url}/slack/events`}`);
        if (tokens.newAdminToken) {
          say('');
          say(`Local admin token (shown only this once; keep it): ${tokens.newAdminToken}`);
          say('  Paste it into the web page, or send "Authorization: Bearer <token>" to the API.');
          say('  To give people their own roles instead, set API_TOKENS=approver:<name>:<token>,marketer:<name>:<token> (tokens of 16+ characters).');
        } else if (tokens.source === 'stored') {
          say('  API tokens: the local admin token created on the first start (set API_TOKENS=approver:<token>,marketer:<token> for roles).');
        } else {
          say(`  API tokens: ${tokens.registry.size} from API_TOKENS.`);
        }

        const signal = await untilSignal();
        say(`Stopping (${signal})…`);
        await closeServer(server);
        const finished = Promise.all([web.runs.idle(), slack?.stop(), delivery?.stop()]);
        await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
      } finally {
        await app.close();
      }
    });
}
