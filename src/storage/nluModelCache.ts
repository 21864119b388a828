import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../shared/logger';
import { createNluEngine, kbContentHash, restoreNluEngine, type NluEngineOptions, type NluKnowledge, type SerializableNluEngine } from '../nlu';

/** Folder of the cached models inside DATA_DIR. */
export const NLU_CACHE_DIR = 'nlu-cache';
// The model in service and the one before it (a rollback restores instead of retraining); older ones are removed.
const KEEP = 2;

/**
 * The trained NLU model, cached in DATA_DIR keyed by the KB content hash: a restart (or an instance joining)
 * with an unchanged KB restores the model instead of retraining it. The cache is derived data (convention 6):
 * it holds the model, never the questions, and a missing, stale or unreadable file only means training again.
 */
export class NluModelCache {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    this.dir = path.join(dataDir, NLU_CACHE_DIR);
  }

  /** An engine for the KB: restored from the cache when it holds this KB's model, else trained and cached. */
  async engineFor(kb: NluKnowledge, options: Omit<NluEngineOptions, 'hash'> = {}): Promise<SerializableNluEngine> {
    const hash = kbContentHash(kb);
    const file = path.join(this.dir, `${hash}.json`);
    const started = Date.now();
    const cached = await fs.readFile(file, 'utf8').then((text) => JSON.parse(text) as unknown, () => null);
    if (cached !== null) {
      const restored = restoreNluEngine(kb, cached, { ...options, hash });
      if (restored.ok) {
        this.logger.info({ hash: hash.slice(0, 12), ms: Date.now() - started }, 'NLU model restored from the cache');
        return restored.value;
      }
      this.logger.warn({ problems: restored.errors }, 'cached NLU model not usable; training');
    }
    const engine = createNluEngine(kb, { ...options, hash });
    this.logger.info({ hash: hash.slice(0, 12), ms: Date.now() - started }, 'NLU model trained');
    await this.save(file, engine).catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'could not cache the NLU model'));
    return engine;
  }

  private async save(file: string, engine: SerializableNluEngine): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // Written aside and renamed: a crash mid-write never leaves a truncated model under the real name.
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(engine.serialize()));
    await fs.rename(temp, file);
    const entries = await Promise.all(
      (await fs.readdir(this.dir))
        .filter((n) => n.endsWith('.json') && n !== path.basename(file))
        .map(async (n) => ({ n, mtime: (await fs.stat(path.join(this.dir, n))).mtimeMs })),
    );
    for (const old of entries.sort((a, b) => b.mtime - a.mtime).slice(KEEP - 1)) await fs.rm(path.join(this.dir, old.n), { force: true });
  }
}
