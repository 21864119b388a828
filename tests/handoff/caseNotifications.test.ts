import { expect } from 'chai';
import { CASES_CHANNEL, NOTICE_TEXT_LIMIT, NotifyingCaseRepository, newCase, newCaseEvent, transition, type CaseActor } from '../../src/handoff';
import { silentLogger } from '../../src/shared/logger';
import { FakeCaseRepository } from '../fakes/fakeCaseRepository';

const bot: CaseActor = { kind: 'bot', id: 'rebound' };
const T0 = new Date('2026-03-02T09:00:00.000Z');
const summary = { title: 't', facts: {}, steps: [], sentimentTrend: [], remedies: [] };

class RecordingBus {
  readonly published: Array<[string, unknown]> = [];
  failing = false;
  async publish(channel: string, payload: unknown): Promise<void> {
    if (this.failing) throw new Error('bus down');
    this.published.push([channel, payload]);
  }
}

describe('NotifyingCaseRepository', () => {
  describe('create() / update() / appendEvent()', () => {
    it('should announce each stored event, skipping summary updates', async () => {
      const bus = new RecordingBus();
      const repo = new NotifyingCaseRepository(new FakeCaseRepository(), bus, silentLogger);
      const made = newCase({ conversationId: 'c1', userId: 'u1', channelId: 'webchat', status: 'pending', summary }, bot, T0);
      const stored = await repo.create(made.case, [made.event]);
      const claimed = transition(stored, { type: 'claim' }, { kind: 'agent', id: 'Ana' }, T0);
      await repo.update(claimed.case, stored.version, [claimed.event, newCaseEvent(stored.id, 'summary_updated', bot, T0)]);
      await repo.appendEvent(newCaseEvent(stored.id, 'message', { kind: 'traveller', id: 'u1' }, T0, { text: 'x'.repeat(NOTICE_TEXT_LIMIT + 5) }));
      expect(bus.published.map(([c]) => c)).to.deep.equal([CASES_CHANNEL, CASES_CHANNEL, CASES_CHANNEL]);
      const [created, claim, message] = bus.published.map(([, p]) => p as Record<string, unknown>);
      expect(created).to.include({ kind: 'case', change: 'created', status: 'pending', reference: stored.reference });
      expect(claim).to.include({ kind: 'case', change: 'claim', status: 'assigned', assignee: 'Ana' });
      expect(message).to.include({ kind: 'message', from: 'traveller', truncated: true });
      expect(String(message!.text)).to.have.length(NOTICE_TEXT_LIMIT);
    });

    it('should keep the write when the bus fails', async () => {
      const bus = new RecordingBus();
      bus.failing = true;
      const inner = new FakeCaseRepository();
      const repo = new NotifyingCaseRepository(inner, bus, silentLogger);
      const made = newCase({ conversationId: 'c1', userId: 'u1', channelId: 'webchat', summary }, bot, T0);
      await repo.create(made.case, [made.event]);
      expect(await inner.get(made.case.id)).to.not.equal(null);
    });
  });
});
