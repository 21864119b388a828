import { expect } from 'chai';
import {
  CASE_STATUSES, CASE_TRANSITIONS, canTransition, isCaseReference, newCase, newCaseReference, normaliseCaseReference, transition,
  type Case, type CaseActor, type CaseCommand, type CaseStatus,
} from '../../src/handoff/caseModel';
import { AppError } from '../../src/shared/errors';

const bot: CaseActor = { kind: 'bot', id: 'rebound' };
const agent: CaseActor = { kind: 'agent', id: 'ana' };
const system: CaseActor = { kind: 'system', id: 'sweeper' };
const traveller: CaseActor = { kind: 'traveller', id: 'u1' };
const T0 = new Date('2026-03-01T09:00:00.000Z');
const T1 = new Date('2026-03-01T09:05:00.000Z');

function aCase(status: CaseStatus = 'open'): Case {
  const made = newCase({ conversationId: 'c1', userId: 'u1', channelId: 'webchat', summary: { title: 't', facts: {}, steps: [], sentimentTrend: [], remedies: [] } }, bot, T0);
  return { ...made.case, status, version: 3 };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('caseModel', () => {
  describe('newCase()', () => {
    it('should open a case with a reference and a created event', () => {
      const { case: c, event } = newCase({ conversationId: 'c1', userId: 'u1', channelId: 'msteams', status: 'pending', priority: 'high', summary: aCase().summary }, traveller, T0);
      expect(c).to.deep.include({ status: 'pending', priority: 'high', createdAt: T0.toISOString(), version: 0 });
      expect(isCaseReference(c.reference)).to.equal(true);
      expect(event).to.deep.include({ caseId: c.id, type: 'created', actor: traveller, at: T0.toISOString() });
    });
  });

  describe('transition()', () => {
    it('should move pending -> assigned on claim, recording assignee, time and the event', () => {
      const { case: next, event } = transition(aCase('pending'), { type: 'claim', dueAt: '2026-03-01T10:00:00.000Z' }, agent, T1);
      expect(next).to.deep.include({ status: 'assigned', assignee: 'ana', claimedAt: T1.toISOString(), updatedAt: T1.toISOString(), dueAt: '2026-03-01T10:00:00.000Z', version: 3 });
      expect(event).to.deep.include({ type: 'claim', actor: agent, at: T1.toISOString(), data: { from: 'pending', to: 'assigned', dueAt: '2026-03-01T10:00:00.000Z' } });
    });

    it('should clear the assignee and the timer on release', () => {
      const assigned = transition(aCase('pending'), { type: 'claim', dueAt: T1.toISOString() }, agent, T0).case;
      const released = transition(assigned, { type: 'release', reason: 'end of shift' }, agent, T1).case;
      expect(released.status).to.equal('pending');
      expect(released).to.not.have.any.keys('assignee', 'claimedAt', 'dueAt');
    });

    it('should record outcome and remedy on resolve', () => {
      const assigned = transition(aCase('pending'), { type: 'claim' }, agent, T0).case;
      const { case: resolved, event } = transition(assigned, { type: 'resolve', outcome: 'refund issued', remedy: { remedyId: 'voucher', amount: 20, currency: 'EUR' } }, agent, T1);
      expect(resolved).to.deep.include({ status: 'resolved', resolvedAt: T1.toISOString(), outcome: 'refund issued', remedy: { remedyId: 'voucher', amount: 20, currency: 'EUR' } });
      expect(event.data).to.deep.include({ from: 'assigned', to: 'resolved', outcome: 'refund issued' });
    });

    it('should set the handoff reason and priority on escalate', () => {
      const escalated = transition(aCase('open'), { type: 'escalate', reason: 'playbook_exhausted', priority: 'high' }, bot, T1).case;
      expect(escalated).to.deep.include({ status: 'pending', handoffReason: 'playbook_exhausted', priority: 'high' });
    });

    const illegal: Array<[CaseStatus, CaseCommand, CaseActor, RegExp]> = [
      ['assigned', { type: 'claim' }, agent, /assigned case cannot be moved by "claim"/],
      ['resolved', { type: 'resolve', outcome: 'x' }, agent, /resolved case/],
      ['expired', { type: 'reopen' }, traveller, /expired case/],
      ['pending', { type: 'claim' }, bot, /a bot cannot "claim"/],
      ['open', { type: 'expire' }, traveller, /a traveller cannot "expire"/],
      ['assigned', { type: 'resolve', outcome: 'x' }, bot, /a bot cannot "resolve"/],
    ];
    for (const [status, command, actor, message] of illegal) {
      it(`should refuse ${command.type} by a ${actor.kind} on a ${status} case with ILLEGAL_TRANSITION`, () => {
        const before = aCase(status);
        const snapshot = JSON.stringify(before);
        const err = refusal(() => transition(before, command, actor, T1));
        expect(err).to.be.instanceOf(AppError);
        expect(err.code).to.equal('ILLEGAL_TRANSITION');
        expect(err.message).to.match(message);
        expect(JSON.stringify(before)).to.equal(snapshot);
      });
    }

    it('should allow exactly the moves of the table, for every status', () => {
      for (const status of CASE_STATUSES) {
        for (const [type, move] of Object.entries(CASE_TRANSITIONS[status])) {
          for (const kind of move!.by) expect(canTransition(status, type as CaseCommand['type'], kind), `${status} ${type} ${kind}`).to.equal(true);
        }
      }
      expect(Object.keys(CASE_TRANSITIONS.expired)).to.deep.equal([]);
      expect(Object.keys(CASE_TRANSITIONS.abandoned)).to.deep.equal([]);
      expect(canTransition('open', 'claim', 'agent')).to.equal(false);
    });

    it('should let the system expire a pending case once its timer is due', () => {
      const expired = transition({ ...aCase('pending'), dueAt: T0.toISOString() }, { type: 'expire' }, system, T1).case;
      expect(expired.status).to.equal('expired');
      expect(expired).to.not.have.property('dueAt');
    });
  });

  describe('newCaseReference()', () => {
    it('should draw six characters of the unambiguous alphabet', () => {
      const seq = [7, 19, 3, 23, 9, 15];
      let i = 0;
      expect(newCaseReference(() => seq[i++])).to.equal('RB-7K3Q9F');
      for (let n = 0; n < 200; n++) expect(newCaseReference()).to.match(/^RB-[0-9A-HJKMNP-TV-Z]{6}$/);
    });
  });

  describe('normaliseCaseReference()', () => {
    const table: Array<[string, string | null]> = [
      ['RB-7K3Q9F', 'RB-7K3Q9F'],
      ['rb 7k3q9f', 'RB-7K3Q9F'],
      ['7K3Q9F', 'RB-7K3Q9F'],
      ['RB-7K3QOI', 'RB-7K3Q01'],
      ['RB-7K3Q9', null],
      ['RB-7K3Q9FU', null],
      ['hello', null],
    ];
    for (const [input, expected] of table) {
      it(`should read "${input}" as ${expected}`, () => {
        expect(normaliseCaseReference(input)).to.equal(expected);
      });
    }
  });
});
