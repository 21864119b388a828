// History: the published versions, newest first, with author, time, message and what changed; any version can
// be restored (published again as a new version).
import { api, seg } from './api.js';
import { h, replace, toast, when } from './dom.js';
import { diffSize, entryOf, renderDiff } from './diffView.js';

/** @typedef {import('./api.js').ApiError} ApiError */

/**
 * Renders the history.
 * @param {HTMLElement} main
 * @param {string} [_selected] unused: every version is listed
 */
export async function renderHistory(main, _selected) {
  const { data } = await api('GET', '/kb/versions', { query: { limit: '50' } });
  const versions = /** @type {any[]} */ (data?.versions ?? []);
  /** @type {Map<number, Promise<any>>} */
  const contents = new Map();
  const kbOf = (/** @type {number} */ v) => {
    if (!contents.has(v)) contents.set(v, v < 1 ? Promise.resolve(undefined) : api('GET', `/kb/versions/${seg(v)}`).then((a) => a.data?.kb));
    return /** @type {Promise<any>} */ (contents.get(v));
  };
  const latest = versions[0]?.version;
  const heading = h('h2', { tabindex: '-1', text: 'History' });

  /** @param {any} v */
  async function restore(v) {
    if (!window.confirm(`Publish the content of version ${v.version} again, as a new version? Travellers get it within seconds.`)) return;
    try {
      const { data: info } = await api('POST', `/kb/versions/${seg(v.version)}/restore`, { body: { message: `restore version ${v.version}` } });
      toast(`Version ${v.version} restored as version ${info.version}`);
      await renderHistory(main);
    } catch (e) {
      toast(`Not restored: ${/** @type {ApiError} */ (e).message}`, 'error');
    }
  }

  replace(main, heading,
    h('p', { class: 'hint', text: 'Restoring publishes an old version\'s content as a new version; nothing is erased, and the draft is kept.' }),
    h('ol', { class: 'versions' }, versions.map((v) => {
      const compare = async (/** @type {string} */ collection, /** @type {string | null} */ key) =>
        /** @type {[unknown, unknown]} */ ([entryOf(await kbOf(v.version - 1), collection, key), entryOf(await kbOf(v.version), collection, key)]);
      return h('li', { class: 'version', 'data-version': String(v.version) },
        h('div', { class: 'version__head' },
          h('h3', { text: `Version ${v.version}` }),
          v.version === latest ? h('span', { class: 'badge badge--live', text: 'in service' }) : null,
          h('span', { class: 'version__meta', text: `${v.author} · ${when(v.createdAt)}` }),
          v.version === latest ? null : h('button', { type: 'button', class: 'button button--quiet', text: 'Restore', 'aria-label': `Restore version ${v.version}`, onclick: () => void restore(v) })),
        h('p', { class: 'version__message', text: v.message || '(no message)' }),
        h('details', {}, h('summary', { text: `${diffSize(v.diff)} change(s)` }), renderDiff(v.diff, { compare })));
    })));
  heading.focus();
}
