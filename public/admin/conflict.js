// The 409 of a stale If-Match: nothing was overwritten, the owner's text stays in the form, and reloading keeps a
// copy of it next to the other person's version.
import { h, replace } from './dom.js';

/**
 * Shows the conflict banner.
 * @param {HTMLElement} banner
 * @param {HTMLElement} status
 * @param {() => Promise<void>} reload  re-renders with the latest version, keeping the owner's text
 */
export function showConflict(banner, status, reload) {
  banner.hidden = false;
  status.textContent = 'Not saved: someone else changed this.';
  replace(banner,
    h('p', { class: 'banner__title', text: 'Someone else changed this since you opened it; reload to see their version.' }),
    h('p', { text: 'Nothing was overwritten, and your text is still in the form. Reloading shows their version and keeps yours below it to copy from.' }),
    h('button', { type: 'button', class: 'button', onclick: () => void reload(), text: 'Reload their version' }));
  /** @type {HTMLElement | null} */ (banner.querySelector('button'))?.focus();
}
