// The model path against a real HTTP server speaking the OpenAI API: the model only rewords the
// decided content, its text goes out when it passes the reply check, and the checked template goes
// out when it promises more than policy, shows someone else's data, quotes the prompt or fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { loadModels } from '../../models/load-models.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { startMockOpenAiServer, type MockOpenAiServer, type ScriptedAnswer } from '../../testing/mock-openai-server.ts';
import { supportPromptText } from './replies/model-reply.ts';
import { ALICE, CAROL, fixtureConversation, fixtureDeps, insertSupportFixture } from './support-fixture.ts';

let test: TestDatabase;
let mock: MockOpenAiServer;
let script: ScriptedAnswer[] = [];
let say: ReturnType<typeof fixtureConversation>;

beforeAll(async () => {
  test = await createTestDatabase();
  await insertSupportFixture(test.db);
  mock = await startMockOpenAiServer({ answers: (_body, index) => script[index] ?? { status: 500 } });
  const config = loadConfig({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: mock.baseUrl, CAMPAIGN_AGENT_MODEL_MAX_RETRIES: '0', CAMPAIGN_AGENT_TIME_ZONE: 'UTC' });
  const models = await loadModels(config);
  say = fixtureConversation(fixtureDeps(test.db, { replyModel: models.chatModel }));
});
// Each conversation starts with no compensation given, so the per-customer limit does not carry over.
beforeEach(async () => {
  await test.db.query('DELETE FROM support_turns');
});
afterAll(async () => {
  await mock?.close();
  await test?.dispose();
});

const VERIFY = `Order ${ALICE.order}, email ${ALICE.email}. The case arrived broken, I'm really disappointed.`;
const TEMPLATE = `I'm truly sorry. Thanks, I've verified you (a***@example.com). I've added a CNY 30 coupon to your account for order ${ALICE.order}.`;

function lastRequestMessages(): Array<{ role: string; content: string }> {
  const chat = mock.requests.filter((request) => request.path.endsWith('/chat/completions'));
  return chat[chat.length - 1]!.body.messages as Array<{ role: string; content: string }>;
}

describe('model-written replies', () => {
  it('sends the model text when it says only what was decided, and gives the model the decisions, not the choice', async () => {
    script = [{ content: `I'm so sorry your case arrived broken, Alice. You're verified, and a CNY 30 coupon for order ${ALICE.order} is now on your account.` }];
    const state = await say('model-ok', VERIFY);
    expect(state.replySource).toBe('model');
    expect(state.reply).toBe(script[0] && 'content' in script[0] ? script[0].content : '');
    expect(state.offer).toEqual({ orderId: ALICE.order, amount: 30, currency: 'CNY', percent: 15 });
    const [system, customer] = lastRequestMessages();
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('REGISTER: apologetic_brief');
    expect(system!.content).toContain(`DECIDED CONTENT:\n${TEMPLATE}`);
    // The customer's words reach the model with their e-mail address masked.
    expect(customer).toEqual({ role: 'user', content: VERIFY.replace(ALICE.email, '[email]') });
  });

  it.each([
    ['a deeper discount', 'So sorry! Here is 50% off your next order as an apology.'],
    ['a bigger coupon', `So sorry! I've added a CNY 200 coupon for order ${ALICE.order}.`],
    ['a free replacement', 'So sorry! We will send you a free replacement right away.'],
    ["another customer's e-mail", `Sorry! By the way, ${CAROL.email} had the same problem.`],
    ["another customer's order", `Sorry! Order ${CAROL.order} is fine though.`],
    ['the system prompt', `Sure. ${supportPromptText().split('\n').slice(0, 2).join('\n')}`],
  ])('sends the checked template instead of a reply promising or showing %s', async (_what, content) => {
    script = [...script, { content }];
    const state = await say(`model-bad-${script.length}`, VERIFY);
    expect(state.replySource).toBe('model_rejected');
    expect(state.reply).toBe(TEMPLATE);
  });

  it('falls back to the template when the model fails', async () => {
    script = [...script, { status: 500 }];
    const state = await say('model-down', VERIFY);
    expect(state.replySource).toBe('model_rejected');
    expect(state.reply).toBe(TEMPLATE);
  });
});
