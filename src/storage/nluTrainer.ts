import { promises as fs } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { createNluEngine, type NluEngineOptions, type NluKnowledge, type SerializableNluEngine, type SerializedNluEngine } from '../nlu';

/**
 * What a trainer hands back: the engine itself when it trained in this thread, else its serialised form (from a
 * worker thread; the caller restores it). `cacheError` says why the model could not be written to the cache file.
 */
export type TrainedNluModel = ({ kind: 'engine'; engine: SerializableNluEngine } | { kind: 'model'; model: SerializedNluEngine }) & { cacheError?: string };

/** The port NluModelCache trains through: a worker thread in service (WorkerNluTrainer), this thread in tools. */
export interface NluTrainer {
  /** Trains on the KB and, when `cacheFile` is given, writes the model there atomically; rejects when training fails. */
  train(kb: NluKnowledge, options: NluEngineOptions, cacheFile?: string): Promise<TrainedNluModel>;
  /** Stops the trainings in progress (their callers' promises reject): shutdown. */
  close(): Promise<void>;
}

/** Writes a file aside and renames it: a crash mid-write never leaves a truncated file under the real name. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // The thread id too: two trainings of one process may write at once (a worker and the main thread).
  const temp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    await fs.writeFile(temp, text);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Trains in the calling thread and caches the model: the worker's body, and the in-process trainer's. */
export async function trainAndCache(kb: NluKnowledge, options: NluEngineOptions, cacheFile?: string): Promise<{ engine: SerializableNluEngine; cacheError?: string }> {
  const engine = createNluEngine(kb, options);
  if (cacheFile === undefined) return { engine };
  const cacheError = await writeFileAtomically(cacheFile, JSON.stringify(engine.serialize())).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  return cacheError === undefined ? { engine } : { engine, cacheError };
}

/**
 * Trains in the calling thread: the event loop is blocked for the whole training (seconds on the shipped KB),
 * so only for tools, benchmarks and tests that measure exactly that.
 */
export const inProcessNluTrainer: NluTrainer = {
  async train(kb, options, cacheFile) {
    const { engine, cacheError } = await trainAndCache(kb, options, cacheFile);
    return { kind: 'engine', engine, ...(cacheError === undefined ? {} : { cacheError }) };
  },
  close: () => Promise.resolve(),
};
