import type { FaqCandidate } from './faqSearch';
import type { IntentRanking, LabeledText } from './intentClassifier';

/**
 * How the engine scores FAQ entries. 'classes': each entry is a class of the softmax model (best accuracy, but
 * the weights grow as features x classes: about 12 s and 240 MB at 1,000 entries). 'retrieval': one shared FAQ
 * class says "this is a FAQ question", and the inverted index retrieves and scores the entries it could be.
 */
export type FaqMode = 'classes' | 'retrieval';

/** Above this many FAQ entries the engine switches to retrieval mode (the shipped KB has about 120). */
export const FAQ_CLASS_LIMIT = 400;

/** Label of the shared FAQ class in retrieval mode. */
export const FAQ_CLASS = 'faqs';

// Rows of the shared class the model trains on: enough to learn what a FAQ question looks like, bounded cost.
const FAQ_CLASS_SAMPLE = 3_000;
// Temperature of the softmax over the retrieved entries' similarities: a 0.1 lead in cosine is a 7.4x odds lead.
const TEMPERATURE = 0.05;
// Below this cosine a retrieved entry is a weak match and its share is scaled down in proportion.
const WEAK_SIMILARITY = 0.4;

/** The FAQ mode for a KB of this many FAQ entries. */
export function faqMode(faqCount: number): FaqMode {
  return faqCount > FAQ_CLASS_LIMIT ? 'retrieval' : 'classes';
}

/** Relabels FAQ rows to the shared class, keeping an evenly spread, deterministic sample of them. */
export function sampleFaqRows(rows: LabeledText[]): LabeledText[] {
  const faqRows = rows.filter((r) => r.intent.startsWith('faq:'));
  const step = Math.max(1, faqRows.length / FAQ_CLASS_SAMPLE);
  const sampled: LabeledText[] = [];
  for (let i = 0; i < faqRows.length && sampled.length < FAQ_CLASS_SAMPLE; i += 1) {
    if (i >= sampled.length * step) sampled.push({ text: faqRows[i].text, intent: FAQ_CLASS });
  }
  return [...rows.filter((r) => !r.intent.startsWith('faq:')), ...sampled];
}

/**
 * Replaces the shared FAQ class in a ranking by the retrieved entries: each gets the class's probability times
 * its share of a softmax over the similarities, scaled down below a similarity of 0.4 (a weak match stays
 * weak however alone it is). The result is a ranking of intents and `faq:<id>` labels, as in 'classes' mode.
 */
export function expandFaqClass(ranking: IntentRanking, candidates: FaqCandidate[]): IntentRanking {
  const shared = ranking.ranking.find((r) => r.intent === FAQ_CLASS)?.probability ?? 0;
  const rest = ranking.ranking.filter((r) => r.intent !== FAQ_CLASS);
  if (candidates.length === 0 || shared === 0) return { ...ranking, ranking: rest };
  const weights = candidates.map((c) => Math.exp((c.similarity - candidates[0].similarity) / TEMPERATURE));
  const total = weights.reduce((a, b) => a + b, 0);
  const faqs = candidates.map((c, i) => ({ intent: `faq:${c.id}`, probability: shared * (weights[i] / total) * Math.min(1, c.similarity / WEAK_SIMILARITY) }));
  const merged = [...rest, ...faqs].sort((a, b) => b.probability - a.probability || (a.intent < b.intent ? -1 : 1));
  return { ...ranking, ranking: merged };
}
