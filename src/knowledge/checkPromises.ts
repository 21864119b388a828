import type { Problem, Remedy, Step } from './schema';
import { entries, err, type KbView, type RawProblem } from './kbView';
import { placeholdersIn } from './checkPlaceholders';
import { kbTexts, plain, type KbText } from './checkTexts';

/** The placeholder that says a remedy's amount and grantor from the policy: taxi_reimbursement is {remedyTaxiReimbursement}. */
export function remedyPlaceholder(remedyId: string): string {
  return `remedy${remedyId.split(/[_.-]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

/** What {remedy...} says: the policy's limit and, for agent-only remedies, who grants it ("up to 300 EUR, if a person from our team approves it"). */
export function remedyPhrase(remedy: Remedy, currency: string): string {
  const parts: string[] = [];
  if (remedy.maxAmount !== undefined) parts.push(`up to ${remedy.maxAmount} ${currency}`);
  const share = remedy.maxShareOfBooking;
  if (share !== undefined) {
    const inFull = share >= 1 && parts.length === 0 && (remedy.kind === 'refund' || remedy.kind === 'partial_refund');
    const limit = share >= 1 ? 'the booking price' : `${Math.round(share * 100)}% of the booking price`;
    parts.push(inFull ? 'in full' : parts.length ? `and no more than ${limit}` : `up to ${limit}`);
  }
  const amount = parts.join(' ');
  if (remedy.agentOnly) return `${amount ? `${amount}, ` : ''}if a person from our team approves it`;
  return amount || 'within our compensation policy';
}

/** The {remedy...} placeholders of a policy with what each says. */
export function remedyValues(compensation: { currency: string; remedies: readonly Remedy[] }): Record<string, string> {
  return Object.fromEntries(compensation.remedies.map((r) => [remedyPlaceholder(r.id), remedyPhrase(r, compensation.currency)]));
}

/** Promises without a limit: the policy caps every remedy. */
const UNBOUNDED = /\b(?:any|every|all(?: the)?) (?:price )?(?:difference|costs?|expenses?)\b|\bwhatever it costs\b/i;

const THIRD_PARTY = /\b(?:airline|insurer|insurance|bank|card issuer|issuer|host|hotel|operator|provider|company|desk|property|airport|government|embassy|consulate|police|nobody|no one)\b/i;

/** Whether a sentence promises money or cover from the platform. */
export function promises(sentence: string, platformName = 'Wanderly'): boolean {
  const s = sentence;
  const name = platformName.toLowerCase();
  if (new RegExp(String.raw`\bat (?:our|${name}'?s) (?:own )?(?:cost|expense)\b`, 'i').test(s)) return true;
  if (/\b(?:covers|pays) any\b|\b(?:we|we'll|we will) (?:cover|pay) any\b/i.test(s)) return true;
  if (new RegExp(String.raw`\b(?:we|we'll|we will|${name}|our team|our payments team|our colleagues?)\b(?:\s+(?:will|can|then|also|usually|always|may|would|'ll))*\s+(?:cover|covers|reimburse|reimburses|pay for|pays for|pay back|pays back|refund|refunds)\b`, 'i').test(s)) return true;
  // "covered by the UK rules" says which rule applies, not who pays.
  if (/\b(?:is|are|be|gets?|getting)\s+(?:reimbursed|covered)\b(?!\s+by\b)/i.test(s) && !THIRD_PARTY.test(s)) return true;
  return false;
}

/** Whether a sentence admits the platform's fault. */
export function admitsFault(sentence: string): boolean {
  return /\b(?:that(?:'s| is| one is| was)|this(?:'s| is| one is| was)|it(?:'s| is| was)|which is)\s+(?:on us|on our side|our (?:fault|mistake|failure|error))\b|\bthe fault is ours\b|\bwe(?:'re| are) at fault\b/i.test(sentence);
}

function sentences(text: string): string[] {
  return plain(text).split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0);
}

/** Steps reachable from the first without passing through `avoid`. */
function reachableAvoiding(problem: Problem, avoid: string): Set<string> {
  const ids = problem.steps.map((s) => s.id);
  const seen = new Set<string>();
  const queue = ids.length && ids[0] !== avoid ? [0] : [];
  while (queue.length) {
    const i = queue.pop()!;
    const step = problem.steps[i]!;
    if (seen.has(step.id)) continue;
    seen.add(step.id);
    for (const target of [step.onSuccess, step.onFailure]) {
      const j = target === 'next' ? i + 1 : ids.indexOf(target);
      if (j >= 0 && j < ids.length && ids[j] !== avoid) queue.push(j);
    }
  }
  return seen;
}

function stepPromises(t: KbText, remedies: Map<string, Remedy>, placeholderOf: Map<string, string>): RawProblem[] {
  const step = t.step as Step;
  const problem = t.problem as Problem;
  const bound = new Set([...(step.remedies ?? []), ...(step.promises ?? [])]);
  const out: RawProblem[] = [];
  const named = placeholdersIn(t.text).map((p) => placeholderOf.get(p)).filter((id): id is string => id !== undefined);
  for (const id of named) {
    const remedy = remedies.get(id);
    if (!bound.has(id)) out.push(err(t.kbPath, `{${remedyPlaceholder(id)}} names remedy "${id}", which the step neither offers (remedies:) nor promises (promises:)`));
    else if (remedy && !remedy.problems.includes(problem.id)) out.push(err(t.kbPath, `remedy "${id}" does not cover problem "${problem.id}" (add it to the remedy's problems in compensation.yaml)`));
  }
  for (const s of sentences(t.text)) {
    if (!promises(s)) continue;
    const inSentence = placeholdersIn(s).filter((p) => placeholderOf.has(p));
    if (UNBOUNDED.test(s)) {
      out.push(err(t.kbPath, `promise beyond the policy: "${s}" promises without a limit; every remedy has the policy's limit, said by its {remedy...} placeholder`));
    } else if (/\d/.test(s.replace(/\{[^}]*\}/g, '')) && /\b\d[\d,.]*\s?(?:EUR|GBP|USD|€|£|\$)|[€£$]\s?\d/.test(s)) {
      out.push(err(t.kbPath, `promise beyond the policy: "${s}" states an amount literally; write the remedy's {remedy...} placeholder (amount and grantor from compensation.yaml)`));
    } else if (inSentence.length === 0) {
      const hint = bound.size ? `write {${remedyPlaceholder([...bound][0]!)}}` : 'name the remedy in promises: and write its {remedy...} placeholder';
      out.push(err(t.kbPath, `promise beyond the policy: "${s}" promises money or cover without the policy's amount and grantor: ${hint}`));
    }
  }
  return out;
}

/**
 * kb:check, no promise beyond the policy: a step text that promises money or cover ("at our cost", "we'll
 * cover", "reimbursed") says the amount and grantor through a {remedy...} placeholder of a remedy the step
 * offers or promises and that covers the problem, never a literal amount; texts where no such placeholder is
 * filled (FAQ answers, fixed messages, the after-hours text) promise nothing. Fault is admitted only in
 * offer_remedy steps and in steps reached only through the step (`faultShownBy`) whose outcome shows it.
 */
export function checkPromises(view: KbView): RawProblem[] {
  const remedies = new Map(entries(view.remedies).map(([, r]) => [r.id, r]));
  const placeholderOf = new Map([...remedies.keys()].map((id) => [remedyPlaceholder(id), id]));
  const out: RawProblem[] = [];
  for (const t of kbTexts(view)) {
    if (t.place === 'remedy' || t.place === 'actor' || t.place === 'source') continue;
    if (t.place === 'step') out.push(...stepPromises(t, remedies, placeholderOf));
    else {
      for (const s of sentences(t.text)) if (promises(s)) out.push(err(t.kbPath, `promise beyond the policy: "${s}" promises money or cover where no remedy placeholder is filled; rephrase (our team decides under the compensation policy) or move it to a step`));
    }
    if (t.place === 'reply' && t.field === 'apologyAtFault') continue;
    const admitted = sentences(t.text).find(admitsFault);
    if (!admitted) continue;
    if (t.place !== 'step') {
      out.push(err(t.kbPath, `admits the platform's fault ("${admitted}") before any fact shows it: fault is admitted only in steps reached after the check that shows it`));
      continue;
    }
    const step = t.step as Step;
    if (step.action === 'offer_remedy') continue;
    if (!step.faultShownBy) out.push(err(t.kbPath, `admits the platform's fault ("${admitted}") in a step that no check leads to: set faultShownBy to the step whose outcome shows it, or move the admission to the offer_remedy step`));
  }
  for (const [pi, problem] of entries(view.problems)) {
    problem.steps.forEach((step, si) => {
      if (!step.faultShownBy) return;
      const at = ['problems', pi, 'steps', si, 'faultShownBy'];
      if (!problem.steps.some((s) => s.id === step.faultShownBy)) out.push(err(at, `"${step.faultShownBy}" is not a step of this problem`));
      else if (reachableAvoiding(problem, step.faultShownBy).has(step.id)) out.push(err(at, `step "${step.id}" can be reached without passing "${step.faultShownBy}": the fault would be admitted before the facts show it`));
      if (!problem.platformAtFault) out.push(err(at, `problem "${problem.id}" is not platformAtFault, yet a step admits the platform's fault`));
    });
  }
  return out;
}
