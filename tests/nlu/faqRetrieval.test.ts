import { expect } from 'chai';
import { createNluEngine, restoreNluEngine } from '../../src/nlu';
import { expandFaqClass, FAQ_CLASS, FAQ_CLASS_LIMIT, faqMode } from '../../src/nlu/faqRetrieval';
import { nluFixtureKb } from '../fixtures/nluKb';

const PLACES = ['lisbon', 'porto', 'madrid', 'paris', 'rome', 'athens', 'vienna', 'prague', 'berlin', 'dublin', 'oslo', 'tokyo', 'seoul', 'sydney', 'lima', 'cairo', 'doha', 'bali', 'miami', 'havana'];
const THINGS = ['parking spot', 'breakfast', 'child seat', 'late check-in', 'extra bed', 'pet', 'boarding pass', 'invoice', 'deposit', 'voucher', 'seat', 'meal', 'guest name', 'luggage allowance', 'pickup time', 'sports equipment', 'room type', 'travel insurance', 'wheelchair assistance', 'return journey', 'guided tour slot', 'e-ticket', 'additional driver', 'early check-out', 'ferry seat'];
const VERBS = ['change', 'cancel', 'add'];

/** The fixture KB plus 1,500 generated entries: well past the limit where FAQs stop being classes. */
const bigKb = {
  intents: nluFixtureKb.intents,
  faqs: [
    ...nluFixtureKb.faqs,
    ...PLACES.flatMap((p) => THINGS.flatMap((t) => VERBS.map((v) => ({ id: `${v}-${t.replace(/\W/g, '-')}-${p}`, questions: [`How do I ${v} the ${t} of my stay in ${p}?`, `Can I ${v} my ${t} in ${p}?`], answer: 'x', tags: [], locale: 'en' })))),
  ],
};

describe('faqRetrieval', () => {
  describe('faqMode()', () => {
    it('should keep FAQs as classes up to the limit and switch to retrieval above it', () => {
      expect(faqMode(FAQ_CLASS_LIMIT)).to.equal('classes');
      expect(faqMode(FAQ_CLASS_LIMIT + 1)).to.equal('retrieval');
    });
  });

  describe('expandFaqClass()', () => {
    it('should share the FAQ class probability among the retrieved entries, closest first, and drop the class', () => {
      const ranking = { normalized: 'x', oosProbability: 0, coverage: 1, ranking: [{ intent: FAQ_CLASS, probability: 0.9 }, { intent: 'intent:greeting', probability: 0.05 }] };
      const out = expandFaqClass(ranking, [{ id: 'a', question: 'qa', similarity: 0.9 }, { id: 'b', question: 'qb', similarity: 0.5 }]);
      expect(out.ranking.map((r) => r.intent)).to.deep.equal(['faq:a', 'intent:greeting', 'faq:b']);
      expect(out.ranking[0].probability).to.be.within(0.85, 0.9);
    });
  });

  describe('a large KB in retrieval mode', () => {
    const engine = createNluEngine(bigKb);
    const table: [string, string][] = [
      ['cancel breakfast rome', 'cancel-breakfast-rome'],
      ['how can I add a child seat for my stay in Tokyo', 'add-child-seat-tokyo'],
      ['change the parkin spot in lisbon', 'change-parking-spot-lisbon'],
      ['can i bring my dog to the hotel?', 'pets-allowed'],
    ];
    for (const [text, id] of table) {
      it(`should find "${id}" for "${text}"`, () => {
        const u = engine.understand(text);
        expect(u.verdict, JSON.stringify(u)).to.not.equal('out_of_scope');
        expect(u.best?.id).to.equal(id);
      });
    }

    it('should still recognise intents and reject off-topic messages', () => {
      expect(engine.understand('I was charged twice').best?.id).to.equal('report.double_charge');
      expect(engine.understand('what is the capital of australia').verdict).to.equal('out_of_scope');
    });

    it('should restore from its serialised form with the same answers', () => {
      const restored = restoreNluEngine(bigKb, JSON.parse(JSON.stringify(engine.serialize())));
      expect(restored.ok).to.equal(true);
      if (!restored.ok) return;
      for (const [text] of table) expect(restored.value.understand(text)).to.deep.equal(engine.understand(text));
    });
  });
});
