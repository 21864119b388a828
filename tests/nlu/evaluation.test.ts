import { expect } from 'chai';
import { chooseThreshold, computeMetrics, type ScoredPrediction } from '../../src/nlu';

const points: ScoredPrediction[] = [
  { gold: 'a', predicted: 'a', confidence: 0.9 },
  { gold: 'a', predicted: 'b', confidence: 0.3 },
  { gold: 'b', predicted: 'b', confidence: 0.8 },
  { gold: 'b', predicted: 'b', confidence: 0.4 },
  { gold: 'oos', predicted: 'a', confidence: 0.2 },
  { gold: 'oos', predicted: 'b', confidence: 0.5 },
];

describe('computeMetrics()', () => {
  it('should compute in-scope accuracy, OOS recall and precision at a threshold', () => {
    const m = computeMetrics(points, 0.35);
    expect(m.inScopeAccuracy).to.equal(0.75);
    expect(m.inScopeAccuracyNoRejection).to.equal(0.75);
    expect(m.oosRecall).to.equal(0.5);
    expect(m.oosPrecision).to.equal(0.5);
    expect(m.confusedPairs[0].count).to.equal(1);
  });

  it('should count rejected in-scope rows as errors', () => {
    expect(computeMetrics(points, 0.85).inScopeAccuracy).to.equal(0.25);
  });
});

describe('chooseThreshold()', () => {
  it('should keep the best in-scope accuracy that reaches the OOS recall target', () => {
    const t = chooseThreshold(points, { minOosRecall: 1 });
    expect(t).to.be.greaterThan(0.4).and.at.most(0.8);
    expect(computeMetrics(points, t).oosRecall).to.equal(1);
  });

  it('should reject only a small share of in-scope rows when there is no OOS data', () => {
    const inScope = points.filter((p) => p.gold !== 'oos');
    expect(chooseThreshold(inScope, { maxInScopeRejection: 0 })).to.equal(0.4);
  });
});
