// Reads a campaign budget ("budget 5000", "$5k budget", "预算5000元", "预算1万") from a goal or edit.
import type { Brief } from '../../../domain/brief.ts';
import { currencyOf } from './parse-offer.ts';
import { NUM, parseNumber } from './text.ts';

type Budget = NonNullable<Brief['budget']>;

const MULTIPLIER = '(k|w|m|万|千|百万)?';
const BUDGET_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `\\bbudget\\s*(?:is|of|:|=|at|around|about|up to|no more than|under|max(?:imum)?|cap(?:ped)? at)*\\s*(\\$|€|£|¥|usd ?|rmb ?|cny ?)?${NUM}\\s*${MULTIPLIER}\\s*(usd|dollars?|yuan|rmb|cny|元|块)?`,
  ),
  new RegExp(`(\\$|€|£|¥|usd ?|rmb ?|cny ?)?${NUM}\\s*${MULTIPLIER}\\s*(usd|dollars?|yuan|rmb|cny|元)?\\s*budget\\b`),
  new RegExp(
    `预算\\s*(?:为|是|:|不超过|控制在|大约|约|在|共|总共|上限)*\\s*(¥|\\$)?${NUM}\\s*${MULTIPLIER}\\s*(元|块|美元|美金|刀|rmb)?`,
  ),
];

function scale(multiplier: string | undefined): number {
  switch (multiplier) {
    case 'k':
    case '千':
      return 1_000;
    case 'w':
    case '万':
      return 10_000;
    case 'm':
    case '百万':
      return 1_000_000;
    default:
      return 1;
  }
}

export function parseBudget(text: string): Budget | null {
  for (const pattern of BUDGET_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [, currencyBefore, amountText, multiplier, currencyAfter] = match;
    const amount = parseNumber(amountText ?? '') * scale(multiplier);
    if (!(amount > 0)) continue;
    return { amount, currency: currencyOf(currencyBefore, currencyAfter) };
  }
  return null;
}
