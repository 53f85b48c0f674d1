// The words of a past campaign in its own language: a name like a marketer would give it
// ("Spring win-back SMS 10% off", "双11 美妆 满300减50 推送") and a one-sentence summary of goal,
// audience, channel and offer.
import type { Objective, Offer } from '../../domain/brief.ts';
import type { Channel, Locale } from '../../domain/vocabulary.ts';
import { CATEGORY_LABELS } from './catalogue.ts';
import type { DemoCategory } from './catalogue.ts';

export interface CampaignWordingInput {
  locale: Locale;
  objective: Objective;
  channels: readonly Channel[];
  offer: Offer | null;
  /** Festival or season name in the campaign's language. */
  occasion: string;
  isFestival: boolean;
  category: DemoCategory | null;
  /** For cross-sell: buyers of this category are offered `category`. */
  fromCategory: DemoCategory | null;
}

const CHANNEL_NAMES: Readonly<Record<Locale, Readonly<Record<Channel, string>>>> = {
  en: { sms: 'SMS', email: 'email', push: 'push', wecom: 'WeCom' },
  zh: { sms: '短信', email: '邮件', push: '推送', wecom: '企业微信' },
};

const OBJECTIVE_WORDS: Readonly<Record<Locale, Readonly<Record<Objective, string>>>> = {
  en: {
    winback: 'win-back',
    retention: 'loyalty',
    aov: 'basket builder',
    conversion: 'sale',
    cart_recovery: 'cart reminder',
    cross_sell: 'cross-sell',
    activation: 'welcome offer',
    awareness: 'launch',
  },
  zh: {
    winback: '老客召回',
    retention: '会员关怀',
    aov: '凑单',
    conversion: '促销',
    cart_recovery: '购物车提醒',
    cross_sell: '交叉推荐',
    activation: '新客首单',
    awareness: '上新预告',
  },
};

const AUDIENCES: Readonly<Record<Locale, Readonly<Record<Objective, string>>>> = {
  en: {
    winback: 'customers with no purchase in the last 90 days',
    retention: 'active customers whose logins are falling',
    aov: 'the top 20% of customers by 12-month spend',
    conversion: 'shoppers who browsed in the last 30 days without buying',
    cart_recovery: 'shoppers who left items in the cart without buying within 2 hours',
    cross_sell: 'buyers of {from} who have not bought {to}',
    activation: 'new sign-ups who have not placed a first order',
    awareness: 'all opted-in customers',
  },
  zh: {
    winback: '近90天未购买的老客',
    retention: '登录明显减少、有流失风险的活跃客户',
    aov: '近12个月消费前20%的高价值客户',
    conversion: '近30天浏览过但未下单的客户',
    cart_recovery: '加购后2小时内未下单的客户',
    cross_sell: '买过{from}但未买过{to}的客户',
    activation: '注册后尚未下首单的新客',
    awareness: '所有已订阅的客户',
  },
};

const GOALS: Readonly<Record<Locale, Readonly<Record<Objective, string>>>> = {
  en: {
    winback: 'Win back',
    retention: 'Keep',
    aov: 'Raise order value among',
    conversion: 'Turn into buyers',
    cart_recovery: 'Recover the carts of',
    cross_sell: 'Sell {to} to',
    activation: 'Get a first order from',
    awareness: 'Announce {what} to',
  },
  zh: {
    winback: '促进回购',
    retention: '提升留存',
    aov: '提升客单价',
    conversion: '促进转化',
    cart_recovery: '挽回购物车',
    cross_sell: '带动{to}的交叉购买',
    activation: '促成首单',
    awareness: '提升{what}的认知',
  },
};

/** "10% off", "RMB 50 off orders over RMB 300" / "9折", "满300减50". */
export function offerLabel(offer: Offer | null, locale: Locale, long = false): string {
  if (!offer) return '';
  if (locale === 'zh') {
    switch (offer.type) {
      case 'percent_off': {
        const tenths = (100 - offer.percent) / 10;
        return `${Number.isInteger(tenths) ? tenths : String(100 - offer.percent)}折`;
      }
      case 'amount_off':
        return `立减${offer.amount}元`;
      case 'threshold':
        return `满${offer.threshold}减${offer.amount}`;
      case 'free_shipping':
        return '包邮';
    }
  }
  switch (offer.type) {
    case 'percent_off':
      return `${offer.percent}% off`;
    case 'amount_off':
      return `RMB ${offer.amount} off`;
    case 'threshold':
      return long ? `RMB ${offer.amount} off orders over RMB ${offer.threshold}` : `RMB ${offer.amount} off RMB ${offer.threshold}`;
    case 'free_shipping':
      return 'free shipping';
  }
}

const categoryLabel = (category: DemoCategory | null, locale: Locale): string => (category ? CATEGORY_LABELS[category][locale] : '');

function channelList(channels: readonly Channel[], locale: Locale, joiner: string): string {
  return channels.map((channel) => CHANNEL_NAMES[locale][channel]).join(joiner);
}

export function campaignName(input: CampaignWordingInput): string {
  const { locale, objective } = input;
  const category = categoryLabel(input.category, locale);
  const offer = offerLabel(input.offer, locale);
  if (locale === 'zh') {
    const theme =
      objective === 'cross_sell' && input.fromCategory
        ? `${categoryLabel(input.fromCategory, 'zh')}老客${category}推荐`
        : input.isFestival && category && (objective === 'conversion' || objective === 'aov')
          ? category
          : `${category}${OBJECTIVE_WORDS.zh[objective]}`;
    return [input.occasion, theme, offer, channelList(input.channels, 'zh', '+')].filter(Boolean).join(' ');
  }
  const theme =
    objective === 'cross_sell' && input.fromCategory
      ? `${categoryLabel(input.fromCategory, 'en')} to ${category} cross-sell`
      : [category, OBJECTIVE_WORDS.en[objective]].filter(Boolean).join(' ');
  return [input.occasion, theme, channelList(input.channels, 'en', ' + '), offer].filter(Boolean).join(' ');
}

function fillIn(template: string, input: CampaignWordingInput): string {
  const locale = input.locale;
  const occasion = input.isFestival ? input.occasion : '';
  const category = categoryLabel(input.category, locale);
  const what =
    locale === 'zh'
      ? `${occasion}${category || '新品'}`
      : `the new ${[occasion, category].filter(Boolean).join(' ') || 'season'} range`;
  return template
    .replace('{from}', categoryLabel(input.fromCategory, locale))
    .replace('{to}', categoryLabel(input.category, locale))
    .replace('{what}', what);
}

export function campaignSummary(input: CampaignWordingInput): string {
  const { locale, objective } = input;
  const audience = fillIn(AUDIENCES[locale][objective], input);
  const goal = fillIn(GOALS[locale][objective], input);
  if (locale === 'zh') {
    const when = input.isFestival ? `在${input.occasion}期间` : '';
    const category = objective === 'conversion' && input.category ? audience.replace('浏览过', `浏览过${categoryLabel(input.category, 'zh')}`) : audience;
    const offer = input.offer ? `提供${offerLabel(input.offer, 'zh')}优惠` : objective === 'awareness' ? '发送通知，不提供优惠' : '发送提醒，不提供优惠';
    return `${when}通过${channelList(input.channels, 'zh', '和')}向${category}${offer}，${goal}。`;
  }
  const audienceText = objective === 'conversion' && input.category ? audience.replace('browsed', `browsed ${categoryLabel(input.category, 'en')}`) : audience;
  const when = input.isFestival && objective !== 'awareness' ? ` for ${input.occasion}` : '';
  const offer = input.offer ? `with ${offerLabel(input.offer, 'en', true)}` : 'without an offer';
  const sentence =
    objective === 'conversion'
      ? `Turn ${audienceText} into buyers${when} by ${channelList(input.channels, 'en', ' and ')} ${offer}.`
      : `${goal} ${audienceText}${when} by ${channelList(input.channels, 'en', ' and ')} ${offer}.`;
  return sentence;
}
