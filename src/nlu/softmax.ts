import { SparseVector, seededRandom, shuffleInPlace } from './sparse';

/** Training settings of the softmax (multinomial logistic regression) model. */
export interface SoftmaxOptions {
  epochs: number;
  /** L2 regularisation strength. */
  lambda: number;
  /** Initial learning rate. */
  eta0: number;
  seed: number;
  /**
   * Models trained on different shuffles (seeds `seed`, `seed + 1`, ...) whose weights are averaged: plain
   * SGD's last iterate depends on the order of the last examples, and on a small KB one added question
   * moved unrelated messages across classes. Averaging removes most of that noise (1: one model).
   */
  ensemble?: number;
  /** Called after each epoch (progress). */
  onEpoch?: (epoch: number, epochs: number) => void;
}

/** Defaults measured on CLINC150 val. */
export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = { epochs: 5, lambda: 1e-6, eta0: 8, seed: 7 };

/** A trained linear model: weights laid out feature-major (features x classes) and a bias per class. */
export interface LinearWeights {
  numFeatures: number;
  numClasses: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Class scores (logits) of one vector: cost is (non-zeros x classes). */
export function scoreVector(model: LinearWeights, x: SparseVector, out: Float64Array = new Float64Array(model.numClasses)): Float64Array {
  const c = model.numClasses;
  for (let k = 0; k < c; k += 1) out[k] = model.bias[k];
  for (let j = 0; j < x.indices.length; j += 1) {
    const base = x.indices[j] * c;
    const v = x.values[j];
    for (let k = 0; k < c; k += 1) out[k] += model.weights[base + k] * v;
  }
  return out;
}

/** Softmax in place (numerically stable). */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k += 1) {
    scores[k] = Math.exp((scores[k] - max) / temperature);
    sum += scores[k];
  }
  for (let k = 0; k < scores.length; k += 1) scores[k] /= sum;
  return scores;
}

/**
 * Trains multinomial logistic regression with plain SGD (see `trainOnce`); with `ensemble` > 1, that many
 * models on different shuffles, their weights and biases averaged (deterministic: the seeds are fixed).
 */
export function trainSoftmax(xs: SparseVector[], ys: Int32Array, numFeatures: number, numClasses: number, options: SoftmaxOptions): LinearWeights {
  const n = Math.max(1, Math.floor(options.ensemble ?? 1));
  if (n === 1) return trainOnce(xs, ys, numFeatures, numClasses, options);
  const sum: LinearWeights = { numFeatures, numClasses, weights: new Float32Array(numFeatures * numClasses), bias: new Float32Array(numClasses) };
  for (let m = 0; m < n; m += 1) {
    const one = trainOnce(xs, ys, numFeatures, numClasses, { ...options, seed: options.seed + m, onEpoch: (epoch, epochs) => options.onEpoch?.(m * epochs + epoch, n * epochs) });
    for (let w = 0; w < sum.weights.length; w += 1) sum.weights[w] += one.weights[w] / n;
    for (let k = 0; k < numClasses; k += 1) sum.bias[k] += one.bias[k] / n;
  }
  return sum;
}

/**
 * Trains multinomial logistic regression with plain SGD, L2 weight decay through a global scale factor
 * (Bottou's trick, so each step touches only the example's non-zeros) and seeded shuffling (deterministic).
 */
function trainOnce(xs: SparseVector[], ys: Int32Array, numFeatures: number, numClasses: number, options: SoftmaxOptions): LinearWeights {
  const c = numClasses;
  const weights = new Float32Array(numFeatures * c);
  const bias = new Float32Array(c);
  const random = seededRandom(options.seed);
  const order = Int32Array.from(xs.keys());
  const probs = new Float64Array(c);
  const activeClasses = new Int32Array(c);
  const activeGrads = new Float64Array(c);
  let scale = 1;
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = xs[i];
      const eta = options.eta0 / (1 + options.lambda * options.eta0 * t);
      t += 1;
      scale *= 1 - eta * options.lambda;
      for (let k = 0; k < c; k += 1) probs[k] = bias[k];
      for (let j = 0; j < x.indices.length; j += 1) {
        const base = x.indices[j] * c;
        const v = x.values[j] * scale;
        for (let k = 0; k < c; k += 1) probs[k] += weights[base + k] * v;
      }
      softmaxInPlace(probs);
      probs[ys[i]] -= 1;
      const step = eta / scale;
      // Classes with a negligible gradient are skipped: after the first epoch that is most of them.
      let active = 0;
      for (let k = 0; k < c; k += 1) {
        const g = probs[k];
        if (g > -1e-4 && g < 1e-4) continue;
        activeClasses[active] = k;
        activeGrads[active] = step * g;
        active += 1;
        bias[k] -= eta * g * 0.1;
      }
      for (let j = 0; j < x.indices.length; j += 1) {
        const base = x.indices[j] * c;
        const v = x.values[j];
        for (let a = 0; a < active; a += 1) weights[base + activeClasses[a]] -= activeGrads[a] * v;
      }
      if (scale < 1e-6) {
        for (let w = 0; w < weights.length; w += 1) weights[w] *= scale;
        scale = 1;
      }
    }
    options.onEpoch?.(epoch + 1, options.epochs);
  }
  for (let w = 0; w < weights.length; w += 1) weights[w] *= scale;
  return { numFeatures, numClasses: c, weights, bias };
}
