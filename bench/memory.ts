// Campaign-memory benchmark: N past campaigns (bench/memory-corpus.ts, the demo's wording varied)
// embedded with the offline embedder into pgvector on the embedded database (PGlite; the machine's
// PostgreSQL has no pgvector), then top-5 recall through recallSimilarCampaigns with the HNSW index
// at several hnsw.ef_search values: latency p50/p95 and recall@5 against exact search (the same query
// with index scans switched off, a sequential scan and sort).
//
//   node bin/with-node.mjs bench/memory.ts [--count N] [--queries Q] [--ef-search 40,100,200] [--m 16] [--ef-construction 64] [--json]
//
// Defaults: 100,000 campaigns, 200 queries (texts from another seed of the same generator), the
// migration's index parameters (m 16, ef_construction 64, pgvector's defaults). The rows are loaded
// without the index, which is then built once with the given m / ef_construction (its build time is
// reported); the bench database's foreign key to `campaigns` is dropped so memory rows can stand alone.
// recall@5 counts a returned campaign as correct when it is in the exact top 5 or ties with the exact
// fifth distance (texts that embed identically are interchangeable).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pgvector from 'pgvector';
import { recallSimilarCampaigns } from '../src/data/campaign-memory.ts';
import type { Database } from '../src/data/database.ts';
import { openDatabase } from '../src/data/open-database.ts';
import { embedOffline } from '../src/models/offline-embedder.ts';
import { describeMachine, finishMachine, formatTable, machineLine, ms, progress, readFlags, summarize, type Summary } from './bench-kit.ts';
import { generateCampaignCorpus } from './memory-corpus.ts';

const EMBEDDER = 'offline-hash-v1';
const BATCH = 250;
const TIE = 1e-6;

async function loadCorpus(db: Database, count: number): Promise<number> {
  const started = performance.now();
  await db.query('ALTER TABLE campaign_memory DROP CONSTRAINT IF EXISTS campaign_memory_campaign_id_fkey');
  await db.query('DROP INDEX IF EXISTS campaign_memory_embedding');
  const corpus = generateCampaignCorpus({ count });
  for (let start = 0; start < corpus.length; start += BATCH) {
    const batch = corpus.slice(start, start + BATCH);
    const params: unknown[] = [];
    const values = batch.map((campaign, index) => {
      params.push(`bench-${campaign.id}`, campaign.text, pgvector.toSql(embedOffline(campaign.text)));
      const at = index * 3;
      return `($${at + 1}, $${at + 1}, $${at + 2}, 'winback', '{email}', 1000, '${EMBEDDER}', $${at + 3}::vector)`;
    });
    await db.query(`INSERT INTO campaign_memory (campaign_id, name, summary, objective, channels, audience_size, embedder, embedding) VALUES ${values.join(', ')}`, params);
    progress(`embedding and loading ${Math.min(start + BATCH, count)}/${count}`);
  }
  process.stderr.write('\n');
  return (performance.now() - started) / 1000;
}

async function buildIndex(db: Database, m: number, efConstruction: number): Promise<number> {
  progress(`building the HNSW index (m ${m}, ef_construction ${efConstruction})`, true);
  const started = performance.now();
  await db.query("SET maintenance_work_mem = '1GB'");
  await db.query(`CREATE INDEX campaign_memory_embedding ON campaign_memory USING hnsw (embedding vector_cosine_ops) WITH (m = ${m}, ef_construction = ${efConstruction})`);
  await db.query('ANALYZE campaign_memory');
  process.stderr.write('\n');
  return (performance.now() - started) / 1000;
}

interface Exact {
  ids: Set<string>;
  fifth: number;
}

async function exactTop5(db: Database, queries: number[][]): Promise<{ answers: Exact[]; latency: Summary }> {
  await db.query('SET enable_indexscan = off');
  const answers: Exact[] = [];
  const times: number[] = [];
  for (const [index, embedding] of queries.entries()) {
    progress(`exact search ${index + 1}/${queries.length}`);
    const started = performance.now();
    const { rows } = await db.query<{ campaign_id: string; distance: number }>(
      'SELECT campaign_id, embedding <=> $1::vector AS distance FROM campaign_memory WHERE embedder = $2 ORDER BY embedding <=> $1::vector LIMIT 5',
      [pgvector.toSql(embedding), EMBEDDER],
    );
    times.push(performance.now() - started);
    answers.push({ ids: new Set(rows.map((row) => row.campaign_id)), fifth: Number(rows.at(-1)?.distance ?? Infinity) });
  }
  await db.query('RESET enable_indexscan');
  process.stderr.write('\n');
  return { answers, latency: summarize(times) };
}

async function indexedRecall(db: Database, queries: number[][], exact: Exact[], efSearch: number) {
  await db.query(`SET hnsw.ef_search = ${efSearch}`);
  const plan = await db.query<{ 'QUERY PLAN': string }>('EXPLAIN SELECT campaign_id FROM campaign_memory ORDER BY embedding <=> $1::vector LIMIT 5', [pgvector.toSql(queries[0]!)]);
  const usesIndex = plan.rows.some((row) => row['QUERY PLAN'].includes('campaign_memory_embedding'));
  for (const embedding of queries.slice(0, 10)) await recallSimilarCampaigns(db, { embedding, embedder: EMBEDDER }); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let hits = 0;
  let returned = 0;
  for (const [index, embedding] of queries.entries()) {
    progress(`ef_search ${efSearch}: query ${index + 1}/${queries.length}`);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const recalled = await recallSimilarCampaigns(db, { embedding, embedder: EMBEDDER, limit: 5 });
    times.push(performance.now() - started);
    cpuTimes.push(process.cpuUsage(cpu).user / 1000); // PGlite runs in this process: its work is ours
    const truth = exact[index]!;
    returned += recalled.length;
    hits += recalled.filter((campaign) => truth.ids.has(campaign.campaignId) || 1 - campaign.similarity <= truth.fifth + TIE).length;
  }
  process.stderr.write('\n');
  return { efSearch, usesIndex, latency: summarize(times), userCpu: summarize(cpuTimes), recallAt5: hits / (5 * queries.length), returnedPerQuery: returned / queries.length };
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2));
  const count = flags.integer('--count', 100_000);
  const queryCount = flags.integer('--queries', 200);
  const m = flags.integer('--m', 16, 2);
  const efConstruction = flags.integer('--ef-construction', 64, 4);
  const efSearches = (flags.text('--ef-search') ?? '40,100,200').split(',').map(Number);
  if (efSearches.some((value) => !Number.isInteger(value) || value < 1)) throw new Error('--ef-search takes whole numbers separated by commas');
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'campaign-agent-memory-bench-'));
  const db = await openDatabase({ databaseUrl: null, dataDir: dir, memory: true });
  try {
    const loadSeconds = await loadCorpus(db, count);
    const indexSeconds = await buildIndex(db, m, efConstruction);
    const queries = generateCampaignCorpus({ count: queryCount, seed: 99 }).map((campaign) => embedOffline(campaign.text));
    const exact = await exactTop5(db, queries);
    const results = [];
    for (const efSearch of efSearches) results.push(await indexedRecall(db, queries, exact.answers, efSearch));
    const finished = finishMachine(machine);
    if (flags.has('--json')) {
      process.stdout.write(`${JSON.stringify({ machine: finished, count, queries: queryCount, m, efConstruction, loadSeconds, indexSeconds, exact: exact.latency, results }, null, 2)}\n`);
      return;
    }
    const table = formatTable(
      ['search', 'ef_search', 'p50 ms', 'p95 ms', 'user CPU p50 ms', 'user CPU p95 ms', 'recall@5', 'index used'],
      [
        ['exact (index scans off)', '—', ms(exact.latency.p50), ms(exact.latency.p95), '—', '—', '1.000', 'no'],
        ...results.map((row) => [`HNSW m ${m}, ef_construction ${efConstruction}`, String(row.efSearch), ms(row.latency.p50), ms(row.latency.p95), ms(row.userCpu.p50), ms(row.userCpu.p95), row.recallAt5.toFixed(3), row.usesIndex ? 'yes' : 'NO']),
      ],
    );
    const lines = [
      machineLine(finished),
      `Embedded PGlite + pgvector: ${count} campaigns (384-d offline embeddings) loaded in ${loadSeconds.toFixed(0)} s, HNSW index built in ${indexSeconds.toFixed(0)} s; ${queryCount} top-5 queries each; goals: p95 < 20 ms, recall@5 >= 0.95`,
      '',
      table,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
