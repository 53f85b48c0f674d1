// `campaign-agent cross-sell mine [--json] [--limit N]`: re-mines the association rules from the
// completed orders now (thresholds from CAMPAIGN_AGENT_CROSS_SELL_*) and prints them; and
// `cross-sell recommend PRODUCT_ID...`: what the support bot would suggest for those products.
// Recommendations re-mine by themselves when the orders changed, so `mine` is for looking.
import { InvalidArgumentError, type Command } from 'commander';
import { recommendCrossSell } from '../../../../tools/cross-sell/recommend-cross-sell.ts';
import { formatRules, type NamedRule } from '../../../../tools/cross-sell/format-rules.ts';
import { refreshAssociationRules } from '../../../../tools/cross-sell/rule-cache.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';

function positiveWholeNumber(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) throw new InvalidArgumentError(`--limit must be a whole number above 0 (got "${value}")`);
  return parsed;
}

export function registerCrossSellCommand(program: Command): void {
  const crossSell = program.command('cross-sell').description('Association rules mined from orders, for cross-sell suggestions');

  crossSell
    .command('mine')
    .description('Mine the rules A -> B (support, confidence, lift) from the completed orders now, and print them')
    .option('--json', 'print { baskets, thresholds, rules } as one JSON object')
    .option('--limit <n>', 'rules to print in the table (strongest first)', positiveWholeNumber, 30)
    .action(async function runCrossSellMine(options: { json?: boolean; limit: number }, command: Command) {
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      try {
        const thresholds = app.config.crossSell;
        const { result } = await refreshAssociationRules(app.db, thresholds);
        const names = new Map(
          (await app.db.query<{ id: string; name: string }>('SELECT id, name FROM products')).rows.map((row) => [row.id, row.name]),
        );
        const rules: NamedRule[] = result.rules.map((rule) => ({
          ...rule,
          antecedentName: names.get(rule.antecedentId) ?? rule.antecedentId,
          consequentName: names.get(rule.consequentId) ?? rule.consequentId,
        }));
        const { maxRecommendations: _unused, ...mining } = thresholds;
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ baskets: result.baskets, thresholds: mining, rules }, null, 2)}\n`
            : formatRules(rules, { baskets: result.baskets, thresholds: mining, limit: options.limit }),
        );
      } finally {
        await app.close();
      }
    });

  crossSell
    .command('recommend')
    .description('Products to suggest to a customer who has the given products, as JSON lines')
    .argument('<productIds...>', 'product ids, e.g. sku-phone-accessories-01')
    .action(async function runCrossSellRecommend(productIds: string[], _options: unknown, command: Command) {
      const app = await openCliApp(command.optsWithGlobals<GlobalOptions>());
      try {
        const recommendations = await recommendCrossSell(app.db, { productIds, config: app.config.crossSell });
        for (const recommendation of recommendations) process.stdout.write(`${JSON.stringify(recommendation)}\n`);
      } finally {
        await app.close();
      }
    });
  for (const command of crossSell.commands) command.exitOverride().configureOutput({ writeErr: () => undefined });
}
