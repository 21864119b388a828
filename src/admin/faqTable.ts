import { normalizeText } from '../nlu/normalize';
import type { Faq } from '../knowledge';
import { formatDelimited, parseDelimited } from './delimited';

/** The FAQ table formats: CSV (question, answer, tags) and the QnA Maker / question answering TSV export. */
export type FaqTableFormat = 'csv' | 'tsv';

/** One FAQ read from a table: rows with the same answer (CSV) or QnaId (TSV) are one entry. */
export interface ImportedFaq {
  id?: string;
  questions: string[];
  answer: string;
  tags: string[];
}

/** The QnA Maker export's columns, in its order. */
export const QNA_TSV_COLUMNS = ['Question', 'Answer', 'Source', 'Metadata', 'SuggestedQuestions', 'IsContextOnly', 'Prompts', 'QnaId'];

/** A text as a KB id: lower-case ASCII words joined by "-", at most 60 characters ("faq" when nothing is left). */
export function slugId(text: string): string {
  const slug = normalizeText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const cut = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
  return cut || 'faq';
}

/** Reads an FAQ table: the entries, the number of data rows, and one problem per bad row ("row 3: ..."). */
export function parseFaqTable(format: FaqTableFormat, content: string): { faqs: ImportedFaq[]; rows: number; problems: string[] } {
  const table = parseDelimited(content, format === 'csv' ? ',' : '\t');
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const [q, a] = [col('question'), col('answer')];
  if (q < 0 || a < 0) {
    const wanted = format === 'csv' ? 'question, answer, tags' : QNA_TSV_COLUMNS.join(', ');
    return { faqs: [], rows: Math.max(0, table.length - 1), problems: [`row 1: the header must name the columns ${wanted} (question and answer are required)`] };
  }
  const [tagsCol, metaCol, idCol] = [col('tags'), col('metadata'), col('qnaid')];
  const groups = new Map<string, ImportedFaq>();
  const problems: string[] = [];
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const question = (cells[q] ?? '').trim();
    const answer = (cells[a] ?? '').trim();
    if (!question) problems.push(`row ${row}: the question is empty`);
    if (!answer) problems.push(`row ${row}: the answer is empty`);
    if (!question || !answer) return;
    const qnaId = idCol >= 0 ? (cells[idCol] ?? '').trim() : '';
    const tags = format === 'csv' ? splitTags(cells[tagsCol] ?? '') : metadataTags(cells[metaCol] ?? '');
    const key = qnaId ? `id:${qnaId}` : `answer:${answer}`;
    const group = groups.get(key) ?? { ...(qnaId ? { id: `qna-${slugId(qnaId)}` } : {}), questions: [], answer, tags: [] };
    if (!group.questions.some((x) => normalizeText(x) === normalizeText(question))) group.questions.push(question);
    for (const t of tags) if (!group.tags.includes(t)) group.tags.push(t);
    groups.set(key, group);
  });
  return { faqs: [...groups.values()], rows: Math.max(0, table.length - 1), problems };
}

/** Writes FAQs as a table: one row per question. */
export function formatFaqTable(format: FaqTableFormat, faqs: readonly Faq[]): string {
  if (format === 'csv') {
    return formatDelimited([['question', 'answer', 'tags'], ...faqs.flatMap((f) => f.questions.map((q) => [q, f.answer, f.tags.join(';')]))], ',');
  }
  const rows = faqs.flatMap((f, i) =>
    f.questions.map((q) => [q, f.answer, 'Editorial', f.tags.map((t) => `tag:${t}`).join('|'), '[]', 'False', '[]', String(i + 1)]),
  );
  return formatDelimited([QNA_TSV_COLUMNS, ...rows], '\t');
}

function splitTags(cell: string): string[] {
  return cell.split(/[;|]/).map((t) => t.trim()).filter(Boolean).map(slugId);
}

/** QnA Maker metadata `key:value|key:value`: each value becomes a tag. */
function metadataTags(cell: string): string[] {
  return cell.split('|').map((pair) => pair.slice(pair.indexOf(':') + 1).trim()).filter(Boolean).map(slugId);
}
