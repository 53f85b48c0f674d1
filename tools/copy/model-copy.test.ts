// Model-mode copy against a real HTTP server speaking the OpenAI API with scripted answers: the copy
// prompt carries the brand voice, a usable answer becomes the copy, an unusable one falls back to the
// templates, and the model's copy goes through the same guardrails as template copy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBrief, sampleDraft, sampleInput, samplePolicy } from '../../src/guardrails/guardrail-fixtures.ts';
import { runGuardrails } from '../../src/guardrails/run-guardrails.ts';
import { loadModels } from '../../src/models/load-models.ts';
import { loadPrompt } from '../../src/prompts/load-prompt.ts';
import { startMockOpenAiServer, type MockOpenAiServer, type ScriptedAnswer } from '../../src/testing/mock-openai-server.ts';
import { generateModelCopy } from './model-copy.ts';

let script: ScriptedAnswer[] = [];
let calls = 0;
let server: MockOpenAiServer;
let chatModel: Awaited<ReturnType<typeof loadModels>>['chatModel'];

beforeAll(async () => {
  server = await startMockOpenAiServer({ answers: () => script[calls++] ?? { content: 'script exhausted' } });
  const models = await loadModels({
    model: {
      mode: 'openai',
      apiKey: 'test-key',
      baseUrl: server.baseUrl,
      chatModel: 'gpt-test',
      embeddingModel: 'embed-test',
      timeoutMs: 5000,
      maxRetries: 0,
      requestsPerSecond: null,
    },
    timeZone: 'UTC',
  });
  chatModel = models.chatModel;
});
afterAll(async () => {
  await server?.close();
});

const zhBrief = sampleBrief({ goal: '给老客户发短信，8折', channels: ['sms'], locale: 'zh', offer: { type: 'percent_off', percent: 20 } });
const answer = (messages: unknown[]): ScriptedAnswer => ({ content: `Here is the copy:\n\`\`\`json\n${JSON.stringify({ messages })}\n\`\`\`` });
const lastChat = () => server.requests.filter((request) => request.path.endsWith('/chat/completions')).at(-1)!.body.messages as Array<{ role: string; content: string }>;

describe('generateModelCopy', () => {
  it('sends the copy prompt with the brand voice and keeps a usable answer', async () => {
    const policy = samplePolicy();
    policy.brandVoice = { ...policy.brandVoice, wordsToUse: { zh: ['惊喜', '专属'] }, emoji: 'none' };
    script = [
      answer([
        { channel: 'sms', variant: 'A', title: null, text: '【乐萌】{{first_name}}，专属8折回归礼，全网最好的好物等你。回T退订' },
        { channel: 'sms', variant: 'B', title: 'ignored', text: '【乐萌】好久不见！全场8折惊喜，本周有效。回T退订' },
      ]),
    ];
    calls = 0;
    const copy = await generateModelCopy({ chatModel, brief: zhBrief, policy });
    expect(copy).toEqual({
      source: 'model',
      promptSha256: loadPrompt('copy').sha256,
      problem: null,
      messages: [
        { channel: 'sms', variant: 'A', title: null, text: '【乐萌】{{first_name}}，专属8折回归礼，全网最好的好物等你。回T退订' },
        { channel: 'sms', variant: 'B', title: null, text: '【乐萌】好久不见！全场8折惊喜，本周有效。回T退订' },
      ],
    });
    const [system, request] = lastChat();
    expect(system).toEqual({ role: 'system', content: loadPrompt('copy').text });
    expect(request!.content).toContain('## Brand voice\n- tone: 亲切、简洁、真诚，不制造焦虑。\n- words to use: 惊喜, 专属\n');
    expect(request!.content).toContain('- words to avoid: cheap (say "great value" instead); hurry (say "don\'t miss out" instead); 便宜 (say "实惠" instead); 秒杀 (say "限时特惠" instead)');
    expect(request!.content).toContain('- emoji: none at all');
    expect(request!.content).toContain('start with 【乐萌】; end with "回T退订"');

    // The same guardrails as for template copy: 全网最好 is rewritten before anything can be queued.
    const report = runGuardrails(sampleInput({ policy, draft: sampleDraft({ brief: zhBrief, messages: copy.messages }) }));
    expect(report.verdicts.find((verdict) => verdict.rule === 'claims.banned')?.status).toBe('fixed');
    expect(report.draft.messages[0]!.text).toBe('【乐萌】{{first_name}}，专属8折回归礼，口碑好的好物等你。回T退订');
  });

  it.each<[string, ScriptedAnswer, RegExp]>([
    ['a missing variant', answer([{ channel: 'sms', variant: 'A', title: null, text: '【乐萌】8折。回T退订' }]), /^no sms variant B in the answer$/],
    ['prose instead of JSON', { content: '抱歉，我无法完成。' }, /^the answer is not JSON/],
    ['a wrong shape', answer([{ channel: 'fax', variant: 'A', text: 'x' }]), /^the answer does not match the copy schema: messages\.0\.channel/],
    ['a failed call', { status: 500, body: { error: { message: 'boom' } } }, /^the model call failed/],
  ])('falls back to the templates on %s', async (_name, scripted, problem) => {
    script = [scripted];
    calls = 0;
    const copy = await generateModelCopy({ chatModel, brief: zhBrief, policy: samplePolicy() });
    expect(copy.source).toBe('templates');
    expect(copy.problem).toMatch(problem);
    expect(copy.messages.map(({ channel, variant }) => `${channel}:${variant}`)).toEqual(['sms:A', 'sms:B']);
    expect(copy.messages.every((message) => message.text.startsWith('【乐萌】'))).toBe(true);
  });
});
