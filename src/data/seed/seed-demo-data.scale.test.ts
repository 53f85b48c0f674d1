// The full-size checks, off by default so the suite stays fast:
//   CAMPAIGN_AGENT_SEED_SCALE_CUSTOMERS=10000 npx vitest run src/data/seed/seed-demo-data.scale.test.ts
//   (embedded: must take under 15 s), and with DATABASE_URL=... for 100,000 or 1,000,000 on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { seedDemoData } from './seed-demo-data.ts';

const CUSTOMERS = Number(process.env.CAMPAIGN_AGENT_SEED_SCALE_CUSTOMERS ?? 0);
const EMBEDDED_BUDGET_SECONDS = 15;
/** Far below what the events of 100,000 customers would take if they were all held at once. */
const HEAP_LIMIT_BYTES = 768 * 1024 * 1024;

describe.skipIf(!CUSTOMERS)(`seeding ${CUSTOMERS} customers`, () => {
  it(
    'loads them in one transaction, streaming, with progress',
    async () => {
      const test = await createTestDatabase();
      try {
        const customerProgress: number[] = [];
        let peakHeap = 0;
        const report = await seedDemoData(test.db, {
          customers: CUSTOMERS,
          asOf: new Date('2026-11-20T15:00:00Z'),
          onProgress: (done, _total, stage) => {
            if (stage === 'customers') customerProgress.push(done);
            peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
          },
        });
        console.info(`seeded ${test.db.kind}:`, report, `peak heap ${Math.round(peakHeap / 1048576)} MB`);
        const { rows } = await test.db.query<{ customers: number; events: number }>(
          'SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM events)::int AS events',
        );
        expect(rows[0]).toEqual({ customers: CUSTOMERS, events: report.events });
        expect(customerProgress.at(-1)).toBe(CUSTOMERS);
        expect(customerProgress).toEqual([...customerProgress].sort((a, b) => a - b));
        expect(peakHeap).toBeLessThan(HEAP_LIMIT_BYTES);
        if (test.db.kind === 'embedded' && CUSTOMERS <= 10_000) expect(report.seconds).toBeLessThan(EMBEDDED_BUDGET_SECONDS);
      } finally {
        await test.dispose();
      }
    },
    3 * 60 * 60 * 1000,
  );
});
