import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal-data.ts';

const rules = { allowedPlaceholders: ['first_name', 'coupon_code'], allowedContacts: ['service@lumen.example', '400-820-8820'] };
const found = (text: string) => findPersonalData(text, rules).map((match) => [match.kind, text.slice(match.start, match.end)]);

describe('findPersonalData', () => {
  it('finds placeholders the policy does not approve', () => {
    expect(found('Hi {{first_name}} {{ last_name }}, code {{coupon_code}}, {{email}}')).toEqual([
      ['placeholder', '{{ last_name }}'],
      ['placeholder', '{{email}}'],
    ]);
  });

  it('finds e-mail addresses and phone numbers in the usual formats', () => {
    expect(
      found('Write to alice.w@example.com or 王芳@例子.公司, call 13800138000, +86 138 0013 8000, 021-6888 1234, (415) 555-0100 or +44 20 7946 0958'),
    ).toEqual([
      ['email', 'alice.w@example.com'],
      ['email', '王芳@例子.公司'],
      ['phone', '13800138000'],
      ['phone', '+86 138 0013 8000'],
      ['phone', '021-6888 1234'],
      ['phone', '(415) 555-0100'],
      ['phone', '+44 20 7946 0958'],
    ]);
  });

  it('leaves the organisation’s own contacts, dates, prices and discount figures alone', () => {
    expect(found('Service: service@lumen.example, 400 820 8820. 2025-11-11 10:00, ¥1,299, 满300减50, 11.11, 30% off')).toEqual([]);
  });
});
