import type { NluEngine, Understanding, UnderstandOptions } from './types';

/** Holds the current NLU engine; a KB change swaps in a newly trained engine in one step. */
export class NluService {
  private current: NluEngine;

  constructor(engine: NluEngine) {
    this.current = engine;
  }

  /** The KB content hash of the engine in use. */
  get version(): string {
    return this.current.version;
  }

  /** The engine in use (immutable: callers may keep it for the rest of a turn). */
  get engine(): NluEngine {
    return this.current;
  }

  /** Replaces the engine atomically (one reference assignment); returns the previous one. */
  swap(engine: NluEngine): NluEngine {
    const previous = this.current;
    this.current = engine;
    return previous;
  }

  /** Understands a message with the engine in use. */
  understand(text: string, options?: UnderstandOptions): Understanding {
    return this.current.understand(text, options);
  }
}
