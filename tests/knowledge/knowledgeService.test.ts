import { expect } from 'chai';
import { kbContentHash, KnowledgeService, parseKnowledgeBase, type KnowledgeBase, type PublishedKb } from '../../src/knowledge';
import type { Logger } from '../../src/shared';
import { fixtureFiles } from './kbTestKit';

function fixtureKb(): KnowledgeBase {
  const r = parseKnowledgeBase(fixtureFiles());
  if (!r.ok) throw new Error('fixture invalid');
  return r.value;
}

/** A logger that keeps what is logged at error level. */
function recordingLogger(): Logger & { errors: unknown[] } {
  const errors: unknown[] = [];
  const logger: Logger & { errors: unknown[] } = {
    errors,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (obj) => void errors.push(obj),
    child: () => logger,
  };
  return logger;
}

function edited(): KnowledgeBase {
  const kb = fixtureKb();
  kb.faqs[0]!.answer = 'A new answer.';
  return kb;
}

describe('KnowledgeService', () => {
  describe('current()', () => {
    it('should give the KB it was built with, its version, hash and counts', () => {
      const kb = fixtureKb();
      const service = new KnowledgeService(kb, 'files', recordingLogger());
      const cur = service.current();
      expect(cur.kb).to.deep.equal(kb);
      expect(cur.version).to.equal('files');
      expect(cur.hash).to.equal(kbContentHash(kb));
      expect(cur.counts.faqs).to.equal(3);
    });

    it('should be unaffected by later changes to the object it was given', () => {
      const kb = fixtureKb();
      const service = new KnowledgeService(kb, 1, recordingLogger());
      kb.faqs[0]!.answer = 'changed behind its back';
      expect(service.current().kb.faqs[0]!.answer).to.not.equal('changed behind its back');
      expect(() => {
        (service.current().kb.faqs[0] as { answer: string }).answer = 'x';
      }).to.throw(TypeError);
    });
  });

  describe('swap()', () => {
    it('should put the new KB in service with its version and new hash', () => {
      const service = new KnowledgeService(fixtureKb(), 1, recordingLogger());
      const before = service.current();
      const next = service.swap(edited(), 2);
      expect(service.current()).to.equal(next);
      expect(next.version).to.equal(2);
      expect(next.hash).to.not.equal(before.hash);
      expect(next.kb.faqs[0]!.answer).to.equal('A new answer.');
      expect(before.kb.faqs[0]!.answer).to.not.equal('A new answer.');
    });
  });

  describe('subscribe()', () => {
    it('should tell each listener the new and the previous KB, after the swap took effect', () => {
      const service = new KnowledgeService(fixtureKb(), 1, recordingLogger());
      const seen: Array<[PublishedKb, PublishedKb, PublishedKb]> = [];
      service.subscribe((next, previous) => void seen.push([next, previous, service.current()]));
      const first = service.current();
      const next = service.swap(edited(), 2);
      expect(seen).to.have.length(1);
      expect(seen[0]).to.deep.equal([next, first, next]);
    });

    it('should stop notifying after unsubscribing', () => {
      const service = new KnowledgeService(fixtureKb(), 1, recordingLogger());
      let calls = 0;
      const off = service.subscribe(() => void calls++);
      service.swap(edited(), 2);
      off();
      service.swap(fixtureKb(), 3);
      expect(calls).to.equal(1);
    });

    it('should log a failing listener and still swap and notify the others', async () => {
      const logger = recordingLogger();
      const service = new KnowledgeService(fixtureKb(), 1, logger);
      const versions: unknown[] = [];
      let rejectRetrain: (e: Error) => void = () => undefined;
      service.subscribe(() => {
        throw new Error('boom');
      });
      service.subscribe(() => new Promise<void>((_, reject) => (rejectRetrain = reject)));
      service.subscribe((next) => void versions.push(next.version));
      service.swap(edited(), 2);
      expect(service.current().version).to.equal(2);
      expect(versions).to.deep.equal([2]);
      rejectRetrain(new Error('retrain failed'));
      await Promise.resolve();
      await Promise.resolve();
      expect(logger.errors.map((e) => (e as { err: string }).err)).to.deep.equal(['boom', 'retrain failed']);
    });
  });
});
