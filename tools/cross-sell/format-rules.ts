// Mined association rules as a table a person reads: antecedent -> consequent with the counts and
// the three measures, strongest first.
import type { AssociationRule } from '../../src/domain/cross-sell.ts';
import type { MiningThresholds } from './mine-association-rules.ts';

export interface NamedRule extends AssociationRule {
  antecedentName: string;
  consequentName: string;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

export function formatRules(rules: readonly NamedRule[], context: { baskets: number; thresholds: MiningThresholds; limit: number }): string {
  const { baskets, thresholds, limit } = context;
  const window = thresholds.basketWindowDays === 0 ? 'one order' : `an order plus the next ${thresholds.basketWindowDays} days`;
  const heading =
    `${rules.length} rules from ${baskets} baskets (a basket: ${window}); thresholds: support >= ${percent(thresholds.minSupport)} ` +
    `and >= ${thresholds.minPairCount} baskets, ` +
    `confidence >= ${percent(thresholds.minConfidence)}, lift >= ${thresholds.minLift}`;
  if (rules.length === 0) return `${heading}\n`;
  const header = ['if bought', 'then also', 'baskets', 'support', 'confidence', 'lift'];
  const body = rules
    .slice(0, limit)
    .map((rule) => [rule.antecedentName, rule.consequentName, `${rule.pairCount}/${rule.antecedentCount}`, percent(rule.support), percent(rule.confidence), rule.lift.toFixed(2)]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const more = rules.length > limit ? `\n... ${rules.length - limit} more (--limit, or --json for all)` : '';
  return `${heading}\n\n${[line(header), ...body.map(line)].join('\n')}${more}\n`;
}
