import type { KnowledgeBase } from '../knowledge/schema';
import type { Understanding } from '../nlu/types';
import { targetLabel, targetOf, targetRef } from './target';

/** Guesses below this confidence are not offered as "did you mean" choices. */
export const MIN_SUGGESTION_CONFIDENCE = 0.15;

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
