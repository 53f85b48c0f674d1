// Shopping occasions named by a window timing (双11, 618, Black Friday...) in the copy's language,
// and the offer's end date written the way each language writes dates.
import type { Locale } from '../../src/domain/vocabulary.ts';
import { containsAbsoluteClaim } from './absolute-claims.ts';
import { containsHan } from './text-script.ts';

interface Occasion {
  en: string;
  zh: string;
  /** Spellings marketers use, folded (lower case, no spaces or apostrophes). */
  aliases: readonly string[];
}

const OCCASIONS: readonly Occasion[] = [
  { en: "Singles' Day", zh: '双11', aliases: ['双11', '双十一', '11.11', 'singlesday', 'double11'] },
  { en: 'Double 12', zh: '双12', aliases: ['双12', '双十二', '12.12', 'double12'] },
  { en: '618', zh: '618', aliases: ['618', '6.18'] },
  { en: 'Black Friday', zh: '黑五', aliases: ['黑五', '黑色星期五', 'blackfriday'] },
  { en: 'Cyber Monday', zh: '网络星期一', aliases: ['网络星期一', 'cybermonday'] },
  { en: 'Christmas', zh: '圣诞', aliases: ['圣诞', 'christmas', 'xmas'] },
  { en: 'Lunar New Year', zh: '新春', aliases: ['春节', '新春', '年货节', 'lunarnewyear', 'chinesenewyear'] },
  { en: 'New Year', zh: '元旦', aliases: ['元旦', 'newyear'] },
  { en: "Valentine's Day", zh: '情人节', aliases: ['情人节', 'valentinesday', 'valentine'] },
  { en: 'Qixi Festival', zh: '七夕', aliases: ['七夕', 'qixi'] },
  { en: "Women's Day", zh: '女神节', aliases: ['女神节', '女王节', '妇女节', '38节', 'womensday'] },
  { en: '520', zh: '520', aliases: ['520'] },
  { en: 'May Day', zh: '五一', aliases: ['五一', '劳动节', 'mayday', 'labourday', 'laborday'] },
  { en: "Mother's Day", zh: '母亲节', aliases: ['母亲节', 'mothersday'] },
  { en: "Father's Day", zh: '父亲节', aliases: ['父亲节', 'fathersday'] },
  { en: 'Mid-Autumn Festival', zh: '中秋', aliases: ['中秋', 'midautumn'] },
  { en: 'National Day', zh: '国庆', aliases: ['国庆', 'nationalday'] },
  { en: 'Back to School', zh: '开学季', aliases: ['开学季', 'backtoschool'] },
  { en: 'Anniversary', zh: '周年庆', aliases: ['周年庆', 'anniversary'] },
];

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function fold(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(/[\s'’_-]+/g, '');
}

function findOccasion(label: string): Occasion | null {
  const folded = fold(label);
  const exact = OCCASIONS.find((occasion) => occasion.aliases.includes(folded));
  if (exact) return exact;
  const candidates = OCCASIONS.flatMap((occasion) => occasion.aliases.map((alias) => ({ occasion, alias })))
    .filter(({ alias }) => alias.length >= 3 && folded.includes(alias))
    .sort((a, b) => b.alias.length - a.alias.length);
  return candidates[0]?.occasion ?? null;
}

/**
 * The occasion a window label names, in `locale`. A label already written in the copy's language
 * is kept as the marketer wrote it; a known occasion is translated; anything else (or a label with
 * an absolute claim or a placeholder in it) is left out of the copy.
 */
export function occasionName(label: string, locale: Locale): string | null {
  const trimmed = label.trim().replace(/\s+/g, ' ');
  if (!trimmed || /[{}]/.test(trimmed) || containsAbsoluteClaim(trimmed)) return null;
  const known = findOccasion(trimmed);
  const writtenInLocale = locale === 'zh' ? containsHan(trimmed) : !containsHan(trimmed);
  if (writtenInLocale && (locale === 'zh' || !known)) return trimmed;
  if (known) return known[locale];
  return null;
}

/** `YYYY-MM-DD` as a short day-and-month: "Nov 13" / "11月13日". */
export function formatDeadline(isoDate: string, locale: Locale): string {
  const [, month = '1', day = '1'] = isoDate.split('-');
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  return locale === 'zh' ? `${monthNumber}月${dayNumber}日` : `${MONTHS_EN[monthNumber - 1] ?? month} ${dayNumber}`;
}
