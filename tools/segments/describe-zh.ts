// The Chinese description of a segment: "25-30岁的女性客户，且在最近30天（滚动）内加购后2小时内未购买".
// Profile facts (place, age, gender) form the noun phrase before 客户, behaviour follows after "，且",
// exclusions read "，排除...的客户"; nested groups are parenthesised.
import type { Condition, LeafCondition, SegmentDefinition, Window } from '../../src/domain/segment.ts';
import type { Channel, EventType, Gender } from '../../src/domain/vocabulary.ts';
import { categoryDisplayName } from './category-names.ts';
import { calendarShape, firstValues, flattenOperands, formatNumber, formatPercent, splitDuration } from './describe-common.ts';
import { CHURN_RISK_RULE } from './rank-and-risk-sql.ts';
import { describeExtendedLeafZh } from './describe-extended-zh.ts';

const CHANNELS: Record<Channel, string> = { sms: '短信', email: '邮件', push: 'App推送', wecom: '企业微信' };
const GENDERS: Record<Gender, string> = { female: '女性', male: '男性', unknown: '性别未知' };
const EVENTS: Record<EventType, string> = {
  view: '浏览商品',
  add_to_cart: '加购',
  purchase: '购买',
  login: '登录',
  open: '打开消息',
  click: '点击消息',
  unsubscribe: '退订',
};
const PROFILE_FIELDS = {
  city: { lead: '位于', noun: '个城市' },
  country: { lead: '国家/地区为', noun: '个国家/地区' },
  locale: { lead: '语言为', noun: '种语言' },
  time_zone: { lead: '时区为', noun: '个时区' },
} as const;
const LANGUAGES: Record<string, string> = { en: '英文', zh: '中文' };
const DURATION_UNITS = { day: '天', hour: '小时', minute: '分钟' } as const;

type Leaf<K extends LeafCondition['kind']> = Extract<LeafCondition, { kind: K }>;

function formatDate(parts: { year: number; month: number; day: number }): string {
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

export function describeWindowZh(window: Window): string {
  if (window.type === 'rolling') return `最近${window.days}天（滚动）`;
  const shape = calendarShape(window);
  switch (shape.shape) {
    case 'year':
      return `${shape.year}年（自然年）`;
    case 'month':
      return `${shape.year}年${shape.month}月（自然月）`;
    case 'day':
      return `${formatDate(shape)}（自然日）`;
    case 'range':
      return `${formatDate(shape.from)}至${formatDate(shape.to)}（日历日期）`;
  }
}

/** "至少3次", "至多2次", "2至5次", "恰好3次", or null without bounds. */
function boundsText(bounds: { min?: number | undefined; max?: number | undefined }, unit: string): string | null {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) {
    return min === max ? `恰好${formatNumber(min)}${unit}` : `${formatNumber(min)}至${formatNumber(max)}${unit}`;
  }
  if (min !== undefined) return `至少${formatNumber(min)}${unit}`;
  if (max !== undefined) return `至多${formatNumber(max)}${unit}`;
  return null;
}

function ageCore(condition: Leaf<'age'>): string | null {
  const { min, max } = condition;
  if (min !== undefined && max !== undefined) return min === max ? `${min}岁` : `${min}-${max}岁`;
  if (min !== undefined) return `${min}岁及以上`;
  if (max !== undefined) return `${max}岁及以下`;
  return null;
}

function profileText(condition: Leaf<'profile'>): string {
  const field = PROFILE_FIELDS[condition.field];
  const named = condition.field === 'locale' ? condition.values.map((value) => LANGUAGES[value] ?? value) : condition.values;
  const { shown, more } = firstValues(named);
  const list = more > 0 ? `${shown.join('、')}或其他${more}${field.noun}` : shown.join('或');
  return `${field.lead}${list}`;
}

function leafText(condition: LeafCondition): string {
  switch (condition.kind) {
    case 'age': {
      const core = ageCore(condition);
      return core === null ? '年龄已知' : `年龄${core}`;
    }
    case 'gender':
      return condition.values.map((gender) => GENDERS[gender]).join('或');
    case 'profile':
      return profileText(condition);
    case 'consent':
      return `可通过${CHANNELS[condition.channel]}触达（已同意、未屏蔽）`;
    case 'event_count': {
      const window = describeWindowZh(condition.window);
      if (condition.max === 0 && !condition.min) return `在${window}内未${EVENTS[condition.event]}`;
      return `在${window}内${EVENTS[condition.event]}${boundsText(condition, '次') ?? '至少1次'}`;
    }
    case 'order_stat': {
      const window = describeWindowZh(condition.window);
      if (condition.metric === 'count') {
        if (condition.max === 0 && !condition.min) return `在${window}内没有已完成订单`;
        return `在${window}内有${boundsText(condition, '笔') ?? '至少1笔'}已完成订单`;
      }
      const total = boundsText(condition, '');
      return total === null ? `在${window}内有至少1笔已完成订单` : `在${window}内已完成订单总额${total}`;
    }
    case 'sequence': {
      const { amount, unit } = splitDuration(condition.withinMinutes);
      return `在${describeWindowZh(condition.window)}内${EVENTS[condition.first]}后${amount}${DURATION_UNITS[unit]}内未${EVENTS[condition.missing]}`;
    }
    case 'spend_rank':
      return `在${describeWindowZh(condition.window)}内已完成订单消费额位列前${formatPercent(condition.topShare)}%`;
    case 'churn_risk': {
      const rule = CHURN_RISK_RULE;
      const label = condition.level === 'high' ? '流失风险高' : '流失风险中等及以上';
      return (
        `${label}（最近${rule.recentDays}天的日均登录次数低于此前${rule.earlierDays}天日均的` +
        `${formatPercent(rule.rateRatio[condition.level])}%，且此前至少登录${rule.minimumEarlierLogins}次）`
      );
    }
    case 'category_purchase': {
      const name = categoryDisplayName(condition.category, 'zh');
      return `在${describeWindowZh(condition.window)}内购买过${name}${name.endsWith('类') ? '' : '类'}商品`;
    }
    case 'attribute':
    case 'event_time':
    case 'rfm':
    case 'predicted_clv':
    case 'price_sensitivity':
    case 'category_affinity':
      return describeExtendedLeafZh(condition);
  }
}

/** A condition as a predicate; `nested` parenthesises groups that sit inside another group. */
function conditionText(condition: Condition, nested: boolean): string {
  if (condition.kind === 'and' || condition.kind === 'or') {
    const operands = flattenOperands(condition);
    if (operands.length === 1) return conditionText(operands[0]!, nested);
    const joined = operands.map((operand) => conditionText(operand, true)).join(condition.kind === 'and' ? '且' : '或');
    return nested ? `（${joined}）` : joined;
  }
  if (condition.kind === 'not') return `不满足（${conditionText(condition.condition, false)}）`;
  return leafText(condition);
}

type ProfileLeaf = Leaf<'age'> | Leaf<'gender'> | Leaf<'profile'>;
function isProfileLeaf(condition: Condition): condition is ProfileLeaf {
  return condition.kind === 'age' || condition.kind === 'gender' || condition.kind === 'profile';
}

/** "位于上海的25-30岁的女性": places, then ages, then genders directly before 客户. */
function profileNoun(leaves: ProfileLeaf[]): string {
  const places = leaves.flatMap((leaf) => (leaf.kind === 'profile' ? [`${profileText(leaf)}的`] : []));
  const ages = leaves.flatMap((leaf) => (leaf.kind === 'age' ? [`${ageCore(leaf) ?? '年龄已知'}的`] : []));
  const genders = leaves.flatMap((leaf) =>
    leaf.kind === 'gender' ? [leaf.values.map((gender) => GENDERS[gender]).join('或') + (leaf.values.includes('unknown') ? '的' : '')] : [],
  );
  return [...places, ...ages, ...genders].join('');
}

export function describeSegmentZh(definition: SegmentDefinition): string {
  const root = definition.root;
  const operands = root.kind === 'and' ? flattenOperands(root) : [root];
  const profile = operands.filter(isProfileLeaf);
  const exclusions = operands.flatMap((operand) => (operand.kind === 'not' ? [operand.condition] : []));
  const behaviour = operands.filter((operand) => !isProfileLeaf(operand) && operand.kind !== 'not');
  const behaviourTexts = behaviour.map((operand) => conditionText(operand, behaviour.length > 1));
  let text: string;
  if (profile.length > 0) text = [`${profileNoun(profile)}客户`, ...behaviourTexts].join('，且');
  else if (behaviourTexts.length > 0) text = `${behaviourTexts.join('，且')}的客户`;
  else text = '所有客户';
  return text + exclusions.map((excluded) => `，排除${conditionText(excluded, false)}的客户`).join('');
}
