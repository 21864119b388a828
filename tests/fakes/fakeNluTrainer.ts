import type { NluEngineOptions, NluKnowledge } from '../../src/nlu';
import { trainAndCache, type NluTrainer, type TrainedNluModel } from '../../src/storage/nluTrainer';

/** One call to FakeNluTrainer.train(), held until the test ends it. */
export interface HeldTraining {
  kb: NluKnowledge;
  /** Trains (in process) and caches as the real trainers do, then resolves the call. */
  release(): void;
  /** Rejects the call. */
  fail(error: Error): void;
}

/** An NluTrainer whose trainings finish only when the test says so: to see what waits for what. */
export class FakeNluTrainer implements NluTrainer {
  readonly calls: HeldTraining[] = [];
  /** Trainings started and not finished, now and at most. */
  active = 0;
  maxActive = 0;
  private readonly waiters = new Map<number, (call: HeldTraining) => void>();
  private readonly rejects = new Set<(error: Error) => void>();

  train(kb: NluKnowledge, options: NluEngineOptions, cacheFile?: string): Promise<TrainedNluModel> {
    return new Promise<TrainedNluModel>((resolve, reject) => {
      this.active += 1;
      this.maxActive = Math.max(this.maxActive, this.active);
      const end = () => {
        this.active -= 1;
        this.rejects.delete(fail);
      };
      const fail = (error: Error) => {
        end();
        reject(error);
      };
      this.rejects.add(fail);
      const call: HeldTraining = {
        kb,
        release: () => {
          end();
          trainAndCache(kb, options, cacheFile).then(({ engine, cacheError }) => resolve({ kind: 'engine', engine, ...(cacheError === undefined ? {} : { cacheError }) }), reject);
        },
        fail,
      };
      this.calls.push(call);
      this.waiters.get(this.calls.length - 1)?.(call);
    });
  }

  /** The i-th call to train() (0 = the first), once it has been made. */
  call(i: number): Promise<HeldTraining> {
    const made = this.calls[i];
    return made ? Promise.resolve(made) : new Promise((resolve) => this.waiters.set(i, resolve));
  }

  /** Rejects the trainings in progress, as the worker trainer does. */
  close(): Promise<void> {
    for (const fail of [...this.rejects]) fail(new Error('trainer closed'));
    return Promise.resolve();
  }
}
