import { expect } from 'chai';
import { acknowledgement, encouragementAfterFailure, fillPlaceholders, successQuestion } from '../../src/recovery';

const problem = { acknowledge: 'Being charged twice is stressful. We will sort it out.', platformAtFault: true };

describe('acknowledgement()', () => {
  it('should acknowledge, apologise for the platform part and encourage', () => {
    const text = acknowledgement(problem, { frustrated: false });
    expect(text).to.match(/^Being charged twice is stressful\. We will sort it out\. I'm sorry/);
    expect(text).to.include('step');
  });

  it('should not apologise for what is not the platform', () => {
    expect(acknowledgement({ ...problem, platformAtFault: false }, { frustrated: false })).to.not.include('sorry');
  });

  it('should be shorter and softer when the traveller is frustrated', () => {
    const calm = acknowledgement(problem, { frustrated: false });
    const soft = acknowledgement(problem, { frustrated: true });
    expect(soft.length).to.be.lessThan(calm.length);
    expect(soft).to.equal("Being charged twice is stressful. I'm sorry, that's on us. Let's fix it quickly.");
  });
});

describe('encouragementAfterFailure()', () => {
  it('should vary with attempts and never blame', () => {
    const lines = [1, 2, 3].map((n) => encouragementAfterFailure(false, n));
    expect(new Set(lines).size).to.equal(3);
    for (const line of [...lines, encouragementAfterFailure(true, 1)]) expect(line).to.not.match(/\byour (fault|mistake)\b/i);
  });
});

describe('fillPlaceholders()', () => {
  it('should fill known placeholders and list the missing ones', () => {
    expect(fillPlaceholders('Ref {ref} for {name}', { ref: 'WL-H1' })).to.deep.equal({ text: 'Ref WL-H1 for …', missing: ['name'] });
    expect(fillPlaceholders('{a}/{a}', {}, true)).to.deep.equal({ text: '{a}/{a}', missing: ['a'] });
  });
});

describe('successQuestion()', () => {
  it('should phrase the success criterion as a question', () => {
    expect(successQuestion('Did the hotel find it.')).to.equal('Did the hotel find it?');
    expect(successQuestion('You found the booking')).to.equal('Did that work: you found the booking?');
  });
});
