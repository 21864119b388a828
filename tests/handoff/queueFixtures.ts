import { compensationSchema, escalationSchema } from '../../src/knowledge/schema';
import { CaseService, HandoffTimers, QueueService, type ConversationMessenger, type OutgoingMessage, type QueueRules } from '../../src/handoff';
import { AppError } from '../../src/shared/errors';
import { silentLogger } from '../../src/shared/logger';
import { createFakeStores, type FakeStores } from '../fakes/fakeStores';
import { ManualClock } from '../fakes/manualClock';

/** Monday 2 March 2026, 10:00 in Paris: within business hours. */
export const MONDAY_MORNING = '2026-03-02T09:00:00.000Z';
export const HOUR = 60 * 60 * 1000;

/** Handoff rules for the queue's tests, parsed with the real schemas. */
export const rules: QueueRules = {
  escalation: escalationSchema.parse({
    highStakesTags: ['money_lost'],
    frustrationThreshold: -0.3,
    frustrationTurns: 2,
    misunderstandingLimit: 2,
    businessHours: { timezone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '22:00' },
    afterHoursText: 'Our team works from 08:00 to 22:00 Paris time.',
    minutesPerCase: 10,
  }),
  compensation: compensationSchema.parse({
    currency: 'EUR',
    remedies: [
      { id: 'refund_duplicate_charge', kind: 'refund', label: 'Refund of the duplicate charge', maxShareOfBooking: 1, problems: ['double_charge'] },
      { id: 'voucher_small', kind: 'voucher', label: 'Goodwill voucher', maxAmount: 20, problems: ['double_charge', 'booking_not_found'] },
      { id: 'voucher_large', kind: 'voucher', label: 'Larger voucher', maxAmount: 75, problems: ['double_charge'], agentOnly: true },
      { id: 'upgrade', kind: 'upgrade', label: 'Room upgrade', problems: ['double_charge'], agentOnly: true },
    ],
  }),
};

/** A messenger that records what each conversation was sent; conversations in `unreachable` fail. */
export class RecordingMessenger implements ConversationMessenger {
  readonly sent: Array<{ conversationId: string; message: OutgoingMessage }> = [];
  readonly unreachable = new Set<string>();

  async send(conversationId: string, message: OutgoingMessage): Promise<void> {
    if (this.unreachable.has(conversationId)) throw new AppError('NOT_FOUND', `conversation ${conversationId} has no stored reference`);
    this.sent.push({ conversationId, message });
  }

  /** Texts sent to one conversation, in order. */
  to(conversationId: string): string[] {
    return this.sent.filter((s) => s.conversationId === conversationId).map((s) => s.message.text);
  }
}

/** A queue on fakes: stores, clock, messenger, and the bot's CaseService to queue cases as the handoff dialog does. */
export function queueOnFakes(start = MONDAY_MORNING): {
  stores: FakeStores;
  clock: ManualClock;
  messenger: RecordingMessenger;
  queue: QueueService;
  bot: CaseService;
  timers: HandoffTimers;
  /** Resolves once the queue updates the bot started in the background (a high-priority case) are sent. */
  queueUpdates: () => Promise<void>;
} {
  const clock = new ManualClock(start);
  const stores = createFakeStores(clock);
  const messenger = new RecordingMessenger();
  const timers = new HandoffTimers(() => rules.escalation);
  const queue = new QueueService({ cases: stores.cases, clock, messenger, timers, rules: () => rules, followUps: stores.followUps, analytics: stores.analytics, logger: silentLogger });
  const started: Array<Promise<void>> = [];
  const watcher = {
    positions: () => queue.notifier.positions(),
    updateQueueQuietly: (before: Map<string, number>, now: Date, except?: string) => {
      const sending = queue.notifier.updateQueueQuietly(before, now, except);
      started.push(sending);
      return sending;
    },
  };
  const queueUpdates = async () => {
    await Promise.all(started);
  };
  return { stores, clock, messenger, queue, bot: new CaseService(stores.cases, clock, timers, watcher), timers, queueUpdates };
}

/** Queues a case for conversation `n` as the handoff dialog does. */
export async function enqueue(bot: CaseService, n: string, options: { priority?: 'high' | 'normal'; problemId?: string; facts?: Record<string, string> } = {}) {
  const summary = { title: 'Charged twice', facts: options.facts ?? {}, steps: [], sentimentTrend: [], remedies: [], ...(options.problemId ? { problemId: options.problemId } : {}) };
  const queued = await bot.escalate({ conversationId: `conv-${n}`, userId: `user-${n}`, channelId: 'webchat' }, 'asked_for_person', summary, options.priority ?? 'normal');
  return queued.case;
}
