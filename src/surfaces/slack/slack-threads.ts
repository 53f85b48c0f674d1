// Which agent thread a Slack thread carries (table slack_threads): found or created on the first
// message, so replies in the same Slack thread continue the same plan, in any server process.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../data/database.ts';

export interface SlackThreadKey {
  teamId: string;
  channelId: string;
  /** The ts of the Slack thread's first message. */
  threadTs: string;
}

export interface SlackThreadLink extends SlackThreadKey {
  agentThreadId: string;
  planMessageTs: string | null;
}

interface LinkRow extends Record<string, unknown> {
  team_id: string;
  channel_id: string;
  thread_ts: string;
  agent_thread_id: string;
  plan_message_ts: string | null;
}

function toLink(row: LinkRow): SlackThreadLink {
  return { teamId: row.team_id, channelId: row.channel_id, threadTs: row.thread_ts, agentThreadId: row.agent_thread_id, planMessageTs: row.plan_message_ts };
}

/** The agent thread of a Slack thread, created (with a new id) the first time it is asked for. */
export async function linkSlackThread(db: Queryable, key: SlackThreadKey, { newId = randomUUID }: { newId?: () => string } = {}): Promise<SlackThreadLink> {
  await db.query(
    `INSERT INTO slack_threads (team_id, channel_id, thread_ts, agent_thread_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (team_id, channel_id, thread_ts) DO NOTHING`,
    [key.teamId, key.channelId, key.threadTs, newId()],
  );
  const { rows } = await db.query<LinkRow>('SELECT * FROM slack_threads WHERE team_id = $1 AND channel_id = $2 AND thread_ts = $3', [key.teamId, key.channelId, key.threadTs]);
  return toLink(rows[0]!);
}

/** Records the bot message that shows the thread's plan (the one edited on progress and decisions). */
export async function setPlanMessage(db: Queryable, agentThreadId: string, messageTs: string): Promise<void> {
  await db.query('UPDATE slack_threads SET plan_message_ts = $2, updated_at = now() WHERE agent_thread_id = $1', [agentThreadId, messageTs]);
}

export async function findSlackThread(db: Queryable, agentThreadId: string): Promise<SlackThreadLink | null> {
  const { rows } = await db.query<LinkRow>('SELECT * FROM slack_threads WHERE agent_thread_id = $1', [agentThreadId]);
  return rows[0] ? toLink(rows[0]) : null;
}
