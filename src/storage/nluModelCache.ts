import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../shared/logger';
import { AppError } from '../shared/errors';
import { kbContentHash, restoreNluEngine, type NluEngineOptions, type NluKnowledge, type SerializableNluEngine } from '../nlu';
import type { NluTrainer, TrainedNluModel } from './nluTrainer';

/** Folder of the cached models inside DATA_DIR. */
export const NLU_CACHE_DIR = 'nlu-cache';
// The model in service and the one before it (a rollback restores instead of retraining); older ones are removed.
const KEEP = 2;

/**
 * The trained NLU model, cached in DATA_DIR keyed by the KB content hash: a restart (or an instance joining)
 * with an unchanged KB restores the model instead of retraining it. The cache is derived data (convention 6):
 * it holds the model, never the questions, and a missing, stale or unreadable file only means training again.
 *
 * Training goes through the injected `NluTrainer` (a worker thread in service, so a publish never stalls the
 * event loop). One request runs at a time, in call order: a publish during a training waits for it, so the
 * engines resolve in publish order and the last one swapped in is always the latest KB's (a rollback's quick
 * restore never overtakes the training of the version before it).
 */
export class NluModelCache {
  private readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
    private readonly trainer: NluTrainer,
  ) {
    this.dir = path.join(dataDir, NLU_CACHE_DIR);
  }

  /** An engine for the KB: restored from the cache when it holds this KB's model, else trained and cached. */
  engineFor(kb: NluKnowledge, options: Omit<NluEngineOptions, 'hash'> = {}): Promise<SerializableNluEngine> {
    const turn = this.queue.then(() => this.load(kb, options));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Ends a training in progress and refuses new ones (shutdown); the pending engineFor() calls reject. */
  async close(): Promise<void> {
    this.closed = true;
    await this.trainer.close();
  }

  private async load(kb: NluKnowledge, options: Omit<NluEngineOptions, 'hash'>): Promise<SerializableNluEngine> {
    if (this.closed) throw new AppError('INTERNAL', 'the NLU model cache is closed');
    const hash = kbContentHash(kb);
    const file = path.join(this.dir, `${hash}.json`);
    const started = performance.now();
    const cached = await fs.readFile(file, 'utf8').then((text) => JSON.parse(text) as unknown, () => null);
    if (cached !== null) {
      const restored = restoreNluEngine(kb, cached, { ...options, hash });
      if (restored.ok) {
        this.logger.info({ hash: hash.slice(0, 12), ms: Math.round(performance.now() - started) }, 'NLU model restored from the cache');
        return restored.value;
      }
      this.logger.warn({ problems: restored.errors }, 'cached NLU model not usable; training');
    }
    const trained = await this.trainer.train(kb, { ...options, hash }, file);
    const restoreStarted = performance.now();
    const engine = this.engineOf(kb, trained, { ...options, hash });
    // restoreMs: the part of a training the main thread spends (rebuilding the worker's model; 0 in process).
    this.logger.info({ hash: hash.slice(0, 12), ms: Math.round(performance.now() - started), restoreMs: Math.round(performance.now() - restoreStarted) }, 'NLU model trained');
    if (trained.cacheError !== undefined) this.logger.warn({ err: trained.cacheError }, 'could not cache the NLU model');
    else await this.prune(file).catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'could not prune the NLU model cache'));
    return engine;
  }

  private engineOf(kb: NluKnowledge, trained: TrainedNluModel, options: NluEngineOptions): SerializableNluEngine {
    if (trained.kind === 'engine') return trained.engine;
    const restored = restoreNluEngine(kb, trained.model, options);
    if (!restored.ok) throw new AppError('INTERNAL', `the trained NLU model does not restore: ${restored.errors.join('; ')}`);
    return restored.value;
  }

  private async prune(keep: string): Promise<void> {
    const entries = await Promise.all(
      (await fs.readdir(this.dir))
        .filter((n) => n.endsWith('.json') && n !== path.basename(keep))
        .map(async (n) => ({ n, mtime: (await fs.stat(path.join(this.dir, n))).mtimeMs })),
    );
    for (const old of entries.sort((a, b) => b.mtime - a.mtime).slice(KEEP - 1)) await fs.rm(path.join(this.dir, old.n), { force: true });
  }
}
