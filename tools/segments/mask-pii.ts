// Masks personal data for previews shown to marketers: enough to recognise the kind of customer,
// not enough to identify or contact them. "Li W.", "王*", "l***@example.com", "+86 138****5678".

const HAN = /\p{Script=Han}/u;

/** Latin names as first name and last initial; Chinese names as family name and one star per given-name character. */
export function maskName(firstName: string | null, lastName: string | null): string {
  const first = (firstName ?? '').trim();
  const last = (lastName ?? '').trim();
  if (HAN.test(first) || HAN.test(last)) {
    const family = last || [...first][0] || '';
    const hiddenLength = last ? [...first].length : Math.max(0, [...first].length - 1);
    return family + '*'.repeat(Math.max(1, hiddenLength));
  }
  const initial = [...last][0];
  if (first && initial) return `${first} ${initial.toUpperCase()}.`;
  if (first) return first;
  return initial ? `${initial.toUpperCase()}.` : '';
}

/** The first character of the local part, then `***@domain`. */
export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  if (at < 0) return '***';
  const first = [...email.slice(0, at)][0] ?? '';
  return `${first}***${email.slice(at)}`;
}

/**
 * The country code (when written with `+`) and the first three and last four digits of the number;
 * the digits between become stars. Numbers of fewer than eight digits keep only their last two.
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const trimmed = phone.trim();
  let countryCode = '';
  let national = trimmed;
  const international = /^\+(\d{1,3})[\s-]+(.*)$/.exec(trimmed);
  if (international) {
    countryCode = `+${international[1]}`;
    national = international[2] ?? '';
  } else if (trimmed.startsWith('+86')) {
    countryCode = '+86';
    national = trimmed.slice(3);
  } else if (trimmed.startsWith('+')) {
    countryCode = '+';
    national = trimmed.slice(1);
  }
  const digits = national.replace(/\D/g, '');
  const masked =
    digits.length >= 8
      ? `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
      : `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
  if (countryCode === '+') return `+${masked}`;
  return countryCode ? `${countryCode} ${masked}` : masked;
}
