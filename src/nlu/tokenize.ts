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

/**
 * Stems of English function words, which say nothing about what a question asks: the FAQ similarity ignores
 * them (in a KB where one happens to be rare it would get a high idf and pull the ranking towards any question
 * sharing it, "a", "for").
 */
export const STOP_STEMS: ReadonlySet<string> = new Set(
  'a an the and or but of for to in on at by with from into about as is are was were be been am do does did can could would should will shall may might must i me my we our you your it its this that these those there here what which who how when where why if then so not no yes please'
    .split(' ')
    .map(stem),
);
