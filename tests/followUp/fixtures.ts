import { newCase, transition, type Case } from '../../src/handoff/caseModel';
import type { ConversationMessenger, OutgoingMessage } from '../../src/handoff/messenger';
import { AppError } from '../../src/shared/errors';
import type { FakeStores } from '../fakes/fakeStores';
import type { ManualClock } from '../fakes/manualClock';

/** A messenger that records what it sends; conversations in `down` fail like a channel outage, in `unknown` like a missing reference. */
export class FakeMessenger implements ConversationMessenger {
  readonly sent: Array<{ conversationId: string; message: OutgoingMessage }> = [];
  readonly down = new Set<string>();
  readonly unknown = new Set<string>();

  async send(conversationId: string, message: OutgoingMessage): Promise<void> {
    if (this.unknown.has(conversationId)) throw new AppError('NOT_FOUND', `conversation ${conversationId} has no stored reference`);
    if (this.down.has(conversationId)) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    this.sent.push({ conversationId, message });
  }
}

/** Stores a case of the conversation that the bot resolved (problem cannot_log_in), as bot/runtime.ts does. */
export async function resolvedCase(stores: FakeStores, clock: ManualClock, conversationId: string): Promise<Case> {
  const bot = { kind: 'bot', id: 'rebound' } as const;
  const summary = { problemId: 'cannot_log_in', title: 'Cannot log in', facts: {}, steps: [], sentimentTrend: [], remedies: [] };
  const created = newCase({ conversationId, userId: `u-${conversationId}`, channelId: 'test', summary }, bot, clock.now());
  const stored = await stores.cases.create(created.case, [created.event]);
  const resolved = transition(stored, { type: 'resolve', outcome: 'resolved with the bot' }, bot, clock.now());
  return stores.cases.update(resolved.case, stored.version, [resolved.event]);
}
