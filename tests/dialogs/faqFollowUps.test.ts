import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { dialogWorld } from './harness';

/** The FAQ an answer card is for (its feedback buttons name it), or undefined. */
function faqAnswered(replies: Array<Partial<Activity>>): string | undefined {
  const body = JSON.stringify(replies.map((r) => r.attachments ?? []));
  return /"target":"faq:([a-z0-9-]+)"/.exec(body)?.[1];
}

// Follow-ups that ask the last question again for another case keep pointing at the question they follow,
// through a chain of them (the remembered question is the first one, not the last elliptical follow-up).
describe('FAQ follow-ups across turns', function () {
  this.timeout(60_000);

  it('should answer a chain of "and with ...?" follow-ups from the first question', async () => {
    const conversation = (await dialogWorld()).conversation();
    expect(faqAnswered(await conversation.say('how many days does it take before a refund reaches my card?'))).to.equal('refund-timeline');
    expect(faqAnswered(await conversation.say('what if i paid by paypal'))).to.equal('refund-timeline');
    expect(faqAnswered(await conversation.say('and apple pay, same thing?'))).to.equal('refund-timeline');
  });
});
