import { expect } from 'chai';
import { createNluEngine, kbContentHash, restoreNluEngine, type SerializableNluEngine } from '../../src/nlu';
import { nluFixtureKb } from '../fixtures/nluKb';

describe('NluEngine', () => {
  let engine: SerializableNluEngine;
  before(() => {
    engine = createNluEngine(nluFixtureKb);
  });

  describe('understand()', () => {
    const table: [string, string, string][] = [
      ['where is my refund?', 'intent', 'report.refund_not_received'],
      ['wheres my refnud', 'intent', 'report.refund_not_received'],
      ['Réfund not récéived!!', 'intent', 'report.refund_not_received'],
      ['I was chraged twice on my card', 'intent', 'report.double_charge'],
      ['i cant log in, passwrod rejected', 'intent', 'report.cannot_log_in'],
      ['the airline lost my suitcse', 'intent', 'report.baggage_lost_delayed'],
      ['HELLO 👋', 'intent', 'greeting'],
      ['thank you so much 🙏', 'intent', 'thanks'],
      ['can I speak to a humain agent', 'intent', 'human'],
      ['can i bring my dog to the hotel?', 'faq', 'pets-allowed'],
      ['how do I chose my seet on the flight', 'faq', 'seat-selection'],
      ['I need an invoce for my company', 'faq', 'invoice'],
    ];
    for (const [utterance, kind, id] of table) {
      it(`should recognise "${utterance}" as ${kind} ${id}`, () => {
        const u = engine.understand(utterance);
        expect(u.verdict, JSON.stringify(u)).to.not.equal('out_of_scope');
        expect(u.best).to.include({ kind, id });
        expect(u.best?.confidence).to.be.within(0, 1);
      });
    }

    it('should list runners-up without the best candidate, best first', () => {
      const u = engine.understand('refund charged twice');
      const confidences = [u.best, ...u.alternatives].filter((c) => c !== null).map((c) => c.confidence);
      expect(confidences).to.deep.equal([...confidences].sort((a, b) => b - a));
      expect(u.alternatives.map((a) => a.id)).to.not.include(u.best?.id);
    });

    const edges: [string, string][] = [
      ['empty', ''],
      ['whitespace', '   \n\t '],
      ['emoji only', '😀😀🎉🔥'],
      ['non-English (Russian)', 'Где мой багаж?'],
      ['non-English (Chinese)', '我的退款在哪里'],
      ['10,000 characters', 'lorem ipsum dolor sit amet '.repeat(400)],
    ];
    for (const [name, text] of edges) {
      it(`should return out_of_scope, not throw, for ${name} input`, () => {
        const u = engine.understand(text);
        expect(u.verdict).to.equal('out_of_scope');
        expect(u.best).to.equal(null);
        expect(u.normalized.length).to.be.at.most(400);
      });
    }

    it('should not throw on a non-string at run time', () => {
      const u = engine.understand(undefined as unknown as string);
      expect(u.verdict).to.equal('out_of_scope');
    });

    it('should fold accents and case in the normalised text', () => {
      expect(engine.understand('Ça VA,   Crème Brûlée?').normalized).to.equal('ca va creme brulee');
    });

    it('should call a message ambiguous when two candidates are close', () => {
      const strict = createNluEngine(nluFixtureKb, { thresholds: { outOfScope: 0.01, ambiguityMargin: 1 } });
      expect(strict.understand('where is my refund').verdict).to.equal('ambiguous');
    });
  });

  describe('serialize()', () => {
    it('should restore to an engine that gives identical results', () => {
      const data = JSON.parse(JSON.stringify(engine.serialize())) as unknown;
      const restored = restoreNluEngine(nluFixtureKb, data);
      if (!restored.ok) throw new Error(restored.errors.join('; '));
      for (const text of ['where is my refnud', 'can i bring my dog', 'hello', '', 'what is the meaning of life']) {
        expect(restored.value.understand(text)).to.deep.equal(engine.understand(text));
      }
      expect(restored.value.version).to.equal(engine.version);
    });

    it('should refuse a cached model of another KB version', () => {
      const other = { ...nluFixtureKb, faqs: nluFixtureKb.faqs.slice(1) };
      const restored = restoreNluEngine(other, engine.serialize());
      expect(restored.ok).to.equal(false);
    });

    it('should refuse data of an unknown format', () => {
      expect(restoreNluEngine(nluFixtureKb, { format: 'x' }).ok).to.equal(false);
      expect(restoreNluEngine(nluFixtureKb, null).ok).to.equal(false);
    });

    it('should refuse a model cached before the nearest-neighbour blend, so it is retrained', () => {
      const stale = { ...engine.serialize(), format: 'rebound-nlu-engine/1' };
      expect(restoreNluEngine(nluFixtureKb, stale).ok).to.equal(false);
    });
  });

  describe('version', () => {
    it('should be the KB content hash, stable under key order', () => {
      expect(engine.version).to.equal(kbContentHash(nluFixtureKb));
      const reordered = { faqs: nluFixtureKb.faqs, intents: nluFixtureKb.intents };
      expect(kbContentHash(reordered)).to.equal(engine.version);
    });
  });
});
