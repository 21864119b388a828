import type { Faq } from '../knowledge';
import { GAP_KINDS, type GapKind, type GapMessage } from './gapMessages';
import { addInto, contentTerms, cosine, normalise, TfIdf, type SparseVector } from './similarity';

/** A group of similar gap messages, for the owner to answer in one step. */
export interface Gap {
  /** Stable while its first message is: "gap-" and the start of that message's text key. */
  id: string;
  status: 'open';
  count: number;
  kinds: Record<GapKind, number>;
  /** Distinct texts, most frequent first (redacted when recorded). */
  examples: string[];
  firstAt: string;
  lastAt: string;
  /** The text keys of every message of the gap (to close it). */
  textKeys: string[];
  /** The existing FAQ closest to the gap, if any is close enough. */
  suggestion: { faqId: string; question: string; score: number } | null;
}

/** Tuning of the grouping. */
export interface GapOptions {
  /** Cosine to a group's centroid from which a message joins the group. */
  joinThreshold: number;
  /** Cosine from which an FAQ is suggested. */
  suggestThreshold: number;
  maxExamples: number;
}

/** Defaults of GapOptions. */
export const DEFAULT_GAP_OPTIONS: GapOptions = { joinThreshold: 0.4, suggestThreshold: 0.2, maxExamples: 5 };

interface Cluster {
  members: GapMessage[];
  sum: SparseVector;
  centroid: SparseVector;
  exact: string;
}

/** Groups gap messages by TF-IDF cosine (greedy, oldest first), largest groups first, each with a suggested FAQ. */
export function clusterGaps(messages: readonly GapMessage[], faqs: readonly Faq[], options: Partial<GapOptions> = {}): Gap[] {
  const o = { ...DEFAULT_GAP_OPTIONS, ...options };
  const sorted = [...messages].sort((a, b) => a.at.localeCompare(b.at));
  const terms = sorted.map((m) => contentTerms(m.normalized));
  const faqTerms = faqs.map((f) => f.questions.map((q) => contentTerms(q)));
  const tfidf = new TfIdf([...terms, ...faqTerms.flat()]);
  const clusters: Cluster[] = [];
  sorted.forEach((m, i) => {
    const v = tfidf.vector(terms[i]!);
    let best: Cluster | null = null;
    let bestScore = 0;
    for (const c of clusters) {
      // Messages with no content word ("hello?") only group with the same text.
      const score = v.size === 0 || c.centroid.size === 0 ? (c.exact === m.normalized ? 1 : 0) : cosine(v, c.centroid);
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (best && bestScore >= o.joinThreshold) {
      const c: Cluster = best;
      c.members.push(m);
      c.centroid = normalise(addInto(c.sum, v));
    } else clusters.push({ members: [m], sum: new Map(v), centroid: v, exact: m.normalized });
  });
  const faqVectors = faqTerms.map((qs) => qs.map((t) => tfidf.vector(t)));
  return clusters.map((c) => toGap(c, faqs, faqVectors, o)).sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}

function toGap(c: Cluster, faqs: readonly Faq[], faqVectors: SparseVector[][], o: GapOptions): Gap {
  const kinds = Object.fromEntries(GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>;
  const texts = new Map<string, { text: string; n: number }>();
  for (const m of c.members) {
    for (const k of m.kinds) kinds[k] += 1;
    const t = texts.get(m.normalized);
    if (t) t.n += 1;
    else texts.set(m.normalized, { text: m.text, n: 1 });
  }
  const ats = c.members.map((m) => m.at).sort();
  return {
    id: `gap-${c.members[0]!.textKey.slice(0, 16)}`,
    status: 'open',
    count: c.members.length,
    kinds,
    examples: [...texts.values()].sort((a, b) => b.n - a.n).slice(0, o.maxExamples).map((t) => t.text),
    firstAt: ats[0]!,
    lastAt: ats[ats.length - 1]!,
    textKeys: [...new Set(c.members.map((m) => m.textKey))],
    suggestion: suggest(c.centroid, faqs, faqVectors, o.suggestThreshold),
  };
}

function suggest(centroid: SparseVector, faqs: readonly Faq[], faqVectors: SparseVector[][], threshold: number): Gap['suggestion'] {
  let best: Gap['suggestion'] = null;
  faqs.forEach((faq, i) => {
    faqVectors[i]!.forEach((v, j) => {
      const score = cosine(centroid, v);
      if (score >= threshold && (!best || score > best.score)) best = { faqId: faq.id, question: faq.questions[j]!, score: Math.round(score * 100) / 100 };
    });
  });
  return best;
}
