import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { Problem } from '../../../src/knowledge/schema';
import { bookingContextOf } from '../../../src/platform';
import { WISHED_OUTCOME_PROMPT, type BookingContext } from '../../../src/recovery';
import { dialogWorld, textOf, type Conversation, type DialogWorld } from '../harness';
import { pathsToEachStep, walk, type Answer, type Walk } from '../playbookWalks';
import { ANSWERS, pressButton, replyShowing, throughFacts } from '../travellers';
import { answerStep, expectStepCard } from './stepChecks';
import { SHIPPED_KB_DIR } from '../../helpers/testApp';

type Replies = Array<Partial<Activity>>;

// Every starter problem of the shipped KB (one file per problem, named after its id).
const PROBLEM_IDS = readdirSync(path.join(SHIPPED_KB_DIR, 'problems')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();

describe('RecoveryDialog', () => {
  let world: DialogWorld;
  before(async function () {
    this.timeout(60_000);
    world = await dialogWorld();
  });

  const problem = (id: string): Problem => world.kb.problems.find((p) => p.id === id)!;
  async function bookingOf(id: string): Promise<BookingContext | undefined> {
    const reference = ANSWERS[id]?.bookingReference;
    const found = reference ? await world.platform.findBooking(reference) : undefined;
    return found?.found ? bookingContextOf(found.booking) : undefined;
  }

  /** Runs the walk through a new conversation, checking each step's card; returns what the last answer produced. */
  async function play(p: Problem, plan: Walk, booking: BookingContext | undefined, stopAfter = plan.shown.length): Promise<{ conversation: Conversation; last: Replies; all: Replies }> {
    const conversation = world.conversation();
    const facts = await throughFacts(conversation, p);
    const all = [...facts.all];
    let replies = facts.replies;
    const asksItself = p.steps.some((s) => s.action === 'ask_outcome');
    const wishes = world.kb.platform.replies.wishedOutcome ?? [WISHED_OUTCOME_PROMPT];
    if (!asksItself) {
      const wish = replyShowing(replies, new RegExp(wishes.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
      replies = await pressButton(conversation, wish, /.+/);
      all.push(...replies);
    }
    for (const shown of plan.shown.slice(0, stopAfter)) {
      const card = expectStepCard(world.kb, p, shown, replies, booking);
      replies = await answerStep(conversation, shown.step, shown.answer, card);
      all.push(...replies);
    }
    // Complaint step 4 is asked once: by the playbook's own ask_outcome step, or by the generic question.
    expect(all.filter((r) => wishes.some((w) => textOf(r).includes(w))).length).to.equal(asksItself ? 0 : 1);
    return { conversation, last: replies, all };
  }

  for (const id of PROBLEM_IDS) {
    describe(`walk(${id})`, () => {
      it('should resolve without a person on the success path, or hand over where the playbook says so', async function () {
        this.timeout(20_000);
        const p = problem(id);
        const booking = await bookingOf(id);
        const plan = walk(world.kb, p, () => 'success', booking);
        const { last, conversation } = await play(p, plan, booking);
        if (plan.end === 'resolved') {
          replyShowing(last, world.kb.platform.messages.resolved.slice(0, 30));
          const c = [...world.stores.cases.cases.values()].find((x) => x.conversationId === conversation.adapter.conversation.conversation.id);
          expect(c?.status).to.equal('resolved');
        } else {
          replyShowing(last, /Your case reference is \*\*/);
        }
      });

      it('should follow the playbook when each step fails', async function () {
        this.timeout(60_000);
        const p = problem(id);
        const booking = await bookingOf(id);
        const paths = pathsToEachStep(world.kb, p, booking);
        expect(paths.size, 'steps reached').to.be.greaterThan(0);
        for (const [stepId, prefix] of paths) {
          const decide = (_s: unknown, i: number): Answer => (i < prefix.length ? prefix[i] : 'failure');
          const plan = walk(world.kb, p, decide, booking, prefix.length + 2);
          const { last } = await play(p, plan, booking, prefix.length + 1);
          const failed = plan.shown[prefix.length];
          expect(failed.step.id).to.equal(stepId);
          const after = plan.shown[prefix.length + 1];
          // Failing the step leads where the playbook says: its onFailure step, or a person when nothing is left.
          if (after) expectStepCard(world.kb, p, after, last, booking);
          else if (failed.step.action !== 'ask_outcome') replyShowing(last, plan.end === 'resolved' ? world.kb.platform.messages.resolved.slice(0, 30) : /Your case reference is \*\*/);
        }
      });

      it('should hand over with a pending case and its summary when the playbook is exhausted', async function () {
        this.timeout(20_000);
        const p = problem(id);
        const booking = await bookingOf(id);
        const plan = walk(world.kb, p, () => 'failure', booking);
        expect(plan.end).to.equal('handoff');
        const { last, conversation, all } = await play(p, plan, booking);
        const handoff = replyShowing(last, /Your case reference is \*\*(RB-[0-9A-Z]+)\*\*/);
        const reference = /\*\*(RB-[0-9A-Z]+)\*\*/.exec(textOf(handoff))![1];
        const c = [...world.stores.cases.cases.values()].find((x) => x.reference === reference)!;
        expect(c.status).to.equal('pending');
        expect(c.conversationId).to.equal(conversation.adapter.conversation.conversation.id);
        expect(c.summary.problemId).to.equal(id);
        expect(c.summary.steps.map((s) => s.stepId)).to.include.members(plan.shown.map((s) => s.step.id));
        expect(Object.keys(c.summary.facts).length).to.be.greaterThan(0);
        expect(all.some((r) => textOf(r).includes(reference))).to.equal(true);
      });
    });
  }
});
