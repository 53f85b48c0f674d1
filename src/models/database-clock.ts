// Relates the database clock to this process's clock, so a start time the database hands out can be
// waited for here exactly, however long its answer took to arrive (an answer that sat in a busy event
// loop would otherwise make every wait too long by that time) and whatever this machine's clock says.
// Each reservation is a sample, NTP-style: the database read its clock somewhere between sending the
// query and receiving the answer, so the sample with the shortest round trip bounds the offset best.

/** A sample older than this is replaced by the next one, so slow clock drift is followed. */
const SAMPLE_LIFETIME_MS = 30_000;

/** This process's clock in milliseconds since the epoch, monotonic (unlike Date.now()). */
export function localNowMs(): number {
  return performance.timeOrigin + performance.now();
}

export class DatabaseClock {
  #best: { offsetMs: number; roundTripMs: number; takenAtMs: number } | null = null;

  /** Records one query: sent and answered on the local clock, the database clock read in between. */
  observe({ sentAtMs, receivedAtMs, databaseNowMs }: { sentAtMs: number; receivedAtMs: number; databaseNowMs: number }): void {
    const roundTripMs = receivedAtMs - sentAtMs;
    const best = this.#best;
    if (best && roundTripMs > best.roundTripMs && receivedAtMs - best.takenAtMs < SAMPLE_LIFETIME_MS) return;
    this.#best = { offsetMs: databaseNowMs - (sentAtMs + receivedAtMs) / 2, roundTripMs, takenAtMs: receivedAtMs };
  }

  /** A database time on the local clock. */
  toLocalMs(databaseTimeMs: number): number {
    return databaseTimeMs - (this.#best?.offsetMs ?? 0);
  }

  /** Half the best round trip: how far the local time of an immediate slot may lag without a stall. */
  uncertaintyMs(): number {
    return (this.#best?.roundTripMs ?? 0) / 2;
  }
}
