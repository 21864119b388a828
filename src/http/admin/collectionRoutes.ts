import type { Server } from 'restify';
import { AppError } from '../../shared/errors';
import { faqTopic, type KbProblem } from '../../knowledge';
import {
  applyListEdit, applySettingsEdit, entryETag, findEntry, keyOf, LIST_COLLECTIONS, listEntries, SETTINGS_NAMES,
  type ListName, type SettingsName,
} from '../../admin/collections';
import { assertETag, objectBody, ownerRoute, requireIfMatch, sendWithETag, type AdminDeps } from './common';

const warningsOf = (problems: KbProblem[]) => problems.filter((p) => p.severity === 'warning');

/** CRUD of every keyed KB collection (faqs, problems, intents, sources, actors): one implementation for all. */
export function registerCollectionRoutes(server: Server, deps: AdminDeps): void {
  for (const name of Object.keys(LIST_COLLECTIONS) as ListName[]) registerList(server, deps, name);
  for (const name of SETTINGS_NAMES) registerSettings(server, deps, name);
}

function registerList(server: Server, deps: AdminDeps, name: ListName): void {
  const base = `/api/admin/${name}`;
  const field = LIST_COLLECTIONS[name];
  const { editor } = deps;

  ownerRoute(server, deps, 'get', base, async (_req, res) => {
    const working = await editor.working();
    const items = listEntries(working.kb, name);
    const eTags = Object.fromEntries(items.map((e) => [keyOf(name, e), entryETag(e)]));
    res.send(200, { items, eTags, source: working.source });
  });

  ownerRoute(server, deps, 'get', `${base}/:key`, async (req, res) => {
    const key = String(req.params.key);
    const entry = findEntry((await editor.working()).kb, name, key);
    if (!entry) throw new AppError('NOT_FOUND', `${name}/${key} not found`);
    sendWithETag(res, 200, entry, entryETag(entry));
  });

  ownerRoute(server, deps, 'post', base, async (req, res, owner) => {
    const body = objectBody(req);
    // A new FAQ gets its topic file now, so an export and re-import gives the same entry.
    const entry = name === 'faqs' && body.topic === undefined ? { ...body, topic: faqTopic(body) } : body;
    const key = keyOf(name, entry);
    if (key === undefined) throw new AppError('VALIDATION_FAILED', `The entry needs a "${field}".`, { problems: [`${field}: required`] });
    const result = await editor.edit(owner, { action: `${name}.create`, target: `${name}:${key}` }, (kb) => applyListEdit(kb, name, { op: 'create', entry }));
    const saved = findEntry(result.kb, name, key)!;
    sendWithETag(res, 201, { item: saved, warnings: warningsOf(result.warnings) }, entryETag(saved));
  });

  ownerRoute(server, deps, 'put', `${base}/:key`, async (req, res, owner) => {
    const key = String(req.params.key);
    const ifMatch = requireIfMatch(req);
    const body = objectBody(req);
    if (body[field] !== undefined && body[field] !== key) {
      throw new AppError('VALIDATION_FAILED', `The ${field} in the body (${String(body[field])}) differs from the path (${key}); to rename, create the new entry and delete the old one.`, {
        problems: [`${field}: must equal ${key}`],
      });
    }
    const entry = { ...body, [field]: key };
    const result = await editor.edit(owner, { action: `${name}.update`, target: `${name}:${key}` }, (kb) => {
      const current = findEntry(kb, name, key);
      if (!current) throw new AppError('NOT_FOUND', `${name}/${key} not found`);
      assertETag(ifMatch, entryETag(current), `${name}/${key}`);
      return applyListEdit(kb, name, { op: 'replace', key, entry });
    });
    const saved = findEntry(result.kb, name, key)!;
    sendWithETag(res, 200, { item: saved, warnings: warningsOf(result.warnings) }, entryETag(saved));
  });

  ownerRoute(server, deps, 'del', `${base}/:key`, async (req, res, owner) => {
    const key = String(req.params.key);
    const ifMatch = requireIfMatch(req);
    await editor.edit(owner, { action: `${name}.delete`, target: `${name}:${key}` }, (kb) => {
      const current = findEntry(kb, name, key);
      if (!current) throw new AppError('NOT_FOUND', `${name}/${key} not found`);
      assertETag(ifMatch, entryETag(current), `${name}/${key}`);
      return applyListEdit(kb, name, { op: 'delete', key });
    });
    res.send(204);
  });
}

function registerSettings(server: Server, deps: AdminDeps, name: SettingsName): void {
  const path = `/api/admin/${name}`;
  const { editor } = deps;
  ownerRoute(server, deps, 'get', path, async (_req, res) => {
    const value = (await editor.working()).kb[name];
    sendWithETag(res, 200, value, entryETag(value));
  });
  ownerRoute(server, deps, 'put', path, async (req, res, owner) => {
    const ifMatch = requireIfMatch(req);
    const body = objectBody(req);
    const result = await editor.edit(owner, { action: `${name}.update`, target: `${name}` }, (kb) => {
      assertETag(ifMatch, entryETag(kb[name]), name);
      return applySettingsEdit(kb, name, body);
    });
    sendWithETag(res, 200, { item: result.kb[name], warnings: warningsOf(result.warnings) }, entryETag(result.kb[name]));
  });
}
