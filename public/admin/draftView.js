// The draft: what changed against the published version, the problems that would block publishing, and
// publishing with a message (or throwing the draft away).
import { api, seg } from './api.js';
import { h, replace, toast, when } from './dom.js';
import { diffSize, entryOf, renderDiff } from './diffView.js';

/** @typedef {import('./api.js').ApiError} ApiError */
/** @typedef {import('./api.js').Problem} Problem */

/**
 * Renders the draft view.
 * @param {HTMLElement} main
 */
export async function renderDraft(main) {
  const { data: draft } = await api('GET', '/kb/draft');
  const heading = h('h2', { tabindex: '-1', text: 'Draft & publish' });
  if (!draft?.exists) {
    replace(main, heading, h('p', { text: `There is no draft: travellers get version ${draft?.publishedVersion ?? '?'}. Edit an FAQ, a problem or a setting to start one.` }));
    heading.focus();
    return;
  }
  /** @type {Promise<any> | null} */
  let published = null;
  const compare = async (/** @type {string} */ collection, /** @type {string | null} */ key) => {
    published ??= api('GET', `/kb/versions/${seg(draft.publishedVersion)}`).then((a) => a.data?.kb);
    const before = entryOf(await published, collection, key);
    let after;
    if (collection === 'remedies') after = entryOf({ compensation: (await api('GET', '/compensation')).data }, collection, key);
    else after = (await api('GET', key === null ? `/${collection}` : `/${collection}/${seg(key)}`).catch(() => ({ data: undefined }))).data;
    return /** @type {[unknown, unknown]} */ ([before, after]);
  };
  const errors = /** @type {Problem[]} */ (draft.problems ?? []).filter((p) => p.severity !== 'warning');
  const warnings = /** @type {Problem[]} */ (draft.problems ?? []).filter((p) => p.severity === 'warning');
  const status = h('p', { class: 'status', role: 'status' });
  const refused = h('div', { class: 'banner banner--error', role: 'alert', hidden: true });
  const message = /** @type {HTMLInputElement} */ (h('input', { id: 'publish-message', type: 'text', maxlength: '200', autocomplete: 'off', placeholder: 'e.g. Clearer refund times' }));

  async function publish() {
    status.textContent = 'Publishing…';
    try {
      const { data } = await api('POST', '/kb/publish', { body: { message: message.value.trim() || undefined } });
      toast(`Published version ${data.version}: the bot answers from it within seconds`);
      await renderDraft(main);
    } catch (e) {
      const err = /** @type {ApiError} */ (e);
      status.textContent = `Not published: ${err.message}`;
      refused.hidden = err.problems.length === 0;
      replace(refused, h('p', { class: 'banner__title', text: 'The draft has problems; the published version keeps serving:' }), problemList(err.problems));
    }
  }

  async function discard() {
    if (!window.confirm('Throw the draft away? Every unpublished change is lost.')) return;
    try {
      await api('DELETE', '/kb/draft', { etag: draft.eTag });
      toast('Draft discarded');
      await renderDraft(main);
    } catch (e) {
      status.textContent = `Not discarded: ${/** @type {ApiError} */ (e).message}${/** @type {ApiError} */ (e).status === 409 ? ' (the draft changed meanwhile: reload the page)' : ''}`;
    }
  }

  replace(main, heading,
    h('p', { text: `Draft of ${draft.updatedBy ?? 'an owner'}, last saved ${when(draft.updatedAt)}: ${diffSize(draft.changes)} change(s) against version ${draft.publishedVersion}, which travellers get until you publish.` }),
    h('h3', { text: 'What changed' }),
    renderDiff(draft.changes, { compare, links: true }),
    errors.length ? h('div', { class: 'banner banner--error' }, h('p', { class: 'banner__title', text: `${errors.length} problem(s) block publishing:` }), problemList(errors)) : null,
    warnings.length ? h('details', { class: 'warnings' }, h('summary', { text: `${warnings.length} warning(s) (do not block publishing)` }), problemList(warnings)) : null,
    h('form', { class: 'form publish', novalidate: true, onsubmit: (/** @type {Event} */ ev) => { ev.preventDefault(); void publish(); } },
      h('div', { class: 'field' }, h('label', { for: 'publish-message', text: 'What changed (kept in the history)' }), message),
      refused,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button', text: 'Publish' }),
        h('button', { type: 'button', class: 'button button--danger', onclick: () => void discard(), text: 'Discard the draft' })),
      status));
  heading.focus();
}

/**
 * The problems of a whole-KB check, each with its place.
 * @param {Problem[]} problems
 */
export function problemList(problems) {
  return h('ul', { class: 'problemlist' }, problems.map((p) => h('li', {},
    h('code', { text: p.kbPath || [p.file, p.path].filter(Boolean).join(' ') || 'knowledge base' }), ' ', p.message)));
}
