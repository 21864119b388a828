// Form fields bound to paths of the edited object ("answer", "questions", "steps[2].say"), so a problem
// found by the client checks or listed by the server (422) is shown next to the field it names.
import { h, newId, replace } from './dom.js';

/** @typedef {import('./api.js').Problem} Problem */
/** @typedef {{ path: string, input: HTMLElement, error: HTMLElement, read: () => unknown }} Field */

/** A set of fields, the problems shown next to them, and a summary of the rest. */
export class Form {
  constructor() {
    /** @type {Map<string, Field>} */
    this.fields = new Map();
    this.summary = h('div', { class: 'problems', role: 'alert', tabindex: '-1', hidden: true });
    /** @type {((path: string) => void) | null} called with the path of the field the owner changed */
    this.onInput = null;
  }

  /**
   * Registers a field: its input, the element that shows its problems, and how to read its value.
   * @param {string} path
   * @param {HTMLElement} input
   * @param {() => unknown} read
   * @returns {HTMLElement} the error element to place under the field
   */
  register(path, input, read) {
    const error = h('p', { class: 'error', id: newId('err') });
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
    // 'input' only: a 'change' on blur would re-check and move the layout under a click on "Save" (checkboxes and
    // selects fire 'input' too).
    input.addEventListener('input', () => this.onInput?.(path));
    this.fields.set(path, { path, input, error, read });
    return error;
  }

  /**
   * The edited object: a copy of `base` (fields the form does not show are kept) with every field's value set
   * at its path; an empty optional value removes the key; a `merge` field (advanced JSON) is merged into its path.
   * @param {Record<string, unknown>} base
   * @param {string[]} [resets] paths rebuilt from the fields only (e.g. 'steps': reordered or removed steps)
   */
  read(base, resets = []) {
    const out = structuredClone(base);
    for (const p of resets) setPath(out, p, undefined);
    const merges = [];
    for (const f of this.fields.values()) {
      if (!f.input.isConnected) continue;
      const v = f.read();
      if (f.input.dataset.merge) { merges.push([f.path, v]); continue; }
      setPath(out, f.path, v === '' && !f.input.dataset.required ? undefined : v);
    }
    for (const [path, v] of merges) {
      if (v && typeof v === 'object' && !(v instanceof BadJson)) {
        const target = getPath(out, /** @type {string} */ (path));
        if (target && typeof target === 'object') Object.assign(target, v);
      }
    }
    return out;
  }

  /** Problems of JSON fields that do not parse (their content is left out of read()). */
  jsonProblems() {
    /** @type {Problem[]} */
    const out = [];
    for (const f of this.fields.values()) {
      const v = f.input.isConnected ? f.read() : undefined;
      if (v instanceof BadJson) out.push({ path: f.path, message: v.message });
    }
    return out;
  }

  /**
   * Forgets the fields inside an element about to be re-rendered (the steps of a reordered playbook).
   * @param {HTMLElement} root
   */
  forget(root) {
    for (const [path, f] of this.fields) if (root.contains(f.input)) this.fields.delete(path);
  }

  /**
   * Shows problems next to the fields they name (the longest registered prefix of their path); the others in the summary.
   * @param {Problem[]} problems  paths relative to the edited object
   * @param {string} [title]
   */
  showProblems(problems, title = 'Please fix these problems:') {
    for (const f of this.fields.values()) {
      replace(f.error);
      f.input.removeAttribute('aria-invalid');
    }
    /** @type {Problem[]} */
    const rest = [];
    for (const p of problems) {
      const field = this.fieldFor(p.path ?? '');
      if (!field) { rest.push(p); continue; }
      field.error.appendChild(h('span', { text: p.message }));
      field.input.setAttribute('aria-invalid', 'true');
    }
    this.summary.hidden = rest.length === 0;
    replace(this.summary, rest.length ? h('p', { text: title }) : null,
      h('ul', {}, rest.map((p) => h('li', { text: p.path ? `${p.path}: ${p.message}` : p.message }))));
  }

  /** @param {string} path */
  fieldFor(path) {
    for (let p = path; p; p = parentPath(p)) {
      const f = this.fields.get(p);
      if (f) return f;
    }
    return null;
  }
}

/**
 * The parent of a path: "steps[2].say" -> "steps[2]" -> "steps" -> "".
 * @param {string} path
 */
export function parentPath(path) {
  const m = /^(.*?)(\[\d+\]|\.[^.[]+)$/.exec(path);
  return m ? m[1] : '';
}

/**
 * @typedef {{ path: string, label: string, kind?: 'text' | 'textarea' | 'lines' | 'tags' | 'select' | 'checks' | 'boolean' | 'number' | 'json',
 *   hint?: string, required?: boolean, options?: readonly string[], list?: string, rows?: number, pattern?: RegExp, patternHelp?: string, merge?: boolean, optionLabels?: Record<string, string> }} FieldSpec
 */

/**
 * A labelled input bound to a path, with its hint and error.
 * @param {Form} form
 * @param {FieldSpec} spec
 * @param {unknown} value
 */
export function field(form, spec, value) {
  const id = newId('f');
  const kind = spec.kind ?? 'text';
  const hint = spec.hint ? h('p', { class: 'hint', id: `${id}-hint`, text: spec.hint }) : null;
  const label = h('label', { for: id, text: spec.label + (spec.required ? ' *' : '') });
  /** @type {HTMLElement} */
  let input;
  /** @type {() => unknown} */
  let read;
  if (kind === 'checks') {
    const boxes = (spec.options ?? []).map((o) => h('input', { type: 'checkbox', value: o, checked: Array.isArray(value) && value.includes(o) }));
    input = h('fieldset', { class: 'checks', id }, h('legend', { text: spec.label + (spec.required ? ' *' : '') }),
      boxes.map((b) => h('label', { class: 'check' }, b, /** @type {HTMLInputElement} */ (b).value)));
    read = () => boxes.filter((b) => /** @type {HTMLInputElement} */ (b).checked).map((b) => /** @type {HTMLInputElement} */ (b).value);
    const error = form.register(spec.path, input, read);
    return h('div', { class: 'field' }, input, hint, error);
  }
  if (kind === 'select') {
    input = h('select', { id }, (spec.required ? [] : [h('option', { value: '', text: '(none)' })]).concat((spec.options ?? []).map((o) => h('option', { value: o, text: spec.optionLabels?.[o] ?? o }))));
    /** @type {HTMLSelectElement} */ (input).value = value === undefined || value === null ? '' : String(value);
    read = () => /** @type {HTMLSelectElement} */ (input).value || undefined;
  } else if (kind === 'boolean') {
    input = h('input', { id, type: 'checkbox', checked: Boolean(value) });
    read = () => /** @type {HTMLInputElement} */ (input).checked;
    const error = form.register(spec.path, input, read);
    return h('div', { class: 'field field--inline' }, input, label, hint, error);
  } else if (kind === 'textarea' || kind === 'lines' || kind === 'json') {
    const text = kind === 'lines' ? (Array.isArray(value) ? value.join('\n') : '')
      : kind === 'json' ? (value === undefined ? '' : JSON.stringify(value, null, 2)) : String(value ?? '');
    input = h('textarea', { id, rows: spec.rows ?? (kind === 'lines' ? 4 : 5), spellcheck: kind !== 'json', class: kind === 'json' ? 'mono' : undefined, value: text });
    const ta = /** @type {HTMLTextAreaElement} */ (input);
    read = kind === 'lines' ? () => ta.value.split('\n').map((l) => l.trim()).filter(Boolean)
      : kind === 'json' ? () => parseJsonField(ta.value) : () => ta.value;
  } else {
    const text = kind === 'tags' ? (Array.isArray(value) ? value.join(', ') : '') : String(value ?? '');
    input = h('input', { id, type: kind === 'number' ? 'number' : 'text', step: kind === 'number' ? 'any' : undefined, list: spec.list, value: text, autocomplete: 'off' });
    const inp = /** @type {HTMLInputElement} */ (input);
    read = kind === 'tags' ? () => inp.value.split(',').map((t) => t.trim()).filter(Boolean)
      : kind === 'number' ? () => (inp.value === '' ? undefined : Number(inp.value)) : () => inp.value;
  }
  if (hint) input.setAttribute('aria-describedby', hint.id);
  if (spec.merge) input.dataset.merge = '1';
  if (spec.required) input.dataset.required = '1';
  const error = form.register(spec.path, input, read);
  return h('div', { class: 'field' }, label, input, hint, error);
}

/** A JSON text that does not parse, kept so the checks can name it. */
export class BadJson {
  /** @param {string} message */
  constructor(message) { this.message = message; }
}

/** @param {string} text */
function parseJsonField(text) {
  if (!text.trim()) return undefined;
  try { return JSON.parse(text); } catch (e) { return new BadJson(`not valid JSON: ${/** @type {Error} */ (e).message}`); }
}

/**
 * Splits a path into keys and indexes: "steps[2].say" -> ['steps', 2, 'say'].
 * @param {string} path
 * @returns {Array<string | number>}
 */
export function splitPath(path) {
  /** @type {Array<string | number>} */
  const out = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/**
 * @param {unknown} obj
 * @param {string} path
 * @returns {unknown}
 */
export function getPath(obj, path) {
  let cur = /** @type {any} */ (obj);
  for (const k of splitPath(path)) cur = cur == null ? undefined : cur[k];
  return cur;
}

/**
 * Sets (or, with undefined, deletes) the value at a path, creating objects and arrays on the way.
 * @param {Record<string, unknown>} obj
 * @param {string} path
 * @param {unknown} value
 */
export function setPath(obj, path, value) {
  const keys = splitPath(path);
  let cur = /** @type {any} */ (obj);
  for (let i = 0; i < keys.length - 1; i += 1) {
    if (cur[keys[i]] == null) {
      if (value === undefined) return;
      cur[keys[i]] = typeof keys[i + 1] === 'number' ? [] : {};
    }
    cur = cur[keys[i]];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur) && typeof last === 'number') cur[last] = undefined;
    else delete cur[last];
  } else cur[last] = value;
}
