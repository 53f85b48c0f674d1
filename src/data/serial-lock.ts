// A first-come, first-served lock: PGlite has one connection, so every statement and every whole
// transaction from every component takes this lock in turn.

export class SerialLock {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; the returned function releases it (call it exactly once). */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    await previous;
    let done = false;
    return function releaseLock() {
      if (done) return;
      done = true;
      release();
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
