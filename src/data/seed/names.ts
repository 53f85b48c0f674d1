// Given names and family names for demo customers: Chinese (姓 + 名, with pinyin for e-mail
// addresses) and English, by gender, with the commonest surnames drawn most often.
import type { Gender, Locale } from '../../domain/vocabulary.ts';
import { createWeightedPicker } from './random.ts';
import type { Random } from './random.ts';

/** [written form, romanised form for e-mail addresses] */
type NamePair = readonly [string, string];

/** The commonest Chinese surnames, roughly in order of frequency. */
const ZH_FAMILY_NAMES: readonly NamePair[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
  ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'],
  ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'],
  ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'],
  ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'],
  ['夏', 'xia'], ['韦', 'wei'], ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'],
  ['秦', 'qin'], ['邱', 'qiu'], ['江', 'jiang'], ['尹', 'yin'], ['薛', 'xue'], ['段', 'duan'], ['雷', 'lei'],
  ['侯', 'hou'], ['龙', 'long'], ['史', 'shi'], ['陶', 'tao'], ['黎', 'li'], ['贺', 'he'], ['顾', 'gu'],
  ['毛', 'mao'], ['郝', 'hao'], ['龚', 'gong'], ['邵', 'shao'], ['万', 'wan'], ['钱', 'qian'], ['严', 'yan'],
  ['欧阳', 'ouyang'], ['司马', 'sima'],
];

const ZH_FEMALE_GIVEN_NAMES: readonly NamePair[] = [
  ['芳', 'fang'], ['婷', 'ting'], ['静', 'jing'], ['丽', 'li'], ['敏', 'min'], ['娜', 'na'], ['雪', 'xue'],
  ['慧', 'hui'], ['颖', 'ying'], ['琳', 'lin'], ['欣怡', 'xinyi'], ['梓涵', 'zihan'], ['雨桐', 'yutong'],
  ['诗涵', 'shihan'], ['佳怡', 'jiayi'], ['思琪', 'siqi'], ['晓燕', 'xiaoyan'], ['玉兰', 'yulan'], ['秀英', 'xiuying'],
  ['桂英', 'guiying'], ['美玲', 'meiling'], ['丹丹', 'dandan'], ['晓婷', 'xiaoting'], ['雅琴', 'yaqin'], ['子萱', 'zixuan'],
  ['一诺', 'yinuo'], ['若曦', 'ruoxi'], ['梦瑶', 'mengyao'], ['文静', 'wenjing'], ['海燕', 'haiyan'], ['晶晶', 'jingjing'],
  ['佩琪', 'peiqi'], ['嘉欣', 'jiaxin'], ['淑华', 'shuhua'], ['红梅', 'hongmei'],
];

const ZH_MALE_GIVEN_NAMES: readonly NamePair[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['斌', 'bin'], ['浩然', 'haoran'], ['子轩', 'zixuan'], ['宇航', 'yuhang'],
  ['俊杰', 'junjie'], ['建国', 'jianguo'], ['志强', 'zhiqiang'], ['文博', 'wenbo'], ['家豪', 'jiahao'], ['晨阳', 'chenyang'],
  ['博文', 'bowen'], ['建华', 'jianhua'], ['国强', 'guoqiang'], ['振宇', 'zhenyu'], ['一鸣', 'yiming'], ['天佑', 'tianyou'],
  ['思远', 'siyuan'], ['梓豪', 'zihao'], ['鹏', 'peng'], ['刚', 'gang'], ['海峰', 'haifeng'], ['立伟', 'liwei'],
  ['嘉俊', 'jiajun'], ['冠宇', 'guanyu'], ['明辉', 'minghui'], ['宏', 'hong'],
];

const EN_FAMILY_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson', 'Thomas',
  'Moore', 'Martin', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright',
  'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips',
  'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Kelly',
  'Cooper', 'Reed', 'Bailey', 'Ward', 'Hughes', 'Price', 'Bennett', 'Wood', 'Foster', 'Tan', 'Lim', 'Lee', 'Wong',
  'Ng', 'Chan', 'Singh', 'Patel', 'Nguyen', 'Kim', 'Garcia', 'Martinez', 'Lopez', "O'Brien", 'MacDonald',
];

const EN_FEMALE_GIVEN_NAMES: readonly string[] = [
  'Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Harper', 'Emily', 'Grace', 'Chloe',
  'Lily', 'Hannah', 'Sarah', 'Jessica', 'Laura', 'Rachel', 'Megan', 'Zoe', 'Ella', 'Lucy', 'Sophie', 'Natalie',
  'Rebecca', 'Katherine', 'Victoria', 'Michelle', 'Jennifer', 'Nicole', 'Rachel', 'Abigail',
];

const EN_MALE_GIVEN_NAMES: readonly string[] = [
  'James', 'Oliver', 'William', 'Liam', 'Noah', 'Ethan', 'Lucas', 'Henry', 'Jack', 'Daniel', 'Michael', 'David',
  'Thomas', 'Samuel', 'Benjamin', 'Matthew', 'Ryan', 'Andrew', 'Joshua', 'Alexander', 'Christopher', 'Joseph',
  'Nathan', 'Adam', 'Owen', 'Leo', 'Isaac', 'Jacob', 'Mark', 'Kevin',
];

/** Zipf-like weights: the first names in a list are the commonest. */
function frequencyWeights(count: number): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / Math.pow(rank + 1, 0.8));
}

const zhFamilyPicker = createWeightedPicker(frequencyWeights(ZH_FAMILY_NAMES.length));
const enFamilyPicker = createWeightedPicker(frequencyWeights(EN_FAMILY_NAMES.length));

export interface PersonName {
  firstName: string;
  lastName: string;
  /** ASCII letters (and dots) for the e-mail address. */
  emailStem: string;
}

function givenNameGender(gender: Gender, random: Random): 'female' | 'male' {
  if (gender === 'unknown') return random.chance(0.5) ? 'female' : 'male';
  return gender;
}

export function personNameFor(locale: Locale, gender: Gender, random: Random): PersonName {
  const sex = givenNameGender(gender, random);
  if (locale === 'zh') {
    const [family, familyRoman] = ZH_FAMILY_NAMES[zhFamilyPicker.pick(random)] as NamePair;
    const [given, givenRoman] = random.pick(sex === 'female' ? ZH_FEMALE_GIVEN_NAMES : ZH_MALE_GIVEN_NAMES);
    const stems = [`${givenRoman}.${familyRoman}`, `${familyRoman}${givenRoman}`, `${familyRoman}.${givenRoman}`, `${givenRoman[0]}${familyRoman}`];
    return { firstName: given, lastName: family, emailStem: random.pick(stems) };
  }
  const family = EN_FAMILY_NAMES[enFamilyPicker.pick(random)] as string;
  const given = random.pick(sex === 'female' ? EN_FEMALE_GIVEN_NAMES : EN_MALE_GIVEN_NAMES);
  const familyAscii = family.toLowerCase().replace(/[^a-z]/g, '');
  const givenAscii = given.toLowerCase();
  const stems = [`${givenAscii}.${familyAscii}`, `${givenAscii}${familyAscii}`, `${givenAscii[0]}${familyAscii}`, `${givenAscii}_${familyAscii}`];
  return { firstName: given, lastName: family, emailStem: random.pick(stems) };
}
