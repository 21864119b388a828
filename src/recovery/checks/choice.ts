import { JaroWinklerDistance } from '../../nlu/natural';
import { foldName } from './name';
import { invalid, suggest, valid, type CheckResult } from './types';

/** S6: matches an answer against a fact's choices; a close spelling is suggested. */
export function checkChoice(raw: string, choices: readonly string[]): CheckResult {
  const folded = foldName(raw);
  if (folded === '') return invalid(`Please choose one of: ${choices.join(', ')}.`);
  const exact = choices.find((c) => foldName(c) === folded);
  if (exact) return valid(exact);
  const scored = choices.map((c) => ({ c, score: JaroWinklerDistance(folded, foldName(c)) })).sort((a, b) => b.score - a.score);
  if (scored[0] && scored[0].score >= 0.85) return suggest(scored[0].c, `Did you mean "${scored[0].c}"?`);
  return invalid(`Please choose one of: ${choices.join(', ')}.`);
}

/** S6: free text: anything non-empty, trimmed. */
export function checkText(raw: string): CheckResult {
  const text = raw.trim().replace(/\s+/g, ' ');
  return text ? valid(text) : invalid('Please type a few words.');
}
