import { expect } from 'chai';
import { ActivityHandler, ActivityTypes, type TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { BotFrameworkGateway, type TurnLock } from '../../bot/gateway';
import { parseConfig } from '../../src/config';
import { silentLogger } from '../../src/shared/logger';
import { call, SECRET, startHarness, StreamClient, type Harness } from '../http/directline/directLineHarness';

/** A small real ActivityHandler: welcome on join, typing + a suggested-actions reply on each message. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('Welcome from the SDK');
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
      await context.sendActivity({ type: 'message', text: `sdk echo: ${context.activity.text}`, suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Yes', value: 'yes' }] } });
      await next();
    });
  }
  override run(context: TurnContext): Promise<void> {
    return super.run(context);
  }
}

const noLock: TurnLock = { withLock: (_key, fn) => fn() };

for (const credentials of [{}, { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-for-direct-line' }]) {
  const label = 'MicrosoftAppId' in credentials ? 'with app credentials set' : 'without app credentials';
  describe(`BotFrameworkGateway over the local Direct Line (${label})`, () => {
    let h: Harness;
    before(async () => {
      const parsed = parseConfig({ NODE_ENV: 'test', ...credentials });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const appId = parsed.value.MicrosoftAppId;
      const gateway = new BotFrameworkGateway(createAdapter(parsed.value, silentLogger), new EchoBot(), noLock, appId ? { appId } : {});
      h = await startHarness(gateway);
    });
    after(async () => h.close());

    describe('processTrustedActivity()', () => {
      it('should deliver the welcome, typing and a reply with suggested actions through the connector emulation', async () => {
        const generated = await call(`${h.url}/v3/directline/tokens/generate`, 'POST', SECRET);
        const started = await call(`${h.url}/v3/directline/conversations`, 'POST', String(generated.json.token));
        const conv = started.json as { conversationId: string; token: string; streamUrl: string };
        const stream = await StreamClient.open(conv.streamUrl);
        try {
          await stream.waitFor((a) => a.text === 'Welcome from the SDK');
          const posted = await call(`${h.url}/v3/directline/conversations/${conv.conversationId}/activities`, 'POST', conv.token, { type: 'message', text: 'ping' });
          expect(posted.status).to.equal(200);
          await stream.waitFor((a) => a.type === 'typing');
          const reply = await stream.waitFor((a) => a.text === 'sdk echo: ping');
          expect(reply).to.have.nested.property('suggestedActions.actions[0].value', 'yes');
          expect(reply.replyToId).to.equal(posted.json.id);
        } finally {
          stream.close();
        }
      });
    });
  });
}
