// @ts-check
// One case: its header and actions, the gathered context, the chat pane, notes, and the resolve form.
// Live messages from the stream are appended without a reload, once each (deduplicated by event id).
import { renderContext } from './context.js';
import { formatTime, h, replaceChildren } from './dom.js';
import { renderResolveForm } from './resolveForm.js';

/** @typedef {import('./api.js').CaseDetail} CaseDetail */
/** @typedef {import('./api.js').GrantedRemedy} GrantedRemedy */
/**
 * @typedef {{ claim(): Promise<void>, release(): Promise<void>, send(text: string): Promise<void>, note(text: string): Promise<void>,
 *   resolve(outcome: string, remedy: GrantedRemedy | null): Promise<void> }} CaseActions
 * @typedef {{ eventId: string, from: string, name?: string, text: string, at: string }} ChatLine
 */

const FROM_LABEL = { traveller: 'Traveller', bot: 'Rebound bot', agent: 'Agent', system: 'System' };

/** Renders a case into its section and keeps its chat and notes live. */
export class CaseView {
  /**
   * @param {HTMLElement} root
   * @param {CaseDetail} detail
   * @param {string | null} me the signed-in agent's name, when known
   * @param {CaseActions} actions
   */
  constructor(root, detail, me, actions) {
    this.root = root;
    this.detail = detail;
    this.id = detail.case.id;
    this.actions = actions;
    /** Ids of events already on screen. @type {Set<string>} */
    this.shown = new Set(detail.events.map((e) => e.id));
    this.chat = h('ol', { className: 'chat__list', 'aria-label': 'Conversation', 'aria-live': 'polite' });
    this.notes = h('ul', { className: 'notes__list', 'aria-label': 'Internal notes' });
    this.render(me);
  }

  /** @param {string | null} me */
  render(me) {
    const c = this.detail.case;
    const mine = c.status === 'assigned' && (!me || c.assignee === me);
    const canTalk = mine;
    for (const line of this.detail.transcript) this.chat.append(chatLine(line.from, undefined, line.text, line.at));
    for (const e of this.detail.events) if (e.type === 'note') this.notes.append(noteLine(e.actor.id, String(e.data.text ?? ''), e.at));

    const claim = h('button', { type: 'button', className: 'button button--primary', id: 'claim', disabled: c.status !== 'pending', 'aria-keyshortcuts': 'c' }, 'Claim');
    claim.addEventListener('click', () => void this.actions.claim());
    const release = h('button', { type: 'button', className: 'button', id: 'release', disabled: !mine }, 'Release to queue');
    release.addEventListener('click', () => void this.actions.release());

    const sendBox = h('textarea', { id: 'message-text', rows: 2, maxLength: 4000, disabled: !canTalk, placeholder: canTalk ? 'Write to the traveller… (Enter to send, Shift+Enter for a new line)' : statusHint(c, me), 'aria-label': 'Message to the traveller' });
    const sendForm = h('form', { className: 'composer', id: 'message-form' }, sendBox, h('button', { type: 'submit', className: 'button button--primary', disabled: !canTalk }, 'Send'));
    submitOnEnter(sendForm, sendBox, (text) => this.actions.send(text));

    const noteBox = h('textarea', { id: 'note-text', rows: 2, maxLength: 4000, placeholder: 'Internal note (never shown to the traveller)', 'aria-label': 'Internal note' });
    const noteForm = h('form', { className: 'composer', id: 'note-form' }, noteBox, h('button', { type: 'submit', className: 'button' }, 'Add note'));
    submitOnEnter(noteForm, noteBox, (text) => this.actions.note(text));

    replaceChildren(this.root, [
      h('header', { className: 'case__head' },
        h('h2', { id: 'case-title', tabIndex: -1 }, `Case ${c.reference}`),
        h('span', { className: `badge badge--${c.status}` }, c.status === 'assigned' ? `assigned to ${c.assignee ?? '?'}` : c.status.replace(/_/g, ' ')),
        c.priority === 'high' ? h('span', { className: 'badge badge--high' }, 'high priority') : null,
        h('span', { className: 'muted' }, `${c.channelId} · opened ${formatTime(c.createdAt)}`),
        h('span', { className: 'case__actions' }, claim, release)),
      renderContext(this.detail),
      h('div', { className: 'case__work' },
        h('section', { className: 'chat', 'aria-labelledby': 'chat-title' }, h('h3', { id: 'chat-title' }, 'Chat'), this.chat, sendForm),
        h('div', { className: 'case__side' },
          h('section', { className: 'notes', 'aria-labelledby': 'notes-title' }, h('h3', { id: 'notes-title' }, 'Notes'), this.notes, noteForm),
          renderResolveForm(this.detail.remedies ?? [], mine, (outcome, remedy) => this.actions.resolve(outcome, remedy)))),
    ]);
    this.scrollChat();
  }

  /**
   * A chat message from the stream or from our own send; ignored when already on screen.
   * @param {ChatLine} line
   */
  addMessage(line) {
    if (this.shown.has(line.eventId)) return;
    this.shown.add(line.eventId);
    this.chat.append(chatLine(line.from, line.name, line.text, line.at));
    this.scrollChat();
  }

  /**
   * An internal note from the stream or our own; ignored when already on screen.
   * @param {{ eventId: string, name: string, text: string, at: string }} note
   */
  addNote(note) {
    if (this.shown.has(note.eventId)) return;
    this.shown.add(note.eventId);
    this.notes.append(noteLine(note.name, note.text, note.at));
  }

  scrollChat() {
    this.chat.scrollTop = this.chat.scrollHeight;
  }
}

/**
 * @param {import('./api.js').CaseItem} c
 * @param {string | null} me
 */
function statusHint(c, me) {
  if (c.status === 'pending') return 'Claim the case to talk to the traveller.';
  if (c.status === 'assigned' && me && c.assignee !== me) return `${c.assignee} is handling this case.`;
  return `The case is ${c.status.replace(/_/g, ' ')}.`;
}

/**
 * One chat line; the text goes in as a text node (never parsed as HTML).
 * @param {string} from
 * @param {string | undefined} name
 * @param {string} text
 * @param {string} at
 */
function chatLine(from, name, text, at) {
  const who = from === 'agent' && name ? name : FROM_LABEL[/** @type {keyof typeof FROM_LABEL} */ (from)] ?? from;
  return h('li', { className: `msg msg--${from}` },
    h('span', { className: 'msg__meta' }, who, ' · ', h('time', { dateTime: at }, formatTime(at))),
    h('p', { className: 'msg__text' }, text));
}

/**
 * @param {string} name
 * @param {string} text
 * @param {string} at
 */
function noteLine(name, text, at) {
  return h('li', { className: 'note' }, h('span', { className: 'msg__meta' }, `${name} · `, h('time', { dateTime: at }, formatTime(at))), h('p', { className: 'msg__text' }, text));
}

/**
 * Enter submits, Shift+Enter adds a line; the box is cleared only once the call succeeded (nothing typed is lost).
 * @param {HTMLFormElement} form
 * @param {HTMLTextAreaElement} box
 * @param {(text: string) => Promise<void>} submit
 */
function submitOnEnter(form, box, submit) {
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = box.value.trim();
    if (!text || box.disabled) return;
    box.disabled = true;
    submit(text)
      .then(() => { box.value = ''; })
      .catch(() => undefined)
      .finally(() => { box.disabled = false; box.focus(); });
  });
}
