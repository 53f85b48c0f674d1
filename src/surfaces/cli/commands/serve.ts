// `campaign-agent serve` (and `npm start`): the web chat page, the HTTP API and, when configured,
// the Slack app, on one server. Prints its URL and, on the first start without API_TOKENS, the
// local admin token (once). Stops cleanly on Ctrl-C / SIGTERM.
import type { Command } from 'commander';
import { prepareApiTokens } from '../../web/api-tokens.ts';
import { loadServerSettings } from '../../web/server-settings.ts';
import { closeServer, createWebServer, listen } from '../../web/web-server.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';

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

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web chat page, the HTTP API and (with SLACK_* set) the Slack app')
    .option('--port <n>', 'port to listen on (default PORT or 3000)')
    .action(async function runServeCommand(options: { port?: string }, command: Command) {
      const settings = loadServerSettings(process.env, { port: options.port });
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      const say = (text: string) => process.stdout.write(`${text}\n`);
      try {
        const tokens = await prepareApiTokens(app.db, settings.apiTokens);
        const slackMode = settings.slack ? (settings.slack.appToken ? 'socket' : 'http') : 'off';
        const web = createWebServer({ app, tokens: tokens.registry, slack: slackMode, publicSupport: settings.publicSupport });
        // Bolt is loaded only when Slack is configured (it costs about 0.15 s of start-up otherwise).
        const slack = settings.slack
          ? (await import('../../slack/slack-app.ts')).createSlackApp({ app, settings: settings.slack, expressApp: web.express })
          : null;
        const { server, url } = await listen(web.express, { port: settings.port });
        await slack?.start();

        say(`campaign-agent is listening on ${url} (database: ${app.db.kind} at ${app.db.location}; model: ${app.models.description})`);
        say(`  web chat: ${url}/   API: ${url}/api/openapi.json   health: ${url}/health`);
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
        const finished = Promise.all([web.runs.idle(), slack?.stop()]);
        await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
      } finally {
        await app.close();
      }
    });
}
