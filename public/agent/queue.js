// @ts-check
// The live queue: pending cases first (high priority, then longest waiting), then the cases in progress.
// Waiting times tick every second from each case's waitingSince; the list itself is reloaded on stream events.
import { formatWait, h, replaceChildren } from './dom.js';

/** @typedef {import('./api.js').CaseItem} CaseItem */

const STATUS_ORDER = { pending: 0, assigned: 1 };

/**
 * Pending first by priority then waiting time, then assigned cases by claim time.
 * @param {CaseItem[]} cases
 * @returns {CaseItem[]}
 */
export function queueOrder(cases) {
  const rank = (/** @type {CaseItem} */ c) => STATUS_ORDER[/** @type {'pending'|'assigned'} */ (c.status)] ?? 2;
  const since = (/** @type {CaseItem} */ c) => Date.parse(c.status === 'assigned' ? c.claimedAt ?? c.updatedAt : c.waitingSince ?? c.createdAt);
  return [...cases].sort((a, b) =>
    rank(a) - rank(b) ||
    (a.status === 'pending' ? (a.priority === 'high' ? 0 : 1) - (b.priority === 'high' ? 0 : 1) : 0) ||
    since(a) - since(b) ||
    a.id.localeCompare(b.id));
}

/** The queue pane: rendering, selection (j/k), and the ticking waiting times. */
export class QueueView {
  /**
   * @param {HTMLOListElement} list
   * @param {HTMLElement} empty
   * @param {HTMLElement} count
   * @param {(id: string) => void} onOpen
   */
  constructor(list, empty, count, onOpen) {
    this.list = list;
    this.empty = empty;
    this.count = count;
    this.onOpen = onOpen;
    /** @type {CaseItem[]} */
    this.cases = [];
    /** @type {string | null} */
    this.selectedId = null;
    /** @type {string | null} */
    this.openId = null;
    setInterval(() => this.tick(), 1000);
  }

  /** @param {CaseItem[]} cases */
  render(cases) {
    this.cases = queueOrder(cases);
    const hadFocus = this.list.contains(document.activeElement);
    if (this.selectedId && !this.cases.some((c) => c.id === this.selectedId)) this.selectedId = null;
    replaceChildren(this.list, this.cases.map((c) => this.item(c)));
    const pending = this.cases.filter((c) => c.status === 'pending').length;
    this.count.textContent = `${pending} waiting · ${this.cases.length - pending} in progress`;
    this.empty.hidden = this.cases.length > 0;
    this.tick();
    if (hadFocus) this.focusSelected();
  }

  /**
   * @param {CaseItem} c
   * @returns {HTMLLIElement}
   */
  item(c) {
    const selected = c.id === (this.selectedId ?? this.cases[0]?.id);
    const button = h('button', {
      type: 'button',
      className: 'queue__item',
      tabIndex: selected ? 0 : -1,
      'data-case-id': c.id,
      'aria-current': c.id === this.openId ? 'true' : undefined,
    },
    h('span', { className: 'queue__row' },
      h('strong', { className: 'queue__ref' }, c.reference),
      c.priority === 'high' ? h('span', { className: 'badge badge--high' }, 'high') : null,
      h('span', { className: `badge badge--${c.status}` }, c.status === 'assigned' ? `with ${c.assignee ?? 'an agent'}` : c.position ? `#${c.position}` : c.status)),
    h('span', { className: 'queue__title' }, c.summary?.title || 'Asked for a person'),
    h('span', { className: 'queue__meta' },
      h('span', { className: 'queue__wait', 'data-since': c.status === 'assigned' ? c.claimedAt ?? c.updatedAt : c.waitingSince ?? c.createdAt }),
      ` · ${c.channelId}${c.handoffReason ? ` · ${c.handoffReason.replace(/_/g, ' ')}` : ''}`));
    button.addEventListener('click', () => { this.selectedId = c.id; this.onOpen(c.id); });
    button.addEventListener('focus', () => { this.selectedId = c.id; this.rovingTabIndex(); });
    return h('li', {}, button);
  }

  /** Updates every waiting time from its timestamp. */
  tick() {
    const now = Date.now();
    for (const el of this.list.querySelectorAll('.queue__wait')) {
      const since = Date.parse(el.getAttribute('data-since') ?? '');
      const verb = el.closest('li')?.querySelector('.badge--assigned') ? 'claimed' : 'waiting';
      el.textContent = Number.isNaN(since) ? '' : `${verb} ${formatWait(now - since)}`;
    }
  }

  /** @param {1 | -1} step */
  move(step) {
    if (!this.cases.length) return;
    const at = this.cases.findIndex((c) => c.id === this.selectedId);
    const next = at < 0 ? 0 : Math.min(this.cases.length - 1, Math.max(0, at + step));
    this.selectedId = this.cases[next].id;
    this.focusSelected();
  }

  /** Opens the selected case (Enter / o). */
  openSelected() {
    const id = this.selectedId ?? this.cases[0]?.id;
    if (id) this.onOpen(id);
  }

  /** @param {string | null} id */
  markOpen(id) {
    this.openId = id;
    if (id) this.selectedId = id;
    for (const b of this.list.querySelectorAll('.queue__item')) {
      if (b.getAttribute('data-case-id') === id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  }

  focusSelected() {
    this.rovingTabIndex();
    const selected = this.list.querySelector('.queue__item[tabindex="0"]');
    if (selected instanceof HTMLElement) selected.focus();
  }

  /** One tab stop for the whole list (the selected case); j/k and the arrows move inside it. */
  rovingTabIndex() {
    const id = this.selectedId ?? this.cases[0]?.id;
    for (const b of this.list.querySelectorAll('.queue__item')) {
      if (b instanceof HTMLElement) b.tabIndex = b.getAttribute('data-case-id') === id ? 0 : -1;
    }
  }
}
