/** A sparse feature vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Builds an L2-normalised sparse vector from index -> weight pairs (an empty map gives an empty vector). */
export function toUnitSparse(weights: Map<number, number>): SparseVector {
  const indices = new Int32Array(weights.size);
  const values = new Float32Array(weights.size);
  let i = 0;
  let norm = 0;
  for (const [index, weight] of weights) {
    indices[i] = index;
    values[i] = weight;
    norm += weight * weight;
    i += 1;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let k = 0; k < values.length; k += 1) values[k] *= inv;
  }
  return { indices, values };
}

/** Small deterministic PRNG (mulberry32): seeded shuffling makes training reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle in place with the given random source. */
export function shuffleInPlace<T>(items: T[] | Int32Array, random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
}

/** Encodes a float array as base64 (compact, exact) for serialisation. */
export function floatsToBase64(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** Decodes `floatsToBase64` output. */
export function floatsFromBase64(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
