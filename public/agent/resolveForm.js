// @ts-check
// The resolve form: an outcome and a remedy picked from the compensation policy for this case's problem,
// with the policy's limit checked before sending (the server checks it again and has the last word).
import { h } from './dom.js';

/** @typedef {import('./api.js').PolicyRemedy} PolicyRemedy */
/** @typedef {import('./api.js').GrantedRemedy} GrantedRemedy */

/**
 * "Refund (up to 150 EUR)", "Rebooking (no amount)".
 * @param {PolicyRemedy} r
 */
export function remedyLabel(r) {
  const limit = r.maxAmount ? `up to ${r.maxAmount.value} ${r.maxAmount.currency}` : r.amountUnknown ? 'share of the booking: no amount' : 'no amount';
  return `${r.label} (${limit})${r.agentOnly ? ' · agents only' : ''}`;
}

/**
 * The remedy the form describes, or a problem to show.
 * @param {PolicyRemedy | undefined} remedy
 * @param {string} amountText
 * @param {string} note
 * @returns {{ ok: true, remedy: GrantedRemedy | null } | { ok: false, problem: string }}
 */
export function pickedRemedy(remedy, amountText, note) {
  if (!remedy) return { ok: true, remedy: null };
  /** @type {GrantedRemedy} */
  const granted = { remedyId: remedy.remedyId };
  if (note) granted.note = note;
  if (!remedy.maxAmount) return { ok: true, remedy: granted };
  const amount = Number(amountText.replace(',', '.'));
  if (!amountText.trim() || !Number.isFinite(amount) || amount <= 0) return { ok: false, problem: `Enter an amount for ${remedy.label}.` };
  if (amount > remedy.maxAmount.value) return { ok: false, problem: `${remedy.label} is limited to ${remedy.maxAmount.value} ${remedy.maxAmount.currency} by the compensation policy.` };
  return { ok: true, remedy: { ...granted, amount, currency: remedy.maxAmount.currency } };
}

/**
 * @param {PolicyRemedy[]} remedies the policy's remedies for this case (from the case detail)
 * @param {boolean} enabled the case is assigned to the signed-in agent
 * @param {(outcome: string, remedy: GrantedRemedy | null) => Promise<void>} resolve
 * @returns {HTMLElement}
 */
export function renderResolveForm(remedies, enabled, resolve) {
  const outcome = h('textarea', { id: 'outcome', rows: 2, maxLength: 1000, required: true, disabled: !enabled, placeholder: 'What was done, in words the traveller will read' });
  const select = h('select', { id: 'remedy', disabled: !enabled },
    h('option', { value: '' }, remedies.length ? 'No remedy' : 'No remedy (none authorised for this problem)'),
    ...remedies.map((r) => h('option', { value: r.remedyId }, remedyLabel(r))));
  const amount = h('input', { id: 'remedy-amount', type: 'number', min: '0', step: '0.01', inputMode: 'decimal', disabled: true });
  const currency = h('span', { className: 'muted', id: 'remedy-currency' });
  const note = h('input', { id: 'remedy-note', type: 'text', maxLength: 500, disabled: true, placeholder: 'Remedy note (optional)' });
  const description = h('p', { className: 'muted', id: 'remedy-description' });
  const problem = h('p', { className: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', className: 'button button--primary', id: 'resolve', disabled: !enabled }, 'Resolve');

  const current = () => remedies.find((r) => r.remedyId === select.value);
  select.addEventListener('change', () => {
    const r = current();
    amount.disabled = !enabled || !r?.maxAmount;
    amount.max = r?.maxAmount ? String(r.maxAmount.value) : '';
    amount.value = '';
    currency.textContent = r?.maxAmount ? `${r.maxAmount.currency}, at most ${r.maxAmount.value}` : '';
    note.disabled = !enabled || !r;
    description.textContent = r?.description ?? '';
    problem.hidden = true;
  });

  const form = h('form', { className: 'resolve', id: 'resolve-form', noValidate: true, 'aria-labelledby': 'resolve-title' },
    h('h3', { id: 'resolve-title' }, 'Resolve'),
    h('label', { for: 'outcome' }, 'Outcome'), outcome,
    h('label', { for: 'remedy' }, 'Remedy (compensation policy)'), select, description,
    h('label', { for: 'remedy-amount' }, 'Amount'), h('span', { className: 'resolve__amount' }, amount, currency),
    note, problem, submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picked = pickedRemedy(current(), amount.value, note.value.trim());
    const text = outcome.value.trim();
    problem.hidden = picked.ok && !!text;
    if (!text) problem.textContent = 'Describe the outcome.';
    else if (!picked.ok) problem.textContent = picked.problem;
    if (!text || !picked.ok) return;
    submit.disabled = true;
    resolve(text, picked.remedy).catch(() => undefined).finally(() => { submit.disabled = !enabled; });
  });
  return form;
}
