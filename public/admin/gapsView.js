// Knowledge gaps: what travellers asked that the bot could not answer well, grouped, with a one-step
// "create answer": a new FAQ, or the examples added as question variants of an existing one.
import { api, seg } from './api.js';
import { checkSpecs, ID, ID_HELP, relativeProblem } from './checks.js';
import { h, replace, toast, when } from './dom.js';
import { Form, field } from './forms.js';
import { listOf } from './listView.js';

/** @typedef {import('./api.js').ApiError} ApiError */

const KIND_LABELS = /** @type {Record<string, string>} */ ({
  not_understood: 'not understood', low_confidence: 'low confidence', unhelpful: 'marked unhelpful', clarification_rejected: 'clarification rejected',
});

/**
 * Renders the open gaps.
 * @param {HTMLElement} main
 */
export async function renderGaps(main) {
  const [{ data }, faqs] = await Promise.all([api('GET', '/gaps', { query: { status: 'open' } }), api('GET', '/faqs')]);
  const gaps = /** @type {any[]} */ (data?.gaps ?? []);
  const faqIds = listOf(faqs.data, 'faqs').map((f) => String(f.id));
  const heading = h('h2', { tabindex: '-1', text: 'Knowledge gaps' });
  replace(main, heading,
    h('p', { class: 'hint', text: 'Messages of the last 30 days the bot could not answer, answered with low confidence, or whose answer travellers found unhelpful, grouped by similarity, largest first.' }),
    gaps.length ? h('ul', { class: 'gaps' }, gaps.map((g) => gapItem(g, faqIds))) : h('p', { text: 'No open gaps: the bot understood everything recently asked.' }),
    h('datalist', { id: 'faq-ids' }, faqIds.map((id) => h('option', { value: id }))));
  heading.focus();
}

/** @param {any} gap @param {string[]} faqIds */
function gapItem(gap, faqIds) {
  const examples = /** @type {string[]} */ (gap.examples ?? []);
  const slot = h('div', {});
  const item = h('li', { class: 'gap', 'data-gap': gap.id },
    h('div', { class: 'gap__head' },
      h('span', { class: 'gap__count', text: String(gap.count), 'aria-label': `${gap.count} messages` }),
      h('p', { class: 'gap__first', text: examples[0] ?? '(no example)' }),
      h('button', { type: 'button', class: 'button', 'aria-expanded': 'false', text: 'Create answer', onclick: (/** @type {Event} */ ev) => {
        const btn = /** @type {HTMLElement} */ (ev.currentTarget);
        const open = btn.getAttribute('aria-expanded') === 'true';
        btn.setAttribute('aria-expanded', String(!open));
        replace(slot, open ? null : answerForm(gap, faqIds, item));
        /** @type {HTMLElement | null} */ (slot.querySelector('input[type=radio]:checked'))?.focus();
      } })),
    h('p', { class: 'gap__meta' },
      Object.entries(gap.kinds ?? {}).filter(([, n]) => n).map(([k, n]) => h('span', { class: 'chip', text: `${KIND_LABELS[k] ?? k}: ${n}` })),
      h('span', { text: ` ${when(gap.firstAt)} – ${when(gap.lastAt)}` })),
    examples.length > 1 ? h('ul', { class: 'gap__examples', 'aria-label': 'Examples' }, examples.slice(1).map((e) => h('li', { text: e }))) : null,
    gap.suggestion ? h('p', { class: 'hint', text: `Closest FAQ: ${gap.suggestion.faqId} ("${gap.suggestion.question}", score ${Number(gap.suggestion.score).toFixed(2)})` }) : null,
    slot);
  return item;
}

/** @param {any} gap @param {string[]} faqIds @param {HTMLElement} item */
function answerForm(gap, faqIds, item) {
  const examples = /** @type {string[]} */ (gap.examples ?? []);
  const form = new Form();
  const name = `mode-${gap.id}`;
  const suggested = gap.suggestion?.faqId ?? '';
  const radio = (/** @type {string} */ value, /** @type {string} */ label, /** @type {boolean} */ checked) =>
    h('label', { class: 'check' }, h('input', { type: 'radio', name, value, checked, onchange: () => sync() }), label);
  const newPart = h('div', {},
    field(form, { path: 'id', label: 'New FAQ id', required: true, pattern: ID, patternHelp: ID_HELP }, slug(examples[0] ?? '')),
    field(form, { path: 'answer', label: 'Answer', kind: 'textarea', required: true, rows: 5 }, ''),
    field(form, { path: 'tags', label: 'Tags', kind: 'tags', pattern: ID, patternHelp: ID_HELP }, []));
  const variantPart = h('div', {},
    field(form, { path: 'faqId', label: 'Add to the FAQ', required: true, list: 'faq-ids', hint: faqIds.length ? 'Type to pick an FAQ id.' : undefined }, suggested));
  const questions = field(form, { path: 'questions', label: 'Questions (one per line)', kind: 'lines', required: true, rows: 4 }, examples);
  const publish = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: `publish-${gap.id}` }));
  const status = h('p', { class: 'status', role: 'status' });
  const mode = () => /** @type {HTMLInputElement | null} */ (el.querySelector(`input[name="${name}"]:checked`))?.value ?? 'new';
  const specs = () => (mode() === 'new' ? [{ path: 'id', label: 'New FAQ id', required: true, pattern: ID, patternHelp: ID_HELP }, { path: 'answer', label: 'Answer', required: true }]
    : [{ path: 'faqId', label: 'The FAQ', required: true }]).concat([{ path: 'questions', label: 'Questions', required: true }]);
  const sync = () => { newPart.hidden = mode() !== 'new'; variantPart.hidden = mode() === 'new'; };
  form.onInput = () => form.showProblems(checkSpecs(specs(), form.read({})));

  async function submit() {
    const v = form.read({});
    const problems = checkSpecs(specs(), v);
    if (problems.length) { form.showProblems(problems); return; }
    const body = mode() === 'new'
      ? { mode: 'new', faq: { id: v.id, answer: v.answer, tags: v.tags ?? [], questions: v.questions }, publish: publish.checked }
      : { mode: 'variants', faqId: v.faqId, questions: v.questions, publish: publish.checked };
    try {
      const { data } = await api('POST', `/gaps/${seg(gap.id)}/answer`, { body });
      toast(data?.published ? `Answer published as version ${data.published.version}` : 'Answer saved to the draft; publish it under Draft & publish');
      item.remove();
    } catch (e) {
      const err = /** @type {ApiError} */ (e);
      const mapped = err.problems.map((p) => relativeProblem(p, 'faqs', null));
      if (err.status === 409 && mode() === 'new') mapped.push({ path: 'id', message: 'an FAQ with this id exists: choose another, or add the questions to it' });
      form.showProblems(mapped, 'The answer was refused:');
      status.textContent = `Not saved: ${err.message}`;
    }
  }

  const el = h('form', { class: 'form gap__form', novalidate: true, onsubmit: (/** @type {Event} */ ev) => { ev.preventDefault(); void submit(); } },
    h('fieldset', { class: 'checks' }, h('legend', { text: 'Answer it with' }),
      radio('new', 'a new FAQ', !suggested), radio('variants', 'an existing FAQ (the questions become its variants)', Boolean(suggested))),
    newPart, variantPart, questions,
    h('div', { class: 'field field--inline' }, publish, h('label', { for: publish.id, text: 'Publish right away' })),
    form.summary,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', text: 'Create answer' })),
    status);
  sync();
  return el;
}

/** A FAQ id from a question: "Can I bring my dog?" -> "can-i-bring-my-dog". @param {string} text */
function slug(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}
