import type { Problem, Step } from './schema';
import { entries, type KbView } from './kbView';
import type { KbPath } from './kbProblem';

/** Where a text is shown, which decides the placeholders filled in it and the rules that apply. */
export type TextPlace = 'step' | 'problem' | 'faq' | 'source' | 'reply' | 'message' | 'afterHours' | 'actor' | 'remedy';

/** One text of the knowledge base as a traveller (or, for remedies, an agent) reads it. */
export interface KbText {
  text: string;
  kbPath: KbPath;
  place: TextPlace;
  /** For step texts: the problem, the step and the products the text is said for. */
  problem?: Problem;
  step?: Step;
  products?: readonly string[];
  /** The field of the step ("say", "draft", "scoped"...). */
  field?: string;
}

const STEP_FIELDS = ['say', 'why', 'success', 'draft', 'risks'] as const;

/** The products a step's own text is said for: the problem's, less those a variant rewords. */
export function baseProducts(problem: Problem, step: Step): string[] {
  const covered = new Set((step.variants ?? []).flatMap((v) => v.products as string[]));
  return problem.products.filter((p) => !covered.has(p));
}

/** The products a step's own field is said for: those whose variant (the first naming them) does not reword it. */
export function fieldProducts(problem: Problem, step: Step, field: 'say' | 'why' | 'success' | 'draft' | 'risks' | 'howto' | 'scoped' | 'outOfScope'): string[] {
  return problem.products.filter((p) => {
    const variant = step.variants?.find((v) => (v.products as string[]).includes(p));
    return !variant || variant[field] === undefined;
  });
}

/** The texts of one step: its own fields, howto, rule-scoped texts and product variants, with their products. */
export function stepTexts(problem: Problem, step: Step, at: KbPath): KbText[] {
  const out: KbText[] = [];
  const push = (text: string | undefined, path: KbPath, products: readonly string[], field: string): void => {
    if (text) out.push({ text, kbPath: [...at, ...path], place: 'step', problem, step, products, field });
  };
  const own = baseProducts(problem, step);
  for (const k of STEP_FIELDS) push(step[k], [k], fieldProducts(problem, step, k), k);
  push(step.howto?.feature, ['howto', 'feature'], fieldProducts(problem, step, 'howto'), 'howto');
  (step.howto?.steps ?? []).forEach((s, i) => push(s, ['howto', 'steps', i], fieldProducts(problem, step, 'howto'), 'howto'));
  (step.scoped ?? []).forEach((sc, si) => {
    for (const k of ['say', 'why', 'success', 'draft', 'risks'] as const) push(sc[k], ['scoped', si, k], own, 'scoped');
  });
  push(step.outOfScope?.say, ['outOfScope', 'say'], own, 'outOfScope');
  push(step.outOfScope?.why, ['outOfScope', 'why'], own, 'outOfScope');
  (step.variants ?? []).forEach((v, vi) => {
    const products = v.products as string[];
    for (const k of STEP_FIELDS) push(v[k], ['variants', vi, k], products, k);
    (v.howto?.steps ?? []).forEach((s, i) => push(s, ['variants', vi, 'howto', 'steps', i], products, 'howto'));
    (v.scoped ?? []).forEach((sc, si) => {
      for (const k of ['say', 'why', 'success', 'draft', 'risks'] as const) push(sc[k], ['variants', vi, 'scoped', si, k], products, 'scoped');
    });
    push(v.outOfScope?.say, ['variants', vi, 'outOfScope', 'say'], products, 'outOfScope');
  });
  return out;
}

/** Every text of the knowledge base a traveller reads, with its place (and agent-facing remedy texts). */
export function kbTexts(view: KbView): KbText[] {
  const out: KbText[] = [];
  for (const [pi, problem] of entries(view.problems)) {
    const at: KbPath = ['problems', pi];
    out.push({ text: problem.acknowledge, kbPath: [...at, 'acknowledge'], place: 'problem', problem, products: problem.products });
    problem.facts.forEach((f, fi) => {
      for (const [k, t] of [['prompt', f.prompt], ['why', f.why], ['fallback', f.fallback]] as const) {
        if (t) out.push({ text: t, kbPath: [...at, 'facts', fi, k], place: 'problem', problem, products: problem.products });
      }
      if (f.unknown?.say) out.push({ text: f.unknown.say, kbPath: [...at, 'facts', fi, 'unknown', 'say'], place: 'problem', problem, products: problem.products });
    });
    problem.steps.forEach((s, si) => out.push(...stepTexts(problem, s, [...at, 'steps', si])));
  }
  for (const [fi, faq] of entries(view.faqs)) out.push({ text: faq.answer, kbPath: ['faqs', fi, 'answer'], place: 'faq' });
  for (const [si, source] of entries(view.sources)) out.push({ text: source.lookFor, kbPath: ['sources', si, 'lookFor'], place: 'source' });
  for (const [ai, actor] of entries(view.actors)) {
    out.push({ text: actor.responseTime, kbPath: ['actors', ai, 'responseTime'], place: 'actor' });
    if (actor.tips) out.push({ text: actor.tips, kbPath: ['actors', ai, 'tips'], place: 'actor' });
  }
  for (const [ri, remedy] of entries(view.remedies)) {
    if (remedy.description) out.push({ text: remedy.description, kbPath: ['compensation', 'remedies', ri, 'description'], place: 'remedy' });
  }
  if (view.platform) {
    for (const [key, t] of Object.entries(view.platform.messages)) out.push({ text: t, kbPath: ['platform', 'messages', key], place: 'message' });
    for (const [key, variants] of Object.entries(view.platform.replies)) {
      (variants ?? []).forEach((t, i) => out.push({ text: t, kbPath: ['platform', 'replies', key, i], place: 'reply', field: key }));
    }
  }
  if (view.escalation) out.push({ text: view.escalation.afterHoursText, kbPath: ['escalation', 'afterHoursText'], place: 'afterHours' });
  return out;
}

/** Whether platform values ({name}) are filled where the text is shown (actors, messages and the after-hours text fill none). */
export function fillsValues(place: TextPlace): boolean {
  return place === 'step' || place === 'problem' || place === 'faq' || place === 'source' || place === 'reply';
}

/** The text with Markdown emphasis and backticks removed, whitespace tidied: what the traveller reads. */
export function plain(text: string): string {
  return text.replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
}
