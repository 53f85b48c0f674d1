// Cities the offline parser recognises in English and Chinese, stored under one canonical English
// name (the form profile.city holds), plus the tier groupings Chinese marketers use.
import { matchAll } from './text.ts';

interface City {
  name: string;
  english: readonly string[];
  chinese: readonly string[];
}

const CITIES: readonly City[] = [
  { name: 'Shanghai', english: ['shanghai'], chinese: ['上海'] },
  { name: 'Beijing', english: ['beijing', 'peking'], chinese: ['北京'] },
  { name: 'Guangzhou', english: ['guangzhou', 'canton'], chinese: ['广州'] },
  { name: 'Shenzhen', english: ['shenzhen'], chinese: ['深圳'] },
  { name: 'Hangzhou', english: ['hangzhou'], chinese: ['杭州'] },
  { name: 'Chengdu', english: ['chengdu'], chinese: ['成都'] },
  { name: 'Chongqing', english: ['chongqing'], chinese: ['重庆'] },
  { name: 'Wuhan', english: ['wuhan'], chinese: ['武汉'] },
  { name: 'Nanjing', english: ['nanjing'], chinese: ['南京'] },
  { name: 'Tianjin', english: ['tianjin'], chinese: ['天津'] },
  { name: 'Suzhou', english: ['suzhou'], chinese: ['苏州'] },
  { name: "Xi'an", english: ["xi'an", 'xian'], chinese: ['西安'] },
  { name: 'Changsha', english: ['changsha'], chinese: ['长沙'] },
  { name: 'Zhengzhou', english: ['zhengzhou'], chinese: ['郑州'] },
  { name: 'Dongguan', english: ['dongguan'], chinese: ['东莞'] },
  { name: 'Qingdao', english: ['qingdao'], chinese: ['青岛'] },
  { name: 'Shenyang', english: ['shenyang'], chinese: ['沈阳'] },
  { name: 'Ningbo', english: ['ningbo'], chinese: ['宁波'] },
  { name: 'Kunming', english: ['kunming'], chinese: ['昆明'] },
  { name: 'Xiamen', english: ['xiamen'], chinese: ['厦门'] },
  { name: 'Hong Kong', english: ['hong kong', 'hongkong'], chinese: ['香港'] },
  { name: 'Taipei', english: ['taipei'], chinese: ['台北'] },
  { name: 'Singapore', english: ['singapore'], chinese: ['新加坡'] },
  { name: 'Tokyo', english: ['tokyo'], chinese: ['东京'] },
  { name: 'Seoul', english: ['seoul'], chinese: ['首尔'] },
  { name: 'Sydney', english: ['sydney'], chinese: ['悉尼'] },
  { name: 'New York', english: ['new york', 'nyc'], chinese: ['纽约'] },
  { name: 'Los Angeles', english: ['los angeles'], chinese: ['洛杉矶'] },
  { name: 'San Francisco', english: ['san francisco'], chinese: ['旧金山'] },
  { name: 'London', english: ['london'], chinese: ['伦敦'] },
  { name: 'Paris', english: ['paris'], chinese: ['巴黎'] },
  { name: 'Berlin', english: ['berlin'], chinese: ['柏林'] },
  { name: 'Toronto', english: ['toronto'], chinese: ['多伦多'] },
];

const TIER_ONE = ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen'];
const NEW_TIER_ONE = ['Chengdu', 'Chongqing', 'Hangzhou', 'Wuhan', "Xi'an", 'Zhengzhou', 'Qingdao', 'Changsha', 'Tianjin', 'Suzhou', 'Nanjing', 'Dongguan', 'Shenyang', 'Ningbo', 'Kunming'];

export interface CityMention {
  cities: string[];
  start: number;
  end: number;
  /** Set for tier groupings, which the marketer should see spelled out. */
  group: 'tier1' | 'new_tier1' | null;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\']/g, '\\$&');

export function findCityMentions(text: string): CityMention[] {
  const mentions: CityMention[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const add = (pattern: RegExp, cities: string[], group: CityMention['group']): void => {
    for (const match of matchAll(pattern, text)) {
      const end = match.index + match[0].length;
      if (taken.slice(match.index, end).some(Boolean)) continue;
      taken.fill(true, match.index, end);
      mentions.push({ cities, start: match.index, end, group });
    }
  };
  add(/新一线(?:城市)?|\bnew (?:first|1st)[- ]tier cities\b|\bnew tier[- ]?(?:1|one) cities\b/, NEW_TIER_ONE, 'new_tier1');
  add(/一线城市|\b(?:first|1st)[- ]tier cities\b|\btier[- ]?(?:1|one) cities\b/, TIER_ONE, 'tier1');
  for (const city of CITIES) {
    const english = city.english.map((name) => `\\b${escape(name)}\\b`);
    add(new RegExp([...english, ...city.chinese].join('|')), [city.name], null);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The Chinese name of a canonical city, or the name itself. */
export function cityLabel(name: string): string {
  return CITIES.find((city) => city.name === name)?.chinese[0] ?? name;
}
