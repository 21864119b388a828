import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { createNluEngine, restoreNluEngine, type NluKnowledge, type NluThresholds, type SerializedNluEngine } from '../../src/nlu';
import { AppError } from '../../src/shared/errors';
import { inProcessNluTrainer, type NluTrainer, type TrainedNluModel } from '../../src/storage/nluTrainer';
import { WorkerNluTrainer } from '../../src/storage/workerNluTrainer';
import { nluFixtureKb } from '../fixtures/nluKb';
import { removeDir, tempDataDir } from '../helpers/testApp';

const TEXTS = ['where is my refund?', 'I was chraged twice', 'can i bring my dog to the hotel?', 'hello', 'tell me a joke'];

/** The serialised model a worker sent back (the worker trainer never hands an engine). */
function modelOf(trained: TrainedNluModel): SerializedNluEngine {
  if (trained.kind !== 'model') throw new Error(`expected a serialised model, got ${trained.kind}`);
  return trained.model;
}

/** What a training rejected with (null if it resolved). */
function rejection(pending: Promise<unknown>): Promise<unknown> {
  return pending.then(() => null, (error: unknown) => error);
}

/**
 * How many times the event loop came round while a training ran: a setImmediate chain started after train()
 * was called, counted until the training resolves. A training on the main thread leaves it no turn at all.
 */
async function loopTurnsDuring(trainer: NluTrainer, kb: NluKnowledge): Promise<number> {
  const pending = trainer.train(kb, {});
  let turns = 0;
  let done = false;
  const turn = () => {
    if (done) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  await pending;
  done = true;
  return turns;
}

describe('WorkerNluTrainer', () => {
  describe('train()', () => {
    it('should train in a worker thread the same model as createNluEngine in process', async () => {
      const trainer = new WorkerNluTrainer();
      const model = modelOf(await trainer.train(nluFixtureKb, {}));
      const local = createNluEngine(nluFixtureKb);
      expect(model).to.deep.equal(local.serialize());
      const restored = restoreNluEngine(nluFixtureKb, model);
      if (!restored.ok) throw new Error(restored.errors.join('; '));
      for (const text of TEXTS) expect(restored.value.understand(text), text).to.deep.equal(local.understand(text));
    });

    it('should end its worker before it resolves', async () => {
      const trainer = new WorkerNluTrainer();
      const pending = trainer.train(nluFixtureKb, {});
      expect(trainer.running).to.equal(1);
      await pending;
      expect(trainer.running).to.equal(0);
    });

    it('should leave the event loop turning while it trains (a training in process leaves it none)', async () => {
      expect(await loopTurnsDuring(new WorkerNluTrainer(), nluFixtureKb)).to.be.greaterThan(0);
      expect(await loopTurnsDuring(inProcessNluTrainer, nluFixtureKb)).to.equal(0);
    });

    it('should write the model to the cache file, and nothing else', async () => {
      const dir = tempDataDir();
      try {
        const file = path.join(dir, 'nlu-cache', 'model.json');
        const model = modelOf(await new WorkerNluTrainer().train(nluFixtureKb, {}, file));
        expect(JSON.parse(readFileSync(file, 'utf8'))).to.deep.equal(model);
        expect(readdirSync(path.dirname(file))).to.deep.equal(['model.json']);
      } finally {
        removeDir(dir);
      }
    });

    it('should reject with a clear error when the training fails, and end the worker', async () => {
      const broken = { intents: [{ id: 'x', handler: 'system:x', utterances: 42 }], faqs: [] } as unknown as NluKnowledge;
      const trainer = new WorkerNluTrainer();
      const error = await rejection(trainer.train(broken, {}));
      expect(error).to.be.instanceOf(AppError);
      expect((error as AppError).code).to.equal('INTERNAL');
      expect((error as AppError).message).to.match(/^NLU training failed in its worker thread: .*not iterable/);
      expect(trainer.running).to.equal(0);
    });

    it('should reject when the worker cannot start', async () => {
      const error = await rejection(new WorkerNluTrainer({ source: path.join(__dirname, 'no-such-worker.js'), eval: false }).train(nluFixtureKb, {}));
      expect((error as Error).message).to.match(/^NLU training failed in its worker thread: .*no-such-worker/);
    });

    it('should reject options that cannot be sent to a worker', async () => {
      const error = await rejection(new WorkerNluTrainer().train(nluFixtureKb, { thresholds: (() => 0.5) as unknown as NluThresholds }));
      expect((error as Error).message).to.match(/^NLU training failed in its worker thread: .*could not be cloned/);
    });
  });

  describe('close()', () => {
    it('should end a training in progress, which rejects', async () => {
      const trainer = new WorkerNluTrainer();
      const pending = trainer.train(nluFixtureKb, {});
      await trainer.close();
      expect(((await rejection(pending)) as Error).message).to.match(/before it answered/);
      expect(trainer.running).to.equal(0);
    });
  });
});
