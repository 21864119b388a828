import { normalizeText } from '../nlu/normalize';
import { stem, tokenize } from '../nlu/tokenize';

/** A sparse TF-IDF vector, L2-normalised. */
export type SparseVector = Map<string, number>;

// Function words carry no topic: two messages sharing only "how do i my the" are not alike.
const STOPWORDS = new Set(
  ('a an and are as at be but by can could do does for from get got had has have how i im is it its me my no not of on or ' +
    'please so that the their there this to was we what when where which who why will with would you your').split(' '),
);

/** The content words of a text, normalised and stemmed (the same pipeline as the NLU). */
export function contentTerms(text: string): string[] {
  return tokenize(normalizeText(text)).filter((t) => !STOPWORDS.has(t)).map(stem);
}

/** TF-IDF over a fixed corpus of term lists: vectors for its documents and for new texts. */
export class TfIdf {
  private readonly idf = new Map<string, number>();

  constructor(documents: readonly string[][]) {
    const df = new Map<string, number>();
    for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    // Smoothed idf: a term in every document still counts a little; unseen terms get the highest weight.
    for (const [t, n] of df) this.idf.set(t, Math.log((1 + documents.length) / (1 + n)) + 1);
    this.unseen = Math.log(1 + documents.length) + 1;
  }

  private readonly unseen: number;

  /** The normalised TF-IDF vector of a term list. */
  vector(terms: readonly string[]): SparseVector {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: SparseVector = new Map();
    for (const [t, n] of tf) v.set(t, (1 + Math.log(n)) * (this.idf.get(t) ?? this.unseen));
    return normalise(v);
  }
}

/** Cosine similarity of two normalised vectors, in [0, 1]. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return Math.min(1, Math.max(0, dot));
}

/** Adds b into the sum a (for centroids); returns a. */
export function addInto(a: SparseVector, b: SparseVector): SparseVector {
  for (const [t, w] of b) a.set(t, (a.get(t) ?? 0) + w);
  return a;
}

/** A copy of v scaled to unit length (the zero vector stays zero). */
export function normalise(v: SparseVector): SparseVector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  const out: SparseVector = new Map();
  if (norm === 0) return out;
  for (const [t, w] of v) out.set(t, w / norm);
  return out;
}
