import type { Step } from './schema';
import { entries, err, has, warn, type KbView, type RawProblem } from './kbView';
import type { KbPath } from './kbProblem';
import { kbTexts, plain, type KbText } from './checkTexts';

/** Words that state a rule: a text saying them states the rule (and must scope it). */
export const RULE_MARKERS: Record<string, RegExp> = {
  eu261: /\b(?:EU|EC)\s?261\b|\b261\/2004\b|\b(?:250|400|600)(?:\s*-\s*600)?\s?(?:EUR|€)|€\s?(?:250|400|600)\b/i,
  uk261: /\bUK\s?261\b|\bUK version of the EU rules\b|£\s?(?:220|350|520)\b|\b(?:220|350|520)\s?(?:GBP|£)/i,
  usDotRefund: /\bautomatic refund\b|\bsignificant (?:schedule )?changes?\b[^.]{0,80}\bhours?\b|\bDepartment of Transportation\b|\bUS DOT\b/i,
  usDot24h: /\b24[- ]hour (?:rule|free cancellation|cancellation|window)\b|\bwithin (?:the (?:last|first) )?24 hours (?:of|after) (?:booking|buying|purchase)\b|\bbooked within the last 24 hours\b|\bcancel(?:led)? (?:for )?free within 24 hours\b/i,
  montreal: /\bMontreal Convention\b|\bSDR\b/,
  packageTravel: /\bpackage travel\b|\bcounts? as a package\b|\b(?:is|be) a package\b/i,
};

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** The rules a text states. */
export function rulesStated(text: string): string[] {
  const t = plain(text);
  return Object.entries(RULE_MARKERS).filter(([, re]) => re.test(t)).map(([id]) => id);
}

/** The rules a step (or the variant a text belongs to) scopes. */
function scopedRules(step: Step, kbPath: KbPath): Set<string> {
  const vi = kbPath.indexOf('variants');
  const own = new Set((step.scoped ?? []).map((s) => s.rule as string));
  if (vi >= 0) {
    const variant = step.variants?.[kbPath[vi + 1] as number];
    for (const s of variant?.scoped ?? step.scoped ?? []) own.add(s.rule);
  }
  return own;
}

/**
 * kb:check, scope on every rule: a source that states a rule says its scope and when it was reviewed (a
 * warning once that is more than a year before `now`); a step that scopes a rule has a source for it and
 * says what holds out of scope; a text that states a rule does so in a step that scopes it, or in an FAQ
 * that names it in `rules`; a step citing a rule's source scopes that rule.
 */
export function checkRules(view: KbView, now?: Date): RawProblem[] {
  const out: RawProblem[] = [];
  const ruleSources = new Map<string, string[]>();
  const sourceRule = new Map<string, string>();
  for (const [si, source] of entries(view.sources)) {
    if (source.reviewed && now && now.getTime() - Date.parse(`${source.reviewed}T00:00:00Z`) > YEAR_MS) {
      out.push(warn(['sources', si, 'reviewed'], `reviewed on ${source.reviewed}, more than a year ago: check the source still says this and update the date`));
    }
    if (!source.rule) continue;
    ruleSources.set(source.rule, [...(ruleSources.get(source.rule) ?? []), source.id]);
    sourceRule.set(source.id, source.rule);
    if (!source.scope) out.push(err(['sources', si, 'scope'], `source "${source.id}" states the rule ${source.rule} but not its scope (which flights, countries, products)`));
    if (!source.reviewed) out.push(err(['sources', si, 'reviewed'], `source "${source.id}" states the rule ${source.rule} but has no reviewed date (YYYY-MM-DD)`));
  }
  const backed = (rule: string, at: KbPath): void => {
    if (view.present.sources !== null && !ruleSources.has(rule)) out.push(err(at, `rule ${rule} has no source stating it (add rule: ${rule} to a source in sources.yaml, with its scope)`));
  };
  for (const [pi, problem] of entries(view.problems)) {
    problem.steps.forEach((step, si) => {
      const at = (...rest: Array<string | number>): KbPath => ['problems', pi, 'steps', si, ...rest];
      const groups: Array<[typeof step.scoped, typeof step.outOfScope, KbPath]> = [[step.scoped, step.outOfScope, at()]];
      (step.variants ?? []).forEach((v, vi) => {
        if (v.scoped) groups.push([v.scoped, v.outOfScope ?? step.outOfScope, at('variants', vi)]);
      });
      for (const [scoped, outOfScope, base] of groups) {
        (scoped ?? []).forEach((s, k) => {
          backed(s.rule, [...base, 'scoped', k, 'rule']);
          (s.sources ?? []).forEach((id, j) => {
            if (!has(view.present.sources, id)) out.push(err([...base, 'scoped', k, 'sources', j], `unknown source "${id}" (not in sources.yaml)`));
          });
        });
        if (scoped?.length && !outOfScope) out.push(err([...base, 'scoped'], 'a step that scopes a rule says what holds when the booking is out of scope (add outOfScope: { say: ... })'));
        (outOfScope?.sources ?? []).forEach((id, j) => {
          if (!has(view.present.sources, id)) out.push(err([...base, 'outOfScope', 'sources', j], `unknown source "${id}" (not in sources.yaml)`));
        });
      }
      const rules = new Set((step.scoped ?? []).map((s) => s.rule as string));
      (step.sources ?? []).forEach((id, k) => {
        const rule = sourceRule.get(id);
        if (rule && !rules.has(rule)) out.push(err(at('sources', k), `cites "${id}", the source of ${rule}, without scoping the rule: add scoped: [{ rule: ${rule} }] and outOfScope, or cite it only where the rule applies`));
      });
    });
  }
  for (const t of kbTexts(view)) out.push(...unscopedStatements(t, view));
  for (const [fi, faq] of entries(view.faqs)) (faq.rules ?? []).forEach((rule, k) => backed(rule, ['faqs', fi, 'rules', k]));
  return out;
}

function unscopedStatements(t: KbText, view: KbView): RawProblem[] {
  const stated = rulesStated(t.text);
  if (stated.length === 0 || t.place === 'source') return [];
  let allowed = new Set<string>();
  if (t.place === 'step' && t.step) allowed = scopedRules(t.step, t.kbPath);
  if (t.place === 'faq') allowed = new Set(view.faqs[t.kbPath[1] as number]?.rules ?? []);
  const fix = t.place === 'faq' ? 'name it in the FAQ\'s rules: and state its scope in the answer' : t.place === 'step' ? 'add scoped: [{ rule }] and outOfScope to the step' : 'rules are stated only in steps that scope them and in FAQs that name them';
  return stated.filter((r) => !allowed.has(r)).map((r) => err(t.kbPath, `states the rule ${r} without its scope: ${fix}`));
}
