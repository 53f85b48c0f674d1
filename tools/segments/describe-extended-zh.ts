// Chinese descriptions of the conditions on custom attributes, first/last occurrence, RFM scores and
// predicted attributes (expected CLV, price sensitivity, category affinity), each naming its method.
import type { AttributeValue } from '../../src/domain/segment.ts';
import { categoryDisplayName } from './category-names.ts';
import { type ExtendedLeaf, firstValues, formatNumber, formatPercent, scoreRangeText } from './describe-common.ts';
import { describeWindowZh } from './describe-zh.ts';
import { CLV_RULE } from './predicted-value-sql.ts';

const OCCURRENCES = {
  view: '浏览商品',
  add_to_cart: '加购',
  purchase: '购买',
  login: '登录',
  open: '打开消息',
  click: '点击消息',
  unsubscribe: '退订',
  order: '完成订单',
} as const;
const SCORE_NAMES = { recency: '最近购买', frequency: '购买频次', monetary: '消费金额' } as const;

function valueText(value: AttributeValue): string {
  return typeof value === 'string' ? `“${value}”` : typeof value === 'number' ? formatNumber(value) : String(value);
}

function attributeText(condition: Extract<ExtendedLeaf, { kind: 'attribute' }>): string {
  const subject = `自定义属性“${condition.key}”`;
  const value = condition.value;
  const textOrder = typeof value === 'string' ? '按文本顺序' : '';
  switch (condition.op) {
    case 'exists':
      return `${subject}有值`;
    case 'eq':
      return `${subject}为${valueText(value!)}`;
    case 'neq':
      return `${subject}有值且不为${valueText(value!)}`;
    case 'gt':
      return `${subject}${textOrder}大于${valueText(value!)}`;
    case 'lt':
      return `${subject}${textOrder}小于${valueText(value!)}`;
    case 'in': {
      const { shown, more } = firstValues((condition.values ?? []).map(valueText));
      if (more > 0) return `${subject}为${shown.join('、')}或其他${more}个值之一`;
      return `${subject}为${shown.join('或')}`;
    }
  }
}

function shareBoundsText(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return min === max ? `恰好${formatPercent(min)}%` : `${formatPercent(min)}%-${formatPercent(max)}%`;
  if (min !== undefined) return `至少${formatPercent(min)}%`;
  if (max !== undefined) return `至多${formatPercent(max)}%`;
  return null;
}

export function describeExtendedLeafZh(condition: ExtendedLeaf): string {
  switch (condition.kind) {
    case 'attribute':
      return attributeText(condition);
    case 'event_time':
      return `${condition.which === 'first' ? '首次' : '最后一次'}${OCCURRENCES[condition.event]}在${describeWindowZh(condition.window)}内`;
    case 'rfm': {
      const scores = (['recency', 'frequency', 'monetary'] as const).flatMap((name) => {
        const range = condition[name];
        return range ? [`${SCORE_NAMES[name]}${scoreRangeText(range)}分`] : [];
      });
      return `在${describeWindowZh(condition.window)}内有已完成订单的客户中RFM评分为${scores.join('、')}（五分位1-5分，5分为最近、最频繁或消费最高的五分之一）`;
    }
    case 'predicted_clv': {
      const parts: string[] = [];
      if (condition.topShare !== undefined) parts.push(`位列前${formatPercent(condition.topShare)}%`);
      if (condition.min !== undefined) parts.push(`至少${formatNumber(condition.min)}`);
      return (
        `预测未来${CLV_RULE.horizonDays}天价值${parts.join('且')}` +
        `（按近${CLV_RULE.historyDays}天已完成订单：客单价×购买频次×预期活跃时长）`
      );
    }
    case 'price_sensitivity': {
      const window = describeWindowZh(condition.window);
      const share = shareBoundsText(condition.min, condition.max);
      if (share === null) return `在${window}内有已完成订单（折扣比例不限）`;
      return `在${window}内的已完成订单中使用折扣的比例${share}`;
    }
    case 'category_affinity': {
      const name = categoryDisplayName(condition.category, 'zh');
      const category = `${name}${name.endsWith('类') ? '' : '类'}`;
      return `尚未购买过${category}商品，但在${describeWindowZh(condition.window)}内购买过与其共购提升度（lift）至少${formatNumber(condition.minLift)}的品类`;
    }
  }
}
