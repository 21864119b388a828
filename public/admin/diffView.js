// What changed between two versions of the knowledge base: the entries added, changed and removed per
// collection, and for a changed entry its fields before and after, line by line.
import { h } from './dom.js';

/** @typedef {{ added?: string[], changed?: string[], removed?: string[] }} KeyDiff */
/** @typedef {{ collections?: Record<string, KeyDiff>, settings?: Record<string, boolean> }} Diff */
/** @typedef {(collection: string, key: string | null) => Promise<[unknown, unknown]>} Compare */

const LABELS = /** @type {Record<string, string>} */ ({
  faqs: 'FAQs', problems: 'Problems', intents: 'Intents', sources: 'Outside sources', actors: 'Actors', remedies: 'Remedies',
  compensation: 'Compensation policy', escalation: 'Escalation rules', platform: 'Platform texts',
});
const EDITABLE = new Set(['faqs', 'problems', 'intents', 'sources', 'actors']);

/** How many entries a diff touches. @param {Diff | undefined} diff */
export function diffSize(diff) {
  const lists = Object.values(diff?.collections ?? {}).flatMap((d) => [...(d.added ?? []), ...(d.changed ?? []), ...(d.removed ?? [])]);
  return lists.length + Object.values(diff?.settings ?? {}).filter(Boolean).length;
}

/**
 * The entries of a diff, each changed one with a "Show changes" toggle that loads its before/after.
 * @param {Diff | undefined} diff
 * @param {{ compare: Compare, links?: boolean }} options
 */
export function renderDiff(diff, options) {
  if (!diffSize(diff)) return h('p', { class: 'hint', text: 'No changes.' });
  const rows = [];
  for (const [collection, d] of Object.entries(diff?.collections ?? {})) {
    for (const [op, keys] of /** @type {const} */ ([['added', d.added], ['changed', d.changed], ['removed', d.removed]])) {
      for (const key of keys ?? []) rows.push(row(collection, key, op, options));
    }
  }
  for (const [name, changed] of Object.entries(diff?.settings ?? {})) if (changed) rows.push(row(name, null, 'changed', options));
  return h('ul', { class: 'diff' }, rows);
}

/**
 * @param {string} collection @param {string | null} key @param {'added' | 'changed' | 'removed'} op
 * @param {{ compare: Compare, links?: boolean }} options
 */
function row(collection, key, op, options) {
  const name = key ?? LABELS[collection] ?? collection;
  const target = options.links && op !== 'removed' && (EDITABLE.has(collection) || key === null)
    ? h('a', { href: key === null ? `#/${collection}` : `#/${collection}/${encodeURIComponent(key)}`, text: name }) : h('span', { text: name });
  const details = /** @type {HTMLDetailsElement} */ (h('details', { class: 'diff__details' }, h('summary', { text: op === 'changed' ? 'Show changes' : 'Show content' })));
  details.addEventListener('toggle', () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = '1';
    const body = h('div', { class: 'hint', role: 'status', text: 'Loading…' });
    details.appendChild(body);
    options.compare(collection, key).then(([before, after]) => body.replaceWith(fieldDiff(before, after)),
      (e) => { body.textContent = `Could not load: ${/** @type {Error} */ (e).message}`; });
  });
  return h('li', { class: `diff__row diff__row--${op}` },
    h('span', { class: `badge badge--${op}`, text: op }), h('span', { class: 'diff__where', text: LABELS[collection] ?? collection }), target, details);
}

/**
 * The fields of an entry that differ, each as a line diff of its JSON text.
 * @param {unknown} before @param {unknown} after
 */
export function fieldDiff(before, after) {
  const a = /** @type {Record<string, unknown>} */ (before ?? {});
  const b = /** @type {Record<string, unknown>} */ (after ?? {});
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (!keys.length) return h('p', { class: 'hint', text: 'No difference in content.' });
  return h('dl', { class: 'fielddiff' }, keys.flatMap((k) => [
    h('dt', { text: k }),
    h('dd', {}, h('pre', { class: 'mono linediff' }, lineDiff(lines(a[k]), lines(b[k])).map(([op, text]) =>
      h('span', { class: `linediff__${op === '+' ? 'add' : op === '-' ? 'del' : 'same'}`, text: `${op} ${text}\n` })))),
  ]));
}

/** @param {unknown} v */
function lines(v) {
  if (v === undefined) return [];
  return (typeof v === 'string' ? v : JSON.stringify(v, null, 2)).split('\n');
}

/**
 * A line diff by longest common subsequence (entries are small: a few dozen lines).
 * @param {string[]} a @param {string[]} b
 * @returns {Array<[' ' | '-' | '+', string]>}
 */
export function lineDiff(a, b) {
  const n = a.length;
  const m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) for (let j = m - 1; j >= 0; j -= 1) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  /** @type {Array<[' ' | '-' | '+', string]>} */
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push([' ', a[i]]); i += 1; j += 1; }
    else if (L[i + 1][j] >= L[i][j + 1]) out.push(['-', a[i++]]);
    else out.push(['+', b[j++]]);
  }
  while (i < n) out.push(['-', a[i++]]);
  while (j < m) out.push(['+', b[j++]]);
  return out;
}

/**
 * Finds an entry in a whole knowledge base object: a collection entry by key, or a settings object.
 * @param {any} kb @param {string} collection @param {string | null} key
 */
export function entryOf(kb, collection, key) {
  if (!kb) return undefined;
  if (key === null) return kb[collection];
  const list = collection === 'remedies' ? kb.compensation?.remedies : kb[collection];
  const field = collection === 'actors' ? 'kind' : 'id';
  return Array.isArray(list) ? list.find((e) => e?.[field] === key) : undefined;
}
