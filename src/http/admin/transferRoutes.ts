import type { Request, Server } from 'restify';
import JSZip from 'jszip';
import { AppError } from '../../shared/errors';
import { checkKnowledgeFiles, serializeKnowledgeBase, type KbFile, type KnowledgeBase } from '../../knowledge';
import { formatFaqTable, parseFaqTable, type FaqTableFormat } from '../../admin/faqTable';
import { mergeFaqs } from '../../admin/faqMerge';
import { diffKnowledgeBases } from '../../admin/diff';
import { objectBody, ownerRoute, queryParam, type AdminDeps } from './common';

/** What an import changes, reported the same way for a dry run and a real one. */
interface ImportPlan {
  rows: number;
  added: string[];
  changed: string[];
  unchanged: string[];
  build: (working: KnowledgeBase) => unknown;
}

/** Import (CSV, QnA Maker TSV, the file layout; with ?dryRun=true) and export (zip, JSON of files, CSV, TSV). */
export function registerTransferRoutes(server: Server, deps: AdminDeps): void {
  const { editor } = deps;

  ownerRoute(server, deps, 'post', '/api/admin/kb/import', async (req, res, owner) => {
    const dryRun = queryParam(req, 'dryRun') === 'true';
    const body = objectBody(req);
    const format = String(body.format ?? '');
    const working = await editor.working();
    const plan = planImport(format, body, working.kb);
    const report = editor.check(plan.build(working.kb));
    const answer = { dryRun, rows: plan.rows, added: plan.added, changed: plan.changed, unchanged: plan.unchanged };
    if (dryRun) {
      res.send(200, { ...answer, valid: report.kb !== undefined, problems: report.problems });
      return;
    }
    // Re-planned on the KB the edit actually starts from, in case the draft moved since the dry run above.
    let final = plan;
    const saved = await editor.edit(owner, { action: 'kb.import', target: 'kb:draft', details: { format, rows: plan.rows } }, (kb) => {
      final = planImport(format, body, kb);
      return final.build(kb);
    });
    res.send(200, { ...answer, added: final.added, changed: final.changed, unchanged: final.unchanged, valid: true, problems: saved.warnings });
  });

  ownerRoute(server, deps, 'get', '/api/admin/kb/export', async (req, res) => {
    const format = queryParam(req, 'format') ?? 'zip';
    const { kb, version } = await exportSource(deps, req);
    if (format === 'csv' || format === 'tsv') {
      const text = formatFaqTable(format, kb.faqs);
      res.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/tab-separated-values; charset=utf-8');
      res.header('Content-Disposition', `attachment; filename="rebound-faqs-${version}.${format}"`);
      res.sendRaw(200, text);
      return;
    }
    const files = serializeKnowledgeBase(kb);
    if (format === 'json') {
      res.send(200, { version, files });
      return;
    }
    if (format !== 'zip') throw new AppError('BAD_REQUEST', 'format is zip, json, csv or tsv');
    const zip = new JSZip();
    for (const f of files) zip.file(f.path, f.content);
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    res.header('Content-Type', 'application/zip');
    res.header('Content-Disposition', `attachment; filename="rebound-knowledge-${version}.zip"`);
    res.sendRaw(200, data);
  });
}

function planImport(format: string, body: Record<string, unknown>, kb: KnowledgeBase): ImportPlan {
  if (format === 'csv' || format === 'tsv') {
    if (typeof body.content !== 'string') throw invalid(['content: the file\'s text is required']);
    const parsed = parseFaqTable(format as FaqTableFormat, body.content);
    if (parsed.problems.length > 0) throw invalid(parsed.problems);
    const merged = mergeFaqs(kb, parsed.faqs);
    return { rows: parsed.rows, added: merged.added, changed: merged.changed, unchanged: merged.unchanged, build: (k) => mergeFaqs(k, parsed.faqs).candidate };
  }
  if (format === 'files') {
    const files = body.files;
    if (!Array.isArray(files) || !files.every((f) => f && typeof f.path === 'string' && typeof f.content === 'string')) {
      throw invalid(['files: a list of { path, content }']);
    }
    const report = checkKnowledgeFiles(files as KbFile[]);
    if (!report.kb) throw new AppError('INVALID_KB', 'The files do not make a valid knowledge base.', { problems: report.problems });
    const next = report.kb;
    const faqs = diffKnowledgeBases(kb, next).collections.faqs;
    const unchanged = next.faqs.map((f) => f.id).filter((id) => !faqs.added.includes(id) && !faqs.changed.includes(id));
    return { rows: files.length, added: faqs.added, changed: faqs.changed, unchanged, build: () => next };
  }
  throw invalid(['format: one of csv, tsv, files']);
}

function invalid(problems: string[]): AppError {
  return new AppError('VALIDATION_FAILED', `The import cannot be read: ${problems[0] ?? ''}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, { problems });
}

async function exportSource(deps: AdminDeps, req: Request): Promise<{ kb: KnowledgeBase; version: string }> {
  const source = queryParam(req, 'source') ?? 'published';
  if (source === 'draft') {
    const working = await deps.editor.working();
    return { kb: working.kb, version: working.draft ? 'draft' : `v${working.published.version}` };
  }
  if (source !== 'published') throw new AppError('BAD_REQUEST', 'source is published or draft');
  const published = await deps.editor.published();
  return { kb: published.kb, version: `v${published.version}` };
}
