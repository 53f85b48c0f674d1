// The offline replies: each point of an answer plan in English or Chinese, in a full or a brief
// form (brief registers say less). Templates only state what the plan holds; they never echo the
// customer's words, so nothing a customer writes can come back as the bot's.
import type { Locale } from '../../../domain/vocabulary.ts';
import { formatAmount } from '../../../guardrails/plain-text.ts';
import type { AnswerPoint, CrossSellSuggestion } from '../answer-plan.ts';

type Say = (en: string, zh: string) => string;

const STATUS = {
  completed: { en: 'completed and delivered', zh: '已完成并签收' },
  cancelled: { en: 'cancelled', zh: '已取消' },
  returned: { en: 'returned and refunded', zh: '已退货退款' },
} as const;

function money(currency: string, amount: number): string {
  return `${currency} ${formatAmount(amount)}`;
}

function pointText(point: AnswerPoint, say: Say, brief: boolean, language: Locale): string {
  switch (point.kind) {
    case 'ask_verification':
      if (point.reason === 'not_matched') {
        return say(
          "I couldn't verify those details. Please send your order number together with the e-mail address or phone number used for that order.",
          '这些信息未能通过验证。请同时提供订单号以及下单时使用的邮箱或手机号。',
        );
      }
      if (point.reason === 'needs_contact') {
        return say('To protect your account, please also send the e-mail address or phone number used for that order.', '为保护您的账户安全，请同时提供下单时使用的邮箱或手机号。');
      }
      return say(
        'So I can look into your order, please send your order number and the e-mail address or phone number you used to order.',
        '为了查询您的订单，请提供订单号以及下单时使用的邮箱或手机号。',
      );
    case 'verified':
      return say(`Thanks, I've verified you (${point.maskedContact}).`, `谢谢，已验证您的身份（${point.maskedContact}）。`);
    case 'order_status': {
      const { order } = point;
      const date = order.orderedAt.slice(0, 10);
      const items = order.lines.map((line) => (line.quantity > 1 ? `${line.name} x${line.quantity}` : line.name)).join(language === 'zh' ? '、' : ', ');
      const status = STATUS[order.status][language];
      if (brief) return say(`Order ${order.id} is ${status}.`, `订单 ${order.id} ${status}。`);
      return say(
        `Order ${order.id} from ${date} (${items}; ${money(order.currency, order.total)}) is ${status}.`,
        `订单 ${order.id}（${date}下单：${items}；${money(order.currency, order.total)}）${status}。`,
      );
    }
    case 'order_not_found':
      return say('I can only see the orders on your own account, and that order number is not one of them.', '我只能查看您本人账户下的订单，该订单号不在其中。');
    case 'returns': {
      const until = point.returnableUntil && point.orderId ? say(` For order ${point.orderId}, that means until about ${point.returnableUntil} if it was delivered promptly.`, `订单 ${point.orderId} 如按时送达，大约可在 ${point.returnableUntil} 前申请。`) : '';
      return `${point.text}${brief ? '' : until}`;
    }
    case 'shipping':
      return point.text;
    case 'compensation': {
      const { offer } = point;
      const amount = money(offer.currency, offer.amount);
      if (brief) return say(`I've added a ${amount} coupon to your account for order ${offer.orderId}.`, `已为订单 ${offer.orderId} 向您的账户发放 ${amount} 优惠券。`);
      return say(
        `To make up for it, I've added a ${amount} coupon to your account for order ${offer.orderId}; that is the most our policy lets me offer.`,
        `作为补偿，已为订单 ${offer.orderId} 向您的账户发放 ${amount} 优惠券，这是政策允许的最高补偿。`,
      );
    }
    case 'complaint_noted': {
      const about = point.orderId ? say(` about order ${point.orderId}`, `（订单 ${point.orderId}）`) : '';
      const noOffer =
        point.noOfferReason === 'limit_reached'
          ? say(' You have already received the most compensation our policy allows for now.', '您近期获得的补偿已达到政策上限。')
          : point.noOfferReason === 'not_in_policy'
            ? say(' Our policy does not allow compensation on this order.', '根据政策，该订单无法提供补偿。')
            : '';
      return say(`I've logged your complaint${about} and our team will follow up.${noOffer}`, `已记录您的投诉${about}，我们的团队会跟进处理。${noOffer}`);
    }
    case 'discount_refused':
      return say(
        "I'm sorry, but that's more than I'm able to offer: any discount or compensation has to stay within our policy.",
        '很抱歉，这超出了我能提供的范围：任何折扣或补偿都必须符合我们的政策。',
      );
    case 'thanks':
      return say("You're welcome.", '不客气。');
    case 'greeting':
      return say('How can I help you today? I can check an order, explain returns and shipping, or sort out a problem.', '请问有什么可以帮您？我可以查询订单、说明退换货和配送政策，或处理问题。');
    case 'clarify':
      return say(
        "I'm not sure I understood. I can check an order's status, explain returns and shipping, or help with a problem with an order.",
        '抱歉，我没有完全理解。我可以查询订单状态、说明退换货和配送政策，或处理订单问题。',
      );
  }
}

export function pointSentence(point: AnswerPoint, language: Locale, { brief = false }: { brief?: boolean } = {}): string {
  const say: Say = (en, zh) => (language === 'zh' ? zh : en);
  return pointText(point, say, brief, language);
}

export function crossSellSentence(suggestions: readonly CrossSellSuggestion[], language: Locale): string {
  const names = suggestions.map((suggestion) => suggestion.name).join(language === 'zh' ? '、' : ' or ');
  return language === 'zh' ? `顺便一提，很多购买过同类商品的顾客也喜欢${names}。` : `By the way, customers who bought the same often pick up ${names} too.`;
}
