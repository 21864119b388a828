import { PorterStemmer, SentimentAnalyzer, WordTokenizer } from './natural';
import { frustrationCues, type FrustrationCue } from './frustration';

export type { FrustrationCue } from './frustration';

/** The sentiment of one message: a score in [-1,1] (cues included), whether it reads as frustrated, and why. */
export interface SentimentReading {
  score: number;
  /** The words' sentiment alone (natural's AFINN analyser), in [-1,1]. */
  lexical: number;
  frustrated: boolean;
  cues: FrustrationCue[];
}

/** Options of analyseSentiment. */
export interface SentimentOptions {
  /** Scores below this read as frustrated (the KB's escalation.frustrationThreshold). Default -0.3. */
  threshold?: number;
}

/** How much each frustration cue lowers the score. */
export const CUE_WEIGHT = 0.2;
/** The default frustration threshold. */
export const DEFAULT_FRUSTRATION_THRESHOLD = -0.3;
// VADER's normalisation constant: sum / sqrt(sum^2 + alpha) maps an unbounded AFINN sum into (-1,1).
const ALPHA = 15;

const analyzer = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
const tokenizer = new WordTokenizer();

/** The words' sentiment in [-1,1]: natural's AFINN analyser (average per word), turned back into a sum and squashed. */
export function lexicalSentiment(text: string): number {
  const words = tokenizer.tokenize(text.toLowerCase());
  if (words.length === 0) return 0;
  const sum = analyzer.getSentiment(words) * words.length;
  return sum === 0 || !Number.isFinite(sum) ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
}

/**
 * Reads the sentiment of a traveller message and its frustration cues (repetition of an earlier
 * message, capitals, "still", "again", "nothing works", "ridiculous", "!!!", swearing). Each cue
 * lowers the score by CUE_WEIGHT; the message is frustrated when the score is below the threshold,
 * or when it shows two cues without positive words.
 */
export function analyseSentiment(text: string, previousTexts: readonly string[] = [], options: SentimentOptions = {}): SentimentReading {
  const threshold = options.threshold ?? DEFAULT_FRUSTRATION_THRESHOLD;
  const lexical = lexicalSentiment(text);
  const cues = frustrationCues(text, previousTexts);
  const score = Math.max(-1, Math.min(1, lexical - CUE_WEIGHT * cues.length));
  // Two independent signs in a message that is not positive read as frustration even when the words are mild.
  const frustrated = score < threshold || (cues.length >= 2 && lexical <= 0);
  return { score: round(score), lexical: round(lexical), frustrated, cues };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
