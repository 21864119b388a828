import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { kbContentHash } from '../../src/nlu';
import type { Logger } from '../../src/shared/logger';
import { NLU_CACHE_DIR, NluModelCache } from '../../src/storage/nluModelCache';
import { nluFixtureKb } from '../fixtures/nluKb';
import { removeDir, tempDataDir } from '../helpers/testApp';

/** A logger that keeps the messages, to tell a restore from a training. */
function recordingLogger(messages: string[]): Logger {
  const log = (obj: object | string, msg?: string) => void messages.push(typeof obj === 'string' ? obj : msg ?? '');
  const logger: Logger = { debug: log, info: log, warn: log, error: log, child: () => logger };
  return logger;
}

describe('NluModelCache', () => {
  describe('engineFor()', () => {
    let dir: string;
    beforeEach(() => {
      dir = tempDataDir();
    });
    afterEach(() => removeDir(dir));

    it('should train once, then restore the same model for an unchanged KB (in a new instance, as after a restart)', async () => {
      const messages: string[] = [];
      const first = await new NluModelCache(dir, recordingLogger(messages)).engineFor(nluFixtureKb);
      const second = await new NluModelCache(dir, recordingLogger(messages)).engineFor(nluFixtureKb);
      expect(messages).to.deep.equal(['NLU model trained', 'NLU model restored from the cache']);
      expect(second.version).to.equal(kbContentHash(nluFixtureKb));
      for (const text of ['where is my refund?', 'I was chraged twice', 'can i bring my dog to the hotel?', 'tell me a joke']) {
        expect(second.understand(text)).to.deep.equal(first.understand(text));
      }
    });

    it('should retrain when the KB changed, keeping only the two latest models', async () => {
      const messages: string[] = [];
      const cache = new NluModelCache(dir, recordingLogger(messages));
      for (let i = 0; i < 3; i += 1) {
        const kb = { ...nluFixtureKb, faqs: [...nluFixtureKb.faqs, { id: `extra-${i}`, questions: [`extra question number ${i}`], answer: 'x', tags: [], locale: 'en' }] };
        await cache.engineFor(kb);
      }
      expect(messages.filter((m) => m === 'NLU model trained')).to.have.length(3);
      expect(readdirSync(path.join(dir, NLU_CACHE_DIR))).to.have.length(2);
    });

    it('should retrain over a corrupted cache file instead of failing', async () => {
      const messages: string[] = [];
      await new NluModelCache(dir, recordingLogger([])).engineFor(nluFixtureKb);
      writeFileSync(path.join(dir, NLU_CACHE_DIR, `${kbContentHash(nluFixtureKb)}.json`), '{"format":"rebound-nlu-engine/1","version":"x"}');
      const engine = await new NluModelCache(dir, recordingLogger(messages)).engineFor(nluFixtureKb);
      expect(messages).to.deep.equal(['cached NLU model not usable; training', 'NLU model trained']);
      expect(engine.understand('where is my refund?').best?.id).to.equal('report.refund_not_received');
    });
  });
});
