-- Slack conversations and the planner threads they carry: a Slack thread (workspace, channel,
-- thread ts) continues one agent thread, and the bot's plan message in it is edited as work goes on.
CREATE TABLE slack_threads (
  team_id          text NOT NULL DEFAULT '',
  channel_id       text NOT NULL,
  thread_ts        text NOT NULL,
  agent_thread_id  text NOT NULL UNIQUE,
  plan_message_ts  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, channel_id, thread_ts)
);
