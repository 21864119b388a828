import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { OutgoingTextSanitizer } from '../../bot/outgoingText';

/** What a bot behind the sanitizer sends for one incoming message, when its turn sends `outgoing`. */
async function sent(outgoing: Array<Partial<Activity>>): Promise<Array<Partial<Activity>>> {
  const adapter = new TestAdapter(async (context) => {
    for (const activity of outgoing) await context.sendActivity(activity);
  });
  adapter.use(new OutgoingTextSanitizer());
  await adapter.send('hi');
  return [...adapter.activeQueue];
}

describe('OutgoingTextSanitizer', () => {
  it('should strip raw HTML and unsafe links from plain-text messages and keep safe Markdown', async () => {
    const [reply] = await sent([{ type: 'message', text: '**The Grand Hotel** replied: <img src=x onerror=alert(1)>see [here](javascript:alert(1)) or [our site](https://grand.example)' }]);
    expect(reply!.text).to.equal('**The Grand Hotel** replied: see here or [our site](https://grand.example)');
  });

  it('should leave text marked plain, and activities that are not messages, as they are', async () => {
    const replies = await sent([
      { type: 'message', text: 'a <b>literal</b> tag', textFormat: 'plain' },
      { type: 'event', name: 'handoff.initiate', text: '<b>context</b>' },
    ]);
    expect(replies.map((r) => r.text)).to.deep.equal(['a <b>literal</b> tag', '<b>context</b>']);
  });
});
