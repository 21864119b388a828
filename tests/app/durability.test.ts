import { expect } from 'chai';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import { BotClient } from '../helpers/botClient';
import { spawnBot, type ChildBot } from '../helpers/childBot';
import { removeDir, tempDataDir } from '../helpers/testApp';

const IN_FLIGHT = 8;
const KILL_AFTER_ACKS = 25;
const MAX_TURNS = 400;

/** Sends FAQ turns (each on its own conversation, so they run side by side) until stop() is called; returns the acknowledged conversations. */
function burst(url: string): { acked: string[]; reachedKillPoint: Promise<void>; finished: Promise<void> } {
  const acked: string[] = [];
  let sent = 0;
  let failed = false;
  let signal!: () => void;
  const reachedKillPoint = new Promise<void>((resolve) => (signal = resolve));
  const worker = async () => {
    while (!failed && sent < MAX_TURNS) {
      const client = new BotClient(url, { conversationId: `burst-${sent++}`, timeoutMs: 10_000 });
      try {
        const answer = await client.post(client.activity({ type: 'message', text: 'how lnog does a refnd take' }));
        if (answer.status === 200) acked.push(client.conversationId);
      } catch {
        failed = true; // the server is gone: this turn was never acknowledged
      }
      if (acked.length >= KILL_AFTER_ACKS) signal();
    }
    signal();
  };
  const finished = Promise.all(Array.from({ length: IN_FLIGHT }, worker)).then(() => undefined);
  return { acked, reachedKillPoint, finished };
}

describe('Rebound bot process durability', () => {
  let dataDir: string;
  let bot: ChildBot | undefined;
  before(() => (dataDir = tempDataDir()));
  after(async () => {
    await bot?.stop('SIGKILL');
    removeDir(dataDir);
  });

  describe('SIGKILL in the middle of a burst of turns', () => {
    it('should keep every acknowledged turn, and serve again after a restart', async function () {
      // Two start-ups, the first training the NLU on a new DATA_DIR.
      this.timeout(150_000);
      bot = await spawnBot(dataDir);
      const load = burst(bot.url);
      await load.reachedKillPoint;
      expect(await bot.stop('SIGKILL')).to.equal('SIGKILL');
      await load.finished;
      const acked = [...load.acked];
      expect(acked.length, 'turns acknowledged before the kill').to.be.at.least(KILL_AFTER_ACKS);
      expect(acked.length, 'the kill came in the middle of the burst').to.be.below(MAX_TURNS);

      bot = await spawnBot(dataDir);
      const afterRestart = new BotClient(bot.url);
      expect((await afterRestart.say('how lnog does a refnd take')).length).to.equal(1);
      expect(await bot.stop('SIGTERM')).to.equal(0);

      const stores = await createStores({ dataDir }, { clock: systemClock, logger: silentLogger });
      try {
        const events = await stores.analytics.query({ from: new Date(0), to: new Date(Date.now() + 86_400_000), types: ['faq_answered'] });
        const answered = new Set(events.map((e) => e.conversationId));
        expect(acked.filter((c) => !answered.has(c)), 'acknowledged turns without their analytics event').to.deep.equal([]);
        const keys = acked.map((c) => new BotClient(bot!.url, { conversationId: c }).stateKey);
        const state = await stores.state.read(keys);
        expect(keys.filter((k) => !state[k]), 'acknowledged turns without their conversation state').to.deep.equal([]);
        expect(answered.has(afterRestart.conversationId), 'the turn after the restart').to.equal(true);
      } finally {
        await stores.close();
      }
    });
  });
});
