import type { Logger } from '../shared/logger';
import type { KnowledgeBase } from './schema';
import { kbContentHash, kbCounts, type KbCounts } from './hash';

/** The id of a published version: the repository's version number, or a label such as "files". */
export type KbVersionId = number | string;

/** One published KB: immutable, swapped as a whole. */
export interface PublishedKb {
  readonly kb: KnowledgeBase;
  /** The version id given by the publisher (e.g. 12, or "files" for the KB read from knowledge/). */
  readonly version: KbVersionId;
  /** kbContentHash(kb). */
  readonly hash: string;
  readonly counts: KbCounts;
}

/** Called after each swap with the new KB and the one it replaced (e.g. to retrain the NLU in the background). */
export type KbListener = (next: PublishedKb, previous: PublishedKb) => void | Promise<void>;

/**
 * Holds the published KB that the bot answers from. `swap` replaces it in one assignment, so a reader sees
 * either the old or the new KB, never a mix; listeners then run without being awaited, and a failing
 * listener is logged without affecting the swap or the other listeners. The KB is not validated here:
 * publishers validate first (validateKnowledgeBase).
 */
export class KnowledgeService {
  private published: PublishedKb;
  private readonly listeners = new Set<KbListener>();

  constructor(
    kb: KnowledgeBase,
    version: KbVersionId,
    private readonly logger: Logger,
  ) {
    this.published = publish(kb, version);
  }

  /** The KB in service now, with its version, hash and counts. */
  current(): PublishedKb {
    return this.published;
  }

  /** Publishes a new KB atomically and notifies the listeners; returns what is now in service. */
  swap(kb: KnowledgeBase, version: KbVersionId): PublishedKb {
    const previous = this.published;
    const next = publish(kb, version);
    this.published = next;
    for (const listener of [...this.listeners]) {
      try {
        const pending = listener(next, previous);
        if (pending) pending.catch((e: unknown) => this.reportListenerError(e, version));
      } catch (e) {
        this.reportListenerError(e, version);
      }
    }
    return next;
  }

  /** Registers a listener for swaps; returns the function that unregisters it. */
  subscribe(listener: KbListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private reportListenerError(e: unknown, version: KbVersionId): void {
    this.logger.error({ err: e instanceof Error ? e.message : String(e), version }, 'knowledge base listener failed');
  }
}

function publish(kb: KnowledgeBase, version: KbVersionId): PublishedKb {
  // A private frozen copy: nobody can change the KB in service behind the bot's back.
  const own = deepFreeze(structuredClone(kb));
  return Object.freeze({ kb: own, version, hash: kbContentHash(own), counts: kbCounts(own) });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
