// The SMTP adapter against a real SMTP server: a plain-text mail with a stable Message-ID and a
// one-click unsubscribe header; a 5xx refusal is permanent, a 4xx one is worth retrying.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../testing/smtp-capture.ts';
import type { OutboundMessage } from './channel-adapter.ts';
import { createSmtpAdapter, messageIdFor } from './smtp-adapter.ts';

let smtp: SmtpCapture;
beforeAll(async () => {
  // Message 2 is refused for good, message 3 for now.
  smtp = await startSmtpCapture({ refuse: (number) => (number === 2 ? 550 : number === 3 ? 451 : null) });
});
afterAll(async () => {
  await smtp?.close();
});

const message: OutboundMessage = {
  idempotencyKey: 'cmp_1:C1:0',
  campaignId: 'cmp_1',
  customerId: 'C1',
  step: 0,
  channel: 'email',
  variant: 'A',
  locale: 'zh',
  to: { customerId: 'C1', email: 'mei@example.test', phone: null },
  title: '美美，好久不见',
  text: '亲爱的美美：\n\n我们为您准备了9折优惠。\n\n退订：https://shop.test/u?c=cmp_1&u=C1',
  unsubscribeUrl: 'https://shop.test/u?c=cmp_1&u=C1',
  sentAt: new Date('2026-11-24T02:00:00Z'),
};

describe('SMTP adapter', () => {
  it('delivers a readable mail with a stable Message-ID and List-Unsubscribe', async () => {
    const adapter = createSmtpAdapter({ url: smtp.url, from: 'Lumen <news@lumen.test>' });
    try {
      expect(await adapter.send(message)).toEqual({ providerMessageId: '<cmp_1.C1.0@lumen.test>' });
      await expect(adapter.send(message)).rejects.toMatchObject({ permanent: true, message: expect.stringContaining('SMTP server answered 550') });
      await expect(adapter.send(message)).rejects.toMatchObject({ permanent: false, message: expect.stringContaining('SMTP server answered 451') });
      await expect(adapter.send({ ...message, to: { ...message.to, email: null } })).rejects.toMatchObject({ permanent: true });
    } finally {
      await adapter.close();
    }
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({
      to: ['mei@example.test'],
      subject: '美美，好久不见',
      text: message.text,
      headers: expect.objectContaining({
        from: 'Lumen <news@lumen.test>',
        'message-id': messageIdFor(message, 'news@lumen.test'),
        'list-unsubscribe': '<https://shop.test/u?c=cmp_1&u=C1>',
        'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
      }),
    });
  });

  it('reports an unreachable server as worth retrying', async () => {
    const adapter = createSmtpAdapter({ url: 'smtp://127.0.0.1:1', from: 'news@lumen.test' });
    await expect(adapter.send(message)).rejects.toMatchObject({ permanent: false });
    await adapter.close();
  });
});
