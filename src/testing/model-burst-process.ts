// A separate process on the shared database: opens the application from the environment as the CLI
// and server do, warms up its model clients, says "ready", and on any line from its parent runs one
// burst of model calls (BURST_LABEL, BURST_CHAT_CALLS, BURST_EMBEDDING_CALLS), printing the result
// as one JSON line.
import { once } from 'node:events';
import { openApp } from '../app/open-app.ts';
import { loadConfig } from '../config.ts';
import { runModelBurst, warmUpModels } from './model-burst.ts';

const app = await openApp(loadConfig(process.env), { seedDemo: false });
try {
  await warmUpModels(app.models);
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const result = await runModelBurst(app.models, {
    label: process.env.BURST_LABEL ?? `process ${process.pid}`,
    chatCalls: Number(process.env.BURST_CHAT_CALLS ?? 0),
    embeddingCalls: Number(process.env.BURST_EMBEDDING_CALLS ?? 0),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  process.stdin.destroy();
  await app.close();
}
