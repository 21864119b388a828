// @ts-check
// The agent console: sign-in with the agent token (kept in this tab's sessionStorage), the live queue, one case
// at a time, and the event stream that keeps both current. See docs/agent-console.md.
import { AgentApi, ApiError } from './api.js';
import { CaseView } from './caseView.js';
import { byId } from './dom.js';
import { QueueView } from './queue.js';
import { bindShortcuts } from './shortcuts.js';
import { LiveStream } from './stream.js';

const TOKEN_KEY = 'rebound.agent.token';
const NAME_KEY = 'rebound.agent.name';
const QUEUE_STATUSES = 'pending,assigned';

const ui = {
  signIn: byId('sign-in', HTMLFormElement),
  token: byId('token', HTMLInputElement),
  signInError: byId('sign-in-error', HTMLElement),
  console: byId('console', HTMLElement),
  caseSection: byId('case', HTMLElement),
  status: byId('status', HTMLElement),
  live: byId('live', HTMLElement),
  whoami: byId('whoami', HTMLElement),
  signOut: byId('sign-out', HTMLButtonElement),
  helpButton: byId('help-button', HTMLButtonElement),
};

/** @type {AgentApi | null} */ let api = null;
/** @type {CaseView | null} */ let view = null;
/** @type {LiveStream | null} */ let live = null;
let me = sessionStorage.getItem(NAME_KEY);
const queue = new QueueView(byId('queue', HTMLOListElement), byId('queue-empty', HTMLElement), byId('queue-count', HTMLElement), (id) => void openCase(id, true));

/** @param {string} text @param {boolean} [isError] */
function say(text, isError = false) {
  ui.status.textContent = text;
  ui.status.hidden = !text;
  ui.status.classList.toggle('status--error', isError);
}

/** @param {unknown} error */
function fail(error) {
  if (error instanceof ApiError && error.status === 401) return signOut('Your token is no longer accepted; sign in again.');
  say(error instanceof ApiError ? error.describe() : `Something went wrong: ${String(error)}`, true);
}

/** @param {string} token */
async function signIn(token) {
  const candidate = new AgentApi(token);
  try {
    const cases = await candidate.listCases(QUEUE_STATUSES);
    api = candidate;
    sessionStorage.setItem(TOKEN_KEY, token);
    ui.signIn.hidden = true;
    ui.console.hidden = false;
    ui.signOut.hidden = ui.helpButton.hidden = ui.live.hidden = false;
    ui.whoami.textContent = me ? `Signed in as ${me}` : 'Signed in';
    queue.render(cases);
    live = new LiveStream(api, { onEvent: onStreamEvent, onState: showLive, onRefused: () => signOut('Your token is no longer accepted; sign in again.') });
    live.start();
    const fromHash = /^#case\/(.+)$/.exec(location.hash);
    if (fromHash) await openCase(decodeURIComponent(fromHash[1]), false);
    else queue.focusSelected();
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    const forbidden = error instanceof ApiError && error.status === 403;
    const unknown = error instanceof ApiError && error.status === 401;
    ui.signInError.textContent = forbidden ? 'This token does not have the agent role.' : unknown ? 'Unknown token.' : error instanceof ApiError ? error.describe() : 'The server cannot be reached.';
    ui.signInError.hidden = false;
    ui.token.focus();
  }
}

/** @param {string} [why] */
function signOut(why) {
  live?.stop();
  live = null;
  api = null;
  view = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(NAME_KEY);
  me = null;
  ui.console.hidden = ui.signOut.hidden = ui.helpButton.hidden = ui.live.hidden = true;
  ui.signIn.hidden = false;
  ui.signInError.textContent = why ?? '';
  ui.signInError.hidden = !why;
  ui.token.value = '';
  history.replaceState(null, '', location.pathname);
  ui.token.focus();
}

/** @param {'connecting' | 'live' | 'reconnecting'} state */
function showLive(state) {
  ui.live.textContent = state === 'live' ? 'live' : state === 'connecting' ? 'connecting…' : 'reconnecting…';
  ui.live.className = `live live--${state}`;
  // Events are hints: after a (re)connect, reload what is on screen.
  if (state === 'live') { void reloadQueue(); if (view) void openCase(view.id, false); }
}

/** @param {import('./api.js').StreamEvent} e */
function onStreamEvent(e) {
  const caseId = String(e.data.caseId ?? '');
  if (e.event === 'case') {
    void reloadQueue();
    if (view && caseId === view.id) void openCase(caseId, false);
  } else if (e.event === 'message' && view && caseId === view.id) {
    view.addMessage({ eventId: String(e.data.eventId), from: String(e.data.from), name: e.data.name ? String(e.data.name) : undefined, text: String(e.data.text ?? ''), at: String(e.data.at ?? '') });
  } else if (e.event === 'note' && view && caseId === view.id) {
    view.addNote({ eventId: String(e.data.eventId), name: String(e.data.name ?? ''), text: String(e.data.text ?? ''), at: String(e.data.at ?? '') });
  }
}

let queueReload = /** @type {Promise<void> | null} */ (null);
let queueAgain = false;
/** Reloads the queue; calls that arrive while one runs are folded into one more reload. */
async function reloadQueue() {
  if (queueReload) { queueAgain = true; return queueReload; }
  queueReload = (async () => {
    do {
      queueAgain = false;
      if (!api) return;
      try { queue.render(await api.listCases(QUEUE_STATUSES)); } catch (error) { fail(error); }
    } while (queueAgain);
  })().finally(() => { queueReload = null; });
  return queueReload;
}

/**
 * Opens (or refreshes) a case; keeps what the agent was typing when it is the same case.
 * @param {string} id
 * @param {boolean} focus move the focus to the case (an explicit open, not a refresh)
 */
async function openCase(id, focus) {
  if (!api) return;
  try {
    const detail = await api.getCase(id);
    const drafts = view?.id === id ? saveDrafts() : null;
    view = new CaseView(ui.caseSection, detail, me, actionsFor(id));
    if (drafts) restoreDrafts(drafts);
    queue.markOpen(id);
    history.replaceState(null, '', `#case/${encodeURIComponent(id)}`);
    if (focus) byId('case-title', HTMLElement).focus();
  } catch (error) {
    fail(error);
  }
}

const DRAFT_IDS = ['message-text', 'note-text', 'outcome'];
function saveDrafts() {
  const active = document.activeElement?.id ?? '';
  return { active, values: DRAFT_IDS.map((d) => /** @type {HTMLTextAreaElement | null} */ (document.getElementById(d))?.value ?? '') };
}
/** @param {{ active: string, values: string[] }} drafts */
function restoreDrafts(drafts) {
  DRAFT_IDS.forEach((d, i) => {
    const box = /** @type {HTMLTextAreaElement | null} */ (document.getElementById(d));
    if (box && !box.disabled) box.value = drafts.values[i];
  });
  if (DRAFT_IDS.includes(drafts.active)) document.getElementById(drafts.active)?.focus();
}

/**
 * What the case view's buttons do; every failure is shown and nothing typed is cleared.
 * @param {string} id
 * @returns {import('./caseView.js').CaseActions}
 */
function actionsFor(id) {
  /** @param {() => Promise<void>} run */
  const guarded = async (run) => {
    if (!api) throw new Error('signed out');
    try { say(''); await run(); } catch (error) {
      fail(error);
      // A refused move (someone else claimed it, it expired): show the case as it really is.
      if (error instanceof ApiError && error.status === 409) void openCase(id, false);
      throw error;
    }
  };
  return {
    claim: () => guarded(async () => {
      const { case: claimed } = await /** @type {AgentApi} */ (api).claim(id);
      if (claimed.assignee) { me = claimed.assignee; sessionStorage.setItem(NAME_KEY, me); ui.whoami.textContent = `Signed in as ${me}`; }
      await openCase(id, false);
      document.getElementById('message-text')?.focus();
    }),
    release: () => guarded(async () => { await /** @type {AgentApi} */ (api).release(id); say('Released: the case is back in the queue.'); await openCase(id, false); }),
    send: (text) => guarded(async () => {
      const { event } = await /** @type {AgentApi} */ (api).sendMessage(id, text);
      view?.addMessage({ eventId: event.id, from: 'agent', name: event.actor.id, text: String(event.data.text ?? text), at: event.at });
    }),
    note: (text) => guarded(async () => {
      const { event } = await /** @type {AgentApi} */ (api).addNote(id, text);
      view?.addNote({ eventId: event.id, name: event.actor.id, text: String(event.data.text ?? text), at: event.at });
    }),
    resolve: (outcome, remedy) => guarded(async () => {
      const { case: resolved } = await /** @type {AgentApi} */ (api).resolve(id, outcome, remedy);
      say(`Case ${resolved.reference} resolved: the bot has the conversation back and will check in tomorrow.`);
      await openCase(id, false);
      void reloadQueue();
    }),
  };
}

ui.signIn.addEventListener('submit', (e) => {
  e.preventDefault();
  ui.signInError.hidden = true;
  void signIn(ui.token.value.trim());
});
ui.signOut.addEventListener('click', () => signOut());
bindShortcuts({ queue, isSignedIn: () => api !== null });

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) void signIn(saved);
else ui.token.focus();
