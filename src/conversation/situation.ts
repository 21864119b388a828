import type { KnowledgeBase } from '../knowledge/schema';
import { WISHED_OUTCOME_SUGGESTIONS, listedChoices, stepById, type RecoverySession } from '../recovery';
import type { Pending } from './acts';

/** What a recovery session waits for from the traveller, read from its status. */
export function pendingOf(session: RecoverySession, kb: KnowledgeBase): Pending {
  const problem = kb.problems.find((p) => p.id === session.problemId);
  switch (session.status) {
    case 'gathering_facts':
      return session.pendingFact ? { kind: 'fact', name: session.pendingFact } : { kind: 'nothing' };
    case 'confirming_facts': {
      const suggested = Object.entries(session.facts).find(([, f]) => f.suggestion)?.[0];
      return { kind: 'confirm', ...(suggested ? { suggestion: suggested } : {}) };
    }
    case 'asking_wished_outcome':
      return { kind: 'outcome', choices: [...WISHED_OUTCOME_SUGGESTIONS] };
    case 'running_step':
    case 'awaiting_outcome': {
      const step = problem ? stepById(problem, session.currentStepId) : undefined;
      if (step?.action === 'ask_outcome' && session.status === 'running_step') return { kind: 'outcome', choices: listedChoices(step.say) };
      return { kind: 'step', stepId: session.currentStepId ?? '' };
    }
    case 'offering_remedy':
      return { kind: 'remedy', remedyIds: session.remedies.offered.filter((r) => r.stepId === session.currentStepId).map((r) => r.remedyId) };
    default:
      return { kind: 'nothing' };
  }
}

/** The facts a session took from the booking, not from the traveller: a new value for one is an answer, not a correction. */
export function factsFromBooking(session: RecoverySession): string[] {
  return Object.entries(session.facts).filter(([, f]) => f.source === 'booking').map(([name]) => name);
}

/** The facts a session knows, name to normalised value. */
export function knownFacts(session: RecoverySession): Record<string, string> {
  return Object.fromEntries(Object.entries(session.facts).map(([name, f]) => [name, f.value]));
}
