import { expect } from 'chai';
import { NeighbourIndex } from '../../src/nlu/neighbours';
import { toUnitSparse, type SparseVector } from '../../src/nlu/sparse';

const vec = (entries: Array<[number, number]>): SparseVector => toUnitSparse(new Map(entries));

describe('NeighbourIndex', () => {
  describe('classScores()', () => {
    const index = new NeighbourIndex([vec([[0, 1]]), vec([[0, 1], [1, 1]]), vec([[2, 1]])], Int32Array.from([0, 0, 1]), 4, 3);

    it('should score each class by the cosine of its closest example', () => {
      const scores = index.classScores(vec([[0, 1], [1, 1]]));
      expect(scores[0]).to.be.closeTo(1, 1e-6);
      expect(scores[1]).to.equal(0);
      expect(scores[2]).to.equal(0);
    });

    it('should give 0 to every class when no example shares a feature', () => {
      expect([...index.classScores(vec([[3, 1]]))]).to.deep.equal([0, 0, 0]);
    });

    it('should leave out a feature found in more than the given share of a large set, and keep the others', () => {
      // 200 examples share feature 0; only the last one also has feature 1.
      const rows = Array.from({ length: 200 }, (_, i) => vec(i === 199 ? [[0, 1], [1, 1]] : [[0, 1]]));
      const pruned = new NeighbourIndex(rows, Int32Array.from(rows, (_, i) => (i === 199 ? 1 : 0)), 2, 2, 0.1);
      const scores = pruned.classScores(vec([[0, 1], [1, 1]]));
      expect(scores[0]).to.equal(0);
      expect(scores[1]).to.be.closeTo(0.5, 1e-6); // feature 1 alone: (1/√2)²
    });

    it('should give the same scores when asked twice (no state left from the first query)', () => {
      const query = vec([[0, 1], [2, 2]]);
      const first = [...index.classScores(query)];
      expect([...index.classScores(query)]).to.deep.equal(first);
      expect(first[1]).to.be.closeTo(2 / Math.sqrt(5), 1e-6);
    });
  });
});
