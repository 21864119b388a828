import { expect } from 'chai';
import { TeamsCaseAnnouncer, newCaseCard } from '../../bot/teamsCaseAnnouncer';
import type { Case, CaseChangeNotice } from '../../src/handoff';
import { silentLogger } from '../../src/shared/logger';
import { RecordingMessenger } from '../handoff/queueFixtures';

const CHANNEL = { conversationId: '19:agents@thread.tacv2', serviceUrl: 'https://smba.example/emea/', tenantId: 'tenant-1' };

function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: 'case-1', reference: 'RB-7K3Q9F', conversationId: 'conv-1', userId: 'u1', channelId: 'webchat', status: 'pending', priority: 'high',
    handoffReason: 'playbook_exhausted', createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z', version: 1,
    summary: { problemId: 'double_charge', title: 'Charged twice for one booking', facts: { amount: '189 EUR <script>x</script>' }, steps: [], sentimentTrend: [], remedies: [] },
    ...overrides,
  };
}

function notice(change: string, status: Case['status'] = 'pending'): CaseChangeNotice {
  return { kind: 'case', caseId: 'case-1', reference: 'RB-7K3Q9F', status, change, priority: 'high', at: '2026-03-02T09:00:00.000Z' };
}

async function started(consoleUrl?: (id: string) => string) {
  const saved = new Map<string, Record<string, unknown>>();
  const references = { save: async (id: string, r: Record<string, unknown>) => void saved.set(id, r), get: async (id: string) => saved.get(id) ?? null, delete: async () => undefined };
  const messenger = new RecordingMessenger();
  const announcer = new TeamsCaseAnnouncer(CHANNEL, { get: async (id) => (id === 'case-1' ? aCase() : null) }, consoleUrl, silentLogger);
  await announcer.start(references, messenger);
  return { announcer, messenger, saved };
}

describe('TeamsCaseAnnouncer', () => {
  describe('start()', () => {
    it('should store a Teams channel reference for the configured channel', async () => {
      const { saved } = await started();
      expect(saved.get(CHANNEL.conversationId)).to.deep.include({ channelId: 'msteams', serviceUrl: CHANNEL.serviceUrl });
      expect(saved.get(CHANNEL.conversationId)!.conversation).to.include({ id: CHANNEL.conversationId, conversationType: 'channel', tenantId: 'tenant-1' });
    });
  });

  describe('announce()', () => {
    it('should post a card with a console link when a case joins the queue', async () => {
      const { announcer, messenger } = await started((id) => `https://rebound.example/agent#case/${id}`);
      expect(await announcer.announce(notice('escalate'))).to.equal(true);
      expect(messenger.sent).to.have.length(1);
      const card = messenger.sent[0]!.message.attachments![0] as { actions: Array<{ type: string; url: string }> };
      expect(messenger.sent[0]!.conversationId).to.equal(CHANNEL.conversationId);
      expect(card.actions[0]).to.deep.equal({ type: 'Action.OpenUrl', title: 'Open in the agent console', url: 'https://rebound.example/agent#case/case-1' });
    });

    it('should ignore claims, releases and cases that are not pending', async () => {
      const { announcer, messenger } = await started();
      for (const n of [notice('claim', 'assigned'), notice('release'), notice('created', 'open')]) expect(await announcer.announce(n)).to.equal(false);
      expect(messenger.sent).to.deep.equal([]);
    });
  });

  describe('tee()', () => {
    it('should publish on the bus and announce, and keep publishing when Teams fails', async () => {
      const { announcer, messenger } = await started();
      messenger.unreachable.add(CHANNEL.conversationId);
      const published: unknown[] = [];
      await announcer.tee({ publish: async (_c, p) => void published.push(p) }).publish('cases', notice('escalate'));
      expect(published).to.have.length(1);
    });
  });
});

describe('newCaseCard()', () => {
  it('should strip markup from traveller-provided facts and omit the link without PUBLIC_URL', () => {
    const card = newCaseCard(aCase());
    expect(JSON.stringify(card)).to.not.contain('<script>');
    expect(card).to.not.have.property('actions');
  });
});
