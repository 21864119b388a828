/** An in-process mutex per key: callers of one key run one at a time, in arrival order. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** True while someone holds or waits for the key. */
  isLocked(key: string): boolean {
    return this.tails.has(key);
  }

  /** Runs fn once every earlier caller of the key has finished. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** The single-instance ConversationLock: an in-process keyed mutex (SQLite: one process owns the file). */
export class InProcessLock {
  private readonly mutex = new KeyedMutex();

  /** Runs fn while holding the key's lock. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.mutex.run(key, fn);
  }
}
