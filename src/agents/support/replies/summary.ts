// The conversation summary that goes with a hand-over: who the customer is (verified or not),
// what they asked about, how their mood moved, what was offered and why a person is needed.
// Built from the recorded decisions only, never from the customer's raw words.
import type { EscalationReason } from '../../../domain/support-policy.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { formatAmount } from '../../../guardrails/plain-text.ts';
import type { SupportStateType, TurnRecord } from '../state.ts';
import type { SupportIntent } from '../understand/intent.ts';

const TOPIC: Record<SupportIntent, { en: string; zh: string }> = {
  order_status: { en: 'order status', zh: '订单状态' },
  returns: { en: 'returns', zh: '退换货' },
  shipping: { en: 'shipping', zh: '配送' },
  complaint: { en: 'a complaint', zh: '投诉' },
  discount_request: { en: 'a discount request', zh: '折扣请求' },
  thanks: { en: 'thanks', zh: '致谢' },
  greeting: { en: 'greeting', zh: '问候' },
  identify: { en: 'verification', zh: '身份验证' },
  other: { en: 'other questions', zh: '其他问题' },
};

/** Why, as the person taking over reads it. */
const REASON: Record<EscalationReason, { en: string; zh: string }> = {
  human_requested: { en: 'the customer asked for a person', zh: '客户要求人工客服' },
  very_negative_repeated: { en: 'repeated very negative messages', zh: '客户多次表达强烈不满' },
  no_progress: { en: 'several turns without progress', zh: '多轮沟通未取得进展' },
  legal_or_safety: { en: 'legal or safety words', zh: '涉及法律或安全问题' },
};

const MOOD: Record<string, { en: string; zh: string }> = {
  very_negative: { en: 'very negative', zh: '非常不满' },
  negative: { en: 'negative', zh: '不满' },
  neutral: { en: 'neutral', zh: '平静' },
  positive: { en: 'positive', zh: '满意' },
};

export function summarizeConversation(state: Pick<SupportStateType, 'customer' | 'turn'>, history: readonly TurnRecord[], reason: EscalationReason, language: Locale): string {
  const say = (en: string, zh: string) => (language === 'zh' ? zh : en);
  const who = state.customer
    ? say(`customer ${state.customer.customerId}, verified with order ${state.customer.orderId} (${state.customer.maskedContact})`, `客户 ${state.customer.customerId}，已通过订单 ${state.customer.orderId} 验证（${state.customer.maskedContact}）`)
    : say('customer not verified', '客户未验证身份');
  const topics = [...new Set(history.map((turn) => turn.intent).filter((intent) => intent !== 'other' || history.length === 1))].map((intent) => TOPIC[intent][language]);
  const mood = history.map((turn) => MOOD[turn.tone.band]![language]).join(' → ');
  const offers = history.flatMap((turn) => (turn.offer ? [`${turn.offer.currency} ${formatAmount(turn.offer.amount)} (${turn.offer.orderId})`] : []));
  const why = REASON[reason][language];
  const parts = [
    who,
    say(`${history.length} message(s) about ${topics.join(', ') || 'nothing specific'}`, `共 ${history.length} 条消息，涉及${topics.join('、') || '无具体问题'}`),
    say(`mood: ${mood}`, `情绪：${mood}`),
    offers.length ? say(`offered: ${offers.join(', ')}`, `已提供补偿：${offers.join('、')}`) : say('no compensation offered', '未提供补偿'),
    say(`handed over: ${why}`, `转接原因：${why}`),
  ];
  return parts.join(say('; ', '；')) + say('.', '。');
}
