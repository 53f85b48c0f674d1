import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone } from './mask-pii.ts';

describe('mask-pii', () => {
  it('keeps a first name and the initial of the last name, or the Chinese family name', () => {
    expect(maskName('Li', 'Wang')).toBe('Li W.');
    expect(maskName('Kai', 'müller')).toBe('Kai M.');
    expect(maskName('Li', null)).toBe('Li');
    expect(maskName(null, 'Wang')).toBe('W.');
    expect(maskName(null, null)).toBe('');
    expect(maskName('伟', '王')).toBe('王*');
    expect(maskName('小明', '欧阳')).toBe('欧阳**');
    expect(maskName('王小明', null)).toBe('王**');
  });

  it('keeps the first character of an e-mail address and its domain', () => {
    expect(maskEmail('li.wang@example.com')).toBe('l***@example.com');
    expect(maskEmail('"a@b"@example.com')).toBe('"***@example.com');
    expect(maskEmail('no-at-sign')).toBe('***');
    expect(maskEmail(null)).toBeNull();
  });

  it('keeps the country code, the first three and the last four digits of a phone number', () => {
    expect(maskPhone('+86 13812345678')).toBe('+86 138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86 138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('+86 138****5678');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+44 7700 900123')).toBe('+44 770***0123');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone(null)).toBeNull();
  });
});
