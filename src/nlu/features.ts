import { NGrams } from './natural';
import { stem } from './tokenize';
import { SparseVector, toUnitSparse } from './sparse';

/** Which features the vectoriser extracts. */
export interface FeatureOptions {
  /** Character n-grams inside word boundaries, from charMin to charMax characters (0 disables). */
  charMin: number;
  charMax: number;
  /** Stemmed word bigrams (with sentence start/end markers). */
  wordBigrams: boolean;
  /** Weight of the character block relative to the word block. */
  charWeight: number;
}

/** Defaults measured on CLINC150 val (see bench/nlu.ts). */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { charMin: 2, charMax: 5, wordBigrams: true, charWeight: 1 };

/** The raw feature strings of a tokenised text, split into word and character blocks. */
export function extractFeatures(tokens: string[], options: FeatureOptions): { words: string[]; chars: string[] } {
  const stems = tokens.map(stem);
  const words = stems.map((s) => `w:${s}`);
  if (options.wordBigrams && stems.length > 0) {
    for (const [a, b] of NGrams.bigrams(stems, '<s>', '</s>')) words.push(`b:${a} ${b}`);
  }
  const chars: string[] = [];
  if (options.charMax > 0) {
    for (const token of tokens) {
      const padded = ` ${token} `;
      for (let n = options.charMin; n <= options.charMax; n += 1) {
        for (let i = 0; i + n <= padded.length; i += 1) chars.push(padded.slice(i, i + n));
      }
    }
  }
  return { words, chars };
}

/** Serialised vocabulary of a `Vectorizer`. */
export interface VectorizerData {
  options: FeatureOptions;
  features: string[];
  idf: number[];
}

/** TF-IDF vectoriser with sublinear tf and L2 norm, over a vocabulary fitted on training texts. */
export class Vectorizer {
  private readonly index = new Map<string, number>();

  private constructor(private readonly data: VectorizerData) {
    data.features.forEach((f, i) => this.index.set(f, i));
  }

  /** Fits the vocabulary and the idf weights on tokenised training texts. */
  static fit(docs: string[][], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Vectorizer {
    const df = new Map<string, number>();
    for (const tokens of docs) {
      const { words, chars } = extractFeatures(tokens, options);
      for (const f of new Set([...words, ...chars])) df.set(f, (df.get(f) ?? 0) + 1);
    }
    const features = [...df.keys()].sort();
    const n = docs.length;
    const idf = features.map((f) => Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1);
    return new Vectorizer({ options, features, idf });
  }

  /** Rebuilds a vectoriser from `toJSON()` output. */
  static restore(data: VectorizerData): Vectorizer {
    return new Vectorizer(data);
  }

  /** Number of features (the model's input dimension). */
  get size(): number {
    return this.data.features.length;
  }

  /** The sparse, L2-normalised TF-IDF vector of a tokenised text; unknown features are ignored. */
  vectorize(tokens: string[]): SparseVector {
    const { words, chars } = extractFeatures(tokens, this.data.options);
    const weights = new Map<number, number>();
    this.addBlock(words, 1, weights);
    this.addBlock(chars, this.data.options.charWeight, weights);
    return toUnitSparse(weights);
  }

  /** The serialisable vocabulary. */
  toJSON(): VectorizerData {
    return this.data;
  }

  // Each block is normalised on its own so long words do not drown the word features.
  private addBlock(features: string[], blockWeight: number, into: Map<number, number>): void {
    const counts = new Map<number, number>();
    for (const f of features) {
      const i = this.index.get(f);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    let norm = 0;
    for (const [i, tf] of counts) {
      const w = (1 + Math.log(tf)) * this.data.idf[i];
      counts.set(i, w);
      norm += w * w;
    }
    if (norm === 0) return;
    const scale = blockWeight / Math.sqrt(norm);
    for (const [i, w] of counts) into.set(i, (into.get(i) ?? 0) + w * scale);
  }
}
