// For tests: `campaign-agent serve` as a real child process on an embedded data directory (300 demo
// customers on its first start, the test API tokens, a free port), and JSON calls to it as the admin.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TEST_API_TOKENS, TEST_TOKENS } from '../surfaces/web/web-test-server.ts';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'campaign-agent.mjs');

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
}

/** Starts the server and resolves once it prints the address it listens on. */
export function startServeProcess({ dataDir, args = [], env: extraEnv = {} }: { dataDir: string; args?: string[]; env?: NodeJS.ProcessEnv }): Promise<ServeProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CAMPAIGN_AGENT_DATA_DIR: dataDir,
    CAMPAIGN_AGENT_DEMO_CUSTOMERS: '300',
    API_TOKENS: TEST_API_TOKENS,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  for (const name of ['DATABASE_URL', 'OPENAI_API_KEY', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']) if (!(name in extraEnv)) delete env[name];
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url: url.replace(/\/$/, ''), output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

/** One JSON request to the server with the admin token: GET without a body, POST with one. */
export async function callServer(url: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${TEST_TOKENS.admin}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
