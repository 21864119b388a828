import { expect } from 'chai';
import { decideHandoff, type HandoffContext } from '../../src/recovery';
import { recoveryKb } from '../fixtures/recovery/kb';

const rules = recoveryKb.escalation;
const calm: HandoffContext = { askedForPerson: false, playbookExhausted: false, sentimentScores: [0.2, 0], problemTags: [], misunderstandingsInARow: 0 };

describe('decideHandoff()', () => {
  const table: Array<[string, Partial<HandoffContext>, ReturnType<typeof decideHandoff>]> = [
    ['nothing wrong', {}, { kind: 'none' }],
    ['the traveller asked', { askedForPerson: true }, { kind: 'handoff', reason: 'asked_for_person', mode: 'now' }],
    ['the playbook is exhausted', { playbookExhausted: true }, { kind: 'handoff', reason: 'playbook_exhausted', mode: 'now' }],
    ['a stranded traveller', { problemTags: ['stranded'] }, { kind: 'handoff', reason: 'high_stakes', mode: 'offer' }],
    ['a tag that is not high-stakes', { problemTags: ['payments'] }, { kind: 'none' }],
    ['two frustrated turns', { sentimentScores: [0.5, -0.4, -0.5] }, { kind: 'handoff', reason: 'frustration', mode: 'offer' }],
    ['one frustrated turn', { sentimentScores: [-0.5, 0.1, -0.5] }, { kind: 'none' }],
    ['scores at the threshold', { sentimentScores: [-0.3, -0.3] }, { kind: 'none' }],
    ['two misunderstandings', { misunderstandingsInARow: 2 }, { kind: 'handoff', reason: 'misunderstanding', mode: 'offer' }],
    ['one misunderstanding', { misunderstandingsInARow: 1 }, { kind: 'none' }],
    ['high stakes already offered, frustration now', { problemTags: ['stranded'], sentimentScores: [-0.9, -0.9], alreadyOffered: ['high_stakes'] }, { kind: 'handoff', reason: 'frustration', mode: 'offer' }],
    ['everything already offered', { problemTags: ['stranded'], misunderstandingsInARow: 3, alreadyOffered: ['high_stakes', 'misunderstanding'] }, { kind: 'none' }],
    ['asked, even when offered before', { askedForPerson: true, alreadyOffered: ['frustration'] }, { kind: 'handoff', reason: 'asked_for_person', mode: 'now' }],
  ];
  for (const [name, context, expected] of table) {
    it(`should decide ${expected.kind === 'none' ? 'none' : `${expected.reason}/${expected.mode}`} for ${name}`, () => {
      expect(decideHandoff({ ...calm, ...context }, rules)).to.deep.equal(expected);
    });
  }
});
