// @ts-check
// Keyboard shortcuts: j/k (or the arrows) move in the queue, Enter/o opens, c claims, r and n focus the reply and
// note boxes, Esc goes back to the queue, ? shows the list. Letters are ignored while typing in a field.
import { byId } from './dom.js';

/**
 * @param {{ queue: import('./queue.js').QueueView, isSignedIn(): boolean }} deps
 */
export function bindShortcuts({ queue, isSignedIn }) {
  const help = byId('help', HTMLDialogElement);
  byId('help-button', HTMLButtonElement).addEventListener('click', () => help.showModal());
  byId('help-close', HTMLButtonElement).addEventListener('click', () => help.close());

  document.addEventListener('keydown', (e) => {
    if (!isSignedIn() || help.open || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const target = /** @type {HTMLElement | null} */ (e.target instanceof HTMLElement ? e.target : null);
    const typing = !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (e.key === 'Escape') {
      if (typing) target?.blur();
      queue.focusSelected();
      e.preventDefault();
      return;
    }
    if (typing) return;
    const inQueue = !!target?.closest('#queue');
    /** @type {Record<string, () => void>} */
    const keys = {
      j: () => queue.move(1),
      k: () => queue.move(-1),
      o: () => queue.openSelected(),
      c: () => clickIfEnabled('claim'),
      r: () => document.getElementById('message-text')?.focus(),
      n: () => document.getElementById('note-text')?.focus(),
      '?': () => help.showModal(),
    };
    if (inQueue) {
      keys.ArrowDown = keys.j;
      keys.ArrowUp = keys.k;
    }
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  });
}

/** @param {string} id */
function clickIfEnabled(id) {
  const button = document.getElementById(id);
  if (button instanceof HTMLButtonElement && !button.disabled) button.click();
}
