// Finds what a customer wrote to identify themselves: order numbers, an e-mail address and a
// phone number, in English or Chinese text (full-width digits and punctuation folded first).

export interface Identifiers {
  orderIds: string[];
  email: string | null;
  phone: string | null;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /\+?\d[\d\s-]{6,}\d/g;
/** Order numbers: a letter prefix and digits, optionally a dash and a sequence (O001234-3, A12345). */
const ORDER = /(?<![\w@.+-])([A-Za-z]{1,4}\d{3,}(?:-\d{1,6})?)(?![\w@])/g;

export function extractIdentifiers(raw: string): Identifiers {
  const text = raw.normalize('NFKC');
  const email = EMAIL.exec(text)?.[0] ?? null;
  const withoutEmail = email ? text.replace(email, ' ') : text;
  const orderIds = [...new Set([...withoutEmail.matchAll(ORDER)].map((match) => match[1]!))];
  const withoutOrders = orderIds.reduce((rest, id) => rest.replaceAll(id, ' '), withoutEmail);
  const phones = [...withoutOrders.matchAll(PHONE)].map((match) => match[0]).filter((candidate) => candidate.replace(/\D/g, '').length >= 8);
  return { orderIds, email, phone: phones[0] ?? null };
}

/** `o***@example.com`, `****5678`: enough for the customer to recognise, nothing more. */
export function maskContact(contact: string): string {
  const at = contact.indexOf('@');
  if (at > 0) return `${contact[0]}***${contact.slice(at)}`;
  const digits = contact.replace(/\D/g, '');
  return `****${digits.slice(-4)}`;
}
