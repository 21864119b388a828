// The list of a section's entries, with a search box that filters as the owner types.
import { api } from './api.js';
import { h, replace } from './dom.js';

/** @typedef {import('./sections.js').SectionSpec} SectionSpec */

/**
 * The entries in a list answer: an array, or { items: [...] } / { <section>: [...] }.
 * @param {any} data
 * @param {string} key
 * @returns {any[]}
 */
export function listOf(data, key) {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') return data.items ?? data[key] ?? [];
  return [];
}

/**
 * Renders a section's list.
 * @param {HTMLElement} main
 * @param {SectionSpec} spec
 * @param {(item: any) => string} [detail] a second line under each entry
 */
export async function renderList(main, spec, detail) {
  const { data } = await api('GET', `/${spec.key}`);
  const items = listOf(data, spec.key);
  const count = h('p', { class: 'hint', role: 'status' });
  const list = h('ul', { class: 'entries' });
  const search = /** @type {HTMLInputElement} */ (h('input', { id: 'search', type: 'search', placeholder: `Search ${spec.label.toLowerCase()}`, autocomplete: 'off' }));
  const texts = items.map((item) => JSON.stringify(item).toLowerCase());

  function show() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = items.filter((_, i) => words.every((w) => texts[i].includes(w)));
    count.textContent = `${shown.length} of ${items.length} ${spec.label.toLowerCase()}`;
    replace(list, shown.map((item) => {
      const id = String(item[spec.idField] ?? '');
      return h('li', {},
        h('a', { href: `#/${spec.key}/${encodeURIComponent(id)}`, class: 'entries__title', text: spec.title(item) }),
        h('span', { class: 'entries__id', text: id }),
        detail ? h('p', { class: 'entries__detail', text: detail(item) }) : null);
    }));
  }
  search.addEventListener('input', show);
  replace(main,
    h('div', { class: 'list-head' },
      h('h2', { tabindex: '-1', text: spec.label }),
      h('a', { class: 'button', href: `#/${spec.key}/new`, text: `New ${spec.singular}` })),
    h('div', { class: 'field field--search' }, h('label', { for: 'search', text: 'Search' }), search),
    count, list);
  show();
  /** @type {HTMLElement | null} */ (main.querySelector('h2'))?.focus();
}
