import { expect } from 'chai';
import { RESOLUTION_CHECK_AFTER_MS } from '../../src/handoff/followUp';
import { textOf, type CardAction, type ReplyActivity } from '../helpers/botClient';
import type { RunningApp } from '../helpers/testApp';
import { ChannelServer } from '../http/agent/channelServer';
import { ManualClock } from '../fakes/manualClock';
import { walkToResolution } from '../followUp/resolvedTraveller';
import { freshSchema, startTwoApps, stopAndDropSchema } from '../helpers/pgApps';

// tests/storage/postgres.test.ts prints the one "PostgreSQL suite skipped" line; this file stays silent without the database.
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;

if (PG_URL) {
  const url = PG_URL;
  describe('Follow-ups with two Rebound instances on one PostgreSQL', () => {
    const schema = freshSchema('rb_fu');
    const channel = new ChannelServer();
    // One clock for both instances, so the follow-ups fall due on both at once.
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    let a: RunningApp;
    let b: RunningApp;

    before(async function () {
      this.timeout(30_000);
      await channel.start();
      // The timers stay quiet (an hour); the test triggers the sweeps itself, all at once.
      [a, b] = await startTwoApps(url, schema, { FOLLOW_UP_SWEEP_SECONDS: '3600' }, { clock });
    });
    after(async () => {
      await stopAndDropSchema(url, schema, [a, b]);
      await channel.stop();
    });

    describe('App.sweepFollowUps()', () => {
      it('should send each due follow-up once when both instances sweep it at the same moment', async function () {
        this.timeout(60_000);
        const travellers = [a, b, a].map((app) => app.client({ serviceUrl: channel.url, channelId: 'webchat' }));
        for (const t of travellers) await walkToResolution(t);
        clock.advance(RESOLUTION_CHECK_AFTER_MS);

        // A second sweep() on the same instance joins the one in progress (same report): count each report once.
        const reports = [...new Set(await Promise.all([a, b, a, b].map((app) => app.app.sweepFollowUps())))];
        expect(reports.reduce((n, r) => n + r.sent, 0), JSON.stringify(reports)).to.equal(3);
        expect(reports.reduce((n, r) => n + r.retried + r.failed + r.skipped, 0)).to.equal(0);
        expect((await Promise.all([a, b].map((app) => app.app.sweepFollowUps()))).map((r) => r.sent)).to.deep.equal([0, 0]);
        for (const t of travellers) expect(channel.messages(t.conversationId), t.conversationId).to.have.length(1);

        // The traveller answers on the other instance; the answer lands on the shared case.
        const first = travellers[0]!;
        const message = channel.received.find((m) => m.conversation?.id === first.conversationId)!;
        const held = ((message.attachments ?? []) as NonNullable<ReplyActivity['attachments']>).flatMap((x) => x.content?.actions ?? []).find((x: CardAction) => x.data?.answer === 'held');
        const replies = await b.client({ conversationId: first.conversationId, userId: first.userId, serviceUrl: channel.url, channelId: 'webchat' }).press(held!.data!);
        expect(replies.map(textOf).join()).to.match(/good to hear/);
        const events = await a.app.stores.analytics.query({ from: new Date(0), to: new Date('2100-01-01'), types: ['follow_up_answered'] });
        expect(events.filter((e) => e.conversationId === first.conversationId).map((e) => e.data?.held)).to.deep.equal([true]);
      });
    });
  });
}
