import type { Platform, Problem, ReplyKey, Step } from './schema';
import { entries, err, type KbView, type RawProblem } from './kbView';
import type { KbPath } from './kbProblem';
import { remedyPlaceholder } from './checkPromises';
import { REPLY_VALUES } from './defaultReplies';

/** Placeholders every walkthrough text can use: filled for every session. */
export const ALWAYS_FILLED = ['platform', 'assistant', 'provider', 'caseReference'] as const;
/** Every placeholder some situation of `platform.replies` gets; which situation gets which is REPLY_VALUES. */
export const REPLY_PLACEHOLDERS = ['assistant', 'platform', 'caseReference', 'problemTitle', 'value'] as const;
/** Placeholders every situation of `platform.replies` gets (besides the platform values). */
const EVERY_REPLY = ['assistant', 'platform'] as const;
/** Placeholders of `escalation.afterHoursText` (filled from the business hours). */
export const AFTER_HOURS_PLACEHOLDERS = ['open', 'close', 'zone', 'opensDay', 'opensAt', 'opensIn'] as const;

const PLACEHOLDER = /\{([^{}\s]{1,60})\}/g;

/** The placeholders of a text, as written between braces. */
export function placeholdersIn(text: string | undefined): string[] {
  return text ? [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string) : [];
}

/** The texts of a step a traveller reads, with their paths (the step's own and its product variants'). */
function stepTexts(step: Step): Array<[string | undefined, Array<string | number>]> {
  const own: Array<[string | undefined, Array<string | number>]> = (['say', 'why', 'success', 'draft', 'risks'] as const).map((k) => [step[k], [k]]);
  own.push([step.howto?.feature, ['howto', 'feature']], ...(step.howto?.steps ?? []).map((s, i): [string, Array<string | number>] => [s, ['howto', 'steps', i]]));
  // Rule-scoped wording is said instead of the step's own when the booking puts a rule in or out of scope.
  (step.scoped ?? []).forEach((sc, si) => (['say', 'why', 'success', 'draft', 'risks'] as const).forEach((k) => own.push([sc[k], ['scoped', si, k]])));
  own.push([step.outOfScope?.say, ['outOfScope', 'say']], [step.outOfScope?.why, ['outOfScope', 'why']]);
  (step.variants ?? []).forEach((v, vi) => {
    for (const k of ['say', 'why', 'success', 'draft', 'risks'] as const) own.push([v[k], ['variants', vi, k]]);
    (v.howto?.steps ?? []).forEach((s, i) => own.push([s, ['variants', vi, 'howto', 'steps', i]]));
  });
  return own;
}

/**
 * Why a placeholder of a walkthrough text might reach a traveller unfilled, or undefined when it cannot: a
 * fact of the problem with a `fallback` (any fact may be unknown or skipped), a value every session has,
 * or a booking value with a fallback in `platform.placeholders` (the booking may not be found).
 */
function unfillable(name: string, problem: Problem, platform: Platform | undefined, derived: ReadonlySet<string> = new Set()): string | undefined {
  if ((ALWAYS_FILLED as readonly string[]).includes(name) || derived.has(name)) return undefined;
  const fact = problem.facts.find((f) => f.name === name);
  if (fact) return fact.fallback ? undefined : `fact "${name}" may be unknown or skipped and has no fallback (add fallback: to the fact)`;
  if (platform?.placeholders[name] !== undefined || platform?.values[name] !== undefined) return undefined;
  return `{${name}} is neither a fact of this problem nor a value with a fallback in platform.yaml placeholders`;
}

function checkProblem(problem: Problem, platform: Platform | undefined, at: (...rest: Array<string | number>) => KbPath, derived: ReadonlySet<string>): RawProblem[] {
  const out: RawProblem[] = [];
  const texts: Array<[string | undefined, Array<string | number>]> = [[problem.acknowledge, ['acknowledge']]];
  problem.facts.forEach((f, fi) => texts.push([f.prompt, ['facts', fi, 'prompt']], [f.why, ['facts', fi, 'why']], [f.unknown?.say, ['facts', fi, 'unknown', 'say']]));
  problem.steps.forEach((s, si) => stepTexts(s).forEach(([text, path]) => texts.push([text, ['steps', si, ...path]])));
  for (const [text, path] of texts) {
    for (const name of placeholdersIn(text)) {
      const why = unfillable(name, problem, platform, derived);
      if (why) out.push(err(at(...path), `placeholder {${name}} could reach a traveller unfilled: ${why}`));
    }
  }
  // The facts said in acknowledgements and prompts are asked before they are known.
  for (const [text, path] of texts.filter(([, p]) => p[0] === 'acknowledge' || p[2] === 'prompt')) {
    for (const name of placeholdersIn(text)) if (problem.facts.some((f) => f.name === name)) out.push(err(at(...path), `placeholder {${name}} is used before the fact is asked`));
  }
  return out;
}

/**
 * kb:check: no placeholder can reach a traveller unfilled. Walkthrough texts use facts with a fallback,
 * values every session has, or booking values with a fallback; replies, FAQ answers, fixed messages and
 * the after-hours text use only the placeholders filled for them.
 */
export function checkPlaceholders(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  // Filled in every walkthrough from the KB itself: each remedy's amount and grantor, the emergency number (with its fallback).
  const derived = new Set([...entries(view.remedies).map(([, r]) => remedyPlaceholder(r.id)), ...(view.escalation?.emergencyNumbers ? ['emergencyNumber'] : [])]);
  for (const [pi, problem] of entries(view.problems)) out.push(...checkProblem(problem, view.platform, (...rest) => ['problems', pi, ...rest], derived));
  // An outside source's "look for" is shown in every problem that uses it: each must be able to fill it.
  for (const [si, source] of entries(view.sources)) {
    const users = entries(view.problems).filter(([, p]) => source.problems.includes(p.id) || p.steps.some((st) => st.sources?.includes(source.id)));
    for (const name of placeholdersIn(source.lookFor)) {
      const why = users.map(([, p]) => unfillable(name, p, view.platform, derived) && p.id).filter(Boolean);
      if (why.length) out.push(err(['sources', si, 'lookFor'], `placeholder {${name}} could reach a traveller unfilled in ${why.join(', ')}`));
    }
  }
  for (const [fi, faq] of entries(view.faqs)) {
    for (const name of placeholdersIn(faq.answer)) {
      if (name !== 'platform' && name !== 'assistant' && view.platform?.values[name] === undefined) out.push(err(['faqs', fi, 'answer'], `placeholder {${name}} in an FAQ answer is not {platform}, {assistant} or a platform value (platform.yaml values)`));
    }
  }
  const platform = view.platform;
  if (platform) {
    for (const [key, text] of Object.entries(platform.messages)) {
      for (const name of placeholdersIn(text)) out.push(err(['platform', 'messages', key], `placeholder {${name}} in a fixed message is never filled`));
    }
    for (const [key, variants] of Object.entries(platform.replies) as Array<[ReplyKey, string[] | undefined]>) {
      // A situation is said only with the values its callers pass: anything else would reach the traveller as "…".
      const allowed: readonly string[] = [...EVERY_REPLY, ...(REPLY_VALUES[key] ?? [])];
      (variants ?? []).forEach((text, i) => {
        for (const name of placeholdersIn(text)) {
          if (!allowed.includes(name) && platform.values[name] === undefined) out.push(err(['platform', 'replies', key, i], `placeholder {${name}} is not filled in the ${key} reply, which gets ${allowed.map((p) => `{${p}}`).join(', ')} and the platform values`));
        }
      });
    }
  }
  for (const name of placeholdersIn(view.escalation?.afterHoursText)) {
    if (!(AFTER_HOURS_PLACEHOLDERS as readonly string[]).includes(name)) out.push(err(['escalation', 'afterHoursText'], `placeholder {${name}} is not one of ${AFTER_HOURS_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`));
  }
  return out;
}
