import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NluEngineOptions, NluKnowledge } from '../nlu';
import { AppError } from '../shared/errors';
import type { NluTrainer, TrainedNluModel } from './nluTrainer';
import type { NluTrainingReply, NluTrainingRequest } from './nluTrainingWorker';

/** How the worker starts: a script file, or (under tsx) a line of code that loads it through tsx. */
export interface NluWorkerScript {
  source: string;
  eval: boolean;
}

/**
 * The training worker next to this file: `.js` when compiled (`npm start`), `.ts` under tsx (`npm run dev`, the
 * CLIs, mocha). On Node 20 a worker does not get tsx's loader from `--import tsx` (the ESM hooks are not
 * registered in worker threads: "Unknown file extension .ts"), nor from mocha's `require: tsx/cjs`, so a `.ts`
 * worker is started from code that registers tsx's CommonJS hook first, then requires the script.
 */
export function nluWorkerScript(): NluWorkerScript {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `nluTrainingWorker${ext}`);
  if (ext !== '.ts') return { source: file, eval: false };
  return { source: `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(file)});`, eval: true };
}

function trainingFailed(reason: string, cause?: unknown): AppError {
  return new AppError('INTERNAL', `NLU training failed in its worker thread: ${reason}`, undefined, cause === undefined ? undefined : { cause });
}

/**
 * Trains each model in a worker thread of its own, so the event loop keeps serving travellers during the seconds
 * a training takes: the worker receives the KB's intents and FAQs (plain JSON), trains, writes the cache file,
 * and posts back the serialised model, which the caller restores. The worker is ended before the promise settles.
 */
export class WorkerNluTrainer implements NluTrainer {
  private readonly workers = new Set<Worker>();

  constructor(private readonly script: NluWorkerScript = nluWorkerScript()) {}

  /** Workers alive now (a training in progress, or one being ended). */
  get running(): number {
    return this.workers.size;
  }

  train(kb: NluKnowledge, options: NluEngineOptions, cacheFile?: string): Promise<TrainedNluModel> {
    return new Promise<TrainedNluModel>((resolve, reject) => {
      const request: NluTrainingRequest = { kb, options, ...(cacheFile === undefined ? {} : { cacheFile }) };
      let worker: Worker;
      try {
        worker = new Worker(this.script.source, { workerData: request, eval: this.script.eval });
      } catch (error) {
        // e.g. a value that cannot be cloned into the worker
        reject(trainingFailed((error as Error).message, error));
        return;
      }
      this.workers.add(worker);
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        // Ended before the caller hears back: a finished training never leaves a thread (and its memory) behind.
        const done = () => {
          this.workers.delete(worker);
          outcome();
        };
        worker.terminate().then(done, done);
      };
      worker.once('message', (reply: NluTrainingReply) =>
        settle(() => {
          if (!reply.ok) reject(trainingFailed(reply.error));
          else resolve({ kind: 'model', model: reply.model, ...(reply.cacheError === undefined ? {} : { cacheError: reply.cacheError }) });
        }),
      );
      worker.once('error', (error) => settle(() => reject(trainingFailed(error.message, error))));
      worker.once('exit', (code) => settle(() => reject(trainingFailed(`the worker stopped (exit code ${code}) before it answered`))));
    });
  }

  /** Ends the workers in progress; their trainings reject. */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }
}
