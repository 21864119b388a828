import type { Clock } from '../shared';
import { AppError } from '../shared';
import type { EngineResult, RecoveryAction, RecoveryInput } from './actions';
import { acknowledgement } from './empathy';
import { askFact, askWishedOutcome, factSpec, factStage, forConfirmation } from './factFlow';
import { applyFacts, clearFact, markUnknown } from './factInputs';
import { advanceFacts, afterFactChange, factsGiven } from './factTurns';
import { decideHandoff } from './handoffPolicy';
import { problemById, stepById, type RecoveryKnowledge } from './knowledge';
import { afterOutcome, askOutcome, currentStepActions, enterStep, handOff, type PlaybookContext } from './playbook';
import { ACCEPTED_INPUTS, createSession, isTerminal, transition, withBookingLookup, without } from './session';
import type { BookingContext, BookingLookupResult, HandoffReason, OwnBooking, RecoverySession } from './types';
import { lockProofs, ownerProofIn, proveOwner, skipProof } from './ownerProof';
import { OWNER_PROOF_FACT, ownReferenceChoices, ownerProofQuestion, withVouched } from './verification';
import { placeholderValues } from './stepView';
import { fillPlaceholders } from './template';

/** Options of RecoveryEngine.start(). */
export interface StartOptions {
  caseReference?: string;
  /** The traveller's first message read as frustrated (shorter, softer acknowledgement). */
  frustrated?: boolean;
  booking?: BookingContext;
  /** Facts already given (in the first message or earlier ones), checked before the first question. */
  facts?: ReadonlyArray<{ name: string; value: string }>;
  /** The stakes of the conversation make it urgent (children, night, danger): a person is offered at once. */
  urgent?: boolean;
  /** What the platform said about the references among `facts`, looked up before the start. */
  lookups?: readonly BookingLookupResult[];
  /** The platform vouched for the signed-in traveller: their own bookings need no proof. */
  vouched?: { userId: string; bookings: OwnBooking[] };
  /** Facts the traveller said they do not have ("I don't have the booking number on me"): their alternatives are asked instead. */
  unknown?: readonly string[];
}

/** What the dialog observed about one traveller message, before acting on it. */
export interface TurnObservation {
  sentiment?: { score: number; frustrated: boolean };
  /** false when the NLU did not understand the message; true resets the count; absent leaves it. */
  understood?: boolean;
}

type Result = EngineResult<RecoverySession>;

/**
 * The playbook engine (pure): problem + facts + step outcomes -> the next step. Every call returns a
 * new session (plain JSON) and the actions to render; nothing is kept in the engine between calls.
 */
export class RecoveryEngine {
  constructor(
    private readonly knowledge: RecoveryKnowledge,
    private readonly clock: Clock,
  ) {}

  /** Starts a recovery: acknowledgement, a person offered at once for high-stakes problems, then the first question. */
  start(problemId: string, options: StartOptions = {}): Result {
    const result = this.begin(problemId, options);
    return { session: result.session, actions: this.filled(result.session, result.actions) };
  }

  private begin(problemId: string, options: StartOptions): Result {
    const ctx = this.context(problemId);
    let session = createSession(problemId, ctx.now, options.caseReference);
    if (options.booking) session = { ...session, booking: options.booking };
    if (options.vouched) session = withVouched(session, options.vouched, ctx.now);
    for (const lookup of options.lookups ?? []) session = withBookingLookup(session, lookup, ctx.now);
    const actions: RecoveryAction[] = [{ kind: 'acknowledge', text: acknowledgement(ctx.problem, { frustrated: options.frustrated ?? false }) }];
    const decision = decideHandoff(
      { askedForPerson: false, playbookExhausted: false, sentimentScores: [], problemTags: ctx.problem.tags, misunderstandingsInARow: 0 },
      ctx.kb.escalation,
    );
    if (options.urgent || (decision.kind === 'handoff' && decision.reason === 'high_stakes')) {
      // Offered early, yet the self-recovery still starts: the traveller chooses.
      session = { ...session, handoffOffers: ['high_stakes'], pendingHandoffOffer: 'high_stakes' };
      actions.push({ kind: 'offer_handoff', reason: 'high_stakes' });
    }
    const given = applyFacts(ctx, session, options.facts ?? []);
    const unknown = (options.unknown ?? []).filter((n) => ctx.problem.facts.some((f) => f.name === n) && !given.session.facts[n]);
    const marked = unknown.reduce((s, n) => markUnknown(ctx, s, n), given.session);
    const advanced = advanceFacts(ctx, marked);
    const lines: RecoveryAction[] = unknown.map((n) => {
      const say = ctx.problem.facts.find((f) => f.name === n)?.unknown?.say;
      return say ? { kind: 'say', text: say } : { kind: 'say', reply: 'goOnWithout' };
    });
    return { session: advanced.session, actions: [...actions, ...lines, ...advanced.actions] };
  }

  /** Applies one traveller input. Throws AppError('ILLEGAL_TRANSITION') for an input the status does not accept. */
  next(session: RecoverySession, input: RecoveryInput): Result {
    const result = this.apply(session, input);
    return { session: result.session, actions: this.filled(result.session, result.actions) };
  }

  private apply(session: RecoverySession, input: RecoveryInput): Result {
    if (!ACCEPTED_INPUTS[session.status].includes(input.kind)) {
      throw new AppError('ILLEGAL_TRANSITION', `A recovery session in ${session.status} does not accept ${input.kind}.`, {
        status: session.status,
        input: input.kind,
      });
    }
    const ctx = this.context(session.problemId);
    const stamped = { ...session, updatedAt: ctx.now.toISOString() };
    const proof = ownerProofIn(input);
    if (proof !== undefined) return proof === null ? skipProof(ctx, stamped) : proveOwner(ctx, stamped, proof);
    switch (input.kind) {
      case 'fact_provided':
      case 'fact_corrected':
        return factsGiven(ctx, stamped, [{ name: input.name, value: input.value }]);
      case 'facts_given':
        return factsGiven(ctx, stamped, input.facts);
      case 'fact_unknown': {
        const spec = factSpec(ctx.problem, input.name);
        const advanced = advanceFacts(ctx, markUnknown(ctx, stamped, input.name, !input.elsewhere));
        // Booked elsewhere: nothing to find, so the alternative's line ("I can find it with your e-mail") is not said.
        const line: RecoveryAction = spec.unknown?.say && !input.elsewhere ? { kind: 'say', text: spec.unknown.say } : { kind: 'say', reply: 'goOnWithout' };
        return { session: advanced.session, actions: [line, ...advanced.actions] };
      }
      case 'change_fact': {
        if (!input.name) {
          const names = ctx.problem.facts.map((f) => f.name).filter((n) => stamped.facts[n]);
          return { session: stamped, actions: [{ kind: 'ask_change', facts: forConfirmation(ctx.problem, stamped.facts, names) }] };
        }
        const spec = factSpec(ctx.problem, input.name);
        const moved = transition(clearFact(stamped, input.name), 'gathering_facts', ctx.now);
        return { session: { ...moved, pendingFact: spec.name }, actions: [askFact(spec)] };
      }
      case 'fact_skipped': {
        const spec = factSpec(ctx.problem, input.name);
        if (spec.required) throw new AppError('VALIDATION_FAILED', `The fact "${input.name}" is required.`, { fact: input.name });
        return advanceFacts(ctx, { ...stamped, skippedFacts: [...new Set([...stamped.skippedFacts, input.name])] });
      }
      case 'suggestion_accepted': {
        const fact = stamped.facts[input.name];
        if (!fact?.suggestion) throw new AppError('VALIDATION_FAILED', `There is no suggestion for "${input.name}".`, { fact: input.name });
        const { suggestion, ...rest } = fact;
        return afterFactChange(ctx, { ...stamped, facts: { ...stamped.facts, [input.name]: { ...rest, value: suggestion.value, confirmed: true } } });
      }
      case 'facts_confirmed': {
        const facts = Object.fromEntries(Object.entries(stamped.facts).map(([n, f]) => [n, { kind: f.kind, value: f.value, raw: f.raw, confirmed: true }]));
        return advanceFacts(ctx, { ...stamped, facts });
      }
      case 'wished_outcome': {
        const wished = { ...stamped, wishedOutcome: input.text.trim() };
        if (stamped.status === 'asking_wished_outcome') return enterStep(ctx, wished, ctx.problem.steps[0]);
        // The answer to the playbook's own ask_outcome step: recorded, and the step succeeded.
        const step = this.currentStep(ctx, stamped);
        if (step?.action !== 'ask_outcome') throw new AppError('VALIDATION_FAILED', 'The current step does not ask for a wished outcome.', { step: step?.id });
        return afterOutcome(ctx, wished, step, 'success');
      }
      case 'step_done': {
        const step = this.currentStep(ctx, stamped);
        if (!step) return handOff(stamped, 'playbook_exhausted', ctx.now);
        return { session: transition(stamped, 'awaiting_outcome', ctx.now), actions: [askOutcome(ctx, stamped, step)] };
      }
      case 'step_outcome': {
        const step = this.currentStep(ctx, stamped);
        return step ? afterOutcome(ctx, stamped, step, input.outcome) : handOff(stamped, 'playbook_exhausted', ctx.now);
      }
      case 'remedy_accepted':
      case 'remedy_declined':
        return this.remedyAnswer(ctx, stamped, input.kind === 'remedy_accepted' ? input.remedyId : undefined);
      case 'handoff_requested':
        return handOff(stamped, stamped.pendingHandoffOffer ?? 'asked_for_person', ctx.now);
      case 'handoff_declined': {
        const rest = without(stamped, 'pendingHandoffOffer');
        return { session: rest, actions: this.resume(rest) };
      }
      case 'solved':
        return { session: transition(without(stamped, 'pendingHandoffOffer'), 'resolved', ctx.now), actions: [{ kind: 'resolved', ...(stamped.currentStepId ? { stepId: stamped.currentStepId } : {}) }] };
      case 'abandon': {
        return { session: transition(without(stamped, 'pendingHandoffOffer'), 'abandoned', ctx.now), actions: [{ kind: 'abandoned' }] };
      }
    }
  }

  /**
   * Records what the dialog observed about a message (sentiment, understood or not) and offers a
   * person when the escalation rules say so (lasting frustration, repeated misunderstanding).
   */
  observe(session: RecoverySession, turn: TurnObservation): Result {
    const now = this.clock.now();
    const at = now.toISOString();
    const sentiment = turn.sentiment
      ? [...session.sentiment, { score: turn.sentiment.score, frustrated: turn.sentiment.frustrated, at }]
      : session.sentiment;
    const misunderstandings = turn.understood === undefined ? session.misunderstandings : turn.understood ? 0 : session.misunderstandings + 1;
    const updated: RecoverySession = { ...session, sentiment, misunderstandings, updatedAt: at };
    if (isTerminal(updated.status)) return { session: updated, actions: [] };
    const kb = this.knowledge.current();
    const problem = problemById(kb, updated.problemId);
    const decision = decideHandoff(
      {
        askedForPerson: false,
        playbookExhausted: false,
        sentimentScores: sentiment.map((s) => s.score),
        problemTags: problem.tags,
        misunderstandingsInARow: misunderstandings,
        alreadyOffered: updated.handoffOffers,
      },
      kb.escalation,
    );
    if (decision.kind === 'none') return { session: updated, actions: [] };
    return {
      session: { ...updated, handoffOffers: [...updated.handoffOffers, decision.reason], pendingHandoffOffer: decision.reason },
      actions: [{ kind: 'offer_handoff', reason: decision.reason }],
    };
  }

  /** No more proofs of booking ownership from this client (too many wrong ones): carries on without the booking. */
  lockProofs(session: RecoverySession): Result {
    if (session.pendingFact !== OWNER_PROOF_FACT) return { session, actions: this.resume(session) };
    return lockProofs(this.context(session.problemId), session);
  }

  /** Offers a person for a reason (once per reason): the stakes of the conversation rose (children in the cold, danger). */
  offer(session: RecoverySession, reason: HandoffReason): Result {
    if (isTerminal(session.status) || session.handoffOffers.includes(reason)) return { session, actions: [] };
    return { session: { ...session, handoffOffers: [...session.handoffOffers, reason], pendingHandoffOffer: reason }, actions: [{ kind: 'offer_handoff', reason }] };
  }

  /** The actions that show where the session stands, unchanged (after a restart, "help" or "status"). */
  resume(session: RecoverySession): RecoveryAction[] {
    return this.filled(session, this.current(session));
  }

  private current(session: RecoverySession): RecoveryAction[] {
    const ctx = this.context(session.problemId);
    const offer: RecoveryAction[] = session.pendingHandoffOffer ? [{ kind: 'offer_handoff', reason: session.pendingHandoffOffer }] : [];
    switch (session.status) {
      case 'gathering_facts':
      case 'confirming_facts': {
        const proof = session.pendingFact === OWNER_PROOF_FACT ? ownerProofQuestion(session) : undefined;
        if (proof) return [...offer, proof];
        const stage = factStage(ctx.problem, session);
        return [...offer, stage.done ? askWishedOutcome() : stage.action];
      }
      case 'asking_wished_outcome':
        return [...offer, askWishedOutcome()];
      case 'running_step':
      case 'awaiting_outcome':
      case 'offering_remedy': {
        const step = this.currentStep(ctx, session);
        return step ? [...offer, ...currentStepActions(ctx, session, step)] : [{ kind: 'handoff', reason: 'playbook_exhausted' }];
      }
      case 'resolved':
        return [{ kind: 'resolved', ...(session.currentStepId ? { stepId: session.currentStepId } : {}) }];
      case 'handed_off':
        return [{ kind: 'handoff', reason: session.handoff?.reason ?? 'asked_for_person' }];
      case 'abandoned':
        return [{ kind: 'abandoned' }];
    }
  }

  /** Questions about facts name the platform's own values ("a card refund takes {refundTimeCard}"): filled like steps. */
  private filled(session: RecoverySession, actions: RecoveryAction[]): RecoveryAction[] {
    if (!actions.some((a) => a.kind === 'ask_fact')) return actions;
    const ctx = this.context(session.problemId);
    const values = placeholderValues(session, ctx.kb, ctx.problem);
    // A vouched traveller answers "which booking?" with one press: their own bookings of this kind are the choices.
    const own = ownReferenceChoices(session, ctx.problem.products);
    return actions.map((a) =>
      a.kind === 'ask_fact'
        ? { ...a, prompt: fillPlaceholders(a.prompt, values).text, ...(a.why ? { why: fillPlaceholders(a.why, values).text } : {}), ...(a.factKind === 'bookingReference' && own.length ? { choices: own } : {}) }
        : a,
    );
  }

  private context(problemId: string): PlaybookContext {
    const kb = this.knowledge.current();
    return { kb, problem: problemById(kb, problemId), now: this.clock.now() };
  }

  private currentStep(ctx: PlaybookContext, session: RecoverySession) {
    return stepById(ctx.problem, session.currentStepId);
  }

  private remedyAnswer(ctx: PlaybookContext, session: RecoverySession, remedyId: string | undefined): Result {
    const step = this.currentStep(ctx, session);
    if (!step) return handOff(session, 'playbook_exhausted', ctx.now);
    const offered = session.remedies.offered.filter((r) => r.stepId === step.id);
    if (remedyId === undefined) {
      const declined = [...session.remedies.declined, ...offered.map((r) => r.remedyId)];
      return afterOutcome(ctx, { ...session, remedies: { ...session.remedies, declined } }, step, 'failure');
    }
    if (!offered.some((r) => r.remedyId === remedyId)) {
      throw new AppError('VALIDATION_FAILED', `The remedy "${remedyId}" was not offered; only offered remedies can be accepted.`, { remedyId });
    }
    return afterOutcome(ctx, { ...session, remedies: { ...session.remedies, accepted: remedyId } }, step, 'success');
  }
}

