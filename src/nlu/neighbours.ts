import type { SparseVector } from './sparse';

/**
 * Cosine nearest neighbours over the training vectors (unit length, so cosine is a dot product), through an
 * inverted index: a query touches only the rows that share one of its features. It scores each class by its
 * closest example, which keeps a rare phrasing of a class that the linear model averaged away.
 */
export class NeighbourIndex {
  private readonly starts: Int32Array;
  private readonly rows: Int32Array;
  private readonly values: Float32Array;
  private readonly dots: Float64Array;
  private readonly touched: Int32Array;

  /**
   * `vectors[i]` is a training example of class `labels[i]`; `numFeatures` bounds the feature indices. Features
   * found in more than `maxShare` of the examples are left out of the index ("e ", " m"): their long posting lists
   * are most of a query's cost and, with a low idf, add little to any cosine. A list of up to 100 rows is always
   * kept (cheap), so a small training set keeps every feature.
   */
  constructor(vectors: readonly SparseVector[], private readonly labels: Int32Array, numFeatures: number, private readonly numClasses: number, maxShare = 1) {
    const df = new Int32Array(numFeatures);
    for (const v of vectors) for (const f of v.indices) df[f] += 1;
    const limit = Math.max(maxShare * vectors.length, 100);
    const counts = new Int32Array(numFeatures + 1);
    for (let f = 0; f < numFeatures; f += 1) counts[f + 1] = df[f] > limit ? 0 : df[f];
    for (let f = 0; f < numFeatures; f += 1) counts[f + 1] += counts[f];
    this.starts = counts;
    const total = counts[numFeatures];
    this.rows = new Int32Array(total);
    this.values = new Float32Array(total);
    const fill = counts.slice(0, numFeatures);
    vectors.forEach((v, row) => {
      for (let j = 0; j < v.indices.length; j += 1) {
        if (df[v.indices[j]] > limit) continue;
        const at = fill[v.indices[j]];
        fill[v.indices[j]] += 1;
        this.rows[at] = row;
        this.values[at] = v.values[j];
      }
    });
    this.dots = new Float64Array(vectors.length);
    this.touched = new Int32Array(vectors.length);
  }

  /** Per class, the highest cosine between `x` and one of its examples (0 when none shares a feature). */
  classScores(x: SparseVector, out: Float64Array = new Float64Array(this.numClasses)): Float64Array {
    out.fill(0);
    let touched = 0;
    for (let j = 0; j < x.indices.length; j += 1) {
      const f = x.indices[j];
      const v = x.values[j];
      for (let p = this.starts[f]; p < this.starts[f + 1]; p += 1) {
        const row = this.rows[p];
        if (this.dots[row] === 0) {
          this.touched[touched] = row;
          touched += 1;
        }
        this.dots[row] += v * this.values[p];
      }
    }
    for (let t = 0; t < touched; t += 1) {
      const row = this.touched[t];
      const k = this.labels[row];
      if (this.dots[row] > out[k]) out[k] = this.dots[row];
      this.dots[row] = 0;
    }
    return out;
  }
}
