import { expect } from 'chai';
import { RESOLUTION_CHECK_AFTER_MS, resolutionCheckId } from '../../src/handoff/followUp';
import { textOf, type CardAction, type ReplyActivity } from '../helpers/botClient';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { ChannelServer, type ChannelActivity } from '../http/agent/channelServer';
import { ManualClock } from '../fakes/manualClock';
import { pressTitled, walkToResolution } from '../followUp/resolvedTraveller';

/** The Action.Submit buttons of a message the bot sent to the channel. */
function buttonsIn(activity: ChannelActivity): CardAction[] {
  const attachments = (activity.attachments ?? []) as ReplyActivity['attachments'];
  return (attachments ?? []).flatMap((a) => a.content?.actions ?? []);
}

/** Calls read until accept() holds (every 20 ms, up to 5 s); returns the last value either way. */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}

describe('Follow-up after a resolution, through a started app', () => {
  const channel = new ChannelServer();
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  let running: RunningApp;
  let dataDir: string;

  before(async function () {
    this.timeout(30_000);
    await channel.start();
    dataDir = tempDataDir();
    running = await startApp({ DATA_DIR: dataDir, FOLLOW_UP_SWEEP_SECONDS: '1' }, { clock });
  });
  after(async () => {
    await running?.stop();
    await channel.stop();
    if (dataDir) removeDir(dataDir);
  });

  /** Resolves a recovery, lets a day pass on the app's clock and waits for the proactive follow-up on the channel. */
  async function followUpOfResolvedRecovery() {
    const traveller = running.client({ serviceUrl: channel.url, channelId: 'webchat' });
    const reference = await walkToResolution(traveller);
    const resolved = await running.app.stores.cases.getByReference(reference);
    expect(resolved).to.include({ status: 'resolved' });
    const followUpId = resolutionCheckId(resolved!.id, resolved!.resolvedAt!);
    expect(await running.app.stores.followUps.get(followUpId)).to.include({ status: 'scheduled', kind: 'resolution_check' });
    expect(channel.messages(traveller.conversationId), 'nothing is sent before it is due').to.deep.equal([]);
    clock.advance(RESOLUTION_CHECK_AFTER_MS);
    const message = await channel.waitFor(traveller.conversationId, () => true, 10_000);
    return { traveller, resolved: resolved!, followUpId, message };
  }

  describe('the resolution check', () => {
    it('should reach the channel a day later and record "it held" and the rating', async function () {
      this.timeout(30_000);
      const { traveller, resolved, followUpId, message } = await followUpOfResolvedRecovery();
      expect(JSON.stringify(message.attachments)).to.include('Has it stayed fixed').and.include(resolved.reference);
      const buttons = buttonsIn(message);
      expect(buttons.map((b) => b.title)).to.deep.equal(['Yes, it is still fixed', 'No, it came back']);
      // The send lands before the store marks it done: a bounded poll, not a sleep.
      expect(await until(() => running.app.stores.followUps.get(followUpId), (f) => f?.status === 'done')).to.include({ status: 'done', attempts: 1 });

      const thanks = await traveller.press(buttons[0]!.data!);
      expect(textOf(thanks[0]!)).to.match(/good to hear/);
      const rated = await pressTitled(traveller, thanks, '5 excellent');
      expect(rated.map(textOf).join()).to.include('5/5');

      const events = await running.app.stores.analytics.query({ from: new Date(0), to: new Date('2100-01-01'), types: ['follow_up_answered', 'follow_up_rated'] });
      expect(events.filter((e) => e.caseId === resolved.id).map((e) => [e.type, e.data])).to.deep.equal([
        ['follow_up_answered', { held: true, problemId: 'cannot_log_in' }],
        ['follow_up_rated', { score: 5, problemId: 'cannot_log_in' }],
      ]);
      const notes = (await running.app.stores.cases.listEvents(resolved.id)).filter((e) => e.type === 'note').map((e) => e.data);
      expect(notes).to.deep.equal([{ followUp: 'held', held: true }, { followUp: 'rating', score: 5 }]);
      expect(channel.messages(traveller.conversationId), 'one follow-up, however many sweeps ran').to.have.length(1);
    });

    it('should reopen the case when the traveller says the problem came back', async function () {
      this.timeout(30_000);
      const { traveller, resolved, message } = await followUpOfResolvedRecovery();
      const replies = await traveller.press(buttonsIn(message)[1]!.data!);
      expect(replies.map(textOf).join('\n')).to.include(`I've reopened your case ${resolved.reference}`);
      expect(await running.app.stores.cases.get(resolved.id)).to.include({ status: 'open' });
      const events = await running.app.stores.analytics.query({ from: new Date(0), to: new Date('2100-01-01'), types: ['follow_up_answered'] });
      expect(events.find((e) => e.caseId === resolved.id)?.data).to.deep.equal({ held: false, problemId: 'cannot_log_in', reopened: true });
      // "Go through it again" starts the same problem on the reopened case.
      const again = await pressTitled(traveller, replies, 'Go through it again');
      expect(again.map(textOf).join('\n')).to.include(resolved.reference);
    });
  });
});
