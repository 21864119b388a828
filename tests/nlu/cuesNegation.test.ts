import { expect } from 'chai';
import { cuesOf } from './cuesOf';

describe('findCues()', () => {
  describe('a negation over "it worked"', () => {
    // [message, worked, notWorked]: a negation (not, never, n't with or without the apostrophe, no longer, yet to,
    // far from) denies the phrase when only auxiliaries and adverbs stand between them, not across a new clause.
    const table: Array<[string, boolean, boolean]> = [
      ["it's not fixed", false, true],
      ['its still not fixed', false, true],
      ['Not sorted yet!!', false, true],
      ['nope, not resolved', false, true],
      ['the issue has not been resolved', false, true],
      ['it hasnt been fixed', false, true],
      ['it still hasn’t been sorted', false, true],
      ['it is not yet fixed', false, true],
      ['they never actually fixed it', false, true],
      ['it never got sorted', false, true],
      ['it didnt get sorted', false, true],
      ['I still havent received it', false, true],
      ['i havent got it', false, true],
      ['I havnt got my voucher', false, true],
      ['the problem is far from solved', false, true],
      ['still yet to be resolved', false, true],
      ["it can't be fixed", false, true],
      ['it did not', false, true],
      ['it did nt', false, true],
      ['Problem NOT solved', false, true],
      // The last reading decides, and a negation does not reach across a subject or a verb.
      ['it wasnt sorted yesterday, works now', true, false],
      ["can't believe it, it worked!", true, false],
      ["never mind, it's fixed now", true, false],
      ['no idea what you did but it’s sorted', true, false],
      ['not sure how but it worked', true, false],
      ["didn't think it would, but it did", true, false],
      ['dont worry, found him', true, false],
      ['no, it worked', true, false],
      ['Yes it did', true, false],
      ['all sorted, thanks', true, false],
    ];
    for (const [message, worked, notWorked] of table) {
      it(`should read ${JSON.stringify(message)} as worked ${worked}, not worked ${notWorked}`, () => {
        expect(cuesOf(message), message).to.deep.include({ worked, notWorked });
      });
    }
  });
});
