// Editing one entry (or one settings object) of the draft: the form, checks as you type (in the page, then the
// server's POST /kb/check against the whole draft), the server's problems next to their fields, If-Match on every
// change, and a 409 that keeps the owner's text.
import { api, seg } from './api.js';
import { checkSpecs, relativeProblem } from './checks.js';
import { h, replace, toast } from './dom.js';
import { Form, field, getPath } from './forms.js';
import { listOf } from './listView.js';
import { showConflict } from './conflict.js';

/** @typedef {import('./api.js').Problem} Problem */
/** @typedef {import('./api.js').ApiError} ApiError */
/** @typedef {import('./sections.js').SectionSpec} SectionSpec */
/**
 * @typedef {{ spec: SectionSpec, build?: (form: Form, item: any) => HTMLElement, check?: (item: any) => Problem[],
 *   resets?: string[] }} EditorKind
 */

const SERVER_CHECK_DELAY_MS = 600;

/**
 * Renders the editor of one entry: `id` null for a settings object, 'new' for a new entry.
 * @param {HTMLElement} main
 * @param {EditorKind} kind
 * @param {string | null} id
 * @param {{ preset?: Record<string, unknown>, mine?: Record<string, unknown> }} [extra] values of a new entry; the owner's unsaved version after a conflict
 */
export async function renderEditor(main, kind, id, extra = {}) {
  const { spec } = kind;
  const isNew = id === 'new';
  const url = id === null ? `/${spec.key}` : `/${spec.key}/${seg(id)}`;
  let etag = /** @type {string | null} */ (null);
  /** @type {Record<string, unknown>} */
  let base = { ...spec.blank(), ...extra.preset };
  if (!isNew) ({ data: base, etag } = await api('GET', url));
  // The entry's place in its collection, to tell the server's problems about it from those about other entries.
  let index = /** @type {number | null} */ (null);
  if (id !== null) {
    const items = listOf((await api('GET', `/${spec.key}`)).data, spec.key);
    index = isNew ? items.length : items.findIndex((it) => String(it[spec.idField]) === id);
  }
  const conflict = h('div', { class: 'banner banner--warn', role: 'alert', hidden: true });
  const status = h('p', { class: 'status', role: 'status' });
  const form = new Form();
  /** @type {Problem[]} */
  let serverProblems = [];
  let checkSeq = 0;
  let timer = 0;
  const body = kind.build ? kind.build(form, base) : h('div', {}, spec.fields.map((f) => field(form, f, getPath(base, f.path))));
  const localCheck = (/** @type {any} */ item) => [...form.jsonProblems(), ...checkSpecs(spec.fields, item), ...(kind.check?.(item) ?? [])];
  const read = () => form.read(base, kind.resets);
  const show = () => form.showProblems([...localCheck(read()), ...serverProblems]);
  // Every error counts (the draft must be valid to publish); warnings only about this entry.
  const toRelative = (/** @type {Problem[]} */ list) => list
    .map((p) => relativeProblem(p, spec.key, index))
    .filter((p) => p.severity !== 'warning' || !p.elsewhere);

  async function serverCheck() {
    const item = read();
    if (localCheck(item).length) return;
    const seq = ++checkSeq;
    try {
      const { data } = await api('POST', '/kb/check', { body: { collection: spec.key, item } });
      if (seq !== checkSeq) return;
      serverProblems = toRelative(data?.problems ?? []);
      show();
    } catch { /* checking is a help, not a gate: the save reports problems anyway */ }
  }

  form.onInput = (path) => {
    serverProblems = serverProblems.filter((p) => form.fieldFor(p.path ?? '')?.path !== path);
    show();
    status.textContent = 'Unsaved changes.';
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void serverCheck(), SERVER_CHECK_DELAY_MS);
  };

  async function save() {
    window.clearTimeout(timer);
    checkSeq += 1;
    const item = read();
    const problems = localCheck(item);
    if (problems.length) return refused(problems, 'Not saved: fix the problems shown.');
    try {
      const answer = isNew ? await api('POST', `/${spec.key}`, { body: item }) : await api('PUT', url, { body: item, etag });
      base = answer.data?.item ?? item;
      etag = answer.etag;
      serverProblems = toRelative(answer.data?.warnings ?? []);
      show();
      conflict.hidden = true;
      status.textContent = 'Saved to the draft. Travellers see it once the draft is published (Draft & publish).';
      toast(`${spec.singular} saved to the draft`);
      if (isNew) window.location.hash = `#/${spec.key}/${encodeURIComponent(String(item[spec.idField]))}`;
    } catch (e) {
      const err = /** @type {ApiError} */ (e);
      if (err.status === 422 && err.code === 'INVALID_KB') {
        serverProblems = toRelative(err.problems);
        refused([], `Not saved: ${err.message}`);
      } else if (err.status === 409 && !isNew) {
        showConflict(conflict, status, () => renderEditor(main, kind, id, { mine: read() }));
      } else refused(err.problems, `Not saved: ${err.message}`);
    }
  }

  /** @param {Problem[]} problems @param {string} message */
  function refused(problems, message) {
    form.showProblems([...problems, ...serverProblems], 'The change was refused:');
    status.textContent = message;
    /** @type {HTMLElement | null} */ (main.querySelector('[aria-invalid="true"]') ?? form.summary)?.focus();
  }

  async function remove() {
    if (!window.confirm(`Delete this ${spec.singular} from the draft?`)) return;
    try {
      await api('DELETE', url, { etag });
      toast(`${spec.singular} deleted from the draft`);
      window.location.hash = `#/${spec.key}`;
    } catch (e) {
      const err = /** @type {ApiError} */ (e);
      if (err.status === 409) showConflict(conflict, status, () => renderEditor(main, kind, id, { mine: read() }));
      else if (err.status === 422) refused(toRelative(err.problems), `Not deleted: ${err.message}`);
      else status.textContent = `Not deleted: ${err.message}`;
    }
  }

  const heading = isNew ? `New ${spec.singular}` : id === null ? spec.label : `${spec.singular}: ${spec.title(base)}`;
  const formEl = h('form', { class: 'form editor', novalidate: true, onsubmit: (/** @type {Event} */ ev) => { ev.preventDefault(); void save(); } },
    conflict, body, form.summary,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button', text: 'Save to draft' }),
      !isNew && id !== null ? h('button', { type: 'button', class: 'button button--danger', onclick: () => void remove(), text: 'Delete' }) : null,
      id !== null ? h('a', { href: `#/${spec.key}`, class: 'button button--quiet', text: 'Back to the list' }) : null,
      h('span', { class: 'hint', text: 'Ctrl+S saves.' })),
    status,
    extra.mine ? h('details', { class: 'mine', open: true },
      h('summary', { text: 'Your unsaved version (not saved; copy what you need into the form above)' }),
      h('pre', { class: 'mono', tabindex: '0', text: JSON.stringify(extra.mine, null, 2) })) : null);
  formEl.addEventListener('keydown', (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 's') { ev.preventDefault(); void save(); }
  });
  replace(main, h('h2', { tabindex: '-1', text: heading }), formEl);
  if (!isNew) show();
  /** @type {HTMLElement | null} */ (main.querySelector('h2'))?.focus();
}
