// Writes the reply: the templates always, and with a model configured the model's rewording of
// them, sent only when it passes the reply check; otherwise the checked template goes out.
import type { SupportDeps } from '../deps.ts';
import { createLogger } from '../../../logger.ts';
import { checkReply, type ReplyFacts } from '../replies/check-reply.ts';
import { composeTemplateReply } from '../replies/compose-reply.ts';
import { supportPromptText, writeModelReply } from '../replies/model-reply.ts';
import type { SupportStateType, SupportUpdate } from '../state.ts';
import { latestCustomerText } from './read-message.ts';

const log = createLogger('support');

/** A reply that says nothing but that a colleague will help, for the impossible case of a failing template. */
const SAFE_REPLY = { en: "I'm sorry, I can't answer that here. A colleague will follow up with you.", zh: '抱歉，我无法在此回答。同事会尽快跟进。' };

export function replyFacts(state: SupportStateType): ReplyFacts {
  const orders = state.answer!.points.flatMap((point) => (point.kind === 'order_status' ? [point.order.id] : point.kind === 'compensation' ? [point.offer.orderId] : point.kind === 'returns' && point.orderId ? [point.orderId] : point.kind === 'complaint_noted' && point.orderId ? [point.orderId] : []));
  return { plan: state.answer!, allowedOrderIds: [...orders, ...(state.customer ? [state.customer.orderId] : [])] };
}

export function makeWriteReply({ supportPolicy, replyModel }: SupportDeps) {
  return async function writeReply(state: SupportStateType): Promise<SupportUpdate> {
    const tone = state.tone!;
    const style = supportPolicy.tone.registers[tone.register];
    const template = composeTemplateReply({ plan: state.answer!, style, language: state.language, turn: state.turn, firstName: state.customer?.firstName ?? null });
    const facts = replyFacts(state);
    const templateProblems = checkReply(template, facts);
    if (templateProblems.length > 0) {
      log.error({ problems: templateProblems }, 'a template reply failed the reply check');
      return { reply: SAFE_REPLY[state.language], replySource: 'template' };
    }
    if (!replyModel) return { reply: template, replySource: 'template' };
    try {
      const written = await writeModelReply({ model: replyModel, language: state.language, register: tone.register, decidedContent: template, customerMessage: latestCustomerText(state) });
      const problems = checkReply(written, { ...facts, promptText: supportPromptText() });
      if (problems.length === 0) return { reply: written, replySource: 'model' };
      log.warn({ problems }, 'the model reply failed the reply check; sending the template');
    } catch (error) {
      log.warn({ err: error }, 'the model could not write the reply; sending the template');
    }
    return { reply: template, replySource: 'model_rejected' };
  };
}
