import type { Case } from '../src/handoff';
import type { KnowledgeBase } from '../src/knowledge/schema';
import type { RecoverySession } from '../src/recovery';

const STATUS_WORDS: Record<Case['status'], string> = {
  open: "we're working on it together here",
  pending: 'waiting for a person from our support team',
  assigned: 'with a person from our support team',
  resolved: 'resolved',
  returned_to_bot: "back with me, we're working on it together",
  expired: 'closed because it waited too long; tell me if you still need help',
  abandoned: 'closed at your request',
};

/** The traveller's view of their case (visibility): reference, status, what was tried, what happens next. */
export function describeCase(c: Case | null, session: RecoverySession | undefined, kb: KnowledgeBase, position = 0): string {
  if (!c) return "You don't have an open case right now. Tell me what's wrong, or ask me a question.";
  const lines = [`**Case ${c.reference}**: ${c.summary.title}`, `Status: ${STATUS_WORDS[c.status]}.`];
  const steps = session?.steps ?? [];
  if (steps.length) {
    const problem = kb.problems.find((p) => p.id === session?.problemId);
    const tried = steps.map((s) => {
      const step = problem?.steps.find((x) => x.id === s.stepId);
      const mark = s.outcome === 'success' ? '✓' : s.outcome === 'failure' ? '✗' : '–';
      return `- ${mark} ${step?.success ?? s.stepId}`;
    });
    lines.push('What we tried:', ...tried);
  }
  if (c.status === 'pending') lines.push(position > 0 ? `You are number ${position} in the queue.` : 'You are in the queue.');
  if (c.status === 'open' || c.status === 'returned_to_bot') lines.push('Next: answer the question above, or type "talk to a person" if you would rather have a colleague take over.');
  if (c.status === 'assigned') lines.push('Next: your agent will write to you here.');
  return lines.join('\n\n');
}
