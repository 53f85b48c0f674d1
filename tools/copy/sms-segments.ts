// SMS length accounting: which encoding a text needs and how many segments it costs.
// GSM-7 fits 160 characters in one segment and 153 per segment once split (extension characters
// such as € take two); anything outside GSM-7 is sent as UCS-2 with 70, or 67 per split segment
// (characters outside the Basic Multilingual Plane take two). A two-unit character never straddles
// two segments, as handsets do not split it either.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** Length in the encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
  characters: number;
  /** Segments the text is sent as; 0 for an empty text. */
  segments: number;
}

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const gsm7Basic = new Set(GSM7_BASIC);
const gsm7Extension = new Set(GSM7_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; multipart: number }> = {
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
};

/** True when every character of `text` can be sent in GSM-7 (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const character of text) {
    if (!gsm7Basic.has(character) && !gsm7Extension.has(character)) return false;
  }
  return true;
}

function unitsPerCharacter(text: string, encoding: SmsEncoding): number[] {
  const units: number[] = [];
  for (const character of text) {
    if (encoding === 'GSM-7') units.push(gsm7Extension.has(character) ? 2 : 1);
    else units.push(character.length);
  }
  return units;
}

function countSegments(units: readonly number[], total: number, encoding: SmsEncoding): number {
  const limit = LIMITS[encoding];
  if (total === 0) return 0;
  if (total <= limit.single) return 1;
  let segments = 1;
  let used = 0;
  for (const size of units) {
    if (used + size > limit.multipart) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
}

/** Encoding, length in encoding units and segment count of an SMS text. */
export function smsSegments(text: string): SmsSegmentCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const units = unitsPerCharacter(text, encoding);
  const characters = units.reduce((sum, size) => sum + size, 0);
  return { encoding, characters, segments: countSegments(units, characters, encoding) };
}
