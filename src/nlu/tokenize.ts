import { AggressiveTokenizer, PorterStemmer } from './natural';

const tokenizer = new AggressiveTokenizer();
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/**
 * Splits normalised text into words with natural's AggressiveTokenizer. It keeps ASCII letters and
 * digits only, which is why `normalizeText` folds accents first; words in other scripts are dropped.
 */
export function tokenize(normalized: string): string[] {
  if (normalized.length === 0) return [];
  return tokenizer.tokenize(normalized).filter((t) => t.length > 0);
}

/** Porter stem of a lower-case word (memoised: the same few thousand words come back all the time). */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  // Digits and very short words gain nothing from stemming.
  const stemmed = word.length <= 2 || /\d/.test(word) ? word : PorterStemmer.stem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}
