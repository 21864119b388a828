import { expect } from 'chai';
import { acceptedInputs, createSession, RECOVERY_STATUSES, transition, TRANSITIONS } from '../../src/recovery';

const at = new Date('2026-03-01T09:00:00Z');

describe('transition()', () => {
  it('should move along an allowed edge and stamp the time', () => {
    const moved = transition(createSession('double_charge', at), 'confirming_facts', new Date('2026-03-01T09:05:00Z'));
    expect(moved).to.include({ status: 'confirming_facts', updatedAt: '2026-03-01T09:05:00.000Z' });
  });

  const illegal: Array<[(typeof RECOVERY_STATUSES)[number], (typeof RECOVERY_STATUSES)[number]]> = [
    ['gathering_facts', 'running_step'],
    ['gathering_facts', 'offering_remedy'],
    ['asking_wished_outcome', 'awaiting_outcome'],
    ['resolved', 'running_step'],
    ['handed_off', 'running_step'],
    ['abandoned', 'gathering_facts'],
  ];
  for (const [from, to] of illegal) {
    it(`should refuse ${from} -> ${to} with ILLEGAL_TRANSITION`, () => {
      const session = { ...createSession('double_charge', at), status: from };
      expect(() => transition(session, to, at)).to.throw().with.property('code', 'ILLEGAL_TRANSITION');
    });
  }

  it('should resolve from every live status: the problem can go away on its own before any step', () => {
    for (const from of ['gathering_facts', 'confirming_facts', 'asking_wished_outcome', 'running_step', 'awaiting_outcome', 'offering_remedy'] as const) {
      expect(transition({ ...createSession('double_charge', at), status: from }, 'resolved', at).status, from).to.equal('resolved');
    }
  });

  it('should leave the terminal statuses only for a follow-up handoff', () => {
    expect(TRANSITIONS.handed_off).to.deep.equal([]);
    expect(TRANSITIONS.abandoned).to.deep.equal([]);
    expect(TRANSITIONS.resolved).to.deep.equal(['handed_off']);
  });
});

describe('acceptedInputs()', () => {
  it('should accept "talk to a person" in every live status', () => {
    for (const status of RECOVERY_STATUSES.filter((s) => s !== 'handed_off' && s !== 'abandoned')) {
      expect(acceptedInputs({ status }), status).to.include('handoff_requested');
    }
  });
});

describe('createSession()', () => {
  it('should be plain JSON that survives a round trip', () => {
    const session = createSession('double_charge', at, 'RB-1');
    expect(JSON.parse(JSON.stringify(session))).to.deep.equal(session);
  });
});
