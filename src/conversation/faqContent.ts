import type { KnowledgeBase } from '../knowledge/schema';
import { boundedEditDistance } from '../nlu/editDistance';
import { normalizeText } from '../nlu/normalize';
import type { MessageReading } from '../nlu/reading';
import { STOP_STEMS, stem, tokenize } from '../nlu/tokenize';

/** The content stems of each FAQ's questions, per knowledge base (built on first use, dropped with the KB). */
const faqStems = new WeakMap<KnowledgeBase, Map<string, Set<string>>>();

function contentStems(text: string): string[] {
  return tokenize(normalizeText(text)).map(stem).filter((s) => s.length >= 3 && !STOP_STEMS.has(s));
}

function stemsOf(kb: KnowledgeBase, faqId: string): Set<string> {
  let byFaq = faqStems.get(kb);
  if (!byFaq) faqStems.set(kb, (byFaq = new Map()));
  let stems = byFaq.get(faqId);
  if (!stems) {
    stems = new Set((kb.faqs.find((f) => f.id === faqId)?.questions ?? []).flatMap(contentStems));
    byFaq.set(faqId, stems);
  }
  return stems;
}

/**
 * Whether a message shares a content word with an FAQ's questions (a typo apart in words of five letters or
 * more): a question whose only link to an answer is its shape ("is there karaoke night on cruises" and "is
 * there a guide on this tour") is not asked by it, however the classifier scores it.
 */
export function sharesContent(reading: MessageReading, kb: KnowledgeBase, faqId: string): boolean {
  const theirs = stemsOf(kb, faqId);
  const ours = contentStems(reading.normalized);
  if (ours.some((s) => theirs.has(s))) return true;
  // A typo apart only when no word matches as it is: the edit distance is the costly part.
  const long = ours.filter((s) => s.length >= 5);
  for (const t of theirs) if (long.some((s) => boundedEditDistance(s, t, 1) <= 1)) return true;
  return false;
}
