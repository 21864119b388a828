import { expect } from 'chai';
import { newCase } from '../../src/handoff/caseModel';
import { FollowUpAnswers, parseFollowUpSubmit } from '../../src/followUp';
import { createFakeStores, type FakeStores } from '../fakes/fakeStores';
import { ManualClock } from '../fakes/manualClock';
import { resolvedCase } from './fixtures';

describe('FollowUpAnswers', () => {
  let clock: ManualClock;
  let stores: FakeStores;
  let answers: FollowUpAnswers;
  const who = { conversationId: 'c1', userId: 'u-c1' };

  beforeEach(() => {
    clock = new ManualClock();
    stores = createFakeStores(clock);
    answers = new FollowUpAnswers({ cases: stores.cases, analytics: stores.analytics, clock });
  });

  describe('answer()', () => {
    it('should record a fix that held on the case and for the analytics, once', async () => {
      const c = await resolvedCase(stores, clock, 'c1');
      expect(await answers.answer({ rebound: 'followup', caseId: c.id, answer: 'held' }, who)).to.include({ kind: 'held' });
      expect((await answers.answer({ rebound: 'followup', caseId: c.id, answer: 'came_back' }, who)).kind).to.equal('already_answered');
      expect(stores.analytics.events.map((e) => [e.type, e.caseId, e.data])).to.deep.equal([['follow_up_answered', c.id, { held: true, problemId: 'cannot_log_in' }]]);
      const notes = (await stores.cases.listEvents(c.id)).filter((e) => e.type === 'note');
      expect(notes.map((e) => [e.data, e.actor.kind])).to.deep.equal([[{ followUp: 'held', held: true }, 'traveller']]);
      expect((await stores.cases.get(c.id))!.status).to.equal('resolved');
    });

    it('should reopen the case when the problem came back', async () => {
      const c = await resolvedCase(stores, clock, 'c1');
      const outcome = await answers.answer({ rebound: 'followup', caseId: c.id, answer: 'came_back' }, who);
      expect(outcome).to.deep.include({ kind: 'came_back', reopened: true });
      expect(await stores.cases.findActiveByConversation('c1')).to.include({ id: c.id, status: 'open' });
      expect((await stores.cases.listEvents(c.id)).map((e) => e.type)).to.deep.equal(['created', 'resolve', 'reopen', 'note']);
      expect(stores.analytics.events[0]).to.deep.include({ type: 'follow_up_answered', data: { held: false, problemId: 'cannot_log_in', reopened: true } });
    });

    it('should not reopen the case when the conversation already has another active case', async () => {
      const c = await resolvedCase(stores, clock, 'c1');
      const other = newCase({ conversationId: 'c1', userId: 'u-c1', channelId: 'test', summary: { title: 'Other', facts: {}, steps: [], sentimentTrend: [], remedies: [] } }, { kind: 'bot', id: 'rebound' }, clock.now());
      await stores.cases.create(other.case, [other.event]);
      const outcome = await answers.answer({ rebound: 'followup', caseId: c.id, answer: 'came_back' }, who);
      expect(outcome).to.deep.include({ kind: 'came_back', reopened: false });
      expect((await stores.cases.get(c.id))!.status).to.equal('resolved');
    });

    it('should record one satisfaction score', async () => {
      const c = await resolvedCase(stores, clock, 'c1');
      expect(await answers.answer({ rebound: 'followup', caseId: c.id, answer: 'rating', score: 4 }, who)).to.include({ kind: 'rated', score: 4 });
      expect((await answers.answer({ rebound: 'followup', caseId: c.id, answer: 'rating', score: 1 }, who)).kind).to.equal('already_answered');
      expect(stores.analytics.events.map((e) => [e.type, e.data?.score])).to.deep.equal([['follow_up_rated', 4]]);
    });

    it('should ignore an answer about a case of another conversation', async () => {
      const c = await resolvedCase(stores, clock, 'c2');
      expect(await answers.answer({ rebound: 'followup', caseId: c.id, answer: 'came_back' }, who)).to.deep.equal({ kind: 'unknown' });
      expect(await answers.answer({ rebound: 'followup', caseId: 'nope', answer: 'held' }, who)).to.deep.equal({ kind: 'unknown' });
      expect((await stores.cases.get(c.id))!.status).to.equal('resolved');
      expect(stores.analytics.events).to.deep.equal([]);
    });
  });
});

describe('parseFollowUpSubmit()', () => {
  const table: Array<[unknown, unknown]> = [
    [{ rebound: 'followup', caseId: 'k', answer: 'held' }, { rebound: 'followup', caseId: 'k', answer: 'held' }],
    [{ rebound: 'followup', caseId: 'k', answer: 'rating', score: '5' }, { rebound: 'followup', caseId: 'k', answer: 'rating', score: 5 }],
    [{ rebound: 'followup', caseId: 'k', answer: 'rating', score: 6 }, null],
    [{ rebound: 'followup', caseId: 'k', answer: 'rating', score: 2.5 }, null],
    [{ rebound: 'followup', answer: 'held' }, null],
    [{ rebound: 'feedback', caseId: 'k', answer: 'held' }, null],
    ['held', null],
  ];
  for (const [input, expected] of table) {
    it(`should read ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => {
      expect(parseFollowUpSubmit(input)).to.deep.equal(expected);
    });
  }
});
