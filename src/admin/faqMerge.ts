import { canonicalJson, faqTopic, type Faq, type KnowledgeBase } from '../knowledge';
import { normalizeText } from '../nlu/normalize';
import { slugId, type ImportedFaq } from './faqTable';

/** What an import would do to the FAQs. */
export interface MergeResult {
  /** The KB with the import merged in (unvalidated). */
  candidate: KnowledgeBase;
  added: string[];
  changed: string[];
  unchanged: string[];
}

/**
 * Merges imported FAQs into a KB: an entry whose id, or one of whose questions (normalised), matches an
 * existing FAQ updates it (answer replaced, tags replaced when the import has any, new questions added);
 * any other entry is added under a fresh id. Nothing is removed.
 */
export function mergeFaqs(kb: KnowledgeBase, imported: readonly ImportedFaq[]): MergeResult {
  const faqs: Faq[] = kb.faqs.map((f) => ({ ...f }));
  const out: MergeResult = { candidate: kb, added: [], changed: [], unchanged: [] };
  const taken = new Set(faqs.map((f) => f.id));
  for (const item of imported) {
    const keys = new Set(item.questions.map((q) => normalizeText(q)));
    const index = faqs.findIndex((f) => f.id === item.id || f.questions.some((q) => keys.has(normalizeText(q))));
    if (index < 0) {
      const id = freshId(item.id ?? slugId(item.questions[0] ?? ''), taken);
      // The topic file is fixed now, so an export and re-import gives the same entry.
      faqs.push({ id, questions: [...item.questions], answer: item.answer, tags: [...item.tags], locale: 'en', topic: faqTopic({ tags: item.tags }) });
      out.added.push(id);
      continue;
    }
    const before = faqs[index]!;
    const known = new Set(before.questions.map((q) => normalizeText(q)));
    const after: Faq = {
      ...before,
      answer: item.answer,
      tags: item.tags.length > 0 ? [...item.tags] : before.tags,
      questions: [...before.questions, ...item.questions.filter((q) => !known.has(normalizeText(q)))],
    };
    faqs[index] = after;
    const list = canonicalJson(before) === canonicalJson(after) ? out.unchanged : out.changed;
    if (!list.includes(after.id)) list.push(after.id);
  }
  // An FAQ first changed then found unchanged by a later row of the same file counts as changed.
  out.unchanged = out.unchanged.filter((id) => !out.changed.includes(id));
  out.candidate = { ...kb, faqs };
  return out;
}

function freshId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
