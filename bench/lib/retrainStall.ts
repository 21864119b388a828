import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { NluKnowledge } from '../../src/nlu';
import type { Logger } from '../../src/shared/logger';
import { loadKnowledgeBaseFromDir } from '../../src/storage/knowledgeFiles';
import { NluModelCache } from '../../src/storage/nluModelCache';
import { inProcessNluTrainer, type NluTrainer } from '../../src/storage/nluTrainer';
import { WorkerNluTrainer } from '../../src/storage/workerNluTrainer';

/** Where a retraining runs: the old synchronous path, or the worker thread the app uses. */
export type RetrainMode = 'in process' | 'worker thread';

/** What the event loop went through while the model cache retrained the shipped KB (cold cache). */
export interface RetrainStallResult {
  mode: RetrainMode;
  /** The event loop's longest delay (monitorEventLoopDelay, 10 ms resolution): the longest a message waited. */
  maxStallMs: number;
  p99StallMs: number;
  /** engineFor() from call to engine. */
  wallMs: number;
  /** The main thread's part after a worker training: restoring its serialised model (0 in process). */
  restoreMs: number;
}

/** A logger that keeps the fields of the 'NLU model trained' line (its restoreMs). */
function fieldsLogger(into: Record<string, unknown>): Logger {
  const log = (obj: object | string, msg?: string) => {
    if (typeof obj === 'object' && msg === 'NLU model trained') Object.assign(into, obj);
  };
  const logger: Logger = { debug: log, info: log, warn: log, error: log, child: () => logger };
  return logger;
}

/** Retrains the KB in `kbDir` through NluModelCache with a cold cache, watching the event loop's delay. */
export async function measureRetrainStall(kbDir: string, mode: RetrainMode): Promise<RetrainStallResult> {
  const loaded = await loadKnowledgeBaseFromDir(kbDir);
  if (!loaded.ok) throw new Error(`the knowledge base in ${kbDir} is invalid`);
  const kb: NluKnowledge = { intents: loaded.value.intents, faqs: loaded.value.faqs };
  const dataDir = mkdtempSync(join(tmpdir(), 'rebound-bench-retrain-'));
  const trainer: NluTrainer = mode === 'worker thread' ? new WorkerNluTrainer() : inProcessNluTrainer;
  const fields: Record<string, unknown> = {};
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  try {
    histogram.enable();
    const started = performance.now();
    await new NluModelCache(dataDir, fieldsLogger(fields), trainer).engineFor(kb);
    const wallMs = performance.now() - started;
    histogram.disable();
    return { mode, maxStallMs: histogram.max / 1e6, p99StallMs: histogram.percentile(99) / 1e6, wallMs, restoreMs: Number(fields.restoreMs ?? 0) };
  } finally {
    histogram.disable();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
