// Client-side checks run as the owner types: required fields, id formats and references inside a playbook.
// They mirror the server's schema (src/knowledge/schema.ts) loosely; the server's 422 remains the authority.
import { getPath } from './forms.js';

/** @typedef {import('./api.js').Problem} Problem */
/** @typedef {import('./forms.js').FieldSpec} FieldSpec */

/** Ids: lower-case letters, digits, "_", "-" and ".". */
export const ID = /^[a-z0-9][a-z0-9_.-]*$/;
export const ID_HELP = 'use lower-case letters, digits, "_", "-" and "." (starting with a letter or digit)';

/**
 * Checks the values of the fields described by specs.
 * @param {readonly FieldSpec[]} specs
 * @param {unknown} obj
 * @param {string} [prefix] prepended to each path (e.g. "steps[2].")
 * @returns {Problem[]}
 */
export function checkSpecs(specs, obj, prefix = '') {
  /** @type {Problem[]} */
  const problems = [];
  for (const spec of specs) {
    if (spec.merge) continue;
    const path = prefix + spec.path;
    const v = getPath(obj, spec.path);
    const empty = v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (spec.required) problems.push({ path, message: `${spec.label} is required` });
      continue;
    }
    if (spec.kind === 'number' && typeof v === 'number' && Number.isNaN(v)) problems.push({ path, message: `${spec.label} must be a number` });
    if (!spec.pattern) continue;
    const items = Array.isArray(v) ? v : [v];
    items.forEach((item, i) => {
      if (typeof item === 'string' && !spec.pattern?.test(item)) {
        problems.push({ path: Array.isArray(v) ? `${path}[${i}]` : path, message: `"${item}": ${spec.patternHelp ?? 'not in the expected format'}` });
      }
    });
  }
  return problems;
}

/**
 * Duplicate values in a list ("two steps with the same id").
 * @param {string[]} values
 * @param {(i: number) => string} pathOf
 * @param {string} what
 * @returns {Problem[]}
 */
export function duplicates(values, pathOf, what) {
  /** @type {Problem[]} */
  const out = [];
  const seen = new Set();
  values.forEach((v, i) => {
    if (v && seen.has(v)) out.push({ path: pathOf(i), message: `another ${what} already has the id "${v}"` });
    seen.add(v);
  });
  return out;
}

const TRANSITION = /^(next|resolved|handoff|[a-z0-9][a-z0-9_.-]*)$/;

/**
 * Checks where each step goes next: "next", "resolved", "handoff" or the id of a step of the same playbook.
 * @param {Array<Record<string, unknown>>} steps
 * @returns {Problem[]}
 */
export function checkTransitions(steps) {
  /** @type {Problem[]} */
  const problems = [];
  const ids = new Set(steps.map((s) => s?.id));
  steps.forEach((step, i) => {
    for (const key of ['onSuccess', 'onFailure']) {
      const t = step?.[key];
      if (t === undefined || t === '') continue;
      const path = `steps[${i}].${key}`;
      if (typeof t !== 'string' || !TRANSITION.test(t)) problems.push({ path, message: 'use next, resolved, handoff or a step id' });
      else if (!['next', 'resolved', 'handoff'].includes(t) && !ids.has(t)) problems.push({ path, message: `no step has the id "${t}"` });
      else if (t === 'next' && i === steps.length - 1) problems.push({ path, message: 'this is the last step: "next" has nowhere to go' });
    }
  });
  return problems;
}

/**
 * Maps a server problem (a KbProblem of the whole draft) to a path relative to the edited entry:
 * "faqs[12].answer" -> "answer" when the entry is faqs[12] (index null: a settings object); a problem elsewhere
 * keeps its place in its message (it is shown in the form's summary).
 * @param {Problem} p
 * @param {string} section e.g. 'faqs'
 * @param {number | null} index the entry's place in its collection
 * @returns {Problem & { elsewhere?: boolean }}
 */
export function relativeProblem(p, section, index) {
  const kb = p.kbPath ?? '';
  const tag = p.severity === 'warning' ? 'Warning: ' : '';
  const m = new RegExp(`^${section}(?:\\[(\\d+)\\])?(?:\\.|$)(.*)$`).exec(kb);
  if (m && (m[1] === undefined || index === null || Number(m[1]) === index)) return { ...p, path: m[2], message: tag + p.message };
  // Elsewhere in the knowledge base (e.g. an intent that still routes to a deleted FAQ): shown in the summary.
  const where = kb || [p.file, p.path].filter(Boolean).join(' ');
  return { ...p, path: '', message: `${tag}${where ? `${where}: ` : ''}${p.message}`, elsewhere: true };
}
