import { expect } from 'chai';
import { RecoveryDialog } from '../../dialogs/recoveryDialog';
import type { StoreItem } from '../../src/storage/ports';
import type { RecoverySession } from '../../src/recovery';
import { textOf, type BotClient } from '../helpers/botClient';
import { faqAnswerText } from '../helpers/kbText';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';

/** The conversation state botbuilder stored, without its eTag. */
async function storedState(running: RunningApp, client: BotClient): Promise<StoreItem | undefined> {
  const item = (await running.app.stores.state.read([client.stateKey]))[client.stateKey];
  if (!item) return undefined;
  const doc: StoreItem = { ...item };
  delete doc.eTag;
  return doc;
}

function routerCount(doc: StoreItem | undefined): unknown {
  return (doc?.memory as { misunderstandings?: unknown } | undefined)?.misunderstandings;
}

describe('Rebound app restart', () => {
  let dataDir: string;
  let running: RunningApp | undefined;
  beforeEach(() => (dataDir = tempDataDir()));
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    removeDir(dataDir);
  });

  /** Stops the running app and starts a new one on the same DATA_DIR. */
  async function restart(): Promise<RunningApp> {
    await running?.stop();
    running = await startApp({ DATA_DIR: dataDir });
    return running;
  }

  describe('createApp() on the DATA_DIR of a stopped app', () => {
    it('should find the conversation state again and go on from it', async () => {
      const first = await restart();
      const traveller = first.client();
      await traveller.join();
      expect(textOf((await traveller.say('how lnog does a refnd take'))[0]!)).to.include(faqAnswerText(first.app.knowledge.current().kb, 'refund-timeline'));
      // A sensible message the bot cannot place counts toward a person being offered (keyboard mashing would not).
      await traveller.say('recommend me a good pizza place nearby');
      const before = await storedState(first, traveller);
      expect(before, 'state stored under botbuilder key').to.have.property('dialogState');
      expect(routerCount(before)).to.equal(1);

      const second = await restart();
      const again = second.client({ conversationId: traveller.conversationId, userId: traveller.userId });
      expect(await storedState(second, again)).to.deep.equal(before);
      const kb = second.app.knowledge.current().kb;
      expect(kb.escalation.misunderstandingLimit, 'the next misunderstanding reaches the limit').to.equal(2);
      const replies = await again.say("what's the best pizza topping");
      // Went on from the stored 1: the count reads 2, the limit, and a person is offered first (never forced).
      expect(routerCount(await storedState(second, again))).to.equal(2);
      expect(replies.some((r) => textOf(r) === kb.platform.messages.outOfScope), 'the limit leads with a person instead').to.equal(false);
    });

    it('should continue a recovery walkthrough at the step where it stopped', async () => {
      const first = await restart();
      const traveller = first.client();
      await traveller.say('i was charged twice for my hotel');
      const before = await storedState(first, traveller);
      const asked = recoverySession(before);
      expect(asked, 'the recovery walkthrough is on the stored dialog stack').to.not.equal(undefined);
      expect(asked).to.deep.include({ problemId: 'double_charge', status: 'gathering_facts', pendingFact: 'bookingReference' });

      const second = await restart();
      const again = second.client({ conversationId: traveller.conversationId, userId: traveller.userId });
      expect(await storedState(second, again)).to.deep.equal(before);
      await again.say('WL-H482913');
      // The answer is taken as the fact the stored step asked for: the walkthrough went on, the router never saw it.
      const answered = recoverySession(await storedState(second, again));
      expect(answered?.caseReference).to.equal(asked!.caseReference);
      expect(answered?.facts).to.have.nested.property('bookingReference.value', 'WL-H482913');
      expect(answered?.pendingFact).to.not.equal('bookingReference');
    });
  });
});

/** The session of the recovery walkthrough in a stored dialog stack (nested in the main dialog), if one is active. */
function recoverySession(doc: StoreItem | undefined): RecoverySession | undefined {
  type Frame = { id: string; state?: { dialogs?: { dialogStack?: Frame[] }; session?: RecoverySession } };
  const find = (stack: Frame[] | undefined): RecoverySession | undefined => {
    for (const frame of stack ?? []) {
      if (frame.id === RecoveryDialog.id) return frame.state?.session;
      const inner = find(frame.state?.dialogs?.dialogStack);
      if (inner) return inner;
    }
    return undefined;
  };
  return find((doc?.dialogState as { dialogStack?: Frame[] } | undefined)?.dialogStack);
}
