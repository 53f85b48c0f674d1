// English descriptions of the conditions on custom attributes, first/last occurrence, RFM scores and
// predicted attributes (expected CLV, price sensitivity, category affinity). Each names the method
// in a few words so the marketer can check what "high value" or "likely buyer" means here.
import type { AttributeValue } from '../../src/domain/segment.ts';
import { categoryDisplayName } from './category-names.ts';
import { type ExtendedLeaf, firstValues, formatNumber, formatPercent, scoreRangeText } from './describe-common.ts';
import { describeWindowEn } from './describe-en.ts';
import { CLV_RULE } from './predicted-value-sql.ts';

const OCCURRENCES = {
  view: 'product view',
  add_to_cart: 'add to cart',
  purchase: 'purchase',
  login: 'login',
  open: 'message open',
  click: 'message click',
  unsubscribe: 'unsubscribe',
  order: 'completed order',
} as const;

function valueText(value: AttributeValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? formatNumber(value) : String(value);
}

function attributeText(condition: Extract<ExtendedLeaf, { kind: 'attribute' }>): string {
  const subject = `whose attribute ${JSON.stringify(condition.key)}`;
  const value = condition.value;
  const textOrder = typeof value === 'string' ? ' in text order' : '';
  switch (condition.op) {
    case 'exists':
      return `${subject} is set`;
    case 'eq':
      return `${subject} is ${valueText(value!)}`;
    case 'neq':
      return `${subject} is set and is not ${valueText(value!)}`;
    case 'gt':
      return `${subject} is ${typeof value === 'string' ? 'after' : 'above'} ${valueText(value!)}${textOrder}`;
    case 'lt':
      return `${subject} is ${typeof value === 'string' ? 'before' : 'below'} ${valueText(value!)}${textOrder}`;
    case 'in': {
      const { shown, more } = firstValues((condition.values ?? []).map(valueText));
      if (more > 0) return `${subject} is ${shown.join(', ')} or one of ${more} other values`;
      return `${subject} is ${shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}` : shown.join('')}`;
    }
  }
}

function shareBoundsText(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${formatPercent(min)}%` : `${formatPercent(min)}%-${formatPercent(max)}%`;
  if (min !== undefined) return `at least ${formatPercent(min)}%`;
  if (max !== undefined) return `at most ${formatPercent(max)}%`;
  return null;
}

export function describeExtendedLeafEn(condition: ExtendedLeaf): string {
  switch (condition.kind) {
    case 'attribute':
      return attributeText(condition);
    case 'event_time':
      return `whose ${condition.which} ${OCCURRENCES[condition.event]} was ${describeWindowEn(condition.window)}`;
    case 'rfm': {
      const scores = (['recency', 'frequency', 'monetary'] as const).flatMap((name) => {
        const range = condition[name];
        return range ? [`${name} ${scoreRangeText(range)}`] : [];
      });
      return (
        `whose RFM scores among buyers ${describeWindowEn(condition.window)} are ${scores.join(' and ')}` +
        ' (quintiles 1-5, 5 = the most recent, frequent or valuable fifth)'
      );
    }
    case 'predicted_clv': {
      const parts: string[] = [];
      if (condition.topShare !== undefined) parts.push(`in the top ${formatPercent(condition.topShare)}% of buyers by predicted value`);
      if (condition.min !== undefined) parts.push(`with a predicted value of at least ${formatNumber(condition.min)}`);
      return (
        `${parts.join(' and ')} for the next ${CLV_RULE.horizonDays} days (average order value × purchase frequency × expected active time,` +
        ` from their completed orders in the last ${CLV_RULE.historyDays} days)`
      );
    }
    case 'price_sensitivity': {
      const window = describeWindowEn(condition.window);
      const share = shareBoundsText(condition.min, condition.max);
      if (share === null) return `with at least 1 completed order ${window} (any share discounted)`;
      return `who used a discount on ${share} of their completed orders ${window}`;
    }
    case 'category_affinity': {
      const category = categoryDisplayName(condition.category, 'en');
      return (
        `who have not bought from the ${category} category yet but bought ${describeWindowEn(condition.window)}` +
        ` from a category whose co-purchase lift with it is at least ${formatNumber(condition.minLift)}`
      );
    }
  }
}
