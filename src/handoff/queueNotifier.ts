import type { Escalation } from '../knowledge/schema';
import { afterHoursText, expectedWait } from '../recovery/businessHours';
import type { Logger } from '../shared/logger';
import type { Case } from './caseModel';
import type { ConversationMessenger, OutgoingMessage } from './messenger';
import type { CaseRepository } from './ports';
import type { HandoffTimers } from './timers';
import { travellerTexts } from './travellerTexts';

/** Places in the queue by case id (1 = next). */
export type QueuePositions = Map<string, number>;

/**
 * Tells travellers what happens to their case: messages through the conversation's own channel, and
 * their new place in the queue whenever it changes. A message that cannot be delivered (the channel is
 * gone) is logged and never undoes the move that caused it.
 */
export class QueueNotifier {
  constructor(
    private readonly cases: CaseRepository,
    private readonly messenger: ConversationMessenger,
    private readonly timers: HandoffTimers,
    private readonly rules: () => Escalation,
    private readonly logger: Logger,
  ) {}

  /** The current queue positions. */
  async positions(): Promise<QueuePositions> {
    const queue = await this.cases.list('pending');
    return new Map(queue.map((c, i) => [c.id, i + 1]));
  }

  /** The expected wait in words at this place in the queue, or null when the team is away. */
  waitFor(position: number, now: Date): string | null {
    return this.timers.open(now) ? expectedWait(position, this.rules()).text : null;
  }

  /** Sends one message to the case's traveller; true when it was delivered. */
  async tell(c: Case, message: OutgoingMessage | string): Promise<boolean> {
    try {
      await this.messenger.send(c.conversationId, typeof message === 'string' ? { text: message, from: { kind: 'bot' } } : message);
      return true;
    } catch (err) {
      this.logger.warn({ caseId: c.id, err: (err as Error).message }, 'message to the traveller not delivered');
      return false;
    }
  }

  /** Tells every traveller still waiting whose place changed since `before` (skipping `except`). */
  async updateQueue(before: QueuePositions, now: Date, except?: string): Promise<number> {
    const queue = await this.cases.list('pending');
    const moved = queue
      .map((c, i) => ({ c, position: i + 1 }))
      .filter(({ c, position }) => c.id !== except && before.has(c.id) && before.get(c.id) !== position);
    const rules = this.rules();
    const sent = await Promise.all(
      moved.map(({ c, position }) => {
        const wait = this.waitFor(position, now);
        return this.tell(c, wait ? travellerTexts.queueUpdate(c, position, wait) : travellerTexts.afterHoursUpdate(c, position, afterHoursText(now, rules)));
      }),
    );
    return sent.filter(Boolean).length;
  }

  /**
   * updateQueue for a turn that must not wait on other travellers' channels: never rejects (a failure is
   * logged); the caller does not await it.
   */
  async updateQueueQuietly(before: QueuePositions, now: Date, except?: string): Promise<void> {
    try {
      await this.updateQueue(before, now, except);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'queue update not sent');
    }
  }
}
