// Child process of durability.test.ts: writes turns and acknowledges each one on stdout after it is stored.
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import { newCase } from '../../src/handoff/caseModel';

async function main(): Promise<void> {
  const stores = await createStores({ dataDir: process.argv[2] }, { clock: systemClock, logger: silentLogger });
  for (let turn = 0; ; turn++) {
    await stores.locks.withLock('c1', async () => {
      await stores.state.write({ [`webchat/conversations/c${turn}`]: { turn } });
      await stores.transcripts.append({ conversationId: `c${turn}`, at: new Date().toISOString(), from: 'traveller', text: `turn ${turn}` });
      if (turn % 10 === 0) {
        const made = newCase({ conversationId: `c${turn}`, userId: 'u', channelId: 'test', summary: { title: 't', facts: {}, steps: [], sentimentTrend: [], remedies: [] } }, { kind: 'bot', id: 'b' }, new Date());
        await stores.cases.create(made.case, [made.event]);
      }
    });
    process.stdout.write(`ack ${turn}\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
