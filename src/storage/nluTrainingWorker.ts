// The entry of the NLU training worker thread (started by WorkerNluTrainer, never imported as a module):
// it trains on the KB it is given, writes the cache file, and posts the serialised model back.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { NluEngineOptions, NluKnowledge, SerializedNluEngine } from '../nlu';
import { trainAndCache } from './nluTrainer';

/** What the main thread gives the worker (workerData: plain JSON, structured-cloned). */
export interface NluTrainingRequest {
  kb: NluKnowledge;
  options: NluEngineOptions;
  cacheFile?: string;
}

/** The worker's one message back. */
export type NluTrainingReply = { ok: true; model: SerializedNluEngine; cacheError?: string } | { ok: false; error: string };

async function run(request: NluTrainingRequest): Promise<NluTrainingReply> {
  try {
    // The model is written here, not on the main thread: stringifying it there would stall the loop (~60 ms on the shipped KB).
    const { engine, cacheError } = await trainAndCache(request.kb, request.options, request.cacheFile);
    return { ok: true, model: engine.serialize(), ...(cacheError === undefined ? {} : { cacheError }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void run(workerData as NluTrainingRequest).then((reply) => port.postMessage(reply));
}
