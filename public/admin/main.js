// The owner console: sign-in with the owner token, then a hash router over the console's views.
import { api, getToken, setToken } from './api.js';
import { clearOldToast, h, replace } from './dom.js';
import { renderEditor } from './editor.js';
import { renderList } from './listView.js';
import { buildProblemForm, checkProblem, PROBLEM_FIELDS } from './problemForm.js';
import { LIST_SECTIONS, SINGLE_SECTIONS } from './sections.js';
import { renderDraft } from './draftView.js';
import { renderHistory } from './historyView.js';
import { renderGaps } from './gapsView.js';
import { renderDashboard } from './dashboard.js';

/** @typedef {import('./editor.js').EditorKind} EditorKind */

/** @type {import('./sections.js').SectionSpec} */
const PROBLEMS = {
  key: 'problems', label: 'Problems & playbooks', singular: 'problem', idField: 'id', fields: PROBLEM_FIELDS,
  title: (p) => p.title ?? p.id,
  blank: () => ({ id: '', title: '', products: [], tags: [], acknowledge: '', facts: [], steps: [{ id: 'first_step', strategy: 'S1', action: 'self_check', say: '', success: '' }] }),
};

/** @type {Record<string, EditorKind>} */
const KINDS = {
  ...Object.fromEntries(Object.entries({ ...LIST_SECTIONS, ...SINGLE_SECTIONS }).map(([k, spec]) => [k, { spec }])),
  problems: { spec: PROBLEMS, build: buildProblemForm, check: checkProblem, resets: ['steps'] },
};

/** @type {Record<string, (item: any) => string>} */
const DETAILS = {
  faqs: (f) => [f.answer?.split('\n')[0], f.tags?.length ? `tags: ${f.tags.join(', ')}` : ''].filter(Boolean).join(' · '),
  problems: (p) => `${p.steps?.length ?? 0} steps · ${(p.products ?? []).join(', ')}`,
  intents: (i) => `${i.utterances?.length ?? 0} utterances`,
};

const main = /** @type {HTMLElement} */ (document.getElementById('main'));

/** Shows the view named by the location hash. */
async function route() {
  const [view = 'dashboard', id, ...rest] = window.location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  for (const a of document.querySelectorAll('#nav-list a')) {
    if (a.getAttribute('href') === `#/${view}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  clearOldToast();
  replace(main, h('p', { class: 'hint', role: 'status', text: 'Loading…' }));
  try {
    const kind = KINDS[view];
    if (kind && view in SINGLE_SECTIONS) await renderEditor(main, kind, null);
    else if (kind && id) await renderEditor(main, kind, [id, ...rest].join('/'));
    else if (kind) await renderList(main, kind.spec, DETAILS[view]);
    else if (view === 'draft') await renderDraft(main);
    else if (view === 'history') await renderHistory(main, id);
    else if (view === 'gaps') await renderGaps(main);
    else await renderDashboard(main);
  } catch (e) {
    replace(main, h('div', { class: 'banner banner--error', role: 'alert' },
      h('p', { class: 'banner__title', text: 'This could not be loaded.' }), h('p', { text: /** @type {Error} */ (e).message }),
      h('button', { type: 'button', class: 'button', onclick: () => void route(), text: 'Try again' })));
  }
}

/** Switches between the sign-in form and the console. */
function showSignedIn(/** @type {string | null} */ name) {
  const signedIn = name !== null;
  /** @type {HTMLElement} */ (document.getElementById('signin')).hidden = signedIn;
  /** @type {HTMLElement} */ (document.getElementById('app')).hidden = !signedIn;
  /** @type {HTMLElement} */ (document.getElementById('sign-out')).hidden = !signedIn;
  /** @type {HTMLElement} */ (document.getElementById('who')).textContent = signedIn ? 'Signed in' : '';
  if (!signedIn) /** @type {HTMLElement} */ (document.getElementById('signin-token')).focus();
}

/** Checks the token with a cheap owner-only call (the draft's state); rejects with 401 / 403. */
async function checkToken() {
  await api('GET', '/kb/draft');
  return 'owner';
}

async function signIn(/** @type {string} */ token) {
  const error = /** @type {HTMLElement} */ (document.getElementById('signin-error'));
  setToken(token);
  try {
    const name = await checkToken();
    error.textContent = '';
    showSignedIn(name);
    await route();
  } catch (e) {
    setToken(null);
    const err = /** @type {import('./api.js').ApiError} */ (e);
    error.textContent = err.status === 401 ? 'This token is not recognised.' : err.status === 403 ? 'This token is not an owner\'s.' : err.message;
    showSignedIn(null);
  }
}

document.getElementById('signin-form')?.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const input = /** @type {HTMLInputElement} */ (document.getElementById('signin-token'));
  const token = input.value.trim();
  input.value = '';
  if (token) void signIn(token);
});
document.getElementById('sign-out')?.addEventListener('click', () => { setToken(null); showSignedIn(null); });
window.addEventListener('signed-out', (ev) => {
  setToken(null);
  showSignedIn(null);
  /** @type {HTMLElement} */ (document.getElementById('signin-error')).textContent = `Signed out: ${/** @type {CustomEvent} */ (ev).detail}`;
});
window.addEventListener('hashchange', () => void route());

const saved = getToken();
if (saved) void signIn(saved);
else showSignedIn(null);
