// `campaign-agent audit --campaign ID [--json]`: a campaign's audit log (when, who, what, which
// rules, the detail in brief) and whether its hash chain verifies. A broken chain exits with 1.
import type { Command } from 'commander';
import { describeVerification, formatAuditLog } from '../../../audit/format-audit-log.ts';
import { readCampaignAuditLog } from '../../../audit/read-audit-log.ts';
import { verifyAuditChain } from '../../../audit/verify-audit-chain.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../../data/open-database.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import type { GlobalOptions } from '../cli-context.ts';
import { campaignIdOption } from '../option-values.ts';

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description("Show a campaign's audit log and check that its hash chain is intact")
    .requiredOption('--campaign <id>', 'campaign id, as shown with the plan (cmp_...)', campaignIdOption())
    .option('--json', 'print the entries and the chain check as one JSON object')
    .action(async function runAuditCommand(options: { campaign: string; json?: boolean }, command: Command) {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
      const db = await openDatabase(config);
      try {
        const entries = await readCampaignAuditLog(db, options.campaign);
        if (entries.length === 0) {
          throw new CodedError(ErrorCode.NotFound, `no audit entries for campaign ${options.campaign} in ${db.location}`);
        }
        const chain = await verifyAuditChain(db, { campaignId: options.campaign });
        if (options.json) {
          const shown = entries.map(({ detailText: _detailText, ...entry }) => entry);
          process.stdout.write(`${JSON.stringify({ campaignId: options.campaign, entries: shown, chain, summary: describeVerification(chain) }, null, 2)}\n`);
        } else {
          process.stdout.write(formatAuditLog(options.campaign, entries, chain));
        }
        if (!chain.ok) process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}
