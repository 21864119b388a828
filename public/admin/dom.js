// Small DOM helpers. Every piece of text goes in through textContent / text nodes, never as HTML, so
// owner- or traveller-written text can never become markup.

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * Creates an element. Attributes: `class`, `text` (textContent), `on<event>` (listener), booleans
 * (set when true), anything else through setAttribute.
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an SVG element (same attribute rules as h()).
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {SVGElement}
 */
export function s(tag, attrs = {}, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {Record<string, unknown>} attrs
 */
function applyAttrs(el, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (name === 'value' && 'value' in el) /** @type {HTMLInputElement} */ (el).value = String(value);
    else if (name === 'checked' && 'checked' in el) /** @type {HTMLInputElement} */ (el).checked = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

/**
 * Appends children (nested arrays flattened, empty values skipped, strings as text nodes).
 * @param {Node} el
 * @param {Array<Child | Child[]>} children
 */
export function append(el, children) {
  // Any depth: charts nest arrays of arrays of SVG elements.
  for (const child of /** @type {Child[]} */ (children.flat(Infinity))) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/**
 * Replaces an element's content.
 * @param {Node} el
 * @param {...(Child | Child[])} children
 */
export function replace(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
}

let uid = 0;
/**
 * A unique element id (labels and aria-describedby need them).
 * @param {string} prefix
 */
export function newId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * Shows a short status message in the live region.
 * @param {string} text
 * @param {'ok' | 'error'} [kind]
 */
export function toast(text, kind = 'ok') {
  const el = document.getElementById('toast');
  if (!el) return;
  el.textContent = text;
  el.className = `toast toast--${kind} toast--shown`;
  el.dataset.at = String(Date.now());
  window.clearTimeout(Number(el.dataset.timer));
  el.dataset.timer = String(window.setTimeout(() => el.classList.remove('toast--shown'), 5000));
}

/** Hides a toast shown more than a second ago (called when the view changes: it spoke of the previous view). */
export function clearOldToast() {
  const el = document.getElementById('toast');
  if (el && Date.now() - Number(el.dataset.at ?? 0) > 1000) el.classList.remove('toast--shown');
}

/**
 * Formats an ISO time for people.
 * @param {string | undefined} iso
 */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
