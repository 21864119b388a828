import { isUrgent, type StakesTag } from '../nlu/stakes';

const PROBLEM_STAKES: readonly StakesTag[] = ['stranded', 'safety', 'medical', 'minors', 'alone', 'night', 'vulnerable'];

/**
 * Whether what the traveller wrote makes the case urgent, together with what the problem already says
 * (a transfer no-show is `stranded`): children or being alone while locked out or at night, danger, a
 * medical need. Only the traveller's own words can raise it; a problem's tags alone are the knowledge base's rule.
 */
export function urgentFromWords(stakesSaid: readonly StakesTag[], problemTags: readonly string[]): boolean {
  if (stakesSaid.length === 0) return false;
  const fromProblem = PROBLEM_STAKES.filter((t) => problemTags.includes(t));
  return isUrgent([...new Set([...stakesSaid, ...fromProblem])]);
}
