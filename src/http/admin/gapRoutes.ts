import type { Server } from 'restify';
import { AppError } from '../../shared/errors';
import { applyGapAnswer, type GapAnswer, type GapService } from '../../admin/gapService';
import type { PublishedInfo } from '../../admin/kbEditor';
import { dateWindow, objectBody, ownerRoute, queryParam, type AdminDeps } from './common';

/** GET /api/admin/gaps and POST /api/admin/gaps/{id}/answer (a gap becomes an answer in one step). */
export function registerGapRoutes(server: Server, deps: AdminDeps, gaps: GapService): void {
  const { editor, clock } = deps;

  ownerRoute(server, deps, 'get', '/api/admin/gaps', async (req, res) => {
    const status = queryParam(req, 'status') ?? 'open';
    if (status === 'closed') {
      res.send(200, { gaps: await gaps.closed() });
      return;
    }
    if (status !== 'open') throw new AppError('BAD_REQUEST', 'status is open or closed');
    const window = dateWindow(req, clock.now());
    const list = await gaps.open(window, (await editor.working()).kb);
    // The text keys of a gap stay inside the server: the list shows counts and examples only.
    res.send(200, { gaps: list.map(({ textKeys: _keys, ...gap }) => gap) });
  });

  ownerRoute(server, deps, 'post', '/api/admin/gaps/:id/answer', async (req, res, owner) => {
    const id = String(req.params.id);
    const body = objectBody(req);
    const answer = parseAnswer(body);
    // A gap may be older than the default window: look back as far as analytics are kept.
    const now = clock.now();
    const gap = (await gaps.open({ from: new Date(now.getTime() - 400 * 86_400_000), to: new Date(now.getTime() + 1) }, (await editor.working()).kb)).find((g) => g.id === id);
    if (!gap) throw new AppError('NOT_FOUND', `gap ${id} not found (or already answered)`);
    let faqId = '';
    const saved = await editor.edit(owner, { action: 'gap.answer', target: `gap:${id}`, details: { mode: answer.mode, messages: gap.count } }, (kb) => {
      const applied = applyGapAnswer(kb, gap, answer);
      faqId = applied.faqId;
      return applied.candidate;
    });
    await gaps.close(gap, faqId, owner, now);
    let published: PublishedInfo | null = null;
    if (body.publish === true) published = await editor.publish(owner, typeof body.message === 'string' ? body.message : `answered gap ${id}`);
    res.send(201, { faq: saved.kb.faqs.find((f) => f.id === faqId), gapId: id, published });
  });
}

function parseAnswer(body: Record<string, unknown>): GapAnswer {
  const strings = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  if (body.mode === 'variants' && typeof body.faqId === 'string') return { mode: 'variants', faqId: body.faqId, questions: strings(body.questions) };
  const faq = body.faq as Record<string, unknown> | undefined;
  if (body.mode === 'new' && faq && typeof faq.id === 'string' && typeof faq.answer === 'string') {
    return {
      mode: 'new',
      faq: {
        id: faq.id,
        answer: faq.answer,
        ...(strings(faq.tags) ? { tags: strings(faq.tags) } : {}),
        ...(typeof faq.locale === 'string' ? { locale: faq.locale } : {}),
        ...(strings(faq.questions) ? { questions: strings(faq.questions) } : {}),
      },
    };
  }
  throw new AppError('VALIDATION_FAILED', 'The body is { mode: "new", faq: { id, answer, tags?, questions? } } or { mode: "variants", faqId, questions? }.', {
    problems: ['mode: "new" with faq.id and faq.answer, or "variants" with faqId'],
  });
}
