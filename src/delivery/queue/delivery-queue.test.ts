// The delivery queue on the test's database: pg-boss installs its schema through the app's
// connection (embedded) or its own pool (PostgreSQL), refuses a second job for a send that already
// has one, moves a job that keeps failing to the dead-letter queue, and runs its upkeep. The adapter
// that shares the app's connection returns the rows of every statement of a script and rolls back
// a script that fails part-way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.ts';
import { bossDatabaseFor } from './boss-database.ts';
import { DEAD_LETTER_QUEUE, openDeliveryQueue, SEND_QUEUE, type DeliveryQueue, type SendJobData } from './delivery-queue.ts';

let test: TestDatabase;
let queue: DeliveryQueue;

beforeAll(async () => {
  test = await createTestDatabase();
  queue = await openDeliveryQueue({
    db: test.db,
    databaseUrl: test.env.DATABASE_URL ?? null,
    config: { retries: { limit: 1, delaySeconds: 0, delayMaxSeconds: 60 }, jobTimeoutSeconds: 60 },
  });
});
afterAll(async () => {
  await queue?.stop({ graceful: false });
  await test?.dispose();
});

const send = (sendId: number, delaySeconds = 0) => ({ sendId, campaignId: 'cmp_q', customerId: `c${sendId}`, step: 0, delaySeconds });

describe('delivery queue', () => {
  it('adds one job per send and refuses a second while the first waits or runs', async () => {
    expect(await queue.enqueueSends([send(1), send(2)])).toEqual([1, 2]);
    expect(await queue.enqueueSends([send(1), send(3)])).toEqual([3]);

    const jobs = await queue.boss.fetch<SendJobData>(SEND_QUEUE, { batchSize: 10 });
    expect(jobs.map((job) => job.data).sort((a, b) => a.sendId - b.sendId)).toEqual([
      { sendId: 1, campaignId: 'cmp_q', customerId: 'c1', step: 0 },
      { sendId: 2, campaignId: 'cmp_q', customerId: 'c2', step: 0 },
      { sendId: 3, campaignId: 'cmp_q', customerId: 'c3', step: 0 },
    ]);
    expect(await queue.enqueueSends([send(1)])).toEqual([]); // still running
    await queue.boss.complete(SEND_QUEUE, jobs.map((job) => job.id));
    expect(await queue.enqueueSends([send(1)])).toEqual([1]); // done: a later send time may queue it again
    const again = await queue.boss.fetch<SendJobData>(SEND_QUEUE, { batchSize: 10 });
    await queue.boss.complete(SEND_QUEUE, again.map((job) => job.id));
  });

  it('holds a job until its delay has passed', async () => {
    expect(await queue.enqueueSends([send(10, 3600)])).toEqual([10]);
    expect(await queue.boss.fetch(SEND_QUEUE, { batchSize: 10 })).toEqual([]);
  });

  it('retries a failed job, then dead-letters it with its error', async () => {
    await queue.enqueueSends([send(20)]);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const [job] = await queue.boss.fetch<SendJobData>(SEND_QUEUE);
      expect(job?.data.sendId).toBe(20);
      await queue.boss.fail(SEND_QUEUE, job!.id, { message: `provider down (${attempt + 1})` });
    }
    expect(await queue.boss.fetch(SEND_QUEUE)).toEqual([]);
    const [dead] = await queue.boss.fetch<SendJobData>(DEAD_LETTER_QUEUE, { includeMetadata: true });
    expect(dead?.data.sendId).toBe(20);
    expect(dead?.sourceOutput).toMatchObject({ message: 'provider down (2)' });
  });
});

describe('queue upkeep and the shared-connection adapter', () => {
  it('runs pg-boss upkeep (expiry, retention walks) without error', async () => {
    await queue.recoverAbandonedJobs();
    await queue.boss.supervise();
  });

  it('returns the rows of every statement in a script', async () => {
    const adapter = bossDatabaseFor(test.db);
    expect((await adapter.executeSql('BEGIN; SELECT 1 AS a; SELECT 2 AS b; COMMIT;')).rows).toEqual([{ a: 1 }, { b: 2 }]);
    expect((await adapter.executeSql('SELECT $1::int + 1 AS n', [41])).rows).toEqual([{ n: 42 }]);
  });

  it('rolls back a script that fails part-way and leaves the connection usable', async () => {
    const adapter = bossDatabaseFor(test.db);
    await expect(adapter.executeSql('BEGIN; CREATE TABLE queue_probe (a int); SELECT 1 / 0; COMMIT;')).rejects.toThrow(/division by zero/);
    const { rows } = await test.db.query("SELECT to_regclass('queue_probe') IS NULL AS gone");
    expect(rows).toEqual([{ gone: true }]);
  });
});
