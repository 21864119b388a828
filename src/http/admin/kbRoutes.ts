import type { Server } from 'restify';
import { AppError } from '../../shared/errors';
import { applyUpsert, isListName, isSettingsName } from '../../admin/collections';
import { diffKnowledgeBases } from '../../admin/diff';
import { assertETag, intParam, objectBody, ownerRoute, requireIfMatch, type AdminDeps } from './common';

/** Validation as you type, the draft, publish, history with diffs, and rollback. */
export function registerKbRoutes(server: Server, deps: AdminDeps): void {
  const { editor, stores } = deps;

  ownerRoute(server, deps, 'post', '/api/admin/kb/check', async (req, res) => {
    const body = objectBody(req);
    const collection = String(body.collection ?? '');
    if (!isListName(collection) && !isSettingsName(collection)) {
      throw new AppError('VALIDATION_FAILED', `Unknown collection "${collection}".`, { problems: ['collection: unknown'] });
    }
    const working = await editor.working();
    const report = editor.check(applyUpsert(working.kb, collection, body.item));
    res.send(200, { valid: report.kb !== undefined, problems: report.problems });
  });

  ownerRoute(server, deps, 'get', '/api/admin/kb/draft', async (_req, res) => {
    const working = await editor.working();
    const draft = working.draft;
    res.send(200, {
      exists: !!draft,
      ...(draft ? { eTag: `"${draft.eTag}"`, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt } : {}),
      publishedVersion: working.published.version,
      changes: diffKnowledgeBases(working.published.kb, working.kb),
      problems: draft ? editor.check(draft.kb).problems : [],
    });
  });

  ownerRoute(server, deps, 'del', '/api/admin/kb/draft', async (req, res, owner) => {
    const ifMatch = requireIfMatch(req);
    const draft = await stores.knowledge.getDraft();
    if (!draft) throw new AppError('NOT_FOUND', 'There is no draft.');
    assertETag(ifMatch, `"${draft.eTag}"`, 'The draft');
    await editor.discard(owner, draft.eTag);
    res.send(204);
  });

  ownerRoute(server, deps, 'post', '/api/admin/kb/publish', async (req, res, owner) => {
    const body = objectBody(req, true);
    res.send(201, await editor.publish(owner, typeof body.message === 'string' ? body.message : undefined));
  });

  ownerRoute(server, deps, 'get', '/api/admin/kb/versions', async (req, res) => {
    const limit = intParam(req, 'limit', 20, 100);
    const infos = await stores.knowledge.listVersions(limit);
    // Each diff needs the version before it: load each version once, and the one before the oldest listed.
    const numbers = [...new Set(infos.flatMap((v) => [v.version, v.version - 1]).filter((n) => n >= 1))];
    const loaded = new Map((await Promise.all(numbers.map((n) => stores.knowledge.getVersion(n)))).filter((v) => v !== null).map((v) => [v.version, v]));
    const versions = infos.map((info) => {
      const kb = loaded.get(info.version)?.kb;
      return { ...info, diff: kb ? diffKnowledgeBases(loaded.get(info.version - 1)?.kb ?? null, kb) : null };
    });
    res.send(200, { versions });
  });

  ownerRoute(server, deps, 'get', '/api/admin/kb/versions/:version', async (req, res) => {
    const version = await stores.knowledge.getVersion(versionParam(req.params.version));
    if (!version) throw new AppError('NOT_FOUND', `version ${String(req.params.version)} not found`);
    res.send(200, version);
  });

  ownerRoute(server, deps, 'post', '/api/admin/kb/versions/:version/restore', async (req, res, owner) => {
    const body = objectBody(req, true);
    res.send(201, await editor.restore(owner, versionParam(req.params.version), typeof body.message === 'string' ? body.message : undefined));
  });
}

function versionParam(raw: unknown): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AppError('BAD_REQUEST', 'version must be a positive integer');
  return n;
}
