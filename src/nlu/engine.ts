import type { KnowledgeBase } from '../knowledge/schema';
import { fail, ok, type Result } from '../shared/result';
import { FaqSearch, type FaqCandidate, type FaqHit } from './faqSearch';
import { expandFaqClass, faqMode, sampleFaqRows, type FaqMode } from './faqRetrieval';
import { IntentClassifier, type ClassifierData, type ClassifierOptions, type IntentRanking, type LabeledText } from './intentClassifier';
import { kbContentHash } from '../knowledge/hash';
import { GENERIC_OOS_EXAMPLES } from './oosExamples';
import { decide, type CandidateSources } from './verdict';
import type { NluEngine, NluThresholds, Understanding, UnderstandOptions } from './types';

/** Default thresholds; config owns the real values. */
export const DEFAULT_NLU_THRESHOLDS: NluThresholds = { outOfScope: 0.4, ambiguityMargin: 0.1 };

/** The parts of a KB the engine learns from. */
export type NluKnowledge = Pick<KnowledgeBase, 'intents' | 'faqs'>;

/** Options of `createNluEngine` / `restoreNluEngine`. */
export interface NluEngineOptions {
  thresholds?: NluThresholds;
  /** The KB content hash, when the caller has it already (else computed with `kbContentHash`). */
  hash?: string;
  classifier?: Partial<ClassifierOptions>;
}

/** The cacheable form of a trained engine. */
export interface SerializedNluEngine {
  format: 'rebound-nlu-engine/3';
  version: string;
  /** How FAQs are scored (absent in models cached before it existed: 'classes'). */
  faqMode?: FaqMode;
  classifier: ClassifierData;
}

/** A trained engine that can also be serialised for the model cache. */
export interface SerializableNluEngine extends NluEngine {
  serialize(): SerializedNluEngine;
}

/** Training rows from the KB: intent utterances and FAQ questions. Intents routed to a FAQ train that FAQ's label. */
export function trainingRows(kb: NluKnowledge): LabeledText[] {
  const faqIds = new Set(kb.faqs.map((f) => f.id));
  const rows: LabeledText[] = [];
  for (const intent of kb.intents) {
    const faq = intent.handler.startsWith('faq:') ? intent.handler.slice(4) : null;
    const label = faq !== null && faqIds.has(faq) ? `faq:${faq}` : `intent:${intent.id}`;
    for (const text of intent.utterances) rows.push({ text, intent: label });
  }
  for (const faq of kb.faqs) for (const text of faq.questions) rows.push({ text, intent: `faq:${faq.id}` });
  return rows;
}

/**
 * The rows the engine trains on: the KB's, plus generic off-topic messages as the `oos` class. In a large KB
 * (retrieval mode) every FAQ question trains one shared FAQ class, from a bounded sample.
 */
function engineRows(kb: NluKnowledge, mode: FaqMode): LabeledText[] {
  const kbRows = trainingRows(kb);
  const rows = mode === 'retrieval' ? sampleFaqRows(kbRows) : kbRows;
  return rows.length === 0 ? rows : [...rows, ...GENERIC_OOS_EXAMPLES.map((text) => ({ text, intent: 'oos' }))];
}

/** How many candidates an understanding keeps; restricted to FAQs, more (the FAQs ranked below problems). */
const TOP_K = 8;
const WIDE_TOP_K = 40;
/** How many recent texts keep their scores (a message, its FAQ-only reading, the turn's re-readings). */
const RECENT_TEXTS = 8;

/** What the classifier and the FAQ index make of one text, before any decision. */
interface Scored {
  ranked: IntentRanking;
  /** Retrieval mode: the FAQ entries the index retrieves. */
  retrieved?: FaqCandidate[];
  hits: FaqHit[];
}

class KbNluEngine implements SerializableNluEngine {
  private readonly recent = new Map<string, Scored>();

  constructor(
    private readonly mode: FaqMode,
    readonly version: string,
    private readonly classifier: IntentClassifier,
    private readonly sources: CandidateSources,
    private readonly thresholds: NluThresholds,
  ) {}

  understand(text: string, options: UnderstandOptions = {}): Understanding {
    try {
      const { ranked, retrieved, hits } = this.scored(typeof text === 'string' ? text : '');
      // Restricted to FAQs, the FAQ entries ranked below problems and system intents must still be seen.
      const top = { ...ranked, ranking: ranked.ranking.slice(0, options.only ? WIDE_TOP_K : TOP_K).map((r) => ({ ...r })) };
      // Retrieval mode: the shared FAQ class's probability is shared among the entries the index retrieves.
      const ranking = retrieved ? expandFaqClass(top, retrieved) : top;
      return decide(ranking, hits, this.sources, this.thresholds, options.only);
    } catch {
      // Never fail a turn on a message: an unexpected input is simply not understood.
      return { verdict: 'out_of_scope', best: null, alternatives: [], normalized: '' };
    }
  }

  /**
   * The classifier's ranking and the FAQ search's hits for a text, kept for the last few texts: one message
   * is understood whole, restricted to FAQs when it is a question, and again in the same turn's decisions.
   */
  private scored(text: string): Scored {
    const kept = this.recent.get(text);
    if (kept) return kept;
    const retrieval = this.mode === 'retrieval';
    // Retrieval mode scores entries by cosine already (typo-corrected); fuse.js's bitap over many questions
    // built from the same phrasings rates the wrong ones as close, so its hits are not evidence there.
    const scored: Scored = {
      ranked: this.classifier.rank(text, WIDE_TOP_K),
      ...(retrieval ? { retrieved: this.sources.faqSearch.rank(text, 5) } : {}),
      hits: retrieval ? [] : this.sources.faqSearch.search(text, 5),
    };
    if (this.recent.size >= RECENT_TEXTS) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(text, scored);
    return scored;
  }

  serialize(): SerializedNluEngine {
    return { format: 'rebound-nlu-engine/3', version: this.version, faqMode: this.mode, classifier: this.classifier.serialize() };
  }
}

function sourcesOf(kb: NluKnowledge, mode: FaqMode): CandidateSources {
  // Retrieval mode: intent utterances routed to a FAQ are more ways of asking it, so the index holds them too.
  const routed = new Map<string, string[]>();
  if (mode === 'retrieval') {
    for (const intent of kb.intents) if (intent.handler.startsWith('faq:')) routed.set(intent.handler.slice(4), [...(routed.get(intent.handler.slice(4)) ?? []), ...intent.utterances]);
  }
  const docs = routed.size === 0 ? kb.faqs : kb.faqs.map((f) => ({ id: f.id, questions: [...f.questions, ...(routed.get(f.id) ?? [])] }));
  return { faqSearch: new FaqSearch(docs, { wide: mode === 'retrieval' }), faqQuestion: new Map(kb.faqs.map((f) => [f.id, f.questions[0]])) };
}

/** Trains an engine on a KB's intents and FAQs (deterministic: same KB, same model). */
export function createNluEngine(kb: NluKnowledge, options: NluEngineOptions = {}): SerializableNluEngine {
  const mode = faqMode(kb.faqs.length);
  const rows = engineRows(kb, mode);
  const classifier = rows.length > 0
    ? IntentClassifier.train(rows, { ...options.classifier })
    : IntentClassifier.train([{ text: 'nothing', intent: 'none' }]); // no KB content: a stub whose label maps to no candidate
  return new KbNluEngine(mode, options.hash ?? kbContentHash(kb), classifier, sourcesOf(kb, mode), options.thresholds ?? DEFAULT_NLU_THRESHOLDS);
}

/** Rebuilds an engine from the model cache; fails (no exception) when the data is not for this KB or format. */
export function restoreNluEngine(kb: NluKnowledge, data: unknown, options: NluEngineOptions = {}): Result<SerializableNluEngine, string[]> {
  const d = data as Partial<SerializedNluEngine> | null;
  if (d?.format !== 'rebound-nlu-engine/3' || !d.classifier) return fail(['cached NLU model has an unknown format']);
  const hash = options.hash ?? kbContentHash(kb);
  if (d.version !== hash) return fail([`cached NLU model is for KB ${String(d.version)}, not ${hash}`]);
  const mode = faqMode(kb.faqs.length);
  if ((d.faqMode ?? 'classes') !== mode) return fail([`cached NLU model scores FAQs as ${d.faqMode ?? 'classes'}, this engine as ${mode}`]);
  try {
    return ok(new KbNluEngine(mode, hash, IntentClassifier.restore(d.classifier), sourcesOf(kb, mode), options.thresholds ?? DEFAULT_NLU_THRESHOLDS));
  } catch (error) {
    return fail([`cached NLU model is unreadable: ${(error as Error).message}`]);
  }
}
