// `campaign-agent import <customers|orders|events> FILE.csv`: brings the user's own data in, one
// file per kind, in one transaction, with a progress bar on stderr. Bad rows are listed with their
// line and column; without --skip-bad-rows any bad row rejects the whole file.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { isValidTimeZone, loadConfig } from '../../../config.ts';
import { IMPORT_KINDS, type ImportKind, parseMapOption } from '../../../data/import/column-mapping.ts';
import { type DateFormat, parseDateFormatOption } from '../../../data/import/date-values.ts';
import { formatRowIssue, importCsv, ImportRejectedError, type ImportProgress, type ImportReport } from '../../../data/import/import-csv.ts';
import { openDatabase } from '../../../data/open-database.ts';
import type { GlobalOptions } from '../cli-context.ts';

interface ImportOptions {
  map: string[];
  dateFormat?: DateFormat;
  timeZone?: string;
  currency?: string;
  skipBadRows?: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];
/** Bad rows printed on stderr; the JSON report (--json) has all of them. */
const MAX_PRINTED_ISSUES = 1000;

function importKind(value: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(value)) throw new InvalidArgumentError(`what to import must be customers, orders or events (got "${value}")`);
  return value as ImportKind;
}

/** Checked where it is given, so a bad value is refused even when a later --time-zone overrides it. */
function timeZoneOption(value: string): string {
  if (!isValidTimeZone(value)) throw new InvalidArgumentError(`--time-zone ${JSON.stringify(value)} is not an IANA time zone such as Europe/London`);
  return value;
}

function progressBar(): { update(progress: ImportProgress): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ format: 'importing [{bar}] {percentage}% {stage} {rows} rows', stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update({ stage, bytes, totalBytes, rows }) {
      if (!started) {
        bar.start(Math.max(1, totalBytes), 0, { stage, rows });
        started = true;
      }
      bar.update(Math.min(bytes, totalBytes), { stage, rows });
    },
    stop: () => bar.stop(),
  };
}

function printIssues(issues: ImportReport['skipped']): void {
  for (const issue of issues.slice(0, MAX_PRINTED_ISSUES)) process.stderr.write(`  ${formatRowIssue(issue)}\n`);
  if (issues.length > MAX_PRINTED_ISSUES) process.stderr.write(`  ... and ${issues.length - MAX_PRINTED_ISSUES} more (--json lists them all)\n`);
}

function summary(report: ImportReport): string {
  const w = report.written;
  const parts =
    report.kind === 'customers'
      ? [`${w.customersCreated} customers created`, `${w.customersUpdated} updated`]
      : report.kind === 'orders'
        ? [`${w.ordersCreated} orders created`, `${w.ordersUpdated} updated`, `${w.orderLines} order lines`, `${w.customersCreated} new customers`, `${w.productsCreated} new products`]
        : [`${w.eventsCreated} events created`, `${w.eventsAlreadyPresent} already present`, `${w.customersCreated} new customers`];
  const mapping = Object.entries(report.mapping).map(([field, column]) => `${field}=${column}`).join(', ');
  return `Imported ${report.imported} of ${report.rows} rows from ${report.file}: ${parts.join(', ')}.\nColumns: ${mapping}`;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import your own customers, orders (line items or whole orders) or events from a CSV file')
    .argument('<kind>', 'customers, orders or events', importKind)
    .argument('<file>', 'the CSV file (header line first)')
    .option('--map <target=source,...>', 'which column feeds which field, e.g. customer_id=CustomerID (repeatable)', collect, [])
    .option('--date-format <format>', 'date format of the file: iso, M/D/YYYY, D/M/YYYY, epoch or epoch_ms (default: detected)', parseDateFormatOption)
    .option('--time-zone <zone>', 'time zone of date-times written without an offset (default UTC)', timeZoneOption)
    .option('--currency <code>', 'currency of orders and new products when the file has no currency column (default CNY)')
    .option('--skip-bad-rows', 'skip and list bad rows instead of rejecting the file')
    .option('--json', 'print the import report as one JSON object')
    .action(async function runImportCommand(kind: ImportKind, file: string, options: ImportOptions, command: Command) {
      const map = parseMapOption(options.map);
      const dateFormat = options.dateFormat;
      const globals = command.optsWithGlobals<GlobalOptions>();
      const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
      const db = await openDatabase(config);
      const bar = progressBar();
      try {
        const report = await importCsv(db, {
          kind,
          file,
          map,
          ...(dateFormat ? { dateFormat } : {}),
          ...(options.timeZone ? { timeZone: options.timeZone } : {}),
          ...(options.currency ? { currency: options.currency } : {}),
          skipBadRows: Boolean(options.skipBadRows),
          onProgress: (progress) => bar.update(progress),
        });
        bar.stop();
        if (report.skipped.length > 0) {
          process.stderr.write(`Skipped ${report.skipped.length} bad row${report.skipped.length === 1 ? '' : 's'}:\n`);
          printIssues(report.skipped);
        }
        if (report.dataOrigin.kind === 'demo') {
          process.stderr.write(`Note: ${db.location} holds the demo data; your rows were added to it. For your own data only, use a new data directory and campaign-agent init --no-demo.\n`);
        }
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${summary(report)}\n`);
      } catch (error) {
        bar.stop();
        if (error instanceof ImportRejectedError) printIssues(error.issues);
        throw error;
      } finally {
        await db.close();
      }
    });
}
