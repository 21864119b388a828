// The problem editor: the problem's fields and its playbook as an ordered list of steps, each with its strategy,
// action, what the bot says, why, what success means and where it goes next; rarer fields in a JSON box per step.
import { checkSpecs, checkTransitions, duplicates, ID, ID_HELP } from './checks.js';
import { h, newId, replace } from './dom.js';
import { field } from './forms.js';
import { ACTIONS, PRODUCTS, STRATEGIES, STRATEGY_NAMES } from './sections.js';

/** @typedef {import('./forms.js').Form} Form */
/** @typedef {import('./forms.js').FieldSpec} FieldSpec */
/** @typedef {import('./api.js').Problem} Problem */

/** @type {FieldSpec[]} */
export const PROBLEM_FIELDS = [
  { path: 'id', label: 'Id', required: true, pattern: ID, patternHelp: ID_HELP },
  { path: 'title', label: 'Title', required: true },
  { path: 'description', label: 'Description', kind: 'textarea', rows: 3 },
  { path: 'products', label: 'Products', kind: 'checks', options: PRODUCTS, required: true },
  { path: 'tags', label: 'Tags', kind: 'tags', pattern: ID, patternHelp: ID_HELP, hint: 'Comma-separated; escalation rules name the high-stakes ones (e.g. stranded).' },
  { path: 'acknowledge', label: 'Acknowledge the feeling first', kind: 'textarea', required: true, rows: 3 },
  { path: 'platformAtFault', label: 'The platform is at fault when the facts hold (compensation applies)', kind: 'boolean' },
  { path: 'facts', label: 'Facts to gather (JSON)', kind: 'json', rows: 8, hint: 'A list of { name, kind, prompt, why?, required?, choices? }.' },
];

const BASIC_STEP_KEYS = ['id', 'strategy', 'action', 'say', 'why', 'success', 'onSuccess', 'onFailure'];

/** @type {FieldSpec[]} */
const STEP_FIELDS = [
  { path: 'id', label: 'Step id', required: true, pattern: ID, patternHelp: ID_HELP },
  { path: 'strategy', label: 'Strategy', kind: 'select', options: STRATEGIES, optionLabels: STRATEGY_NAMES, required: true },
  { path: 'action', label: 'Action', kind: 'select', options: ACTIONS, required: true },
  { path: 'say', label: 'What the bot says', kind: 'textarea', required: true, rows: 3, hint: '{fact} placeholders are filled in.' },
  { path: 'why', label: 'Why (told to the traveller)', kind: 'textarea', rows: 2 },
  { path: 'success', label: 'Success means', required: true },
  { path: 'onSuccess', label: 'On success go to', list: 'step-targets', hint: 'resolved (default), next, handoff or a step id' },
  { path: 'onFailure', label: 'On failure go to', list: 'step-targets', hint: 'next (default), resolved, handoff or a step id' },
];

/**
 * Builds the problem form.
 * @param {Form} form
 * @param {any} problem
 * @returns {HTMLElement}
 */
export function buildProblemForm(form, problem) {
  const steps = h('ol', { class: 'steps' });
  const targets = h('datalist', { id: 'step-targets' });
  /** @param {any[]} list */
  const render = (list) => {
    form.forget(steps);
    replace(steps, list.map((step, i) => stepItem(form, step, i, list.length, move)));
    replace(targets, ['next', 'resolved', 'handoff', ...list.map((s) => s.id)].map((t) => h('option', { value: t })));
  };
  /** @param {(list: any[]) => void} change @param {number} focusIndex */
  function move(change, focusIndex) {
    const list = /** @type {any[]} */ (form.read(problem, ['steps']).steps ?? []).filter(Boolean);
    change(list);
    render(list);
    form.onInput?.('steps');
    /** @type {HTMLElement | null} */ (steps.children[Math.max(0, Math.min(focusIndex, list.length - 1))]?.querySelector('legend'))?.focus();
  }
  render(Array.isArray(problem.steps) ? problem.steps : []);
  return h('div', {},
    PROBLEM_FIELDS.map((f) => field(form, f, problem[f.path])),
    h('h3', { text: 'Playbook steps' }),
    h('p', { class: 'hint', text: 'In order; the bot walks them one by one and asks whether each worked.' }),
    targets, steps,
    h('button', { type: 'button', class: 'button button--quiet', text: 'Add a step',
      onclick: () => move((l) => l.push({ id: `step_${l.length + 1}`, strategy: 'S1', action: 'self_check', say: '', success: '' }), Infinity) }));
}

/**
 * @param {Form} form @param {any} step @param {number} i @param {number} count
 * @param {(change: (list: any[]) => void, focusIndex: number) => void} move
 */
function stepItem(form, step, i, count, move) {
  const advanced = Object.fromEntries(Object.entries(step ?? {}).filter(([k]) => !BASIC_STEP_KEYS.includes(k)));
  const legendId = newId('step');
  return h('li', { class: 'step' },
    h('fieldset', { 'aria-labelledby': legendId },
      h('legend', { id: legendId, tabindex: '-1', text: `Step ${i + 1}${step?.id ? `: ${step.id}` : ''}` }),
      h('div', { class: 'step__grid' }, STEP_FIELDS.map((f) => field(form, { ...f, path: `steps[${i}].${f.path}` }, step?.[f.path]))),
      field(form, { path: `steps[${i}]`, label: 'Advanced fields (JSON)', kind: 'json', merge: true, rows: 4,
        hint: 'facts, sources, actor, draft, risks, howto, remedies: as in the knowledge base files.' }, Object.keys(advanced).length ? advanced : undefined),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button button--quiet', disabled: i === 0, text: 'Move up', 'aria-label': `Move step ${i + 1} up`,
          onclick: () => move((l) => l.splice(i - 1, 0, ...l.splice(i, 1)), i - 1) }),
        h('button', { type: 'button', class: 'button button--quiet', disabled: i === count - 1, text: 'Move down', 'aria-label': `Move step ${i + 1} down`,
          onclick: () => move((l) => l.splice(i + 1, 0, ...l.splice(i, 1)), i + 1) }),
        h('button', { type: 'button', class: 'button button--danger', disabled: count === 1, text: 'Remove', 'aria-label': `Remove step ${i + 1}`,
          onclick: () => move((l) => l.splice(i, 1), i) }))));
}

/**
 * Checks a problem as the owner types: its fields, each step's fields, unique step ids, valid transitions.
 * @param {any} problem
 * @returns {Problem[]}
 */
export function checkProblem(problem) {
  const steps = /** @type {any[]} */ (Array.isArray(problem.steps) ? problem.steps : []);
  /** @type {Problem[]} */
  const out = [];
  if (steps.length === 0) out.push({ path: 'steps', message: 'a playbook needs at least one step' });
  steps.forEach((step, i) => out.push(...checkSpecs(STEP_FIELDS, step, `steps[${i}].`)));
  out.push(...duplicates(steps.map((s) => s?.id), (i) => `steps[${i}].id`, 'step'));
  out.push(...checkTransitions(steps));
  return out;
}
