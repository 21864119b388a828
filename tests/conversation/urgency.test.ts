import { expect } from 'chai';
import { urgentFromWords } from '../../src/conversation/urgency';
import { normalizeText } from '../../src/nlu/normalize';
import { findStakes, type StakesTag } from '../../src/nlu/stakes';

const said = (message: string): StakesTag[] => findStakes(normalizeText(message));

describe('urgentFromWords()', () => {
  const table: Array<[string, StakesTag[], string[], boolean]> = [
    ['nothing said, a stranded problem', [], ['stranded'], false],
    ['nothing said, every stakes tag on the problem', [], ['stranded', 'safety', 'medical', 'minors', 'alone', 'night', 'vulnerable'], false],
    ['children said, a stranded problem', ['minors'], ['stranded'], true],
    ['children said, a locked-out problem tagged stranded', ['minors'], ['locked_out', 'stranded'], true],
    ['children said, a problem without stakes', ['minors'], [], false],
    ['children said, a money problem', ['minors'], ['money_lost'], false],
    ['alone said, a problem tagged night', ['alone'], ['night'], true],
    ['night said, a stranded problem', ['night'], ['stranded'], true],
    ['stranded said, a problem tagged minors', ['stranded'], ['minors'], true],
    ['danger said, no problem', ['safety'], [], true],
    ['a medical need said, no problem', ['medical'], [], true],
    ['children and alone said, no problem', ['minors', 'alone'], [], false],
    ['vulnerable said, a stranded and unsafe place problem', ['vulnerable'], ['unsafe_place', 'stranded'], true],
    // Tags that are not stakes tags do not count as the stranded one would.
    ['children said, a problem tagged locked_out only', ['minors'], ['locked_out'], false],
  ];
  for (const [what, stakes, problemTags, expected] of table) {
    it(`should say ${expected}: ${what}`, () => expect(urgentFromWords(stakes, problemTags)).to.equal(expected));
  }

  const messages: Array<[string, string[], boolean]> = [
    ['we are waiting outside with our 2 kids', ['locked_out', 'stranded'], true],
    ['the transfer never came', ['stranded'], false],
    ['i am here by myself', ['stranded'], true],
    ['do kids need a car seat in the transfer?', [], false],
    ['my son is bleeding', [], true],
  ];
  for (const [message, problemTags, expected] of messages) {
    it(`should say ${expected} for ${JSON.stringify(message)} on a problem tagged ${JSON.stringify(problemTags)}`, () => {
      expect(urgentFromWords(said(message), problemTags)).to.equal(expected);
    });
  }
});
