// Sentiment benchmark: our detector against human-labelled English (Hutto & Gilbert, ICWSM 2014)
// and Chinese (waimai_10k) data, with plain VADER side by side on the English sets.
//
//   node bench/sentiment.ts [--json] [--limit N] [--halves]   (or: npm run bench:sentiment -- ...)
//
// --halves also scores the even and the odd rows of waimai_10k apart: changes to the Chinese
// detector are tuned on the even rows only, and the odd rows show whether they generalise.
//
// Data: ../shared/data/sentiment/ relative to the repository root (see ../shared/data/README.md).
// - amazonReviewSnippets / movieReviewSnippets: `id<TAB>mean_sentiment<TAB>text`, mean in [-4, 4].
//   Gold: mean > 0 positive, mean < 0 negative; items with mean exactly 0 have no polarity and are
//   left out (their number is reported as `skippedNeutral`).
// - waimai_10k.csv: `label,review`, 1 positive, 0 negative.
// Decision rule, the same for every system and data set: a binary gold set has no neutral class,
// so an item counts as positive when its score is > 0 and negative otherwise; a message with no
// positive evidence is not praise. `undecided` reports how many items scored exactly 0.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectSentiment } from '../src/sentiment/detect-sentiment.ts';
import { vaderCompound } from '../src/sentiment/english.ts';

type Polarity = 'positive' | 'negative';
interface GoldItem {
  text: string;
  gold: Polarity;
}
interface Dataset {
  name: string;
  language: 'en' | 'zh';
  items: GoldItem[];
  skippedNeutral: number;
}
interface SystemResult {
  accuracy: number;
  macroF1: number;
  /** Items scored exactly 0 (no evidence either way); the decision rule counts them as negative. */
  undecided: number;
  /** Accuracy over the items that did not score exactly 0. */
  accuracyWhenDecided: number;
}
interface DatasetResult {
  dataset: string;
  rows: number;
  skippedNeutral: number;
  ours: SystemResult;
  vader: SystemResult | null;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(repoRoot, '../shared/data/sentiment');

function readHuttoSnippets(file: string, name: string): Dataset {
  const items: GoldItem[] = [];
  let skippedNeutral = 0;
  for (const line of readFileSync(resolve(dataDir, file), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [, meanText, ...textParts] = line.split('\t');
    const mean = Number(meanText);
    if (!Number.isFinite(mean)) throw new Error(`${file}: line "${line.slice(0, 60)}" has no numeric mean_sentiment.`);
    if (mean === 0) {
      skippedNeutral += 1;
      continue;
    }
    items.push({ text: textParts.join('\t'), gold: mean > 0 ? 'positive' : 'negative' });
  }
  return { name, language: 'en', items, skippedNeutral };
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i += 1) {
    const char = content[i];
    if (quoted) {
      if (char === '"' && content[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readWaimai(): Dataset {
  const [header, ...rows] = parseCsv(readFileSync(resolve(dataDir, 'waimai_10k.csv'), 'utf8'));
  if (header?.join(',') !== 'label,review') throw new Error(`waimai_10k.csv: expected header "label,review", got "${header?.join(',')}".`);
  const items = rows
    .filter((row) => row.length >= 2)
    .map(([label, ...review]) => {
      if (label !== '0' && label !== '1') throw new Error(`waimai_10k.csv: label must be 0 or 1, got "${label}".`);
      return { text: review.join(','), gold: label === '1' ? ('positive' as const) : ('negative' as const) };
    });
  return { name: 'waimai_10k (zh)', language: 'zh', items, skippedNeutral: 0 };
}

function decide(score: number): Polarity {
  return score > 0 ? 'positive' : 'negative';
}

function evaluate(gold: readonly Polarity[], scores: readonly number[]): SystemResult {
  const f1s = (['positive', 'negative'] as const).map((cls) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((truth, i) => {
      const predicted = decide(scores[i] ?? 0);
      if (predicted === cls && truth === cls) tp += 1;
      else if (predicted === cls) fp += 1;
      else if (truth === cls) fn += 1;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const isCorrect = (truth: Polarity, i: number): boolean => decide(scores[i] ?? 0) === truth;
  const correct = gold.filter(isCorrect).length;
  const decided = gold.map((truth, i) => ({ truth, i })).filter(({ i }) => (scores[i] ?? 0) !== 0);
  const correctWhenDecided = decided.filter(({ truth, i }) => isCorrect(truth, i)).length;
  return {
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length,
    undecided: gold.length - decided.length,
    accuracyWhenDecided: decided.length === 0 ? 0 : correctWhenDecided / decided.length,
  };
}

function scoreAll(dataset: Dataset, score: (text: string) => number, label: string): number[] {
  const scores: number[] = [];
  const step = Math.max(1, Math.floor(dataset.items.length / 10));
  dataset.items.forEach((item, i) => {
    scores.push(score(item.text));
    if ((i + 1) % step === 0 || i + 1 === dataset.items.length) {
      process.stderr.write(`\r${dataset.name} ${label}: ${i + 1}/${dataset.items.length}   `);
    }
  });
  process.stderr.write('\n');
  return scores;
}

function runDataset(dataset: Dataset): DatasetResult {
  const gold = dataset.items.map((item) => item.gold);
  const ours = evaluate(gold, scoreAll(dataset, (text) => detectSentiment(text, { language: dataset.language }).score, 'ours'));
  const vader = dataset.language === 'en' ? evaluate(gold, scoreAll(dataset, vaderCompound, 'vader')) : null;
  return { dataset: dataset.name, rows: dataset.items.length, skippedNeutral: dataset.skippedNeutral, ours, vader };
}

function formatTable(results: readonly DatasetResult[]): string {
  const header = ['dataset', 'rows', 'ours accuracy', 'ours macro-F1', 'VADER accuracy', 'VADER macro-F1'];
  const fmt = (value: number | undefined): string => (value === undefined ? '—' : value.toFixed(4));
  const body = results.map((r) => [r.dataset, String(r.rows), fmt(r.ours.accuracy), fmt(r.ours.macroF1), fmt(r.vader?.accuracy), fmt(r.vader?.macroF1)]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** The even rows (0, 2, ...) and the odd rows of a data set, as two data sets: the tuning and the held-out half. */
function splitHalves(dataset: Dataset): Dataset[] {
  return (['even', 'odd'] as const).map((parity, remainder) => ({
    ...dataset,
    name: `${dataset.name.replace(/ \(zh\)$/, '')} ${parity} rows${remainder === 0 ? ', tuning' : ', held out'}`,
    items: dataset.items.filter((_, index) => index % 2 === remainder),
  }));
}

function parseArgs(argv: readonly string[]): { json: boolean; limit: number; halves: boolean } {
  const limitIndex = argv.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(argv[limitIndex + 1]) : Infinity;
  if (Number.isNaN(limit) || limit <= 0) throw new Error('--limit needs a positive number of rows per data set.');
  return { json: argv.includes('--json'), limit, halves: argv.includes('--halves') };
}

function main(): void {
  const { json, limit, halves } = parseArgs(process.argv.slice(2));
  const waimai = readWaimai();
  const datasets = [
    readHuttoSnippets('amazonReviewSnippets_GroundTruth.txt', 'amazon snippets (en)'),
    readHuttoSnippets('movieReviewSnippets_GroundTruth.txt', 'movie snippets (en)'),
    waimai,
    ...(halves ? splitHalves(waimai) : []),
  ].map((dataset) => ({ ...dataset, items: dataset.items.slice(0, limit) }));
  const results = datasets.map(runDataset);
  const table = formatTable(results);
  if (json) {
    process.stderr.write(`${table}\n`);
    process.stdout.write(`${JSON.stringify({ decisionRule: 'positive iff score > 0', results }, null, 2)}\n`);
  } else {
    process.stdout.write(`${table}\n`);
    for (const r of results) {
      const vaderNote = r.vader ? `; VADER ${r.vader.undecided} (accuracy on the rest ${r.vader.accuracyWhenDecided.toFixed(4)})` : '';
      process.stdout.write(
        `${r.dataset}: ${r.skippedNeutral} neutral gold items left out; scored exactly 0 (counted negative): ` +
          `ours ${r.ours.undecided} (accuracy on the rest ${r.ours.accuracyWhenDecided.toFixed(4)})${vaderNote}\n`,
      );
    }
  }
}

main();
