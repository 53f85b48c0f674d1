// Verifies the customer when the message carries an order number and the e-mail or phone on that
// order. Nothing about an order is shown before this succeeds; contacts are logged masked only.
import { verifyCustomer } from '../../../data/support-records.ts';
import { createLogger } from '../../../logger.ts';
import type { SupportDeps } from '../deps.ts';
import { maskContact } from '../understand/identifiers.ts';
import type { SupportStateType, SupportUpdate } from '../state.ts';

const log = createLogger('support');

export function makeIdentifyCustomer({ db }: SupportDeps) {
  return async function identifyCustomer(state: SupportStateType): Promise<SupportUpdate> {
    const { orderIds, email, phone } = state.identifiers;
    // Once a person has the conversation, the bot verifies nobody: no guessing contacts past the hand-over.
    if (state.customer || state.escalation || orderIds.length === 0 || (email === null && phone === null)) return { verification: 'none' };
    for (const orderId of orderIds.slice(0, 3)) {
      const verified = await verifyCustomer(db, { orderId, email, phone });
      if (verified) {
        const maskedContact = maskContact(email ?? phone ?? '');
        log.info({ customerId: verified.customerId, contact: maskedContact }, 'customer verified');
        return { customer: { ...verified, maskedContact }, verification: 'verified' };
      }
    }
    log.info({ orders: orderIds.length, contact: maskContact(email ?? phone ?? '') }, 'verification failed');
    return { verification: 'failed' };
  };
}
