// `campaign-agent support`: chat with the customer-service bot in the terminal, as a customer.
// Verify with an order number and its e-mail or phone, ask about orders, returns and shipping, or
// complain. Conversations persist: pass --thread to pick one up again. --explain shows, per turn,
// the sentiment read, the tone chosen and any offer or hand-over.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { SupportReply } from '../../../agents/support/support-service.ts';
import { asCodedError } from '../../../errors.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';
import { threadIdOption } from '../option-values.ts';

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit', '退出']);

export function explainTurn(reply: SupportReply): string {
  const { sentiment, tone } = reply;
  const parts = [
    `sentiment ${sentiment.label} ${sentiment.score.toFixed(2)} (confidence ${sentiment.confidence.toFixed(2)})`,
    `${tone.band}, ${tone.trend} -> ${tone.register}`,
    reply.offer ? `offer ${reply.offer.currency} ${reply.offer.amount} on ${reply.offer.orderId}` : null,
    reply.escalation ? `handed over: ${reply.escalation.reason}` : null,
    `reply by ${reply.replySource}`,
  ];
  return `  [${parts.filter(Boolean).join(' · ')}]`;
}

export function registerSupportCommand(program: Command): void {
  program
    .command('support')
    .description('Chat with the customer-service bot as a customer (order status, returns, shipping, complaints)')
    .option('--thread <id>', 'continue an existing conversation', threadIdOption)
    .option('--explain', 'show the sentiment, tone and decisions of every turn')
    .action(async function runSupportCommand(options: { thread?: string; explain?: boolean }, command: Command) {
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      const threadId = options.thread ?? randomUUID();
      const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
      const say = (text: string) => process.stdout.write(`${text}\n`);
      try {
        say(`Conversation ${threadId}. Write as a customer (English or Chinese); "exit" to leave.`);
        const latest = await app.support.latest(threadId);
        if (latest) say(`bot: ${latest.reply}`);
        // A prompt only for a person at a terminal: piped input gets replies alone.
        const prompt = () => {
          if (process.stdin.isTTY) terminal.prompt();
        };
        terminal.setPrompt('you> ');
        prompt();
        for await (const line of terminal) {
          const text = line.trim();
          if (EXIT_WORDS.has(text.toLowerCase())) break;
          if (text) {
            try {
              const reply = await app.support.send(threadId, text);
              say(`bot: ${reply.reply}`);
              if (options.explain) say(explainTurn(reply));
            } catch (error) {
              say(`campaign-agent: ${asCodedError(error).message}`);
            }
          }
          prompt();
        }
      } finally {
        terminal.close();
        await app.close();
      }
    });
}
