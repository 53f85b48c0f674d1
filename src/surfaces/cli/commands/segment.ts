// `campaign-agent segment "<who>"`: plain language -> segment definition (the planner's parser),
// checked on the data: description, assumptions, count, reachable per channel, a masked sample and
// a breakdown. `--save NAME` keeps it, `--use NAME` reuses one, `--diff NAME` compares with one,
// `segment saved` lists them. `--as-of` evaluates every window at a given instant.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadConfig, type Config } from '../../../config.ts';
import type { Database } from '../../../data/database.ts';
import { readDataOrigin } from '../../../data/import/data-origin.ts';
import { openDatabase } from '../../../data/open-database.ts';
import type { SegmentDefinition } from '../../../domain/segment.ts';
import type { Locale } from '../../../domain/vocabulary.ts';
import { CodedError, ErrorCode } from '../../../errors.ts';
import { detectLocale } from '../../../models/offline/parse/detect-locale.ts';
import { parseAsOf } from '../../../../tools/segments/as-of.ts';
import { diffSegments, type SegmentDiff } from '../../../../tools/segments/diff-segments.ts';
import { explainSegment, type SegmentExplanation } from '../../../../tools/segments/explain-segment.ts';
import { listSavedSegments, loadSavedSegment, saveSegment } from '../../../../tools/segments/saved-segments.ts';
import { segmentFromText } from '../../../../tools/segments/segment-from-text.ts';
import { openCliApp, type GlobalOptions } from '../cli-context.ts';

interface SegmentOptions {
  asOf?: Date;
  json?: boolean;
  save?: string;
  use?: string;
  diff?: string;
  sample: number;
}

/** `--as-of`: an ISO date (midnight UTC at its start) or date-time (UTC unless it has an offset). */
function asOfOption(value: string): Date {
  try {
    return parseAsOf(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function sampleSize(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 100) throw new InvalidArgumentError(`--sample must be a whole number from 0 to 100 (got "${value}")`);
  return parsed;
}

interface SegmentOutput extends SegmentExplanation {
  asOf: string;
  saved?: { name: string; created: boolean };
  diff?: SegmentDiff & { name: string };
}

const LABELS = {
  en: { customers: 'customers', reachable: 'Reachable', assumptions: 'Assumptions', sample: 'Sample', cities: 'By city', ages: 'By age', asOf: 'As of', saved: 'Saved as', replaced: 'Replaced', diff: 'Compared with', overlap: 'in both', onlyThis: 'only in this segment', onlyOther: 'only in' },
  zh: { customers: '位客户', reachable: '可触达', assumptions: '假设', sample: '示例', cities: '按城市', ages: '按年龄', asOf: '截至', saved: '已保存为', replaced: '已替换', diff: '对比', overlap: '两者都有', onlyThis: '仅在本人群', onlyOther: '仅在' },
} as const;

function render(output: SegmentOutput, locale: Locale): string {
  const label = LABELS[locale];
  const breakdown = (entries: Array<{ key: string; count: number }>) => entries.map((entry) => `${entry.key} ${entry.count}`).join(', ') || '-';
  const lines = [
    output.description,
    `${output.count} ${label.customers} (${label.asOf} ${output.asOf})`,
    `${label.reachable}: ${Object.entries(output.reachable).map(([channel, count]) => `${channel} ${count}`).join(', ')}`,
  ];
  if (output.assumptions.length > 0) lines.push(`${label.assumptions}: ${output.assumptions.join('; ')}`);
  if (output.sample.length > 0) {
    lines.push(`${label.sample}:`);
    for (const row of output.sample) lines.push(`  ${row.id}  ${row.name}  ${row.email ?? '-'}  ${row.phone ?? '-'}  ${row.city ?? '-'}  ${row.age ?? '-'}`);
  }
  lines.push(`${label.cities}: ${breakdown(output.breakdown.byCity)}`, `${label.ages}: ${breakdown(output.breakdown.byAgeBand)}`);
  if (output.saved) lines.push(`${output.saved.created ? label.saved : label.replaced} "${output.saved.name}"`);
  if (output.diff) {
    const { name, overlap, onlyA, onlyB } = output.diff;
    lines.push(`${label.diff} "${name}": ${overlap} ${label.overlap}, ${onlyA} ${label.onlyThis}, ${onlyB} ${label.onlyOther} "${name}"`);
  }
  return lines.join('\n');
}

/**
 * The database only (no models or planner), unless this is a first run: then the whole app opens,
 * which seeds the demo data as every first run does.
 */
async function openSegmentDatabase(globals: GlobalOptions): Promise<{ db: Database; config: Config; close(): Promise<void> }> {
  const config = loadConfig(process.env, { dataDir: globals.dataDir, policyPath: globals.policy });
  const db = await openDatabase(config);
  if ((await readDataOrigin(db)) !== null) return { db, config, close: () => db.close() };
  await db.close();
  const app = await openCliApp(globals);
  return { db: app.db, config: app.config, close: () => app.close() };
}

async function knownCategories(app: { db: Database }): Promise<string[] | undefined> {
  const { rows } = await app.db.query<{ category: string }>('SELECT DISTINCT category FROM products ORDER BY 1 LIMIT 1000');
  return rows.length > 0 ? rows.map((row) => row.category) : undefined;
}

export function registerSegmentCommand(program: Command): void {
  program
    .command('segment')
    .description('Turn a plain-language audience into a segment and check it on your data (`segment saved` lists saved ones)')
    .argument('[who...]', 'the audience, e.g. "customers who bought in the last 30 days"')
    .option('--as-of <time>', 'evaluate windows at this instant: an ISO date (midnight UTC) or date-time', asOfOption)
    .option('--json', 'print one JSON object')
    .option('--save <name>', 'save the segment under this name')
    .option('--use <name>', 'use a saved segment instead of text')
    .option('--diff <name>', 'compare with a saved segment: overlap, only in this one, only in the saved one')
    .option('--sample <n>', 'example customers to show (masked)', sampleSize, 5)
    .action(async function runSegmentCommand(words: string[], options: SegmentOptions, command: Command) {
      const text = words.join(' ').trim();
      if (text !== '' && options.use) throw new CodedError(ErrorCode.InvalidInput, 'give either the audience as text or --use NAME, not both');
      if (text === '' && !options.use) {
        throw new CodedError(ErrorCode.InvalidInput, 'describe the audience, e.g. campaign-agent segment "customers who bought in the last 30 days", or pass --use NAME');
      }
      const app = await openSegmentDatabase(command.optsWithGlobals<GlobalOptions>());
      try {
        if (text === 'saved' && !options.use) {
          const saved = await listSavedSegments(app.db);
          const listing = options.json ? JSON.stringify(saved, null, 2) : saved.map((segment) => `${segment.name}\t${segment.description}`).join('\n') || 'No saved segments yet.';
          process.stdout.write(`${listing}\n`);
          return;
        }
        const asOf = options.asOf ?? new Date();
        let definition: SegmentDefinition;
        let assumptions: string[] = [];
        let locale: Locale;
        if (options.use) {
          const saved = await loadSavedSegment(app.db, options.use);
          definition = saved.definition;
          locale = detectLocale(saved.description);
        } else {
          const categories = await knownCategories(app);
          const parsed = segmentFromText(text, { now: asOf, timeZone: app.config.timeZone, ...(categories ? { categories } : {}) });
          ({ definition, assumptions, locale } = parsed);
        }
        const explained = await explainSegment(app.db, definition, { asOf, locale, assumptions, sampleSize: options.sample });
        const output: SegmentOutput = { ...explained, asOf: asOf.toISOString() };
        if (options.diff) {
          const other = await loadSavedSegment(app.db, options.diff);
          output.diff = { name: other.name, ...(await diffSegments(app.db, definition, other.definition, { asOf })) };
        }
        if (options.save) {
          const { segment, created } = await saveSegment(app.db, { name: options.save, definition, description: explained.description });
          output.saved = { name: segment.name, created };
        }
        process.stdout.write(options.json ? `${JSON.stringify(output, null, 2)}\n` : `${render(output, locale)}\n`);
      } finally {
        await app.close();
      }
    });
}
