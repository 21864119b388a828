import Fuse from 'fuse.js';
import { normalizeText } from './normalize';
import { STOP_STEMS as STOP_WORDS, stem, tokenize } from './tokenize';
import { TypoCorrector } from './typo';
import { TopK } from './topK';

/** A FAQ entry as the search sees it. */
export interface FaqDocument {
  id: string;
  questions: string[];
}

/** A FAQ found for a query; confidence in [0,1], higher is better (fuse.js scores converted once, here). */
export interface FaqHit {
  id: string;
  question: string;
  confidence: number;
}

/** A FAQ entry retrieved by the index: the cosine similarity (in [0,1]) of its closest question. */
export interface FaqCandidate {
  id: string;
  question: string;
  similarity: number;
}

interface QuestionRow {
  faq: number;
  question: string;
  normalized: string;
}

// fuse.js ranks this many candidates; its bitap costs about 40 µs per candidate, and the index already puts the
// right entry among the first few (every starter FAQ question, also with typos, is found with 10 as with 25).
const CANDIDATES = 10;
// fuse.js gives up on a candidate beyond this score (0 = exact): `decide` only counts hits scoring 0.2 or better,
// so a tighter bound than fuse's usual 0.6 saves a third of the time and changed no verdict, best candidate or
// runner-up on 5,756 test messages (the starter KB's questions and utterances, with typos, and CLINC150 val).
const FUSE_THRESHOLD = 0.3;
// A stem found in more questions than this is too common to retrieve by (unless it is all the query has).
const MAX_POSTINGS = 2_000;
// Total postings read per query: bounds the cost whatever the number of entries.
const POSTINGS_BUDGET = 6_000;
// The similarity ranking reads common stems too (cities, products in a large KB), within a larger budget: in a
// very large KB the most common ones ("how", "the", "my") fall outside it, and their idf² adds little anyway.
const RANKING_BUDGET = 120_000;

/**
 * FAQ search: an inverted index of stems retrieves a few candidate questions (typo-corrected query
 * words, rarest first, bounded postings), then fuse.js ranks only those, so a query never scans every entry.
 * `rank` scores entries by idf-weighted cosine over the same index (the engine's FAQ scores in a large KB).
 */
export class FaqSearch {
  private readonly rows: QuestionRow[] = [];
  private readonly postings = new Map<string, Int32Array>();
  private readonly norms: Float32Array;
  private readonly corrector: TypoCorrector;
  // Scratch accumulators, one slot per question (the engine answers one query at a time).
  private readonly sums: Float64Array;
  private readonly dots: Float64Array;

  /**
   * Builds the index (explicitly, once per KB version). `wide`: fuse.js ranks the candidates `rank` finds (all
   * query words within a large budget, by cosine) instead of the few rarest words' postings: a large KB where
   * entries share most words needs it.
   */
  constructor(
    private readonly faqs: readonly FaqDocument[],
    private readonly options: { wide?: boolean } = {},
  ) {
    const docs: string[][] = [];
    const lists = new Map<string, number[]>();
    const rowStems: string[][] = [];
    faqs.forEach((faq, f) => {
      for (const question of faq.questions) {
        const normalized = normalizeText(question);
        const tokens = tokenize(normalized);
        docs.push(tokens);
        const row = this.rows.push({ faq: f, question, normalized }) - 1;
        const stems = [...new Set(tokens.map(stem))];
        rowStems.push(stems);
        for (const s of stems) {
          const list = lists.get(s);
          if (list) list.push(row);
          else lists.set(s, [row]);
        }
      }
    });
    for (const [s, list] of lists) this.postings.set(s, Int32Array.from(list));
    this.norms = Float32Array.from(rowStems, (stems) => Math.sqrt(stems.reduce((sum, s) => sum + (STOP_WORDS.has(s) ? 0 : this.idf(s) ** 2), 0)));
    this.sums = new Float64Array(this.rows.length);
    this.dots = new Float64Array(this.rows.length);
    this.corrector = TypoCorrector.fromTokens(docs);
  }

  /** The best FAQ entries for a query (one hit per entry), best first. Never throws. */
  search(text: string, limit = 5): FaqHit[] {
    const normalized = normalizeText(text);
    const top = this.options.wide ? this.closest(normalized, CANDIDATES) : new TopK(CANDIDATES);
    if (!this.options.wide) this.accumulate(this.queryStems(normalized), POSTINGS_BUDGET, (row) => top.offer(row, this.sums[row]));
    if (top.size === 0) return [];
    const candidates = top.sorted().map((row) => this.rows[row]);
    const fuse = new Fuse(candidates, { keys: ['normalized'], includeScore: true, ignoreLocation: true, threshold: FUSE_THRESHOLD, ignoreFieldNorm: true });
    const hits: FaqHit[] = [];
    const seen = new Set<number>();
    for (const result of fuse.search(normalized)) {
      if (seen.has(result.item.faq)) continue;
      seen.add(result.item.faq);
      // fuse.js: 0 is a perfect match, 1 no match at all. Converted once: confidence = 1 - score.
      hits.push({ id: this.faqs[result.item.faq].id, question: result.item.question, confidence: 1 - (result.score ?? 1) });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** The entries most similar to a query (idf-weighted cosine of stems, one per entry), best first. Never throws. */
  rank(text: string, limit = 5): FaqCandidate[] {
    const top = this.closest(normalizeText(text), limit * 4);
    const out: FaqCandidate[] = [];
    const seen = new Set<number>();
    for (const [i, row] of top.sorted().entries()) {
      const { faq, question } = this.rows[row];
      if (seen.has(faq)) continue;
      seen.add(faq);
      out.push({ id: this.faqs[faq].id, question, similarity: Math.min(1, top.scoreAt(i)) });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The questions closest to a normalised query by idf-weighted cosine of stems. */
  private closest(normalized: string, k: number): TopK {
    const stems = this.queryStems(normalized).filter((s) => !STOP_WORDS.has(s));
    const queryNorm = Math.sqrt(stems.reduce((sum, s) => sum + this.idf(s) ** 2, 0));
    const top = new TopK(k);
    this.accumulate(stems, RANKING_BUDGET, (row) => top.offer(row, this.dots[row] / (this.norms[row] * queryNorm || 1)));
    return top;
  }

  private idf(s: string): number {
    return Math.log(1 + this.rows.length / (this.postings.get(s)?.length ?? 1));
  }

  private queryStems(normalized: string): string[] {
    return [...new Set(this.corrector.correctAll(tokenize(normalized)).map(stem))]
      .filter((s) => this.postings.has(s))
      .sort((a, b) => (this.postings.get(a)?.length ?? 0) - (this.postings.get(b)?.length ?? 0));
  }

  /** Sums idf (sums) and idf² (dots) over the postings of the stems, rarest first, within a budget; visits each row once. */
  private accumulate(stems: string[], budget: number, visit: (row: number) => void): void {
    const touched: number[] = [];
    let left = budget;
    for (const [i, s] of stems.entries()) {
      const list = this.postings.get(s)!;
      const cap = budget === POSTINGS_BUDGET ? MAX_POSTINGS : budget;
      if (i > 0 && (list.length > cap || list.length > left)) break;
      left -= list.length;
      const idf = this.idf(s);
      const n = Math.min(list.length, cap);
      for (let k = 0; k < n; k += 1) {
        const row = list[k];
        if (this.sums[row] === 0) touched.push(row);
        this.sums[row] += idf;
        this.dots[row] += idf * idf;
      }
    }
    for (const row of touched) visit(row);
    for (const row of touched) {
      this.sums[row] = 0;
      this.dots[row] = 0;
    }
  }
}
