import type { KnowledgeBase } from '../knowledge/schema';
import type { Understanding } from '../nlu/types';
import { targetLabel, targetOf, targetRef } from './target';

/** Guesses below this confidence are not offered as "did you mean" choices. */
export const MIN_SUGGESTION_CONFIDENCE = 0.15;

/** A guess from which a message out of scope still reads as about a trip: "did you mean", not "that's outside". */
export const IN_SCOPE_GUESS = 0.2;

/**
 * Whether a message the NLU could not place still reads as about the platform (its best problem or FAQ
 * guess is worth naming): "your app wont let me in" gets "did you mean one of these?", not "that's outside
 * what I can help with".
 */
export function guessesWorthAsking(u: Understanding, kb: KnowledgeBase, floor = IN_SCOPE_GUESS): boolean {
  if (u.verdict === 'ambiguous') return true;
  return [u.best, ...u.alternatives].some((c) => {
    if (c === null || c.confidence < floor) return false;
    const kind = targetOf(c, kb)?.kind;
    return kind === 'problem' || kind === 'faq';
  });
}

/** One choice offered when the bot is not sure what the traveller meant. */
export interface Choice {
  label: string;
  /** A target reference (see parseTarget) or "none" for "none of these". */
  target: string;
}

/** The choices for an ambiguous or out-of-scope message: best guesses first, then a person, then "none". */
export function clarificationChoices(u: Understanding, kb: KnowledgeBase, max = 3, floor = MIN_SUGGESTION_CONFIDENCE): Choice[] {
  const choices: Choice[] = [];
  const seen = new Set<string>();
  // A guess far below the floor is noise; showing it would look like the bot understood something.
  const candidates = [u.best, ...u.alternatives].filter((c): c is NonNullable<typeof c> => c !== null && c.confidence >= floor);
  for (const candidate of candidates) {
    if (choices.length >= max) break;
    const target = targetOf(candidate, kb);
    if (!target || target.kind === 'system') continue;
    const ref = targetRef(target);
    if (seen.has(ref)) continue;
    seen.add(ref);
    choices.push({ label: targetLabel(target, kb, candidate), target: ref });
  }
  // With no guess worth showing, offer the most common problems so the traveller is never at a dead end.
  if (choices.length === 0) {
    for (const p of kb.problems.slice(0, max)) choices.push({ label: p.title, target: `problem:${p.id}` });
  }
  choices.push({ label: 'Talk to a person', target: 'system:human' });
  choices.push({ label: 'None of these', target: 'none' });
  return choices;
}
