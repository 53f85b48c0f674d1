// `campaign-agent chat`: a multi-turn conversation with the planner in the terminal. Refine the
// plan in plain words ("make it push only"), then "approve" or "reject". Threads persist: pass
// --thread to pick one up again, even after the process was killed.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { detectApprovalIntent } from '../../../agents/planner/approval-intent.ts';
import { asCodedError } from '../../../errors.ts';
import { localUser, openCliApp, type GlobalOptions } from '../cli-context.ts';
import { threadIdOption } from '../option-values.ts';
import { renderPlan } from '../render-plan.ts';

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit', '退出']);

export function registerChatCommand(program: Command): void {
  program
    .command('chat')
    .description('Plan a campaign in conversation: refine it, then approve or reject it')
    .option('--thread <id>', 'continue an existing thread', threadIdOption)
    .option('--as <user>', 'who is chatting (recorded in the audit log)')
    .action(async function runChatCommand(options: { thread?: string; as?: string }, command: Command) {
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      const threadId = options.thread ?? randomUUID();
      const sender = { by: options.as ?? localUser(), role: 'admin' as const };
      const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
      const say = (text: string) => process.stdout.write(`${text}\n`);
      try {
        say(`Thread ${threadId}. Describe a campaign goal; refine it in plain words; "approve" or "reject" a plan; "exit" to leave.`);
        const existing = await app.planner.currentPlan(threadId);
        if (existing) say(renderPlan(existing));
        if (process.stdin.isTTY) terminal.setPrompt('> ');
        terminal.prompt();
        for await (const line of terminal) {
          const text = line.trim();
          if (EXIT_WORDS.has(text.toLowerCase())) break;
          if (text) {
            try {
              const intent = (await app.planner.isAwaitingApproval(threadId)) ? detectApprovalIntent(text) : 'change';
              const plan =
                intent === 'change'
                  ? await app.planner.send(threadId, text, sender)
                  : await app.planner.decide(threadId, { decision: intent, by: sender.by, role: sender.role, comment: null });
              say(renderPlan(plan));
            } catch (error) {
              say(`campaign-agent: ${asCodedError(error).message}`);
            }
          }
          terminal.prompt();
        }
      } finally {
        terminal.close();
        await app.close();
      }
    });
}
