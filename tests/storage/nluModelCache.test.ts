import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { kbContentHash, type NluKnowledge, type SerializableNluEngine } from '../../src/nlu';
import type { Logger } from '../../src/shared/logger';
import { NLU_CACHE_DIR, NluModelCache } from '../../src/storage/nluModelCache';
import { inProcessNluTrainer } from '../../src/storage/nluTrainer';
import { WorkerNluTrainer } from '../../src/storage/workerNluTrainer';
import { FakeNluTrainer } from '../fakes/fakeNluTrainer';
import { nluFixtureKb } from '../fixtures/nluKb';
import { removeDir, tempDataDir } from '../helpers/testApp';

/** A logger that keeps the messages, to tell a restore from a training. */
function recordingLogger(messages: string[]): Logger {
  const log = (obj: object | string, msg?: string) => void messages.push(typeof obj === 'string' ? obj : msg ?? '');
  const logger: Logger = { debug: log, info: log, warn: log, error: log, child: () => logger };
  return logger;
}

/** The fixture KB with one more FAQ: another KB version. */
function withExtraFaq(i: number): NluKnowledge {
  return { ...nluFixtureKb, faqs: [...nluFixtureKb.faqs, { id: `extra-${i}`, questions: [`extra question number ${i}`], answer: 'x', tags: [], locale: 'en' }] };
}

/** What a promise rejected with (null if it resolved). */
function rejection(pending: Promise<unknown>): Promise<unknown> {
  return pending.then(() => null, (error: unknown) => error);
}

describe('NluModelCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDataDir();
  });
  afterEach(() => removeDir(dir));

  describe('engineFor()', () => {
    it('should train once in a worker, then restore the same model for an unchanged KB (in a new instance, as after a restart)', async () => {
      const messages: string[] = [];
      const first = await new NluModelCache(dir, recordingLogger(messages), new WorkerNluTrainer()).engineFor(nluFixtureKb);
      const second = await new NluModelCache(dir, recordingLogger(messages), new WorkerNluTrainer()).engineFor(nluFixtureKb);
      expect(messages).to.deep.equal(['NLU model trained', 'NLU model restored from the cache']);
      expect(second.version).to.equal(kbContentHash(nluFixtureKb));
      for (const text of ['where is my refund?', 'I was chraged twice', 'can i bring my dog to the hotel?', 'tell me a joke']) {
        expect(second.understand(text)).to.deep.equal(first.understand(text));
      }
    });

    it('should retrain when the KB changed, keeping only the two latest models', async () => {
      const messages: string[] = [];
      const cache = new NluModelCache(dir, recordingLogger(messages), new WorkerNluTrainer());
      for (let i = 0; i < 3; i += 1) await cache.engineFor(withExtraFaq(i));
      expect(messages.filter((m) => m === 'NLU model trained')).to.have.length(3);
      expect(readdirSync(path.join(dir, NLU_CACHE_DIR))).to.have.length(2);
    });

    it('should retrain over a corrupted cache file instead of failing', async () => {
      const messages: string[] = [];
      await new NluModelCache(dir, recordingLogger([]), inProcessNluTrainer).engineFor(nluFixtureKb);
      writeFileSync(path.join(dir, NLU_CACHE_DIR, `${kbContentHash(nluFixtureKb)}.json`), '{"format":"rebound-nlu-engine/1","version":"x"}');
      const engine = await new NluModelCache(dir, recordingLogger(messages), new WorkerNluTrainer()).engineFor(nluFixtureKb);
      expect(messages).to.deep.equal(['cached NLU model not usable; training', 'NLU model trained']);
      expect(engine.understand('where is my refund?').best?.id).to.equal('report.refund_not_received');
    });

    it('should run one training at a time: a publish during a training waits for it', async () => {
      const trainer = new FakeNluTrainer();
      const cache = new NluModelCache(dir, recordingLogger([]), trainer);
      const resolved: string[] = [];
      const heard = (name: string) => (engine: SerializableNluEngine) => {
        resolved.push(name);
        return engine;
      };
      const a = cache.engineFor(withExtraFaq(1)).then(heard('a'));
      const b = cache.engineFor(withExtraFaq(2)).then(heard('b'));
      const first = await trainer.call(0);
      expect(first.kb.faqs.at(-1)?.id).to.equal('extra-1');
      first.release();
      const second = await trainer.call(1);
      expect(second.kb.faqs.at(-1)?.id).to.equal('extra-2');
      expect(resolved).to.deep.equal(['a']);
      second.release();
      const [engineA, engineB] = await Promise.all([a, b]);
      expect([engineA.version, engineB.version]).to.deep.equal([kbContentHash(withExtraFaq(1)), kbContentHash(withExtraFaq(2))]);
      expect(trainer.maxActive).to.equal(1);
    });

    it('should resolve in call order, so a rollback restored from the cache never overtakes the training before it', async () => {
      await new NluModelCache(dir, recordingLogger([]), inProcessNluTrainer).engineFor(nluFixtureKb);
      const trainer = new FakeNluTrainer();
      const cache = new NluModelCache(dir, recordingLogger([]), trainer);
      const resolved: string[] = [];
      const training = cache.engineFor(withExtraFaq(1)).then(() => resolved.push('new version'));
      const rollback = cache.engineFor(nluFixtureKb).then(() => resolved.push('rollback'));
      (await trainer.call(0)).release();
      await Promise.all([training, rollback]);
      expect(resolved).to.deep.equal(['new version', 'rollback']);
      expect(trainer.calls).to.have.length(1);
    });

    it('should reject when the training fails, write nothing, and still serve the next request', async () => {
      const trainer = new FakeNluTrainer();
      const cache = new NluModelCache(dir, recordingLogger([]), trainer);
      const failing = cache.engineFor(withExtraFaq(1));
      const next = cache.engineFor(withExtraFaq(2));
      (await trainer.call(0)).fail(new Error('training exploded'));
      expect(((await rejection(failing)) as Error).message).to.equal('training exploded');
      (await trainer.call(1)).release();
      expect((await next).version).to.equal(kbContentHash(withExtraFaq(2)));
      expect(readdirSync(path.join(dir, NLU_CACHE_DIR))).to.deep.equal([`${kbContentHash(withExtraFaq(2))}.json`]);
    });
  });

  describe('close()', () => {
    it('should end the training in progress and refuse the requests waiting behind it', async () => {
      const trainer = new FakeNluTrainer();
      const cache = new NluModelCache(dir, recordingLogger([]), trainer);
      const running = cache.engineFor(withExtraFaq(1));
      const waiting = cache.engineFor(withExtraFaq(2));
      await trainer.call(0);
      await cache.close();
      expect(((await rejection(running)) as Error).message).to.equal('trainer closed');
      expect(((await rejection(waiting)) as Error).message).to.equal('the NLU model cache is closed');
      expect(trainer.calls).to.have.length(1);
    });
  });
});
