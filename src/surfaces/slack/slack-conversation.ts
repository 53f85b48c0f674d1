// What the Slack app does with a message or a button press: find the agent thread of the Slack
// thread, post a working message, edit it as the planner progresses, then replace it with the plan
// (with Approve / Reject while it waits). Work on one agent thread is done one piece at a time.
import type { webApi } from '@slack/bolt';
import type { App } from '../../app/open-app.ts';
import { detectApprovalIntent } from '../../agents/planner/approval-intent.ts';
import type { Role } from '../../agents/planner/approval-decision.ts';
import { streamPlannerMessage } from '../../agents/planner/stream-planner.ts';
import type { Plan } from '../../domain/plan.ts';
import { asCodedError, ErrorCode } from '../../errors.ts';
import { createLogger } from '../../logger.ts';
import { planLocale, planMessage, progressMessage, type SlackMessage } from './plan-blocks.ts';
import { linkSlackThread, setPlanMessage, type SlackThreadKey } from './slack-threads.ts';
import { localeOfText, slackText, stepLabel, type SlackLocale } from './slack-text.ts';

const log = createLogger('slack');

export interface SlackConversationDeps {
  app: App;
  client: webApi.WebClient;
  /** Slack user ids with the approver role; everyone else is a marketer. */
  approvers: ReadonlySet<string>;
  /** Least time between two edits of the working message. */
  progressIntervalMs: number;
}

export interface IncomingMessage extends SlackThreadKey {
  user: string;
  text: string;
}

export interface ButtonPress {
  decision: 'approve' | 'reject';
  agentThreadId: string;
  user: string;
  channelId: string;
  messageTs: string;
}

const MENTION = /<@[A-Z0-9]+(\|[^>]*)?>/g;

export class SlackConversations {
  readonly #deps: SlackConversationDeps;
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(deps: SlackConversationDeps) {
    this.#deps = deps;
  }

  roleOf(user: string): Role {
    return this.#deps.approvers.has(user) ? 'approver' : 'marketer';
  }

  /** Runs `work` after earlier work on the same agent thread. */
  #serial<T>(threadId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(threadId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.#queues.set(threadId, next);
    void next.finally(() => this.#queues.get(threadId) === next && this.#queues.delete(threadId)).catch(() => undefined);
    return next;
  }

  #track(work: Promise<void>): Promise<void> {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  /** Resolves once no message or button press is being handled (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  handleMessage(message: IncomingMessage): Promise<void> {
    return this.#track(this.#handleMessage(message));
  }

  handleButton(press: ButtonPress): Promise<void> {
    return this.#track(this.#handleButton(press));
  }

  async #handleMessage(message: IncomingMessage): Promise<void> {
    const { client, app } = this.#deps;
    const text = message.text.replace(MENTION, '').trim();
    const locale = localeOfText(text);
    if (!text) {
      await client.chat.postMessage({ channel: message.channelId, thread_ts: message.threadTs, text: slackText(locale).emptyMessage });
      return;
    }
    const link = await linkSlackThread(app.db, message);
    await this.#serial(link.agentThreadId, async () => {
      const working = await client.chat.postMessage({ channel: message.channelId, thread_ts: message.threadTs, ...progressMessage([stepLabel('beginRequest', locale)], locale) });
      const ts = working.ts!;
      await setPlanMessage(app.db, link.agentThreadId, ts);
      const sender = { by: `slack:${message.user}`, role: this.roleOf(message.user) };
      const progress = this.#progressEditor(message.channelId, ts, locale);
      try {
        const intent = (await app.planner.isAwaitingApproval(link.agentThreadId)) ? detectApprovalIntent(text) : 'change';
        const plan =
          intent === 'change'
            ? await streamPlannerMessage(app.planner, link.agentThreadId, text, sender, { onEvent: (event) => event.type === 'node_started' && progress.step(event.node) })
            : await app.planner.decide(link.agentThreadId, { decision: intent, by: sender.by, role: sender.role, comment: null });
        await progress.stop();
        await this.#showPlan(message.channelId, ts, plan);
      } catch (error) {
        await progress.stop();
        const coded = asCodedError(error);
        if (coded.code === ErrorCode.Internal) log.error({ err: error }, 'planning a Slack message failed');
        await client.chat.update({ channel: message.channelId, ts, text: `${slackText(locale).failed} ${coded.message}`, blocks: [] });
      }
    });
  }

  async #handleButton(press: ButtonPress): Promise<void> {
    const { client, app } = this.#deps;
    await this.#serial(press.agentThreadId, async () => {
      try {
        const plan = await app.planner.decide(press.agentThreadId, { decision: press.decision, by: `slack:${press.user}`, role: this.roleOf(press.user), comment: null });
        await this.#showPlan(press.channelId, press.messageTs, plan);
      } catch (error) {
        const coded = asCodedError(error);
        if (coded.code === ErrorCode.Internal) log.error({ err: error }, 'a Slack decision failed');
        await client.chat.postEphemeral({ channel: press.channelId, user: press.user, text: coded.message });
      }
    });
  }

  async #showPlan(channel: string, ts: string, plan: Plan): Promise<void> {
    const message: SlackMessage = planMessage(plan, { actions: plan.status === 'needs_approval' });
    await this.#deps.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    log.debug({ threadId: plan.threadId, status: plan.status, locale: planLocale(plan) }, 'plan posted');
  }

  /** Edits the working message as steps start, at most once per progress interval. */
  #progressEditor(channel: string, ts: string, locale: SlackLocale) {
    const steps = [stepLabel('beginRequest', locale)];
    let lastEdit = 0;
    let timer: NodeJS.Timeout | null = null;
    let chain: Promise<unknown> = Promise.resolve();
    const edit = () => {
      timer = null;
      lastEdit = Date.now();
      const message = progressMessage(steps, locale);
      chain = chain.then(() => this.#deps.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks })).catch((error: unknown) => log.warn({ err: error }, 'progress edit failed'));
    };
    return {
      step: (node: string) => {
        const label = stepLabel(node, locale);
        if (steps[steps.length - 1] === label) return;
        steps.push(label);
        const wait = this.#deps.progressIntervalMs - (Date.now() - lastEdit);
        if (wait <= 0) edit();
        else timer ??= setTimeout(edit, wait);
      },
      stop: async () => {
        if (timer) clearTimeout(timer);
        await chain;
      },
    };
  }
}
