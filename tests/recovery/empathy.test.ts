import { expect } from 'chai';
import { acknowledgement, encouragementAfterFailure, fillPlaceholders, successQuestion } from '../../src/recovery';

const problem = { acknowledge: 'Being charged twice is stressful. We will sort it out.' };

describe('acknowledgement()', () => {
  it("should say the problem's own acknowledgement and admit no fault before the facts show it", () => {
    const text = acknowledgement(problem, { frustrated: false });
    expect(text).to.equal('Being charged twice is stressful. We will sort it out.');
    expect(text).to.not.match(/on us|our fault|sorry/i);
  });

  it('should be shorter when the traveller is frustrated: its first sentence, straight to the fix', () => {
    const calm = acknowledgement(problem, { frustrated: false });
    const soft = acknowledgement(problem, { frustrated: true });
    expect(soft.length).to.be.lessThan(calm.length);
    expect(soft).to.equal('Being charged twice is stressful.');
  });
});

describe('encouragementAfterFailure()', () => {
  it('should name the situation whose words the knowledge base holds, shorter for a frustrated traveller', () => {
    expect(encouragementAfterFailure(false)).to.equal('afterFailure');
    expect(encouragementAfterFailure(true)).to.equal('afterFailureFrustrated');
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
