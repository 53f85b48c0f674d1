// Finding personal data in copy: `{{placeholders}}` the policy does not approve, literal e-mail
// addresses and phone numbers (Chinese mobile and landline numbers, international and North American
// formats). The organisation's own contact details listed in the policy are left alone.

export type PersonalDataKind = 'placeholder' | 'email' | 'phone';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The placeholder as written; empty for e-mail addresses and phone numbers, which are never repeated. */
  label: string;
  start: number;
  end: number;
}

export interface PersonalDataRules {
  /** Approved placeholder names, without braces. */
  allowedPlaceholders: readonly string[];
  /** E-mail addresses and phone numbers copy may show as written. */
  allowedContacts: readonly string[];
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONES: readonly RegExp[] = [
  // Chinese mobile: 13800138000, +86 138 0013 8000, 138-0013-8000.
  /(?<![\d+])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/gu,
  // International with a country code: +44 20 7946 0958, +1 (415) 555-0100.
  /(?<![\d+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)/gu,
  // Chinese landline and service numbers: 021-6888 1234, 400-820-8820.
  /(?<!\d)(?:0\d{2,3}|[48]00)[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)/gu,
  // North American: (415) 555-0100, 415-555-0100, 415.555.0100.
  /(?<!\d)(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)/gu,
];

function digitsOf(text: string): string {
  return text.replace(/\D/gu, '');
}

function normaliseContact(text: string): string {
  return text.includes('@') ? text.trim().toLowerCase() : digitsOf(text);
}

/** Every piece of personal data in `text`, left to right, never overlapping. */
export function findPersonalData(text: string, rules: PersonalDataRules): PersonalDataMatch[] {
  const allowedContacts = new Set(rules.allowedContacts.map(normaliseContact));
  const found: PersonalDataMatch[] = [];
  const add = (match: PersonalDataMatch) => {
    if (!found.some((other) => match.start < other.end && other.start < match.end)) found.push(match);
  };
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!rules.allowedPlaceholders.includes(name)) {
      add({ kind: 'placeholder', label: `{{${name}}}`, start: match.index, end: match.index + match[0].length });
    }
  }
  for (const match of text.matchAll(EMAIL)) {
    if (!allowedContacts.has(normaliseContact(match[0]))) add({ kind: 'email', label: '', start: match.index, end: match.index + match[0].length });
  }
  for (const pattern of PHONES) {
    for (const match of text.matchAll(pattern)) {
      const digits = digitsOf(match[0]).length;
      if (digits < 7 || digits > 15 || allowedContacts.has(normaliseContact(match[0]))) continue;
      add({ kind: 'phone', label: '', start: match.index, end: match.index + match[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
