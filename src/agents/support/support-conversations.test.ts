// Scripted customer conversations in English and Chinese through the support graph on a real
// embedded database: the tone chosen at each turn, the escalation point with its summary, a
// cross-sell for a happy customer, and no turn offering more than policy allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportTurnsOf } from '../../data/support-records.ts';
import { findDiscountFigures } from '../../guardrails/discount-figures.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { compensationLimitPercent } from './decide/compensation.ts';
import type { SupportDeps } from './deps.ts';
import type { SupportStateType } from './state.ts';
import { ALICE, BO, CAROL, fixtureConversation, fixtureDeps, insertSupportFixture } from './support-fixture.ts';
import { ordersOfCustomer } from '../../data/support-records.ts';

let test: TestDatabase;
let deps: SupportDeps;
let say: ReturnType<typeof fixtureConversation>;

beforeAll(async () => {
  test = await createTestDatabase();
  await insertSupportFixture(test.db);
  deps = fixtureDeps(test.db);
  say = fixtureConversation(deps);
});
afterAll(async () => {
  await test?.dispose();
});

interface Step {
  text: string;
  register: string;
  band?: string;
  escalation?: string | null;
}

/** Plays a conversation, asserting the register (and band, escalation) of every turn and the policy bound on every offer. */
async function play(threadId: string, steps: Step[]): Promise<SupportStateType[]> {
  const states: SupportStateType[] = [];
  for (const [index, step] of steps.entries()) {
    const state = await say(threadId, step.text);
    const seen = { turn: index + 1, register: state.tone!.register, band: state.tone!.band, escalation: state.escalation };
    expect(seen, `turn ${index + 1}: "${step.text}" -> ${state.reply}`).toEqual({
      turn: index + 1,
      register: step.register,
      band: step.band ?? seen.band,
      escalation: step.escalation === undefined ? seen.escalation : step.escalation,
    });
    await expectWithinPolicy(state);
    states.push(state);
  }
  return states;
}

/** No offer above the lowest applicable ceiling, no reply advertising a deeper figure, no customer above the per-customer limit. */
async function expectWithinPolicy(state: SupportStateType): Promise<void> {
  const reply = state.reply;
  const figures = findDiscountFigures(reply).filter((figure) => figure.percentOff !== null);
  if (state.offer) {
    const customer = state.customer!;
    const order = (await ordersOfCustomer(test.db, customer.customerId, { limit: 100 })).find((candidate) => candidate.id === state.offer!.orderId)!;
    const limit = compensationLimitPercent(order, deps.policy, deps.supportPolicy);
    expect(state.offer.percent).toBeLessThanOrEqual(limit);
    expect(state.offer.amount).toBeLessThanOrEqual((order.total * limit) / 100);
    for (const figure of figures) expect(figure.percentOff!).toBeLessThanOrEqual(state.offer.percent);
  } else {
    expect(figures, reply).toEqual([]);
  }
  const offered = state.history.reduce((sum, turn) => sum + (turn.offer?.amount ?? 0), 0);
  expect(offered).toBeLessThanOrEqual(deps.supportPolicy.compensation.perCustomerLimit);
}

describe('English: neutral, then angry', () => {
  it('changes register as the customer gets angry, refuses 90% off, then hands over with a summary', async () => {
    const states = await play('en-angry', [
      { text: `Hi, can you check my order ${ALICE.order}? My email is ${ALICE.email}`, register: 'concise', band: 'neutral' },
      { text: 'The phone case arrived with a crack in it.', register: 'concise', band: 'neutral' },
      { text: 'This is really disappointing, I paid good money for a broken case.', register: 'apologetic_brief', band: 'negative' },
      { text: 'Can you just give me 90% off my next order?', register: 'concise' },
      { text: "This is ridiculous. Worst service ever, I'm absolutely furious!", register: 'apologetic_brief', band: 'very_negative', escalation: null },
      { text: 'Terrible, useless, I hate this shop!', register: 'apologetic_brief', band: 'very_negative', escalation: 'very_negative_repeated' },
    ]);
    const [verified, neutralComplaint, negative, ninety, furious, handover] = states.map((state) => state!);
    expect(verified!.customer?.customerId).toBe(ALICE.id);
    expect(verified!.reply).toBe(`Sure. Thanks, I've verified you (a***@example.com). Order ${ALICE.order} from 2026-11-18 (Phone Case 手机壳; CNY 200) is completed and delivered.`);
    // Neutral complaint: concise, no compensation in that register; negative: apologetic, a coupon within policy.
    expect(neutralComplaint!.reply).toBe(`Got it. I've logged your complaint about order ${ALICE.order} and our team will follow up.`);
    expect(negative!.offer).toEqual({ orderId: ALICE.order, amount: 20, currency: 'CNY', percent: 10 });
    expect(negative!.reply).toBe(`I apologise, this should not have happened. I've added a CNY 20 coupon to your account for order ${ALICE.order}.`);
    expect(ninety!.offer).toBeNull();
    expect(ninety!.reply).toBe("Sure. I'm sorry, but that's more than I'm able to offer: any discount or compensation has to stay within our policy.");
    // The same order is not compensated twice.
    expect(furious!.offer).toBeNull();
    expect(handover!.reply).toMatch(/^I'm bringing in a member of our support team now, as I can tell this has been really upsetting\./);
    expect(handover!.summary).toBe(
      `customer ${ALICE.id}, verified with order ${ALICE.order} (a***@example.com); 6 message(s) about order status, a complaint, a discount request; ` +
        'mood: neutral → neutral → negative → neutral → very negative → very negative; offered: CNY 20 (O900001-1); handed over: repeated very negative messages.',
    );
    expect(handover!.reply).toContain(handover!.summary!);
  });

  it('records the tone of every turn in support_turns', async () => {
    const turns = await supportTurnsOf(test.db, 'en-angry');
    expect(turns.map((turn) => [turn.turn, turn.band, turn.register, turn.offerAmount, turn.escalationReason])).toEqual([
      [1, 'neutral', 'concise', null, null],
      [2, 'neutral', 'concise', null, null],
      [3, 'negative', 'apologetic_brief', 20, null],
      [4, 'neutral', 'concise', null, null],
      [5, 'very_negative', 'apologetic_brief', null, null],
      [6, 'very_negative', 'apologetic_brief', null, 'very_negative_repeated'],
    ]);
  });

  it('hands a conversation without progress over after three turns', async () => {
    const states = await play('en-stuck', [
      { text: 'asdf', register: 'concise', escalation: null },
      { text: 'what?', register: 'concise', escalation: null },
      { text: 'hmm', register: 'concise', escalation: 'no_progress' },
    ]);
    expect(states[2]!.summary).toBe('customer not verified; 3 message(s) about nothing specific; mood: neutral → neutral → neutral; no compensation offered; handed over: several turns without progress.');
  });

  it('hands over at once for a person or legal words', async () => {
    expect((await say('en-human', 'Can I speak to a real person please?')).escalation).toBe('human_requested');
    const legal = await say('en-legal', 'My charger caught fire, I will call my lawyer');
    expect(legal.escalation).toBe('legal_or_safety');
    expect(legal.reply).toContain("as this needs a specialist's attention");
  });
});

describe('English: happy', () => {
  it('turns warm and suggests a product bought together with theirs', async () => {
    const [, returns, happy] = await play('en-happy', [
      { text: `Hello! Order ${ALICE.order}, phone +44 7700 900123`, register: 'concise' },
      { text: 'What is your returns policy?', register: 'concise' },
      { text: "Great, thanks so much, that's really helpful!", register: 'warm', band: 'positive' },
    ]);
    expect(returns!.reply).toContain('You can return items within 7 days of delivery');
    expect(happy!.answer!.crossSell).toEqual([{ productId: 'SUP-P-GLASS', name: 'Screen Protector 钢化膜' }]);
    expect(happy!.reply).toBe("Happy to help, Alice! You're welcome. By the way, customers who bought the same often pick up Screen Protector 钢化膜 too. Have a great day!");
  });

  it('never suggests a product in an apologetic or concise register', async () => {
    const state = await say('en-no-cross-sell', `Order ${ALICE.order} ${ALICE.email}: the case is broken and I'm really upset`);
    expect(state.tone!.register).not.toBe('warm');
    expect(state.answer!.crossSell).toEqual([]);
  });
});

describe('Chinese', () => {
  it('平静 -> 愤怒: register changes, the wine order is capped by the alcohol ceiling, then hands over', async () => {
    const states = await play('zh-angry', [
      { text: `你好，我想查一下订单 ${BO.order}，手机号 13800138000`, register: 'concise', band: 'neutral' },
      { text: '收到的红酒瓶子是碎的', register: 'concise', band: 'neutral' },
      { text: '太让人失望了，质量这么差', register: 'apologetic_brief', band: 'very_negative' },
      { text: '给我打一折吧', register: 'concise' },
      { text: '气死我了，垃圾服务，太差劲了！', register: 'apologetic_brief', escalation: 'very_negative_repeated' },
    ]);
    expect(states[0]!.reply).toBe(`好的。谢谢，已验证您的身份（****8000）。订单 ${BO.order}（2026-11-20下单：Red Wine 红酒、Headphones 耳机；CNY 800）已完成并签收。`);
    // 15% for a very negative complaint, lowered to the campaign policy's 10% alcohol ceiling.
    expect(states[2]!.offer).toEqual({ orderId: BO.order, amount: 80, currency: 'CNY', percent: 10 });
    expect(states[2]!.reply).toBe(`抱歉，这不该发生。已为订单 ${BO.order} 向您的账户发放 CNY 80 优惠券。`);
    expect(states[3]!.reply).toBe('好的。很抱歉，这超出了我能提供的范围：任何折扣或补偿都必须符合我们的政策。');
    expect(states[4]!.reply).toMatch(/^看得出这件事让您非常不满，我现在为您转接人工客服。/);
    expect(states[4]!.summary).toBe(
      `客户 ${BO.id}，已通过订单 ${BO.order} 验证（****8000）；共 5 条消息，涉及订单状态、投诉、折扣请求；情绪：平静 → 平静 → 非常不满 → 平静 → 非常不满；已提供补偿：CNY 80 (${BO.order})；转接原因：客户多次表达强烈不满。`,
    );
  });

  it('answers shipping in Chinese and turns warm when the customer is happy', async () => {
    const states = await play('zh-happy', [
      { text: `订单 ${BO.order} 邮箱 ${BO.email}`, register: 'concise' },
      { text: '物流多久能到？', register: 'concise' },
      { text: '太好了，谢谢你们，非常满意！', register: 'warm', band: 'positive' },
    ]);
    expect(states.map((state) => state.language)).toEqual(['zh', 'zh', 'zh']);
    expect(states[1]!.reply).toBe('收到。订单48小时内发货，配送一般需要2-5个工作日（视城市而定）。发货后会通过短信或邮件发送物流单号。');
    expect(states[2]!.reply).toBe('很乐意为您效劳，博！不客气。祝您生活愉快！');
  });

  it('法律与安全词立即转人工', async () => {
    expect((await say('zh-legal', '充电器爆炸了，我要找律师起诉你们')).escalation).toBe('legal_or_safety');
    expect((await say('zh-human', '转人工')).escalation).toBe('human_requested');
  });
});

describe('identity and other customers', () => {
  it('gives no order details before verification, and none for a contact that does not match', async () => {
    const unverified = await say('id-1', `Where is order ${CAROL.order}?`);
    expect(unverified.customer).toBeNull();
    expect(unverified.reply).toBe('Sure. To protect your account, please also send the e-mail address or phone number used for that order.');
    const wrong = await say('id-1', `${CAROL.order} ${ALICE.email}`);
    expect(wrong.customer).toBeNull();
    expect(wrong.reply).not.toContain('Headphones');
    expect(wrong.reply).toContain("I couldn't verify those details.");
  });

  it("refuses to show another customer's order once verified", async () => {
    await say('id-2', `${ALICE.order} ${ALICE.email}`);
    const other = await say('id-2', `And what's the status of order ${CAROL.order}?`);
    expect(other.reply).toBe('Got it. I can only see the orders on your own account, and that order number is not one of them.');
    expect(other.reply).not.toContain(CAROL.order);
  });

  it('verifies nobody once the conversation is with a person', async () => {
    await say('id-3', 'I want to speak to a human');
    const state = await say('id-3', `${CAROL.order} ${CAROL.email}`);
    expect(state.customer).toBeNull();
    expect(state.reply).toBe('A member of our support team has your conversation and will reply here shortly.');
  });

  it('stops compensating a customer at the per-customer limit', async () => {
    // Bo has CNY 80 from the Chinese conversation; an expensive order would go above the CNY 100 limit.
    await test.db.query(`INSERT INTO orders (id, customer_id, ordered_at, status, total) VALUES ('O900002-9', $1, '2026-11-21T10:00:00Z', 'completed', 500)`, [BO.id]);
    await test.db.query(`INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES ('O900002-9', 1, 'SUP-P-HEAD', 1, 500)`);
    const state = await say('limit', `订单 O900002-9 手机 13800138000，耳机坏了，太差了，非常失望`);
    expect(state.offer).toEqual({ orderId: 'O900002-9', amount: 20, currency: 'CNY', percent: 4 });
    const again = await say('limit-2', `订单 O900002-9 手机 13800138000，耳机坏了，真的很生气，非常失望`);
    expect(again.offer).toBeNull();
    expect(again.reply).toContain('您近期获得的补偿已达到政策上限');
  });
});
