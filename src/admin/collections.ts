import { createHash } from 'node:crypto';
import { canonicalJson, type KnowledgeBase } from '../knowledge';
import { AppError } from '../shared/errors';

/** The KB's keyed collections the admin API edits, with the field that identifies an entry. */
export const LIST_COLLECTIONS = { faqs: 'id', problems: 'id', intents: 'id', sources: 'id', actors: 'kind' } as const;
/** A keyed collection's name. */
export type ListName = keyof typeof LIST_COLLECTIONS;
/** The KB's settings objects, edited as a whole. */
export const SETTINGS_NAMES = ['compensation', 'escalation', 'platform'] as const;
/** A settings object's name. */
export type SettingsName = (typeof SETTINGS_NAMES)[number];
/** One entry as JSON (validated against the whole KB, not here). */
export type Entry = Record<string, unknown>;

/** True for a keyed collection name. */
export function isListName(name: string): name is ListName {
  return Object.hasOwn(LIST_COLLECTIONS, name);
}

/** True for a settings name. */
export function isSettingsName(name: string): name is SettingsName {
  return (SETTINGS_NAMES as readonly string[]).includes(name);
}

/** A strong ETag of an entry's content: the same content gives the same tag, in the draft or the published KB. */
export function entryETag(value: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32)}"`;
}

/** The key of an entry of a collection (undefined when the field is missing or not a string). */
export function keyOf(name: ListName, entry: unknown): string | undefined {
  const v = entry && typeof entry === 'object' ? (entry as Entry)[LIST_COLLECTIONS[name]] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The entries of a collection. */
export function listEntries(kb: KnowledgeBase, name: ListName): Entry[] {
  return kb[name] as unknown as Entry[];
}

/** One entry by key, or undefined. */
export function findEntry(kb: KnowledgeBase, name: ListName, key: string): Entry | undefined {
  return listEntries(kb, name).find((e) => keyOf(name, e) === key);
}

/** What an edit of a collection does. */
export type ListEdit = { op: 'create'; entry: Entry } | { op: 'replace'; key: string; entry: Entry } | { op: 'delete'; key: string };

/**
 * Applies an edit to a copy of the KB and returns the candidate (unvalidated: the caller checks the whole of it).
 * NOT_FOUND for a missing key, CONFLICT for creating a key that exists.
 */
export function applyListEdit(kb: KnowledgeBase, name: ListName, edit: ListEdit): unknown {
  const entries = listEntries(kb, name);
  const next = { ...kb } as Record<string, unknown>;
  if (edit.op === 'create') {
    const key = keyOf(name, edit.entry);
    if (key !== undefined && findEntry(kb, name, key)) throw new AppError('CONFLICT', `${name}/${key} already exists`);
    next[name] = [...entries, edit.entry];
    return next;
  }
  const index = entries.findIndex((e) => keyOf(name, e) === edit.key);
  if (index < 0) throw new AppError('NOT_FOUND', `${name}/${edit.key} not found`);
  next[name] = edit.op === 'delete' ? entries.filter((_e, i) => i !== index) : entries.map((e, i) => (i === index ? edit.entry : e));
  return next;
}

/** Replaces a settings object in a copy of the KB (unvalidated). */
export function applySettingsEdit(kb: KnowledgeBase, name: SettingsName, value: unknown): unknown {
  return { ...kb, [name]: value };
}

/** Applies an upsert for validation as you type: replaces the entry with the same key, or adds it. */
export function applyUpsert(kb: KnowledgeBase, name: ListName | SettingsName, item: unknown): unknown {
  if (isSettingsName(name)) return applySettingsEdit(kb, name, item);
  const key = keyOf(name, item);
  const exists = key !== undefined && findEntry(kb, name, key);
  return applyListEdit(kb, name, exists ? { op: 'replace', key, entry: item as Entry } : { op: 'create', entry: item as Entry });
}
