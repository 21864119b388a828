import { expect } from 'chai';
import { IntentClassifier, type LabeledText } from '../../src/nlu';
import { DEFAULT_SOFTMAX_OPTIONS } from '../../src/nlu/softmax';

const rows: LabeledText[] = [
  ...['book a flight to paris', 'i need a plane ticket', 'reserve a flight for tomorrow', 'find me flights to berlin'].map((text) => ({ text, intent: 'book_flight' })),
  ...['what is the weather today', 'will it rain tomorrow', 'weather forecast for london', 'is it sunny outside'].map((text) => ({ text, intent: 'weather' })),
  ...['how do i bake bread', 'who won the football game'].map((text) => ({ text, intent: 'oos' })),
];

describe('IntentClassifier', () => {
  describe('rank()', () => {
    it('should rank the right intent first with a probability in [0,1], typos included', () => {
      const model = IntentClassifier.train(rows);
      for (const [text, intent] of [['book me a fligth to rome', 'book_flight'], ['wheather forcast please', 'weather']]) {
        const { ranking } = model.rank(text);
        expect(ranking[0].intent).to.equal(intent);
        expect(ranking[0].probability).to.be.within(0, 1);
      }
    });

    it('should never list the out-of-scope class among the intents', () => {
      const model = IntentClassifier.train(rows);
      expect(model.intents).to.deep.equal(['book_flight', 'weather']);
      expect(model.rank('bake bread').ranking.map((r) => r.intent)).to.not.include('oos');
    });

    it('should give zero probability to text without any known feature', () => {
      const model = IntentClassifier.train(rows);
      expect(model.rank('😀😀').ranking.every((r) => r.probability === 0)).to.equal(true);
    });
  });

  describe('rank() with the nearest-neighbour blend', () => {
    // One phrasing of a small class ("lost my suitcase") that shares no word with its other examples.
    const fewShot: LabeledText[] = [
      ...['my flight was cancelled', 'the airline cancelled my flight', 'flight cancelled today', 'they cancelled the flight'].map((text) => ({ text, intent: 'flight_cancelled' })),
      ...['where is my bag', 'my luggage did not arrive', 'lost my suitcase at the airport'].map((text) => ({ text, intent: 'bag_lost' })),
      ...['tell me a joke', 'what time is it'].map((text) => ({ text, intent: 'oos' })),
    ];

    it('should rank a message worded like one example of a small class higher with the blend than without', () => {
      const blended = IntentClassifier.train(fewShot).rank('lost suitcase airport');
      const alone = IntentClassifier.train(fewShot, { knnWeight: 0 }).rank('lost suitcase airport');
      expect(blended.ranking[0].intent).to.equal('bag_lost');
      expect(blended.ranking[0].probability).to.be.greaterThan(alone.ranking.find((r) => r.intent === 'bag_lost')!.probability);
    });

    it('should leave the blend out when the classes are large (the softmax alone)', () => {
      const text = 'lost suitcase airport';
      const large = IntentClassifier.train(fewShot, { knnMaxMedianExamples: 2 }).rank(text);
      // Large classes also train one softmax, not the few-shot average of several.
      expect(large).to.deep.equal(IntentClassifier.train(fewShot, { knnWeight: 0, fewShotEnsemble: 1 }).rank(text));
    });

    it('should keep probabilities that sum to 1 with the out-of-scope mass', () => {
      const { ranking, oosProbability } = IntentClassifier.train(fewShot).rank('my bag is lost', 10);
      expect(ranking.reduce((sum, r) => sum + r.probability, oosProbability)).to.be.closeTo(1, 1e-9);
    });
  });

  describe('train()', () => {
    it('should be deterministic: same data, same probabilities', () => {
      const a = IntentClassifier.train(rows).rank('flight to rome');
      const b = IntentClassifier.train(rows).rank('flight to rome');
      expect(a).to.deep.equal(b);
    });

    it('should depend less on the order of the examples when several models are averaged', () => {
      // Twenty small classes that share most of their words, as a knowledge base's FAQs do.
      const shared = ['booking', 'my', 'the', 'refund', 'hotel', 'flight', 'please', 'help', 'card', 'today'];
      const noisy: LabeledText[] = Array.from({ length: 20 }, (_, c) => Array.from({ length: 8 }, (_, i) => ({
        text: `word${c} ${shared[(c + i) % 10]} ${shared[(c * 3 + i) % 10]} other${(c + i) % 20}`, intent: `c${c}` }))).flat();
      const texts = Array.from({ length: 20 }, (_, c) => `${shared[c % 10]} other${(c * 7) % 20} ${shared[(c + 3) % 10]}`);
      const spread = (ensemble: number) => {
        const [a, b] = [7, 1007].map((seed) => IntentClassifier.train(noisy, { fewShotEnsemble: ensemble, knnWeight: 0, softmax: { ...DEFAULT_SOFTMAX_OPTIONS, seed } }));
        return texts.reduce((sum, t) => sum + a.rank(t, 20).ranking.reduce((s, r) => s + Math.abs(r.probability - (b.rank(t, 20).ranking.find((q) => q.intent === r.intent)?.probability ?? 0)), 0), 0);
      };
      expect(spread(5)).to.be.lessThan(spread(1) * 0.7);
    });

    it('should refuse data without an in-scope example', () => {
      expect(() => IntentClassifier.train([{ text: 'x', intent: 'oos' }])).to.throw(/in-scope/);
    });
  });

  describe('serialize()', () => {
    it('should restore from JSON to identical rankings', () => {
      const model = IntentClassifier.train(rows);
      const restored = IntentClassifier.restore(JSON.parse(JSON.stringify(model.serialize())));
      for (const text of ['flihgt to rome', 'rain', '']) expect(restored.rank(text)).to.deep.equal(model.rank(text));
    });

    it('should refuse data of the format before the nearest-neighbour blend', () => {
      const data = { ...IntentClassifier.train(rows).serialize(), format: 'rebound-intent-classifier/1' };
      expect(() => IntentClassifier.restore(data as never)).to.throw(/unknown classifier format/);
    });
  });
});
