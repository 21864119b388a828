import type { Case, CaseRemedy } from './caseModel';

/** What the traveller is told at each step of a handoff (visibility: who has the case, what happens next, when). */
export const travellerTexts = {
  /** A case ahead left the queue. */
  queueUpdate(c: Case, position: number, wait: string): string {
    return `Update on case ${c.reference}: you are now number ${position} in the queue; the expected wait is ${wait}.`;
  },
  /** The team is away: the case waits for the morning. */
  afterHoursUpdate(c: Case, position: number, afterHoursText: string): string {
    return `Update on case ${c.reference}: you are now number ${position} in the queue. ${afterHoursText} Your case stays in the queue, and a person will write to you here as soon as the team is back; you don't need to do anything.`;
  },
  /** An agent claimed the case. */
  claimed(c: Case, agent: string): string {
    return `${agent} from our support team has your case ${c.reference} and has everything we gathered so far. ${agent} will write to you here in a moment.`;
  },
  /** The agent put the case back in the queue. */
  released(c: Case, position: number, wait: string | null): string {
    const when = wait ? `the expected wait is ${wait}` : 'a person will write to you here as soon as the team is back';
    return `Your case ${c.reference} is back in the queue (number ${position}) so that the next available colleague can take it; ${when}. Nothing you told us is lost.`;
  },
  /** The case was resolved by an agent: the bot is back. */
  resolved(c: Case, remedy: { label: string; amount?: string } | null): string {
    const lines = [`Your case ${c.reference} is resolved: ${c.outcome ?? 'done'}.`];
    if (remedy) lines.push(`What you get: ${remedy.label}${remedy.amount ? ` (${remedy.amount})` : ''}.`);
    lines.push("I'm back with you here. I'll check in with you tomorrow to make sure everything is sorted; if anything is still wrong, just tell me.");
    return lines.join('\n\n');
  },
  /** The agent handed the conversation back to the bot without resolving. */
  returnedToBot(c: Case): string {
    return `Our colleague has handed case ${c.reference} back to me. Tell me what you still need, or type "talk to a person" to be queued again.`;
  },
  /** The traveller left the queue. */
  leftQueue(c: Case): string {
    return `OK, you've left the queue. I'm here with you again, and your case ${c.reference} stays open. Tell me what's wrong, or type "talk to a person" to be queued again.`;
  },
  /** The case waited too long. */
  expired(c: Case): string {
    return `I'm sorry: nobody from our team could take case ${c.reference} in time, so it has been closed. You can continue here with me (just tell me what's wrong), or leave your e-mail address or phone number and we will contact you.`;
  },
  /** A message arrived while waiting for a person. */
  addedWhileWaiting(c: Case): string {
    return `I've added that to your case ${c.reference}; the person who takes it will read it first. Type "status" to see where you are in the queue.`;
  },
};

/** A remedy in words for the traveller: label and amount. */
export function remedyInWords(remedy: CaseRemedy | undefined, label: string | undefined): { label: string; amount?: string } | null {
  if (!remedy) return null;
  const amount = remedy.amount !== undefined ? `${remedy.amount.toFixed(2)} ${remedy.currency ?? ''}`.trim() : undefined;
  return { label: label ?? remedy.remedyId, ...(amount ? { amount } : {}) };
}
