import { expect } from 'chai';
import { removeDir, startApp, tempDataDir, type RunningApp } from '../helpers/testApp';
import { call } from '../http/directline/directLineHarness';
import { freshSchema, startTwoApps, stopAndDropSchema } from '../helpers/pgApps';

const SECRET = 'persist-secret-persist-secret-0123456789';
const PG_URL = process.env.REBOUND_TEST_DATABASE_URL || undefined;

type Activity = { id: string; type: string; text?: string; from?: { role?: string } };

/** A web chat traveller on the local Direct Line of an app: a token, a conversation, messages, polling. */
async function startConversation(app: RunningApp): Promise<{ conversationId: string; token: string }> {
  const generated = await call(`${app.url}/v3/directline/tokens/generate`, 'POST', SECRET, {});
  expect(generated.status).to.equal(200);
  const started = await call(`${app.url}/v3/directline/conversations`, 'POST', String(generated.json.token));
  expect(started.status).to.equal(201);
  return { conversationId: String(started.json.conversationId), token: String(generated.json.token) };
}

async function say(app: RunningApp, chat: { conversationId: string; token: string }, text: string): Promise<string> {
  const posted = await call(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities`, 'POST', chat.token, { type: 'message', from: { id: 'me' }, text });
  expect(posted.status).to.equal(200);
  return String(posted.json.id);
}

async function activities(app: RunningApp, chat: { conversationId: string; token: string }, watermark = ''): Promise<{ activities: Activity[]; watermark: string }> {
  const listed = await call(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities?watermark=${watermark}`, 'GET', chat.token);
  expect(listed.status).to.equal(200);
  return listed.json as unknown as { activities: Activity[]; watermark: string };
}

describe('Direct Line conversations in the stores', () => {
  describe('a restart on SQLite', () => {
    const dataDir = tempDataDir();
    after(() => removeDir(dataDir));

    it('should keep the conversation: the same activities after the restart, and the numbering goes on', async function () {
      this.timeout(30_000);
      const env = { DATA_DIR: dataDir, DIRECTLINE_SECRET: SECRET };
      const first = await startApp(env);
      let chat: { conversationId: string; token: string };
      let before: { activities: Activity[]; watermark: string };
      try {
        chat = await startConversation(first);
        await say(first, chat, 'How long do refunds usually take?');
        before = await activities(first, chat);
        expect(before.activities.filter((a) => a.from?.role === 'user').map((a) => a.text)).to.deep.equal(['How long do refunds usually take?']);
        expect(before.activities.length, 'welcome, question and answer').to.be.greaterThan(2);
      } finally {
        await first.stop();
      }
      const second = await startApp(env);
      try {
        expect(await activities(second, chat)).to.deep.equal(before);
        const id = await say(second, chat, 'thanks');
        expect(id).to.equal(`${chat.conversationId}|${String(Number(before.watermark) + 1).padStart(7, '0')}`);
        expect((await activities(second, chat, before.watermark)).activities[0]).to.include({ id, text: 'thanks' });
      } finally {
        await second.stop();
      }
    });
  });

  if (PG_URL) {
    const url = PG_URL;
    describe('two instances on one PostgreSQL', () => {
      const schema = freshSchema('rb_dl');
      let a: RunningApp;
      let b: RunningApp;
      before(async function () {
        this.timeout(30_000);
        [a, b] = await startTwoApps(url, schema, { DIRECTLINE_SECRET: SECRET });
      });
      after(async () => {
        await stopAndDropSchema(url, schema, [a, b]);
      });

      it('should let either instance serve and continue a conversation started on the other', async function () {
        this.timeout(30_000);
        const chat = await startConversation(a);
        await say(a, chat, 'How long do refunds usually take?');
        const onA = await activities(a, chat);
        expect(await activities(b, chat)).to.deep.equal(onA);
        const id = await say(b, chat, 'thanks');
        const onAAfter = await activities(a, chat, onA.watermark);
        expect(onAAfter.activities[0]).to.include({ id, text: 'thanks' });
        expect(onAAfter.activities.length, 'the reply to "thanks" is there too').to.be.greaterThan(1);
      });
    });
  }
});
