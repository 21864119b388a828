import { expect } from 'chai';
import { createNluEngine, NluService } from '../../src/nlu';
import type { NluEngine, Understanding } from '../../src/nlu';
import { nluFixtureKb } from '../fixtures/nluKb';

/** A fixed-answer engine: shows which engine served a call. */
function fakeEngine(version: string): NluEngine {
  const answer: Understanding = { verdict: 'match', best: { kind: 'intent', id: version, confidence: 1 }, alternatives: [], normalized: '' };
  return { version, understand: () => answer };
}

describe('NluService', () => {
  describe('swap()', () => {
    it('should serve every later call from the new engine and return the old one', () => {
      const first = fakeEngine('v1');
      const service = new NluService(first);
      expect(service.understand('x').best?.id).to.equal('v1');
      const previous = service.swap(fakeEngine('v2'));
      expect(previous).to.equal(first);
      expect(service.version).to.equal('v2');
      expect(service.understand('x').best?.id).to.equal('v2');
    });
  });

  describe('understand()', () => {
    it('should delegate to a real trained engine', () => {
      const service = new NluService(createNluEngine(nluFixtureKb));
      expect(service.understand('I was charged twice').best).to.include({ kind: 'intent', id: 'report.double_charge' });
    });
  });
});
