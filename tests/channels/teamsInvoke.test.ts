import { expect } from 'chai';
import { ActivityHandler, ActivityTypes, TestAdapter, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { answerAdaptiveCardAction, type CardAction } from '../../bot/teamsInvoke';

const execute = (data: unknown, verb = 'choose'): AdaptiveCardInvokeValue =>
  ({ action: { type: 'Action.Execute', id: 'a1', verb, data }, authentication: null, state: '' }) as unknown as AdaptiveCardInvokeValue;

describe('answerAdaptiveCardAction()', () => {
  it('should answer 200 with an adaptive card that replaces the clicked one', async () => {
    const seen: CardAction[] = [];
    const res = await answerAdaptiveCardAction(execute({ rebound: 'choose', target: 'problem:x' }), async (action) => {
      seen.push(action);
      return { kind: 'card', card: { type: 'AdaptiveCard', version: '1.5', body: [] } };
    });
    expect(res).to.deep.equal({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [] } });
    expect(seen).to.deep.equal([{ verb: 'choose', data: { rebound: 'choose', target: 'problem:x' } }]);
  });

  it('should answer 200 with a message when the bot only acknowledges', async () => {
    const res = await answerAdaptiveCardAction(execute({}), async () => ({ kind: 'message', text: 'Thanks!' }));
    expect(res).to.deep.equal({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Thanks!' });
  });

  it('should answer 400 with the Teams error shape for a malformed action', async () => {
    const res = await answerAdaptiveCardAction(execute('not an object'), async () => ({ kind: 'message', text: 'x' }));
    expect(res.statusCode).to.equal(400);
    expect(res.type).to.equal('application/vnd.microsoft.error');
    expect(res.value).to.have.property('code', 'BadRequest');
  });

  it('should answer 500 without leaking the error when the handler throws', async () => {
    const res = await answerAdaptiveCardAction(execute({}), async () => {
      throw new Error('database password is hunter2');
    });
    expect(res.statusCode).to.equal(500);
    expect(JSON.stringify(res)).to.not.include('hunter2');
  });

  it('should reach Teams as the invoke response of an ActivityHandler turn', async () => {
    class Bot extends ActivityHandler {
      protected override onAdaptiveCardInvoke(_context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
        return answerAdaptiveCardAction(value, async () => ({ kind: 'message', text: 'Done' }));
      }
    }
    const bot = new Bot();
    const adapter = new TestAdapter((context) => bot.run(context));
    const replies: unknown[] = [];
    await adapter.processActivity({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: execute({ rebound: 'feedback' }) }, async (context) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        replies.push(...activities);
        return next();
      });
      await bot.run(context);
    });
    const invokeResponse = replies.find((a) => (a as { type?: string }).type === 'invokeResponse') as { value: { status: number; body: unknown } };
    expect(invokeResponse.value.status).to.equal(200);
    expect(invokeResponse.value.body).to.deep.equal({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done' });
  });
});
