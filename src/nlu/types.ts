/** What a message was recognised as: an intent of the KB or one of its FAQ entries. */
export type Candidate =
  | { kind: 'intent'; id: string; confidence: number }
  | { kind: 'faq'; id: string; confidence: number; question: string };

/**
 * The NLU boundary type. Confidence is in [0,1], higher is better, calibrated so that thresholds in
 * config mean the same thing for intents and FAQs.
 * - match: `best` is confident and clearly ahead of the runner-up;
 * - ambiguous: several candidates are close; ask "did you mean ...?" with `alternatives`;
 * - out_of_scope: nothing fits; `alternatives` may still hold weak suggestions.
 */
export interface Understanding {
  verdict: 'match' | 'ambiguous' | 'out_of_scope';
  best: Candidate | null;
  /** Runners-up, best first (never includes `best`). */
  alternatives: Candidate[];
  /** The text after normalisation (lower case, accents folded, whitespace collapsed, truncated). */
  normalized: string;
  /** Share of the message's words the engine knows (typos corrected), in [0,1]: near 0 for gibberish. */
  coverage?: number;
}

/** Options of one `understand` call. */
export interface UnderstandOptions {
  /** Only FAQ answers compete (a message read as a question): problems and system intents are left out. */
  only?: 'faq';
}

/** Thresholds of the NLU, from config. */
export interface NluThresholds {
  /** Below this the message is out of scope. */
  outOfScope: number;
  /** When best - runnerUp is below this, the message is ambiguous. */
  ambiguityMargin: number;
}

/** A trained understanding engine over one KB version; immutable. */
export interface NluEngine {
  /** The KB content hash the engine was trained on. */
  readonly version: string;
  understand(text: string, options?: UnderstandOptions): Understanding;
}
