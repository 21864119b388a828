// @ts-check
// DOM helpers of the agent console. Everything a traveller (or anyone) wrote goes into the page as text nodes:
// there is no innerHTML anywhere in the console, so a message like <img onerror=...> is shown, never run.

/**
 * Creates an element. `props` sets properties (className, type, disabled, ...) and `data-*` / `aria-*`
 * attributes; string children become text nodes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [props]
 * @param {Array<Node | string | null | undefined | false>} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'for') el.setAttribute(key, String(value));
    else if (/^on/i.test(key) || key === 'innerHTML' || key === 'outerHTML') throw new Error(`h(): ${key} is not allowed`);
    else /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (el))[key] = value;
  }
  append(el, children);
  return el;
}

/**
 * Appends children: nodes as they are, strings as text nodes.
 * @param {Element} parent
 * @param {Array<Node | string | null | undefined | false>} children
 */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/**
 * Replaces every child of `parent`.
 * @param {Element} parent
 * @param {Array<Node | string | null | undefined | false>} children
 */
export function replaceChildren(parent, children) {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * The element with this id (throws when the page lacks it: a broken page should fail loudly).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function byId(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing`);
  return el;
}

/**
 * "4 min", "1 h 05 min", "12 s": a waiting time for the queue.
 * @param {number} ms
 */
export function formatWait(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const hours = Math.floor(m / 60);
  if (hours < 48) return `${hours} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} days`;
}

/**
 * A short local time, "14:05".
 * @param {string} iso
 */
export function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
