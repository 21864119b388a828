import { expect } from 'chai';
import { textOf, type BotClient, type ReplyActivity } from '../helpers/botClient';
import { useTestApp } from '../helpers/testApp';

const APOLOGY = /went wrong/i;

/** Activities the schema accepts that used to fail the turn ("Sorry, something went wrong"), each after a prelude. */
const SHAPES: Array<{ name: string; prelude: string[]; activity: Record<string, unknown>; expectReply: boolean }> = [
  { name: 'a message without a recipient', prelude: [], activity: { type: 'message', text: 'my flight was cancelled', recipient: undefined }, expectReply: true },
  { name: 'entities null', prelude: [], activity: { type: 'message', text: 'my flight was cancelled', entities: null }, expectReply: true },
  { name: 'entities a string', prelude: [], activity: { type: 'message', text: 'my flight was cancelled', entities: 'mention' }, expectReply: true },
  { name: 'entities with numbers, nulls and a mention naming nobody', prelude: [], activity: { type: 'message', text: 'my flight was cancelled', entities: [1, null, 'x', { type: 'mention' }, { type: 7 }] }, expectReply: true },
  { name: 'a choice whose target is a number', prelude: ['my flight was cancelled'], activity: { type: 'message', value: { rebound: 'choose', target: 7, label: 7 } }, expectReply: true },
  { name: 'a choice whose target is an object', prelude: ['my flight was cancelled'], activity: { type: 'message', value: { rebound: 'choose', target: { x: 1 } } }, expectReply: true },
  { name: 'feedback whose target and value are not text', prelude: ['my flight was cancelled'], activity: { type: 'message', value: { rebound: 'feedback', target: true, value: 3 } }, expectReply: true },
  { name: 'membersAdded with nulls and numbers next to the traveller', prelude: [], activity: { type: 'conversationUpdate', membersAdded: [null, 3, 'x', { id: 'traveller' }] }, expectReply: true },
  { name: 'membersAdded a number', prelude: [], activity: { type: 'conversationUpdate', membersAdded: 5, membersRemoved: [null] }, expectReply: false },
];

function expectProperAnswer(replies: Array<{ text?: string; summary?: string }>, shape: (typeof SHAPES)[number], where: string): void {
  const texts = replies.map((r) => textOf(r as ReplyActivity));
  expect(texts.filter((t) => APOLOGY.test(t)), `${where}, ${shape.name}: ${JSON.stringify(texts)}`).to.deep.equal([]);
  if (shape.expectReply) expect(texts.filter((t) => t.trim() !== ''), `${where}, ${shape.name}`).not.to.be.empty;
}

describe('Activity shapes the schema accepts', () => {
  const app = useTestApp({ RATE_LIMIT_ENABLED: 'false' });

  describe('POST /api/messages', () => {
    for (const shape of SHAPES) {
      it(`should answer ${shape.name} properly, not with the error apology`, async () => {
        const client: BotClient = app.get().client();
        for (const text of shape.prelude) await client.say(text);
        const body = client.activity(shape.activity);
        if ('recipient' in shape.activity && shape.activity.recipient === undefined) delete body.recipient;
        const answer = await client.post(body);
        expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
        const replies = ((answer.body?.activities as ReplyActivity[] | undefined) ?? []).filter((a) => a.type === 'message');
        expectProperAnswer(replies, shape, '/api/messages');
      });
    }

    it('should answer an Adaptive Card invoke whose value is not an action with an invoke response, not the apology', async () => {
      const client = app.get().client();
      const answer = await client.post(client.activity({ type: 'invoke', name: 'adaptiveCard/action', value: 5 }));
      expect(answer.status).to.be.oneOf([200, 400]);
      expect(JSON.stringify(answer.body)).not.to.match(APOLOGY);
    });

    it('should answer an Action.Execute whose card data has a number for its target with 200, not the apology', async () => {
      const client = app.get().client({ channelId: 'msteams' });
      await client.say('my flight was cancelled');
      const value = { action: { type: 'Action.Execute', verb: 'choose', data: { rebound: 'choose', target: 7 } } };
      const answer = await client.post(client.activity({ type: 'invoke', name: 'adaptiveCard/action', value }));
      expect(answer.status).to.equal(200);
      const invoke = ((answer.body?.activities as ReplyActivity[] | undefined) ?? []).find((a) => a.type === 'invokeResponse');
      expect((invoke?.value as { status?: number } | undefined)?.status, JSON.stringify(answer.body)).to.equal(200);
      expect(JSON.stringify(answer.body)).not.to.match(APOLOGY);
    });
  });

  describe('Direct Line (POST /v3/directline/conversations/{id}/activities)', () => {
    async function conversation(): Promise<{ post(body: unknown): Promise<number>; since(): Promise<Array<Record<string, unknown>>> }> {
      const url = app.get().url;
      const page = (await (await fetch(`${url}/api/webchat/token`, { method: 'POST' })).json()) as { token: string };
      const started = (await (await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${page.token}` } })).json()) as { conversationId: string; token: string };
      const base = `${url}/v3/directline/conversations/${encodeURIComponent(started.conversationId)}/activities`;
      const auth = { authorization: `Bearer ${started.token}` };
      let lastId = '';
      return {
        async post(body: unknown) {
          const res = await fetch(base, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
          const json = (await res.json()) as { id?: string };
          lastId = json.id ?? '';
          return res.status;
        },
        // The turn has run when the POST answers (the bot's replies are stored by then): read what came after it.
        async since() {
          const list = (await (await fetch(base, { headers: auth })).json()) as { activities: Array<Record<string, unknown>> };
          const at = list.activities.findIndex((a) => a.id === lastId);
          return list.activities.slice(at + 1).filter((a) => a.type === 'message' && (a.from as { role?: string } | undefined)?.role !== 'user');
        },
      };
    }

    for (const shape of SHAPES) {
      it(`should answer ${shape.name} properly, not with the error apology`, async () => {
        const dl = await conversation();
        for (const text of shape.prelude) expect(await dl.post({ type: 'message', text, from: { id: 'me' } })).to.equal(200);
        const status = await dl.post({ from: { id: 'me' }, ...shape.activity });
        expect(status).to.equal(200);
        expectProperAnswer((await dl.since()) as Array<{ text?: string }>, shape, 'Direct Line');
      });
    }
  });
});
