import type { FactSpec, KnowledgeBase, Problem } from '../knowledge/schema';
import { AppError } from '../shared';
import type { FactForConfirmation, RecoveryAction, RecoveryInput } from './actions';
import { checkFact } from './checks';
import { WISHED_OUTCOME_PROMPT, WISHED_OUTCOME_SUGGESTIONS } from './empathy';
import { checkContext } from './stepView';
import type { FactValue, RecoverySession, RecoveryStatus } from './types';

/** The spec of a fact of the problem, or AppError('VALIDATION_FAILED'). */
export function factSpec(problem: Problem, name: string): FactSpec {
  const spec = problem.facts.find((f) => f.name === name);
  if (!spec) throw new AppError('VALIDATION_FAILED', `The problem "${problem.id}" has no fact "${name}".`, { fact: name });
  return spec;
}

/** The ask_fact action for a fact, with the reason the last answer was refused, if any. */
export function askFact(spec: FactSpec, problemText?: string): RecoveryAction {
  return {
    kind: 'ask_fact',
    name: spec.name,
    factKind: spec.kind,
    prompt: spec.prompt,
    ...(spec.why ? { why: spec.why } : {}),
    required: spec.required,
    ...(spec.choices ? { choices: spec.choices } : {}),
    ...(problemText ? { problem: problemText } : {}),
  };
}

/** Runs the S6 check on a traveller's answer: the fact to store, or the reason it was refused. */
export function checkedFact(
  kb: KnowledgeBase,
  session: RecoverySession,
  spec: FactSpec,
  raw: string,
  now: Date,
  confirmed: boolean,
): { fact: FactValue } | { refused: string } {
  const result = checkFact(spec.kind, raw, checkContext(session, kb, now, spec.name));
  const base = { kind: spec.kind, raw };
  if (result.kind === 'invalid') return { refused: result.reason };
  if (result.kind === 'suggestion') {
    return { fact: { ...base, value: raw.trim(), confirmed: false, suggestion: { value: result.value, reason: result.reason } } };
  }
  return { fact: { ...base, value: result.value, confirmed } };
}

function forConfirmation(problem: Problem, facts: Record<string, FactValue>, names: string[]): FactForConfirmation[] {
  return names.map((name) => {
    const fact = facts[name];
    const label = problem.facts.find((f) => f.name === name)?.prompt ?? name;
    return { name, kind: fact.kind, label, value: fact.value, ...(fact.suggestion ? { suggestion: fact.suggestion } : {}) };
  });
}

/** Where fact gathering stands: the status to be in and what to ask; `done` when facts are complete and confirmed. */
export type FactStage = { done: true } | { done: false; status: RecoveryStatus; pendingFact?: string; action: RecoveryAction };

/**
 * The next fact question: a pending "did you mean ...?" first, then the next fact not given (in the
 * problem's order), then one summary to confirm; done when every fact is confirmed or skipped.
 */
export function factStage(problem: Problem, session: RecoverySession): FactStage {
  const names = Object.keys(session.facts);
  const suggested = names.filter((n) => session.facts[n].suggestion);
  if (suggested.length) {
    return { done: false, status: 'confirming_facts', action: { kind: 'confirm_facts', mode: 'suggestion', facts: forConfirmation(problem, session.facts, suggested) } };
  }
  const missing = problem.facts.find((f) => !session.facts[f.name] && !session.skippedFacts.includes(f.name));
  if (missing) return { done: false, status: 'gathering_facts', pendingFact: missing.name, action: askFact(missing) };
  const ordered = problem.facts.map((f) => f.name).filter((n) => session.facts[n]);
  if (ordered.some((n) => !session.facts[n].confirmed)) {
    return { done: false, status: 'confirming_facts', action: { kind: 'confirm_facts', mode: 'summary', facts: forConfirmation(problem, session.facts, ordered) } };
  }
  return { done: true };
}

/** The ask_wished_outcome action (complaint step 4). */
export function askWishedOutcome(): RecoveryAction {
  return { kind: 'ask_wished_outcome', prompt: WISHED_OUTCOME_PROMPT, suggestions: [...WISHED_OUTCOME_SUGGESTIONS] };
}

/**
 * The booking references the dialog should look up on the platform before feeding `input` to the
 * engine (read-only; nothing acts on them until confirmed): a well-formed reference typed for a
 * bookingReference fact, or the suggestion the traveller accepted; never one already looked up.
 */
export function referencesToLookUp(kb: KnowledgeBase, session: RecoverySession, input: RecoveryInput): string[] {
  const problem = kb.problems.find((p) => p.id === session.problemId);
  const isReference = (name: string) => problem?.facts.find((f) => f.name === name)?.kind === 'bookingReference';
  let candidates: string[] = [];
  if ((input.kind === 'fact_provided' || input.kind === 'fact_corrected') && isReference(input.name)) {
    const result = checkFact('bookingReference', input.value, { now: new Date(0), referenceFormats: kb.platform.referenceFormats });
    candidates = result.kind === 'valid' ? [result.value] : result.kind === 'suggestion' ? [result.value] : [];
  } else if (input.kind === 'suggestion_accepted' && isReference(input.name)) {
    const suggested = session.facts[input.name]?.suggestion?.value;
    candidates = suggested ? [suggested] : [];
  }
  return candidates.filter((r) => r !== session.booking?.reference && !session.referencesNotFound?.[r]);
}
