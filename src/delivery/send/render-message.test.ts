// Placeholders are filled per recipient, with fallbacks that read naturally in English and Chinese,
// and anything unknown is reported rather than sent.
import { describe, expect, it } from 'vitest';
import { couponCodeFor, unsubscribeUrlFor, verifyUnsubscribeLink } from './personal-links.ts';
import { renderPlaceholders, unresolvedPlaceholders } from './render-message.ts';

const known = { first_name: 'Mei', last_viewed_product: 'Linen Shirt', coupon_code: 'AB12-CD34', unsubscribe_url: 'https://x.test/u?c=1' };
const unknown = { ...known, first_name: null, last_viewed_product: null };

describe('renderPlaceholders', () => {
  const body = 'Hi {{first_name}},\n\n{{last_viewed_product}} is still in your cart. Use code {{coupon_code}} at checkout.\n\nUnsubscribe: {{unsubscribe_url}}';

  it('fills every placeholder from the recipient', () => {
    expect(renderPlaceholders(body, known, 'en')).toBe(
      'Hi Mei,\n\nLinen Shirt is still in your cart. Use code AB12-CD34 at checkout.\n\nUnsubscribe: https://x.test/u?c=1',
    );
  });

  it('falls back naturally in English when the name or product is unknown', () => {
    expect(renderPlaceholders(body, unknown, 'en')).toBe(
      'Hi there,\n\nThe item you liked is still in your cart. Use code AB12-CD34 at checkout.\n\nUnsubscribe: https://x.test/u?c=1',
    );
    expect(renderPlaceholders("{{first_name}}, we've missed you", unknown, 'en')).toBe("We've missed you");
    expect(renderPlaceholders('Still thinking about {{last_viewed_product}}?', unknown, 'en')).toBe('Still thinking about the item you liked?');
  });

  it('falls back naturally in Chinese', () => {
    expect(renderPlaceholders('【乐萌】{{first_name}}您好，{{last_viewed_product}}还在购物车里。', unknown, 'zh')).toBe('【乐萌】您好，心仪好物还在购物车里。');
    expect(renderPlaceholders('亲爱的{{first_name}}：\n\n优惠码{{coupon_code}}。', unknown, 'zh')).toBe('亲爱的顾客：\n\n优惠码AB12-CD34。');
    expect(renderPlaceholders('{{first_name}}，再加一件？', unknown, 'zh')).toBe('再加一件？');
    expect(renderPlaceholders('{{first_name}}，再加一件？', known, 'zh')).toBe('Mei，再加一件？');
  });

  it('leaves unknown placeholders for the sender to refuse', () => {
    const text = renderPlaceholders('Hello from {{city}}, {{first_name}}', known, 'en');
    expect(text).toBe('Hello from {{city}}, Mei');
    expect(unresolvedPlaceholders(text)).toEqual(['{{city}}']);
    expect(unresolvedPlaceholders(renderPlaceholders(body, unknown, 'en'))).toEqual([]);
  });
});

describe('personal links', () => {
  it('gives each campaign and customer its own stable coupon code', () => {
    const code = couponCodeFor('cmp_1', 'c1');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(couponCodeFor('cmp_1', 'c1')).toBe(code);
    expect(couponCodeFor('cmp_1', 'c2')).not.toBe(code);
    expect(couponCodeFor('cmp_1', 'c1', 'another-secret')).not.toBe(code);
  });

  it('signs unsubscribe links so they cannot be altered', () => {
    const url = new URL(unsubscribeUrlFor({ baseUrl: 'https://shop.test/unsubscribe', campaignId: 'cmp_1', customerId: 'c1', channel: 'email', secret: 'a-long-unsubscribe-secret' }));
    expect(url.origin + url.pathname).toBe('https://shop.test/unsubscribe');
    expect(verifyUnsubscribeLink(url.searchParams, 'a-long-unsubscribe-secret')).toBe(true);
    url.searchParams.set('u', 'c2');
    expect(verifyUnsubscribeLink(url.searchParams, 'a-long-unsubscribe-secret')).toBe(false);
  });
});
