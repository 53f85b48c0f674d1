// Record and replay of model answers: a replay returns exactly what was recorded without calling
// the model; editing one prompt makes exactly the requests that used it stale; a request never
// recorded is missing. Uses a scripted stand-in for the real model.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoadedPrompt } from '../prompts/load-prompt.ts';
import { RecordingChatModel } from './recording-chat-model.ts';
import { RecordingStore, RecordingUnavailableError } from './recordings.ts';

class ScriptedModel extends BaseChatModel {
  calls = 0;
  _llmType() {
    return 'scripted';
  }
  override bindTools(): this {
    return this;
  }
  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    this.calls += 1;
    const last = messages[messages.length - 1]!;
    const message = new AIMessage({ content: '', tool_calls: [{ id: `id_${this.calls}`, name: 'lookup', args: { about: String(last.content) }, type: 'tool_call' }] });
    return { generations: [{ text: '', message }] };
  }
}

const prompt = (name: string, text: string): LoadedPrompt => ({ name, text, sha256: createHash('sha256').update(text).digest('hex') });
const lookup = tool(async () => '', { name: 'lookup', description: 'look something up', schema: z.object({ about: z.string() }) });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eval-recordings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function ask(model: RecordingChatModel, store: RecordingStore, caseId: string, system: LoadedPrompt, question: string) {
  store.beginCase(caseId);
  return model.bindTools([lookup]).invoke([new SystemMessage(system.text), new HumanMessage(question)]);
}

describe('RecordingChatModel', () => {
  it('replays recorded answers without calling the model, and names stale and missing recordings', async () => {
    const planner = prompt('planner', 'You plan campaigns.');
    const support = prompt('support', 'You answer customers.');
    const inner = new ScriptedModel({});
    const recordingStore = new RecordingStore({ dir });
    const recorder = new RecordingChatModel({ store: recordingStore, mode: 'record', modelName: 'gpt-test', prompts: [planner, support], inner });
    const recorded = [
      await ask(recorder, recordingStore, 'planning/a', planner, 'win back lapsed customers'),
      await ask(recorder, recordingStore, 'planning/b', planner, '召回流失用户'),
      await ask(recorder, recordingStore, 'support/c', support, 'where is my order?'),
    ];
    expect(inner.calls).toBe(3);
    expect(readdirSync(dir)).toHaveLength(3);

    // Replay with the same prompts: identical answers, no model.
    const replayStore = new RecordingStore({ dir });
    const replayer = new RecordingChatModel({ store: replayStore, mode: 'replay', modelName: 'gpt-test', prompts: [planner, support] });
    const replayed = [
      await ask(replayer, replayStore, 'planning/a', planner, 'win back lapsed customers'),
      await ask(replayer, replayStore, 'planning/b', planner, '召回流失用户'),
      await ask(replayer, replayStore, 'support/c', support, 'where is my order?'),
    ];
    expect(replayed.map((message) => message.tool_calls)).toEqual(recorded.map((message) => message.tool_calls));
    expect(inner.calls).toBe(3);

    // The planner prompt is edited: its two cases are stale, the support case still replays.
    const edited = prompt('planner', 'You plan campaigns. Never offer discounts.');
    const afterEdit = new RecordingChatModel({ store: replayStore, mode: 'replay', modelName: 'gpt-test', prompts: [edited, support] });
    for (const [caseId, question] of [['planning/a', 'win back lapsed customers'], ['planning/b', '召回流失用户']] as const) {
      const failure = await ask(afterEdit, replayStore, caseId, edited, question).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RecordingUnavailableError);
      expect(failure).toMatchObject({ status: 'stale', message: expect.stringContaining('prompt "planner" changed since it was recorded') });
    }
    await expect(ask(afterEdit, replayStore, 'support/c', support, 'where is my order?')).resolves.toMatchObject({ tool_calls: recorded[2]!.tool_calls });

    // Another model, or a case never recorded: missing. A changed question: stale.
    const otherModel = new RecordingChatModel({ store: replayStore, mode: 'replay', modelName: 'gpt-other', prompts: [planner] });
    await expect(ask(otherModel, replayStore, 'planning/a', planner, 'win back lapsed customers')).rejects.toMatchObject({ status: 'missing' });
    await expect(ask(replayer, replayStore, 'planning/new', planner, 'anything')).rejects.toMatchObject({ status: 'missing', message: expect.stringContaining('record it with --record') });
    await expect(ask(replayer, replayStore, 'planning/a', planner, 'win back everyone')).rejects.toMatchObject({ status: 'stale', message: expect.stringContaining('conversation differs') });
    expect(inner.calls).toBe(3);
  });

  it('re-recording replaces the old recording of the same case and call', async () => {
    const inner = new ScriptedModel({});
    const store = new RecordingStore({ dir });
    const before = prompt('planner', 'Version one.');
    const after = prompt('planner', 'Version two.');
    await ask(new RecordingChatModel({ store, mode: 'record', modelName: 'gpt-test', prompts: [before], inner }), store, 'planning/a', before, 'goal');
    await ask(new RecordingChatModel({ store, mode: 'record', modelName: 'gpt-test', prompts: [after], inner }), store, 'planning/a', after, 'goal');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('files a request two cases share under both, asking the model once', async () => {
    const planner = prompt('planner', 'You plan campaigns.');
    const inner = new ScriptedModel({});
    const store = new RecordingStore({ dir });
    const recorder = new RecordingChatModel({ store, mode: 'record', modelName: 'gpt-test', prompts: [planner], inner });
    const first = await ask(recorder, store, 'planning/a', planner, 'same goal');
    const second = await ask(recorder, store, 'copy/b', planner, 'same goal');
    expect(inner.calls).toBe(1);
    expect(second.tool_calls).toEqual(first.tool_calls);
    expect(readdirSync(dir)).toHaveLength(1);
    const edited = prompt('planner', 'You plan campaigns differently.');
    const replayStore = new RecordingStore({ dir });
    const replayer = new RecordingChatModel({ store: replayStore, mode: 'replay', modelName: 'gpt-test', prompts: [edited] });
    for (const caseId of ['planning/a', 'copy/b']) {
      await expect(ask(replayer, replayStore, caseId, edited, 'same goal')).rejects.toMatchObject({ status: 'stale' });
    }
  });

  it('refuses to record without the real model', async () => {
    const store = new RecordingStore({ dir });
    const planner = prompt('planner', 'x');
    await expect(ask(new RecordingChatModel({ store, mode: 'record', modelName: 'gpt-test', prompts: [planner] }), store, 'planning/a', planner, 'goal')).rejects.toThrow(/needs the real model/);
  });
});
