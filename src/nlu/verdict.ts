import type { FaqHit, FaqSearch } from './faqSearch';
import type { IntentRanking } from './intentClassifier';
import type { Candidate, NluThresholds, Understanding } from './types';

/** What `decide` needs besides the classifier's ranking. */
export interface CandidateSources {
  faqSearch: FaqSearch;
  /** The first question of each FAQ, shown when the classifier (not the search) found it. */
  faqQuestion: ReadonlyMap<string, string>;
}

// A fuzzy FAQ match counts as evidence only when it is close; its confidence is discounted a little so a
// confident classifier still wins ties.
const FUZZY_FLOOR = 0.8;
const FUZZY_DISCOUNT = 0.9;
const MAX_ALTERNATIVES = 4;

function toCandidate(label: string, confidence: number, sources: CandidateSources, hit?: FaqHit): Candidate | null {
  const c = Math.max(0, Math.min(1, confidence));
  if (label.startsWith('intent:')) return { kind: 'intent', id: label.slice(7), confidence: c };
  if (label.startsWith('faq:')) {
    const id = label.slice(4);
    const question = hit?.question ?? sources.faqQuestion.get(id);
    return question === undefined ? null : { kind: 'faq', id, confidence: c, question };
  }
  return null;
}

/**
 * Combines the classifier's ranking (intents and FAQs, calibrated probabilities) with fuzzy FAQ hits into
 * the best candidate, runners-up and a verdict from the thresholds.
 */
export function decide(ranking: IntentRanking, hits: FaqHit[], sources: CandidateSources, thresholds: NluThresholds, only?: 'faq'): Understanding {
  const scores = new Map<string, number>();
  const kept = only ? ranking.ranking.filter((r) => r.intent.startsWith('faq:')) : ranking.ranking;
  // Restricted to FAQs: P(faq | text, it is a question) = P(faq | text) / (mass of the FAQs and of "not ours").
  const mass = only ? kept.reduce((sum, r) => sum + r.probability, ranking.oosProbability) : 1;
  for (const r of kept) scores.set(r.intent, mass > 0 ? r.probability / mass : 0);
  const hitByLabel = new Map(hits.map((h) => [`faq:${h.id}`, h]));
  for (const [label, hit] of hitByLabel) {
    const fuzzy = hit.confidence >= FUZZY_FLOOR ? hit.confidence * FUZZY_DISCOUNT : 0;
    scores.set(label, Math.max(scores.get(label) ?? 0, fuzzy));
  }
  const candidates = [...scores]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([label, confidence]) => toCandidate(label, confidence, sources, hitByLabel.get(label)))
    .filter((c): c is Candidate => c !== null && c.confidence > 0);
  const [best, ...rest] = candidates;
  const alternatives = rest.slice(0, MAX_ALTERNATIVES);
  // The out-of-scope class of the classifier (when trained) outweighing every candidate also means "not ours".
  if (!best || best.confidence < thresholds.outOfScope || ranking.oosProbability / mass > best.confidence) {
    return { verdict: 'out_of_scope', best: null, alternatives: candidates.slice(0, MAX_ALTERNATIVES), normalized: ranking.normalized, coverage: ranking.coverage };
  }
  const runnerUp = alternatives[0]?.confidence ?? 0;
  const verdict = best.confidence - runnerUp < thresholds.ambiguityMargin ? 'ambiguous' : 'match';
  return { verdict, best, alternatives, normalized: ranking.normalized, coverage: ranking.coverage };
}
