import type { FactSpec, KnowledgeBase, Problem } from '../knowledge/schema';
import { AppError } from '../shared';
import type { FactForConfirmation, RecoveryAction, RecoveryInput } from './actions';
import { checkFact } from './checks';
import { displayValue } from './display';
import { factLabel } from './factLabel';
import { WISHED_OUTCOME_PROMPT, WISHED_OUTCOME_SUGGESTIONS } from './empathy';
import { checkContext } from './stepView';
import type { FactValue, RecoverySession, RecoveryStatus } from './types';
import { referenceSettled } from './verification';

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

/** Runs the S6 check on a value: the fact to store, or the reason it was refused. */
export function checkedFact(
  kb: KnowledgeBase,
  session: RecoverySession,
  spec: FactSpec,
  raw: string,
  now: Date,
  confirmed: boolean,
  source: FactValue['source'] = 'traveller',
): { fact: FactValue } | { refused: string } {
  const result = checkFact(spec.kind, raw, checkContext(session, kb, now, spec.name));
  const base = { kind: spec.kind, raw, ...(source === 'booking' ? { source } : {}) };
  if (result.kind === 'invalid') return { refused: result.reason };
  // A "did you mean" that proposes the value itself (a currency the bank converted) is no question.
  if (result.kind === 'suggestion' && result.value !== raw.trim()) {
    return { fact: { ...base, value: raw.trim(), confirmed: false, suggestion: { value: result.value, reason: result.reason } } };
  }
  return { fact: { ...base, value: result.value, confirmed } };
}

/** The facts shown for confirmation, with labels and the values as the traveller reads them. */
export function forConfirmation(problem: Problem, facts: Record<string, FactValue>, names: string[]): FactForConfirmation[] {
  return names.map((name) => {
    const fact = facts[name];
    const spec = problem.facts.find((f) => f.name === name);
    const label = spec ? factLabel(spec) : name;
    return { name, kind: fact.kind, label, value: displayValue(fact.kind, fact.value), ...(fact.suggestion ? { suggestion: fact.suggestion } : {}) };
  });
}

/** Facts settled without a value: skipped (optional) or unknown to the traveller. */
export function settledWithout(session: RecoverySession): Set<string> {
  return new Set([...session.skippedFacts, ...(session.unknownFacts ?? [])]);
}

/**
 * The alternatives still wanted: those of a fact the traveller did not know and has not given since ("found
 * it: WL-F205847" after "I don't know my reference" ends the search by e-mail and date).
 */
function liveAlternatives(problem: Problem, session: RecoverySession): string[] {
  const all = session.alternatives ?? [];
  const asks = (f: FactSpec) => f.unknown?.ask ?? [];
  const given = new Set(problem.facts.filter((f) => session.facts[f.name]).flatMap(asks));
  if (given.size === 0) return all;
  const stillWanted = new Set(problem.facts.filter((f) => !session.facts[f.name] && (session.unknownFacts ?? []).includes(f.name)).flatMap(asks));
  return all.filter((n) => !given.has(n) || stillWanted.has(n));
}

/** Whether the playbook still wants a fact: not known, not settled without a value, and asked on its own or as a live alternative. */
function wanted(spec: FactSpec, session: RecoverySession, settled: Set<string>, alternatives: readonly string[]): boolean {
  if (session.facts[spec.name] || settled.has(spec.name)) return false;
  return !spec.alternativeOnly || alternatives.includes(spec.name);
}

/** Where fact gathering stands: the status to be in and what to ask; `done` when facts are complete and confirmed. */
export type FactStage = { done: true } | { done: false; status: RecoveryStatus; pendingFact?: string; action: RecoveryAction };

/**
 * The next fact question: a pending "did you mean ...?" first, then the next fact wanted (in the
 * problem's order), then one summary to confirm; done when every fact is confirmed or settled.
 */
export function factStage(problem: Problem, session: RecoverySession): FactStage {
  const names = Object.keys(session.facts);
  const suggested = names.filter((n) => session.facts[n].suggestion);
  if (suggested.length) {
    return { done: false, status: 'confirming_facts', action: { kind: 'confirm_facts', mode: 'suggestion', facts: forConfirmation(problem, session.facts, suggested.slice(0, 1)) } };
  }
  const settled = settledWithout(session);
  // The alternatives of a fact the traveller does not know come right after it (its e-mail and booking date).
  const alternatives = liveAlternatives(problem, session);
  const ordered = [...problem.facts.filter((f) => alternatives.includes(f.name)), ...problem.facts.filter((f) => !alternatives.includes(f.name))];
  const missing = ordered.find((f) => wanted(f, session, settled, alternatives));
  if (missing) return { done: false, status: 'gathering_facts', pendingFact: missing.name, action: askFact(missing) };
  const known = problem.facts.map((f) => f.name).filter((n) => session.facts[n]);
  if (known.some((n) => !session.facts[n].confirmed)) {
    return { done: false, status: 'confirming_facts', action: { kind: 'confirm_facts', mode: 'summary', facts: forConfirmation(problem, session.facts, known) } };
  }
  return { done: true };
}

/** The ask_wished_outcome action (complaint step 4). */
export function askWishedOutcome(): RecoveryAction {
  return { kind: 'ask_wished_outcome', prompt: WISHED_OUTCOME_PROMPT, suggestions: [...WISHED_OUTCOME_SUGGESTIONS] };
}

/** The values of an input that set facts: one for fact_provided and fact_corrected, several for facts_given. */
function valuesOf(input: RecoveryInput): Array<{ name: string; value: string }> {
  if (input.kind === 'fact_provided' || input.kind === 'fact_corrected') return [{ name: input.name, value: input.value }];
  return input.kind === 'facts_given' ? input.facts : [];
}

/**
 * The booking references the dialog should look up on the platform before feeding `input` to the
 * engine (read-only; nothing acts on them until confirmed): a well-formed reference given for a
 * bookingReference fact, or the suggestion the traveller accepted; never one already looked up.
 */
export function referencesToLookUp(kb: KnowledgeBase, session: RecoverySession, input: RecoveryInput): string[] {
  const problem = kb.problems.find((p) => p.id === session.problemId);
  const isReference = (name: string) => problem?.facts.find((f) => f.name === name)?.kind === 'bookingReference';
  let candidates: string[] = [];
  for (const { name, value } of valuesOf(input)) {
    if (!isReference(name)) continue;
    const result = checkFact('bookingReference', value, { now: new Date(0), referenceFormats: kb.platform.referenceFormats });
    if (result.kind !== 'invalid') candidates.push(result.value);
  }
  if (input.kind === 'suggestion_accepted' && isReference(input.name)) {
    const suggested = session.facts[input.name]?.suggestion?.value;
    candidates = suggested ? [suggested] : [];
  }
  return [...new Set(candidates)].filter((r) => r !== session.booking?.reference && !session.referencesNotFound?.[r] && !referenceSettled(session, r));
}
