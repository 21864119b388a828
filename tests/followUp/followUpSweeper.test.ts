import { expect } from 'chai';
import { resolutionCheckId, scheduleResolutionCheck, RESOLUTION_CHECK_AFTER_MS } from '../../src/handoff/followUp';
import { transition } from '../../src/handoff/caseModel';
import { FollowUpSweeper, ResolutionCheckComposer, type FollowUpComposer } from '../../src/followUp';
import { silentLogger } from '../../src/shared/logger';
import { recoveryKb } from '../fixtures/recovery/kb';
import { createFakeStores, type FakeStores } from '../fakes/fakeStores';
import { ManualClock } from '../fakes/manualClock';
import { FakeMessenger, resolvedCase } from './fixtures';

describe('FollowUpSweeper', () => {
  let clock: ManualClock;
  let stores: FakeStores;
  let messenger: FakeMessenger;
  const sweeper = (owner = 'i1', composer?: FollowUpComposer) =>
    new FollowUpSweeper(
      { followUps: stores.followUps, messenger, composer: composer ?? new ResolutionCheckComposer(stores.cases, () => recoveryKb), clock, logger: silentLogger },
      { owner, retryDelaysMs: [60_000, 600_000] },
    );
  const schedule = async (conversationId: string) => {
    const c = await resolvedCase(stores, clock, conversationId);
    await scheduleResolutionCheck(stores.followUps, clock.now(), { caseId: c.id, conversationId, problemId: 'cannot_log_in', resolvedBy: 'bot', resolvedAt: c.resolvedAt! });
    return c;
  };

  beforeEach(() => {
    clock = new ManualClock();
    stores = createFakeStores(clock);
    messenger = new FakeMessenger();
  });

  describe('sweep()', () => {
    it('should send nothing before the follow-up is due and send it once it is', async () => {
      const c = await schedule('c1');
      clock.advance(RESOLUTION_CHECK_AFTER_MS - 1);
      expect(await sweeper().sweep()).to.deep.equal({ sent: 0, skipped: 0, retried: 0, failed: 0 });
      expect(messenger.sent).to.deep.equal([]);
      clock.advance(1);
      expect(await sweeper().sweep()).to.include({ sent: 1 });
      expect(messenger.sent).to.have.length(1);
      const { conversationId, message } = messenger.sent[0]!;
      expect(conversationId).to.equal('c1');
      expect(message.text).to.include(recoveryKb.platform.messages.followUp).and.include(c.reference);
      expect(message.choices?.map((ch) => ch.value)).to.deep.equal([
        { rebound: 'followup', caseId: c.id, answer: 'held' },
        { rebound: 'followup', caseId: c.id, answer: 'came_back' },
      ]);
      expect(await stores.followUps.get(resolutionCheckId(c.id, c.resolvedAt!))).to.include({ status: 'done', attempts: 1 });
    });

    it('should send a follow-up exactly once however many sweepers and sweeps run', async () => {
      await schedule('c1');
      await schedule('c2');
      clock.advance(RESOLUTION_CHECK_AFTER_MS);
      const sweepers = [sweeper('i1'), sweeper('i2'), sweeper('i3')];
      await Promise.all(sweepers.flatMap((s) => [s.sweep(), s.sweep()]));
      await Promise.all(sweepers.map((s) => s.sweep()));
      expect(messenger.sent.map((s) => s.conversationId).sort()).to.deep.equal(['c1', 'c2']);
    });

    it('should reschedule a failed send at the retry time and send it then', async () => {
      const c = await schedule('c1');
      clock.advance(RESOLUTION_CHECK_AFTER_MS);
      messenger.down.add('c1');
      expect(await sweeper().sweep()).to.include({ retried: 1 });
      const retry = await stores.followUps.get(resolutionCheckId(c.id, c.resolvedAt!));
      expect(retry).to.include({ status: 'scheduled', dueAt: new Date(clock.now().getTime() + 60_000).toISOString() });
      expect(retry!.lastError).to.match(/ECONNREFUSED/);
      messenger.down.delete('c1');
      clock.advance(59_999);
      expect(await sweeper().sweep()).to.include({ sent: 0 });
      clock.advance(1);
      expect(await sweeper().sweep()).to.include({ sent: 1 });
      expect(await stores.followUps.get(resolutionCheckId(c.id, c.resolvedAt!))).to.include({ status: 'done', attempts: 2 });
    });

    it('should give up after the last retry delay', async () => {
      const c = await schedule('c1');
      messenger.down.add('c1');
      clock.advance(RESOLUTION_CHECK_AFTER_MS);
      const results = [];
      for (let i = 0; i < 3; i++) {
        results.push(await sweeper().sweep());
        clock.advance(3_600_000);
      }
      expect(results.map((r) => [r.retried, r.failed])).to.deep.equal([[1, 0], [1, 0], [0, 1]]);
      expect(await stores.followUps.get(resolutionCheckId(c.id, c.resolvedAt!))).to.include({ status: 'failed', attempts: 3 });
    });

    it('should fail at once, without retry, when the conversation has no stored reference', async () => {
      const c = await schedule('c1');
      messenger.unknown.add('c1');
      clock.advance(RESOLUTION_CHECK_AFTER_MS);
      expect(await sweeper().sweep()).to.include({ failed: 1, retried: 0 });
      expect(await stores.followUps.get(resolutionCheckId(c.id, c.resolvedAt!))).to.include({ status: 'failed' });
    });

    it('should skip, without a message, the check of a case that was reopened meanwhile', async () => {
      const c = await schedule('c1');
      const reopened = transition(c, { type: 'reopen' }, { kind: 'traveller', id: 'u' }, clock.now());
      await stores.cases.update(reopened.case, c.version, [reopened.event]);
      clock.advance(RESOLUTION_CHECK_AFTER_MS);
      expect(await sweeper().sweep()).to.include({ skipped: 1, sent: 0 });
      expect(messenger.sent).to.deep.equal([]);
      expect(await stores.followUps.get(resolutionCheckId(c.id, c.resolvedAt!))).to.include({ status: 'done' });
    });

    it('should take over a follow-up whose claim ran out because its instance died mid-send', async () => {
      const c = await schedule('c1');
      clock.advance(RESOLUTION_CHECK_AFTER_MS);
      await stores.followUps.claimDue(clock.now(), 'dead-instance', 10, 300_000);
      expect(await sweeper().sweep()).to.include({ sent: 0 });
      clock.advance(300_000);
      expect(await sweeper().sweep()).to.include({ sent: 1 });
      expect(await stores.followUps.get(resolutionCheckId(c.id, c.resolvedAt!))).to.include({ status: 'done', owner: 'i1' });
    });
  });
});

describe('scheduleResolutionCheck()', () => {
  it('should schedule one check per resolution: a repeat is ignored, a case resolved again after a reopen gets another', async () => {
    const clock = new ManualClock();
    const stores = createFakeStores(clock);
    const check = { caseId: 'case-1', conversationId: 'conv-1', resolvedBy: 'agent' as const, resolvedAt: clock.now().toISOString() };
    expect(await scheduleResolutionCheck(stores.followUps, clock.now(), check)).to.equal(true);
    expect(await scheduleResolutionCheck(stores.followUps, clock.now(), check)).to.equal(false);
    clock.advance(3 * 24 * 60 * 60 * 1000);
    const again = { ...check, resolvedAt: clock.now().toISOString() };
    expect(await scheduleResolutionCheck(stores.followUps, clock.now(), again)).to.equal(true);
    expect(await stores.followUps.get(resolutionCheckId('case-1', again.resolvedAt))).to.include({ status: 'scheduled', caseId: 'case-1' });
  });
});
