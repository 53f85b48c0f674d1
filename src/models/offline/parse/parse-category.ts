// Decides, for each product category a goal names, whether it describes the audience ("bought baby
// products", "购买过母婴用品的用户") or the product being promoted ("recommend children's education", "推荐儿童教育产品").
import { type CategoryMention, findCategoryMentions } from './categories.ts';

export interface CategoryRoles {
  /** Categories the audience must have bought, in order of mention. */
  purchased: string[];
  /** The category the campaign promotes, when one is named. */
  promoted: string | null;
}

const PURCHASE_BEFORE = /\b(?:bought|purchased|ordered|buy|buying|buys|purchase|shopped|buyers? of|customers? of|shoppers? of|purchasers? of|fans of)\b|购买过?|买过|买了|下单过?|消费过|购入/g;
const PROMOTE_BEFORE = /\b(?:recommend(?:ing)?|promot(?:e|ing)|sell(?:ing)?|cross-?sell(?:ing)?|up-?sell(?:ing)?|introduc(?:e|ing)|launch(?:ing)?|feature|featuring|showcase|announce|push)\b|推荐|推广|主推|促销|售卖|卖|上新|发布|介绍/g;
const AUDIENCE_AFTER = /^\s*(?:products?\s+|items?\s+)?(?:buyers|shoppers|customers|purchasers|lovers|fans|enthusiasts)\b|^(?:用品|产品|类|品类)?(?:的)?(?:用户|客户|买家|人群|会员|消费者|老客)/;
const CLAUSE_BREAK = /[,.;:!?，。；：！？]/;

/** End of the last match of `pattern` in `text`, or -1. */
function lastCueEnd(pattern: RegExp, text: string): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

function roleOf(text: string, mention: CategoryMention): 'purchased' | 'promoted' {
  const lookback = /[\u4e00-\u9fff]/.test(text[mention.start] ?? '') ? 16 : 48;
  let before = text.slice(Math.max(0, mention.start - lookback), mention.start);
  const lastBreak = Math.max(...[...before].map((ch, index) => (CLAUSE_BREAK.test(ch) ? index : -1)));
  if (lastBreak >= 0) before = before.slice(lastBreak + 1);
  const purchaseAt = lastCueEnd(PURCHASE_BEFORE, before);
  const promoteAt = lastCueEnd(PROMOTE_BEFORE, before);
  if (purchaseAt > promoteAt) return 'purchased';
  if (promoteAt > purchaseAt) return 'promoted';
  return AUDIENCE_AFTER.test(text.slice(mention.end)) ? 'purchased' : 'promoted';
}

export function findCategoryRoles(text: string, categories: readonly string[]): CategoryRoles {
  const purchased: string[] = [];
  let promoted: string | null = null;
  for (const mention of findCategoryMentions(text, categories)) {
    if (roleOf(text, mention) === 'purchased') {
      if (!purchased.includes(mention.category)) purchased.push(mention.category);
    } else {
      promoted ??= mention.category;
    }
  }
  return { purchased, promoted };
}
