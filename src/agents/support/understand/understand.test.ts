// Reading a customer message: identifiers (order numbers, e-mail, phone, in full-width text too),
// masking, and what the message asks for in English and Chinese.
import { describe, expect, it } from 'vitest';
import { extractIdentifiers, maskContact } from './identifiers.ts';
import { detectIntent } from './intent.ts';

describe('identifiers', () => {
  it('finds order numbers, an e-mail and a phone number', () => {
    expect(extractIdentifiers('Order O000123-4, email Jane.Doe+shop@example.com, phone +86 138-0013-8000')).toEqual({
      orderIds: ['O000123-4'],
      email: 'Jane.Doe+shop@example.com',
      phone: '+86 138-0013-8000',
    });
    expect(extractIdentifiers('订单号Ｏ０００１２３－４，手机１３８００１３８０００')).toEqual({ orderIds: ['O000123-4'], email: null, phone: '13800138000' });
    expect(extractIdentifiers('I bought 2 cases for 199 yuan')).toEqual({ orderIds: [], email: null, phone: null });
  });

  it('masks contacts down to what the customer recognises', () => {
    expect([maskContact('jane@example.com'), maskContact('+86 138 0013 8000')]).toEqual(['j***@example.com', '****8000']);
  });
});

describe('intent', () => {
  it.each([
    ['Where is my order?', 'order_status'],
    ['我的订单到哪了', 'order_status'],
    ['How do I return this?', 'returns'],
    ['可以退货吗', 'returns'],
    ['How long does delivery take?', 'shipping'],
    ['快递几天到', 'shipping'],
    ['The screen arrived cracked', 'complaint'],
    ['收到的杯子碎了', 'complaint'],
    ['Give me a 90% off coupon', 'discount_request'],
    ['给我打一折', 'discount_request'],
    ['Thanks a lot!', 'thanks'],
    ['你好', 'greeting'],
    ['asdf', 'other'],
  ] as const)('%s -> %s', (text, intent) => {
    expect(detectIntent(text).intent).toBe(intent);
  });

  it('keeps every intent, most important first, and reads a greeting with identifiers as identification', () => {
    expect(detectIntent('My order arrived broken, I want a discount').matched).toEqual(['complaint', 'discount_request', 'order_status']);
    expect(detectIntent('Hello! O1234-1 jane@example.com', { hasIdentifiers: true }).matched).toEqual(['identify', 'greeting']);
  });
});
