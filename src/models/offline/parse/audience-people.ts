// Who people are, read from an audience phrase: age ranges ("25-30", "aged 25 to 30", "25到30岁",
// "90后"), gender ("women", "女性", "宝妈") and city ("in Shanghai", "上海的用户", "一线城市", "except Beijing").
import type { DateTime } from 'luxon';
import type { Condition } from '../../../domain/segment.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { cityLabel, findCityMentions } from './cities.ts';
import { parseNumber, say } from './text.ts';

export interface PeopleFinding {
  conditions: Condition[];
  assumptions: string[];
  /** 宝妈 and "new moms" also say the customer buys baby products. */
  impliesBabyBuyer: boolean;
}

type Age = { min?: number; max?: number };

const AGE_NOUNS = '(?:year|women|men|female|male|customers|users|shoppers|people|moms|mums|parents|buyers|members|ladies|girls|guys|adults)';
const ZH_AGE = '(\\d{1,3}|[一二三四五六七八九十]{1,3})';

function age(min: number | undefined, max: number | undefined): Age | null {
  const ok = (value: number | undefined): boolean => value === undefined || (Number.isInteger(value) && value >= 0 && value <= 130);
  if (!ok(min) || !ok(max) || (min !== undefined && max !== undefined && min > max)) return null;
  if (min === undefined && max === undefined) return null;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

function findAge(text: string, today: DateTime, locale: Locale, assumptions: string[]): Age | null {
  const ranges: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Age | null]> = [
    [/\b(?:aged?|ages|between (?:the )?ages? (?:of )?|between)\s*(\d{1,3})\s*(?:-|to|and)\s*(\d{1,3})\b/, (m) => age(Number(m[1]), Number(m[2]))],
    [/\b(\d{1,3})\s*(?:-|to)\s*(\d{1,3})\s*(?:years?[- ]olds?|years? of age|yrs?|y\/?o|-year-olds?)/, (m) => age(Number(m[1]), Number(m[2]))],
    [new RegExp(`\\b(\\d{1,3})\\s*-\\s*(\\d{1,3})\\b(?=\\s+${AGE_NOUNS})`), (m) => age(Number(m[1]), Number(m[2]))],
    [new RegExp(`\\b${AGE_NOUNS}s?\\s+(?:aged\\s+)?(\\d{1,3})\\s*(?:-|to)\\s*(\\d{1,3})\\b(?!\\s*(?:%|days?|hours?|minutes?|weeks?|months?|am|pm|:))`), (m) => age(Number(m[1]), Number(m[2]))],
    [new RegExp(`\\b${AGE_NOUNS}s?\\s+(?:over|above|older than)\\s+(\\d{1,3})\\b(?!\\s*(?:%|days?|hours?|weeks?|months?|years? (?:of|with)|orders?|purchases?|yuan|dollars?|元))`), (m) => age(Number(m[1]) + 1, undefined)],
    [new RegExp(`\\b${AGE_NOUNS}s?\\s+(?:under|below|younger than)\\s+(\\d{1,3})\\b(?!\\s*(?:%|days?|hours?|weeks?|months?|orders?|purchases?|yuan|dollars?|元))`), (m) => age(undefined, Number(m[1]) - 1)],
    [/\b(?:aged?|ages?)\s+(\d{1,3})\s*(?:\+|and (?:over|above|up|older)|or (?:older|over|above))/, (m) => age(Number(m[1]), undefined)],
    [new RegExp(`\\b(\\d{1,3})\\+\\s*(?:years?|yrs?|y\\/?o|-?year-olds?|${AGE_NOUNS})`), (m) => age(Number(m[1]), undefined)],
    [/\b(?:aged?|ages?)\s+(?:over|above|older than)\s+(\d{1,3})\b|\b(?:over|older than) (\d{1,3}) ?(?:years? old|yrs? old|y\/?o)\b/, (m) => age(Number(m[1] ?? m[2]) + 1, undefined)],
    [/\b(?:aged?|ages?)\s+(?:under|below|younger than)\s+(\d{1,3})\b|\b(?:under|younger than) (\d{1,3}) ?(?:years? old|yrs? old|y\/?o)\b/, (m) => age(undefined, Number(m[1] ?? m[2]) - 1)],
    [/\bin their (\d)0s\b/, (m) => age(Number(m[1]) * 10, Number(m[1]) * 10 + 9)],
    [new RegExp(`年龄\\s*(?:在|为|是)?\\s*${ZH_AGE}\\s*(?:-|到|至)\\s*${ZH_AGE}`), (m) => age(parseNumber(m[1] ?? ''), parseNumber(m[2] ?? ''))],
    [new RegExp(`${ZH_AGE}\\s*(?:岁)?\\s*(?:-|到|至)\\s*${ZH_AGE}\\s*周?岁`), (m) => age(parseNumber(m[1] ?? ''), parseNumber(m[2] ?? ''))],
    [new RegExp(`${ZH_AGE}\\s*周?岁\\s*(?:及以上|以上|\\+)`), (m) => age(parseNumber(m[1] ?? ''), undefined)],
    [new RegExp(`${ZH_AGE}\\s*周?岁\\s*(?:及以下|以下|以内)`), (m) => age(undefined, parseNumber(m[1] ?? ''))],
  ];
  for (const [pattern, read] of ranges) {
    const match = pattern.exec(text);
    const found = match ? read(match) : null;
    if (found) return found;
  }
  const generation = /(?<![\d.])(70|75|80|85|90|95|00|05|10)后/.exec(text);
  if (generation) {
    const decade = Number(generation[1]);
    const born = decade >= 50 ? 1900 + decade : 2000 + decade;
    const lastBorn = decade % 10 === 5 ? born + 4 : born + 9;
    const found = age(Math.max(0, today.year - lastBorn - 1), today.year - born);
    if (found) {
      assumptions.push(say(locale, `${generation[0]} = born ${born}-${lastBorn}, aged ${found.min}-${found.max}`, `${generation[0]} = ${born}-${lastBorn}年出生，即${found.min}-${found.max}岁`));
      return found;
    }
  }
  if (/\byoung (?:adults|people|customers|women|men|shoppers|users)\b|年轻(?:用户|人|女性|男性|群体|客户)/.test(text)) {
    assumptions.push(say(locale, 'young = aged 18-30', '年轻 = 18-30岁'));
    return { min: 18, max: 30 };
  }
  return null;
}

const FEMALE = /\b(?:women|woman|female|females|ladies|lady|girls|moms|mums|mothers|mommies)\b|女性|女生|女士|女用户|女顾客|女客户|女会员|宝妈|妈妈|孕妈|女孩|姐妹/;
const MALE = /\b(?:men|male|males|guys|gentlemen|dads|fathers|boys)\b|男性|男生|男士|男用户|男顾客|男客户|男会员|爸爸|男孩/;
const BABY_MOTHERS = /宝妈|孕妈|\bnew (?:moms|mums|mothers)\b|\bexpecting (?:moms|mums|mothers)\b/;

const EXCLUDE_BEFORE = /(?:\bexcept|\bexcluding|\bnot in|\boutside(?: of)?|\bother than|\bbut not|除了?|除去|不含|不包括|排除|非|不要)\s*(?:the\s+)?$/;
const LIST_GLUE = /^\s*(?:,|and|or|&|和|、|及|与|或)\s*$/;

function findCities(text: string, locale: Locale, assumptions: string[]): Condition[] {
  const included: string[] = [];
  const excluded: string[] = [];
  let previousEnd = -1;
  let previousExcluded = false;
  for (const mention of findCityMentions(text)) {
    const continuesList = previousEnd >= 0 && LIST_GLUE.test(text.slice(previousEnd, mention.start));
    const isExcluded: boolean = EXCLUDE_BEFORE.test(text.slice(Math.max(0, mention.start - 14), mention.start)) || (continuesList && previousExcluded);
    (isExcluded ? excluded : included).push(...mention.cities);
    previousEnd = mention.end;
    previousExcluded = isExcluded;
    if (mention.group) {
      const names = mention.cities.map((city) => say(locale, city, cityLabel(city))).join(say(locale, ', ', '、'));
      assumptions.push(say(locale, `${mention.group === 'tier1' ? 'tier-1' : 'new tier-1'} cities = ${names}`, `${mention.group === 'tier1' ? '一线城市' : '新一线城市'} = ${names}`));
    }
  }
  const conditions: Condition[] = [];
  const keep = [...new Set(included)].filter((city) => !excluded.includes(city));
  if (keep.length) conditions.push({ kind: 'profile', field: 'city', values: keep });
  if (excluded.length) conditions.push({ kind: 'not', condition: { kind: 'profile', field: 'city', values: [...new Set(excluded)] } });
  return conditions;
}

export function findPeople(text: string, today: DateTime, locale: Locale): PeopleFinding {
  const assumptions: string[] = [];
  const conditions: Condition[] = [];
  const ageFound = findAge(text, today, locale, assumptions);
  if (ageFound) conditions.push({ kind: 'age', ...ageFound });
  const female = FEMALE.test(text);
  const male = MALE.test(text);
  if (female !== male) conditions.push({ kind: 'gender', values: [female ? 'female' : 'male'] });
  const impliesBabyBuyer = BABY_MOTHERS.test(text);
  if (impliesBabyBuyer) {
    assumptions.push(say(locale, 'new mothers = women who bought baby products in the last 12 months', '宝妈 = 近12个月购买过母婴用品的女性'));
  }
  conditions.push(...findCities(text, locale, assumptions));
  return { conditions, assumptions, impliesBabyBuyer };
}
