// Where demo customers live: cities with country, IANA time zone and the locale their customers
// speak, weighted so most customers are in mainland China, Hong Kong and Taiwan with the zh locale
// and a real share elsewhere with the en locale. Also the phone number format of each country.
import type { Locale } from '../../domain/vocabulary.ts';
import { scrambledDigits, scrambleIndex } from './random.ts';
import type { Random } from './random.ts';

export interface Place {
  /** The city as stored in `customers.city` (English name). */
  city: string;
  cityZh: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  timeZone: string;
  locale: Locale;
  /** Relative share of the customers of this locale. */
  weight: number;
  /** North American area codes for +1 numbers. */
  areaCodes?: readonly string[];
}

export const PLACES: readonly Place[] = [
  { city: 'Shanghai', cityZh: '上海', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 18 },
  { city: 'Beijing', cityZh: '北京', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 16 },
  { city: 'Guangzhou', cityZh: '广州', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 10 },
  { city: 'Shenzhen', cityZh: '深圳', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 11 },
  { city: 'Hangzhou', cityZh: '杭州', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 8 },
  { city: 'Chengdu', cityZh: '成都', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 8 },
  { city: 'Wuhan', cityZh: '武汉', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 6 },
  { city: 'Nanjing', cityZh: '南京', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 6 },
  { city: "Xi'an", cityZh: '西安', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 4 },
  { city: 'Suzhou', cityZh: '苏州', country: 'CN', timeZone: 'Asia/Shanghai', locale: 'zh', weight: 4 },
  { city: 'Hong Kong', cityZh: '香港', country: 'HK', timeZone: 'Asia/Hong_Kong', locale: 'zh', weight: 5 },
  { city: 'Taipei', cityZh: '台北', country: 'TW', timeZone: 'Asia/Taipei', locale: 'zh', weight: 4 },
  { city: 'Singapore', cityZh: '新加坡', country: 'SG', timeZone: 'Asia/Singapore', locale: 'en', weight: 16 },
  { city: 'New York', cityZh: '纽约', country: 'US', timeZone: 'America/New_York', locale: 'en', weight: 16, areaCodes: ['212', '646', '917', '718'] },
  { city: 'Los Angeles', cityZh: '洛杉矶', country: 'US', timeZone: 'America/Los_Angeles', locale: 'en', weight: 12, areaCodes: ['213', '310', '323', '626'] },
  { city: 'San Francisco', cityZh: '旧金山', country: 'US', timeZone: 'America/Los_Angeles', locale: 'en', weight: 7, areaCodes: ['415', '628'] },
  { city: 'London', cityZh: '伦敦', country: 'GB', timeZone: 'Europe/London', locale: 'en', weight: 15 },
  { city: 'Sydney', cityZh: '悉尼', country: 'AU', timeZone: 'Australia/Sydney', locale: 'en', weight: 11 },
  { city: 'Melbourne', cityZh: '墨尔本', country: 'AU', timeZone: 'Australia/Melbourne', locale: 'en', weight: 6 },
  { city: 'Toronto', cityZh: '多伦多', country: 'CA', timeZone: 'America/Toronto', locale: 'en', weight: 10, areaCodes: ['416', '647', '437'] },
  { city: 'Vancouver', cityZh: '温哥华', country: 'CA', timeZone: 'America/Vancouver', locale: 'en', weight: 7, areaCodes: ['604', '778'] },
];

/** Share of customers with the zh locale. */
export const ZH_LOCALE_SHARE = 0.75;

export const PLACES_BY_LOCALE: Readonly<Record<Locale, readonly Place[]>> = {
  zh: PLACES.filter((place) => place.locale === 'zh'),
  en: PLACES.filter((place) => place.locale === 'en'),
};

/** Every time zone a demo customer can be in. */
export const DEMO_TIME_ZONES: readonly string[] = [...new Set(PLACES.map((place) => place.timeZone))];

const MAINLAND_MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '176', '177', '180', '182', '186', '187', '188', '189', '199'];

/**
 * A plausible mobile number in E.164 form (`+8613812345678`, `+12125550123`); unique per
 * customer index because the subscriber digits are a bijection of the index.
 */
export function phoneNumberFor(place: Place, customerIndex: number, random: Random): string {
  switch (place.country) {
    case 'CN':
      return `+86${random.pick(MAINLAND_MOBILE_PREFIXES)}${scrambledDigits(customerIndex, 8)}`;
    case 'HK':
      return `+852${random.pick(['5', '6', '9'])}${scrambledDigits(customerIndex, 7)}`;
    case 'TW':
      return `+8869${scrambledDigits(customerIndex, 8)}`;
    case 'SG':
      return `+65${random.pick(['8', '9'])}${scrambledDigits(customerIndex, 7)}`;
    case 'GB':
      return `+447${scrambledDigits(customerIndex, 9)}`;
    case 'AU':
      return `+614${scrambledDigits(customerIndex, 8)}`;
    default: {
      // North America: area code, an exchange 200-999 and a line number, from 8,000,000 combinations.
      const subscriber = scrambleIndex(customerIndex, 8_000_000);
      const exchange = 200 + Math.floor(subscriber / 10_000);
      const line = String(subscriber % 10_000).padStart(4, '0');
      return `+1${random.pick(place.areaCodes ?? ['212'])}${exchange}${line}`;
    }
  }
}
