// Tests for the offline goal parser: the worked examples as whole objects, a table of realistic goals in
// English and Chinese, defaults and assumptions, and bad input.
import { describe, expect, it } from 'vitest';
import { Brief } from '../../../domain/brief.ts';
import { SegmentDefinition, type Condition } from '../../../domain/segment.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { parseGoal, type ParsedGoal } from './parse-goal.ts';

// Monday 2026-11-23, 16:00 in Shanghai.
const now = new Date('2026-11-23T08:00:00Z');
const parse = (goal: string): ParsedGoal => parseGoal(goal, { now });
const conditionsOf = (parsed: ParsedGoal): Condition[] =>
  parsed.segment.root.kind === 'and' ? parsed.segment.root.conditions : [parsed.segment.root];

const highValue: Condition = { kind: 'spend_rank', topShare: 0.2, window: { type: 'rolling', days: 365 } };
const boughtInYear: Condition = { kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 365 }, min: 1 };
const noOrdersIn = (days: number): Condition => ({ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days }, max: 0 });

describe('parseGoal: the worked examples, whole objects', () => {
  it('win back high-value lapsed customers by SMS next Tuesday 10am', () => {
    const goal = "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am";
    expect(parse(goal)).toEqual({
      locale: 'en',
      brief: {
        goal,
        objective: 'winback',
        channels: ['sms'],
        offer: { type: 'percent_off', percent: 10 },
        // Monday afternoon in Shanghai: "next Tuesday" is the first Tuesday after today, the 24th.
        timing: { kind: 'at', localDateTime: '2026-11-24T10:00' },
        locale: 'en',
        category: null,
        budget: null,
      },
      segment: { version: 1, root: { kind: 'and', conditions: [highValue, noOrdersIn(90)] } },
      assumptions: ['high-value = top 20% by 12-month spend', "send time = Tue 2026-11-24 10:00, in each recipient's local time"],
      clarification: null,
    });
  });

  it('win back high-value cart abandoners of this month by SMS and push', () => {
    const goal = 'win back high-value customers who abandoned carts this month, SMS and push, at most 10% off';
    expect(parse(goal)).toEqual({
      locale: 'en',
      brief: {
        goal,
        objective: 'winback',
        channels: ['sms', 'push'],
        offer: { type: 'percent_off', percent: 10 },
        timing: { kind: 'asap' },
        locale: 'en',
        category: null,
        budget: null,
      },
      segment: {
        version: 1,
        root: {
          kind: 'and',
          conditions: [
            highValue,
            { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 1440, window: { type: 'calendar', from: '2026-11-01', to: '2026-11-23' } },
          ],
        },
      },
      assumptions: ['this month = 2026-11-01 to 2026-11-23', 'high-value = top 20% by 12-month spend', 'no send time given: sending as soon as approved'],
      clarification: null,
    });
  });

  it('提升双11期间25-30岁女性用户的客单价', () => {
    const goal = '提升双11期间25-30岁女性用户的客单价';
    expect(parse(goal)).toEqual({
      locale: 'zh',
      brief: {
        goal,
        objective: 'aov',
        channels: ['email', 'push'],
        offer: null,
        // 双11 2026 is over on the 23rd: the next one whose last day is not past.
        timing: { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '10:00' },
        locale: 'zh',
        category: null,
        budget: null,
      },
      segment: { version: 1, root: { kind: 'and', conditions: [{ kind: 'age', min: 25, max: 30 }, { kind: 'gender', values: ['female'] }] } },
      assumptions: ['未指定渠道：默认使用邮件和推送', '双11 = 2027-11-01 至 2027-11-11，首次发送时间 10:00'],
      clarification: null,
    });
  });

  it('召回高价值且有流失风险的用户，短信，满300减50', () => {
    const goal = '召回高价值且有流失风险的用户，短信，满300减50';
    expect(parse(goal)).toEqual({
      locale: 'zh',
      brief: {
        goal,
        objective: 'retention',
        channels: ['sms'],
        offer: { type: 'threshold', threshold: 300, amount: 50, currency: 'CNY' },
        timing: { kind: 'asap' },
        locale: 'zh',
        category: null,
        budget: null,
      },
      segment: { version: 1, root: { kind: 'and', conditions: [highValue, { kind: 'churn_risk', level: 'high' }] } },
      assumptions: ['高价值 = 近12个月消费额前20%', '流失风险 = 近30天登录频率低于该用户以往的30%', '未指定发送时间：审批通过后立即发送'],
      clarification: null,
    });
  });

  it('Remind cart abandoners 2 hours later by push', () => {
    const goal = 'Remind cart abandoners 2 hours later by push';
    expect(parse(goal)).toEqual({
      locale: 'en',
      brief: {
        goal,
        objective: 'cart_recovery',
        channels: ['push'],
        offer: null,
        timing: { kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' },
        locale: 'en',
        category: null,
        budget: null,
      },
      segment: {
        version: 1,
        root: { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 120, window: { type: 'rolling', days: 7 } },
      },
      assumptions: ['cart abandoners = added to cart in the last 7 days and did not buy within 2 hours'],
      clarification: null,
    });
  });

  it('向购买过母婴用品的用户推荐儿童教育产品，邮件', () => {
    const goal = '向购买过母婴用品的用户推荐儿童教育产品，邮件';
    expect(parse(goal)).toEqual({
      locale: 'zh',
      brief: {
        goal,
        objective: 'cross_sell',
        channels: ['email'],
        offer: null,
        timing: { kind: 'asap' },
        locale: 'zh',
        category: 'kids_education',
        budget: null,
      },
      segment: { version: 1, root: { kind: 'category_purchase', category: 'baby', window: { type: 'rolling', days: 365 } } },
      assumptions: ['未指定发送时间：审批通过后立即发送'],
      clarification: null,
    });
  });
});

interface Expected {
  locale?: 'en' | 'zh';
  objective?: Brief['objective'];
  channels?: Brief['channels'];
  offer?: Brief['offer'];
  timing?: Brief['timing'];
  category?: string | null;
  budget?: Brief['budget'];
  conditions?: Condition[];
  clarification?: 'none' | RegExp;
}

const GOALS: ReadonlyArray<[string, Expected]> = [
  ['Send a 15% off coupon to customers who bought beauty products in the last 30 days, tomorrow 9:30', {
    offer: { type: 'percent_off', percent: 15 },
    timing: { kind: 'at', localDateTime: '2026-11-24T09:30' },
    conditions: [{ kind: 'category_purchase', category: 'beauty', window: { type: 'rolling', days: 30 } }],
  }],
  ['Re-engage dormant users in Guangzhou and Shenzhen with free shipping, email', {
    objective: 'winback', channels: ['email'], offer: { type: 'free_shipping' },
    conditions: [{ kind: 'profile', field: 'city', values: ['Guangzhou', 'Shenzhen'] }, noOrdersIn(90), boughtInYear],
  }],
  ['Increase GMV during 618 for sportswear buyers, budget ¥20,000', {
    objective: 'conversion', budget: { amount: 20000, currency: 'CNY' },
    timing: { kind: 'window', label: '618', from: '2027-06-01', to: '2027-06-18', localTime: '10:00' },
    conditions: [{ kind: 'category_purchase', category: 'sports', window: { type: 'rolling', days: 365 } }],
  }],
  ['Cross-sell phone cases to people who bought electronics in October', {
    objective: 'cross_sell', category: 'phone_accessories',
    conditions: [{ kind: 'category_purchase', category: 'electronics', window: { type: 'calendar', from: '2026-10-01', to: '2026-10-31' } }],
  }],
  ['Get new users to make their first purchase, $5 off, push tonight 8pm', {
    objective: 'activation', channels: ['push'], offer: { type: 'amount_off', amount: 5, currency: 'USD' },
    timing: { kind: 'at', localDateTime: '2026-11-23T20:00' }, conditions: [noOrdersIn(3650)],
  }],
  ['Recover abandoned carts from the last 3 days via SMS and WeCom', {
    objective: 'cart_recovery', channels: ['sms', 'wecom'],
    conditions: [{ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 1440, window: { type: 'rolling', days: 3 } }],
  }],
  ['Black Friday sale for men in London, 20% off, email', {
    objective: 'conversion', offer: { type: 'percent_off', percent: 20 },
    timing: { kind: 'window', label: 'Black Friday', from: '2026-11-27', to: '2026-11-30', localTime: '10:00' },
    conditions: [{ kind: 'gender', values: ['male'] }, { kind: 'profile', field: 'city', values: ['London'] }],
  }],
  ['Target at-risk customers with declining logins, 10 percent off, on Friday', {
    objective: 'retention', offer: { type: 'percent_off', percent: 10 },
    timing: { kind: 'at', localDateTime: '2026-11-27T10:00' }, conditions: [{ kind: 'churn_risk', level: 'high' }],
  }],
  ['Promote wine to customers over 30 years old in New York, $20 off orders over $100', {
    category: 'alcohol', offer: { type: 'threshold', threshold: 100, amount: 20, currency: 'USD' },
    conditions: [{ kind: 'age', min: 31 }, { kind: 'profile', field: 'city', values: ['New York'] }],
  }],
  ["customers who haven't opened an email in 60 days, re-engage them with push", {
    objective: 'winback', channels: ['push'],
    conditions: [{ kind: 'event_count', event: 'open', window: { type: 'rolling', days: 60 }, max: 0 }],
  }],
  ['Send push to women 25-35 in Shenzhen at 7:30pm on Saturday', {
    channels: ['push'], timing: { kind: 'at', localDateTime: '2026-11-28T19:30' },
    conditions: [{ kind: 'age', min: 25, max: 35 }, { kind: 'gender', values: ['female'] }, { kind: 'profile', field: 'city', values: ['Shenzhen'] }],
  }],
  ['Raise average order value for beauty shoppers in Hangzhou: spend $50 get $10 off', {
    objective: 'aov', offer: { type: 'threshold', threshold: 50, amount: 10, currency: 'USD' },
    conditions: [{ kind: 'profile', field: 'city', values: ['Hangzhou'] }, { kind: 'category_purchase', category: 'beauty', window: { type: 'rolling', days: 365 } }],
  }],
  ['Announce our new skincare line to women aged 25 to 34 in Beijing and Shanghai, email, Nov 20 at 10:00, budget 5000', {
    objective: 'awareness', category: 'beauty', channels: ['email'], budget: { amount: 5000, currency: 'CNY' },
    timing: { kind: 'at', localDateTime: '2027-11-20T10:00' },
    conditions: [{ kind: 'age', min: 25, max: 34 }, { kind: 'gender', values: ['female'] }, { kind: 'profile', field: 'city', values: ['Beijing', 'Shanghai'] }],
  }],
  ['１０％ｏｆｆ for VIP customers in Shanghai by ＳＭＳ', {
    offer: { type: 'percent_off', percent: 10 }, channels: ['sms'],
    conditions: [{ kind: 'profile', field: 'city', values: ['Shanghai'] }, highValue],
  }],
  ['Help me win back people who stopped buying over 6 months ago', {
    objective: 'winback', conditions: [noOrdersIn(180), boughtInYear],
  }],
  ['加购后2小时未付款的用户，推送提醒，立减20元', {
    locale: 'zh', objective: 'cart_recovery', channels: ['push'], offer: { type: 'amount_off', amount: 20, currency: 'CNY' },
    timing: { kind: 'trigger', event: 'add_to_cart', delayMinutes: 120, unlessEvent: 'purchase' },
    conditions: [{ kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 120, window: { type: 'rolling', days: 7 } }],
  }],
  ['明天早上9点给北京的男性用户发短信，打8折', {
    locale: 'zh', channels: ['sms'], offer: { type: 'percent_off', percent: 20 },
    timing: { kind: 'at', localDateTime: '2026-11-24T09:00' },
    conditions: [{ kind: 'gender', values: ['male'] }, { kind: 'profile', field: 'city', values: ['Beijing'] }],
  }],
  ['下周二上午10点 给90后宝妈推送新品', {
    locale: 'zh', objective: 'awareness', channels: ['push'],
    // 下周二 is the Tuesday of next week, not tomorrow.
    timing: { kind: 'at', localDateTime: '2026-12-01T10:00' },
    conditions: [{ kind: 'age', min: 26, max: 36 }, { kind: 'gender', values: ['female'] }, { kind: 'category_purchase', category: 'baby', window: { type: 'rolling', days: 365 } }],
  }],
  ['圣诞节给一线城市的高消费用户发邮件，满500减100', {
    locale: 'zh', channels: ['email'], offer: { type: 'threshold', threshold: 500, amount: 100, currency: 'CNY' },
    timing: { kind: 'window', label: '圣诞', from: '2026-12-18', to: '2026-12-25', localTime: '10:00' },
    conditions: [{ kind: 'profile', field: 'city', values: ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen'] }, highValue],
  }],
  ['三个月没买的老客户，企业微信召回，送包邮', {
    locale: 'zh', objective: 'winback', channels: ['wecom'], offer: { type: 'free_shipping' }, conditions: [noOrdersIn(90), boughtInYear],
  }],
  ['本月加购未购买的女性用户，短信提醒，周五晚上8点', {
    locale: 'zh', objective: 'cart_recovery', channels: ['sms'], timing: { kind: 'at', localDateTime: '2026-11-27T20:00' },
    conditions: [
      { kind: 'gender', values: ['female'] },
      { kind: 'sequence', first: 'add_to_cart', missing: 'purchase', withinMinutes: 1440, window: { type: 'calendar', from: '2026-11-01', to: '2026-11-23' } },
    ],
  }],
  ['春节前给老用户推送年货促销，满199减30', {
    locale: 'zh', channels: ['push'], offer: { type: 'threshold', threshold: 199, amount: 30, currency: 'CNY' },
    timing: { kind: 'window', label: '春节', from: '2027-01-23', to: '2027-02-05', localTime: '10:00' }, conditions: [boughtInYear],
  }],
  ['提升18到24岁男生的转化率，短信+推送，后天下午3点半', {
    locale: 'zh', objective: 'conversion', channels: ['sms', 'push'], timing: { kind: 'at', localDateTime: '2026-11-25T15:30' },
    conditions: [{ kind: 'age', min: 18, max: 24 }, { kind: 'gender', values: ['male'] }],
  }],
  ['对半年没买的沉睡用户做一次召回，企业微信，打九折', {
    locale: 'zh', objective: 'winback', offer: { type: 'percent_off', percent: 10 }, conditions: [noOrdersIn(180), boughtInYear],
  }],
  ['给除北京以外的高价值用户发邮件，618大促，满300减40', {
    locale: 'zh', timing: { kind: 'window', label: '618', from: '2027-06-01', to: '2027-06-18', localTime: '10:00' },
    conditions: [{ kind: 'not', condition: { kind: 'profile', field: 'city', values: ['Beijing'] } }, highValue],
  }],
  ['新用户首单立减10元，注册未下单的用户，今晚8点推送', {
    locale: 'zh', objective: 'activation', offer: { type: 'amount_off', amount: 10, currency: 'CNY' },
    timing: { kind: 'at', localDateTime: '2026-11-23T20:00' }, conditions: [noOrdersIn(3650)],
  }],
  ['下单后7天给购买过奶粉的宝妈推荐绘本', {
    locale: 'zh', objective: 'cross_sell', category: 'kids_education',
    timing: { kind: 'trigger', event: 'purchase', delayMinutes: 7 * 1440, unlessEvent: null },
    conditions: [{ kind: 'gender', values: ['female'] }, { kind: 'category_purchase', category: 'baby', window: { type: 'rolling', days: 365 } }],
  }],
  ['给流失风险中等的用户发推送', { locale: 'zh', objective: 'retention', conditions: [{ kind: 'churn_risk', level: 'medium' }] }],
  ['给近30天活跃但没有下单的用户推送9折券', {
    locale: 'zh', offer: { type: 'percent_off', percent: 10 },
    conditions: [noOrdersIn(30), { kind: 'event_count', event: 'login', window: { type: 'rolling', days: 30 }, min: 1 }],
  }],
  ['１１月２０日上午１０点给上海的用户发短信，８．５折', {
    locale: 'zh', channels: ['sms'], offer: { type: 'percent_off', percent: 15 },
    timing: { kind: 'at', localDateTime: '2027-11-20T10:00' }, conditions: [{ kind: 'profile', field: 'city', values: ['Shanghai'] }],
  }],
  ['给累计消费超过1000元的杭州用户发邮件，预算5千', {
    locale: 'zh', budget: { amount: 5000, currency: 'CNY' },
    conditions: [{ kind: 'profile', field: 'city', values: ['Hangzhou'] }, { kind: 'order_stat', metric: 'total', window: { type: 'rolling', days: 365 }, min: 1000 }],
  }],
  ['Send our autumn newsletter to all subscribers', {
    objective: 'awareness', channels: ['email'], conditions: [{ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 3650 }, min: 0 }],
  }],
  ['给所有用户发短信通知双11活动', {
    locale: 'zh', channels: ['sms'], conditions: [{ kind: 'order_stat', metric: 'count', window: { type: 'rolling', days: 3650 }, min: 0 }],
    timing: { kind: 'window', label: '双11', from: '2027-11-01', to: '2027-11-11', localTime: '10:00' },
  }],
  ['do some marketing', { clarification: /Who should this campaign reach/, conditions: [boughtInYear], objective: 'conversion' }],
  ['hi', { clarification: /Who should this campaign reach/ }],
  ['帮我做个活动', { locale: 'zh', clarification: /触达哪些用户/ }],
  ['Win back lapsed customers by fax', { objective: 'winback', channels: ['email', 'push'], clarification: /fax isn't a supported channel.*SMS, email, push or WeCom/ }],
  ['Announce the new collection to VIPs via WhatsApp', { clarification: /WhatsApp isn't a supported channel/ }],
  ['用微信给高价值用户发新品通知', { locale: 'zh', clarification: /暂不支持通过WeChat发送.*企业微信/ }],
];

describe('parseGoal: realistic goals in English and Chinese', () => {
  it.each(GOALS)('%s', (goal, expected) => {
    const parsed = parse(goal);
    expect(Brief.safeParse(parsed.brief).success).toBe(true);
    expect(SegmentDefinition.safeParse(parsed.segment).success).toBe(true);
    expect(parsed.brief.goal).toBe(goal);
    expect(parsed.locale).toBe(expected.locale ?? 'en');
    expect(parsed.brief.locale).toBe(parsed.locale);
    if (expected.objective) expect(parsed.brief.objective).toBe(expected.objective);
    if (expected.channels) expect(parsed.brief.channels).toEqual(expected.channels);
    if (expected.offer !== undefined) expect(parsed.brief.offer).toEqual(expected.offer);
    if (expected.timing) expect(parsed.brief.timing).toEqual(expected.timing);
    if (expected.category !== undefined) expect(parsed.brief.category).toBe(expected.category);
    if (expected.budget !== undefined) expect(parsed.brief.budget).toEqual(expected.budget);
    if (expected.conditions) expect(conditionsOf(parsed)).toEqual(expected.conditions);
    if (expected.clarification instanceof RegExp) expect(parsed.clarification).toMatch(expected.clarification);
    else expect(parsed.clarification).toBeNull();
  });

  it('has at least 30 goals, half of them Chinese', () => {
    expect(GOALS.length).toBeGreaterThanOrEqual(30);
    expect(GOALS.filter(([, expected]) => expected.locale === 'zh').length).toBeGreaterThanOrEqual(Math.floor(GOALS.length / 2));
  });
});

describe('parseGoal: defaults and assumptions', () => {
  it('never invents an offer', () => {
    expect(parse('Win back lapsed customers by SMS').brief.offer).toBeNull();
    expect(parse('召回流失用户，短信').brief.offer).toBeNull();
  });

  it('says in the goal language what it filled in', () => {
    const english = parse('Win back lapsed customers');
    expect(english.assumptions).toEqual([
      'lapsed = no purchase in the last 90 days',
      'win-back audience = customers who bought in the last 12 months',
      'no channel named: using email and push',
      'no send time given: sending as soon as approved',
    ]);
    expect(english.brief.channels).toEqual(['email', 'push']);
    const chinese = parse('召回流失用户');
    expect(chinese.assumptions).toEqual(['流失 = 近90天未购买', '召回对象 = 近12个月内有过购买的用户', '未指定渠道：默认使用邮件和推送', '未指定发送时间：审批通过后立即发送']);
  });

  it('targets last-12-month buyers when no audience is named', () => {
    const parsed = parse('Increase sales by SMS');
    expect(parsed.segment).toEqual({ version: 1, root: boughtInYear });
    expect(parsed.assumptions).toContain('no audience named: customers who bought in the last 12 months');
    expect(parsed.clarification).toBeNull();
  });

  it('resolves relative days in the given time zone', () => {
    // 20:00 UTC on Monday is already Tuesday 04:00 in Shanghai but still Monday 15:00 in New York.
    const late = new Date('2026-11-23T20:00:00Z');
    const goal = 'Win back lapsed customers by SMS next Tuesday 10am';
    expect(parseGoal(goal, { now: late }).brief.timing).toEqual({ kind: 'at', localDateTime: '2026-12-01T10:00' });
    expect(parseGoal(goal, { now: late, timeZone: 'America/New_York' }).brief.timing).toEqual({ kind: 'at', localDateTime: '2026-11-24T10:00' });
  });

  it('uses this year for 双11 while it is not over', () => {
    const parsed = parseGoal('双十一给女性用户发短信', { now: new Date('2026-11-05T02:00:00Z') });
    expect(parsed.brief.timing).toEqual({ kind: 'window', label: '双11', from: '2026-11-01', to: '2026-11-11', localTime: '10:00' });
  });

  it('matches promoted categories against the database categories it is given', () => {
    const parsed = parseGoal('Promote pet food to customers who bought pet toys', { now, categories: ['pet_food', 'pet_toys'] });
    expect(parsed.brief.category).toBe('pet_food');
    expect(parsed.segment.root).toEqual({ kind: 'category_purchase', category: 'pet_toys', window: { type: 'rolling', days: 365 } });
  });
});

describe('parseGoal: bad input', () => {
  it.each(['', '   ', '\n\t'])('rejects an empty goal %j', (goal) => {
    expect(() => parse(goal)).toThrowError(CodedError);
    try {
      parse(goal);
    } catch (error) {
      expect((error as CodedError).code).toBe(ErrorCode.InvalidInput);
      expect((error as CodedError).message).toMatch(/^goal is empty: /);
    }
  });

  it('rejects an unknown time zone, naming it', () => {
    expect(() => parseGoal('Win back lapsed customers', { now, timeZone: 'Mars/Olympus' })).toThrowError(/timeZone .*"Mars\/Olympus"/);
  });

  it('rejects a goal longer than a brief can hold', () => {
    expect(() => parse('win back '.repeat(300))).toThrowError(/goal is too long: 2700 characters/);
  });
});