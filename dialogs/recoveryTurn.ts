import type { DialogContext } from 'botbuilder-dialogs';
import type { SubmitData } from '../bot/cards';
import type { Decision, FactTaken } from '../src/conversation/acts';
import { factsFromBooking, knownFacts, pendingOf } from '../src/conversation/situation';
import { parseTarget } from '../src/conversation/target';
import { urgentFromWords } from '../src/conversation/urgency';
import type { ReplyKey } from '../src/knowledge/schema';
import { OWNER_PROOF_FACT, parseRecoveryInput, verificationOf, type RecoveryAction, type RecoveryInput, type RecoverySession, type VerificationState } from '../src/recovery';
import { FaqAnswers } from './faqAnswers';
import type { RecoveryServices } from './services';
import { describeCase } from './statusText';
import { RecoveryPlatform, type SentRecord } from './recoveryPlatform';
import type { ConversationTurn } from './turn';

/** What a message may still do while the proof of ownership is asked: ask for a person, stop, get help. */
const PROOF_ESCAPES: ReadonlyArray<Decision['kind']> = ['person', 'system', 'offer_answer'];

/** What the dialog keeps in dialog state (persisted with the conversation: a restart continues the same step). */
export interface RecoveryState {
  session: RecoverySession;
  caseId?: string;
  /** The last message sent to an actor for the traveller (where "Any reply?" looks). */
  sent?: SentRecord;
  /** The last question shown was a person offered (a bare "yes" answers it). */
  offerLast?: boolean;
}

/** What a turn of the walkthrough shows: the engine's actions, a lead line, and whether a step is shown as a reminder. */
export interface RecoveryOutcome {
  actions: RecoveryAction[];
  lead?: ReplyKey;
  compact?: boolean;
}

/** One turn of the walkthrough: a pressed button or a typed message, turned into engine inputs. */
export class RecoveryTurn {
  private readonly faqs: FaqAnswers;

  constructor(
    private readonly services: RecoveryServices,
    private readonly platform: RecoveryPlatform,
    private readonly dc: DialogContext,
    private readonly state: RecoveryState,
    private readonly turn: ConversationTurn,
  ) {
    this.faqs = new FaqAnswers(services);
  }

  /** Where the walkthrough stands, without repeating a person already offered (still open: "yes, connect me" takes it). */
  private get resume(): RecoveryAction[] {
    return this.services.recovery.resume(this.state.session).filter((a) => a.kind !== 'offer_handoff');
  }

  /** A pressed card button: its engine input, a platform action, or a stale button. */
  async pressed(data: SubmitData): Promise<RecoveryOutcome> {
    if (data.rebound === 'answer' && data.platform === 'replies') {
      if (this.state.sent) await this.platform.showReplies(this.dc.context, this.state.sent);
      return { actions: this.resume };
    }
    const input = data.rebound === 'answer' ? parseRecoveryInput(data.input) : parseTarget(data.target ?? '')?.kind === 'system' && data.target === 'system:human' ? { kind: 'handoff_requested' as const } : null;
    if (!input) return { actions: this.resume, lead: 'staleButton' };
    return this.run(input, data);
  }

  /** A typed message: the understanding step's decision, applied. */
  async typed(): Promise<RecoveryOutcome> {
    const kb = this.services.knowledge();
    const session = this.state.session;
    const problem = kb.problems.find((p) => p.id === session.problemId);
    const interpretation = this.turn.interpret({
      pending: pendingOf(session, kb),
      offer: session.pendingHandoffOffer,
      offerLast: this.state.offerLast ?? true,
      problem,
      known: knownFacts(session),
      fromBooking: factsFromBooking(session),
      alternatives: session.alternatives ?? [],
      unplaced: session.misunderstandings,
    })!;
    const reading = this.turn.reading!;
    if (interpretation.declinesOffer) this.state.session = this.services.recovery.next(this.state.session, { kind: 'handoff_declined' }).session;
    const { decision, facts } = interpretation;
    if (session.pendingFact === OWNER_PROOF_FACT && !PROOF_ESCAPES.includes(decision.kind)) {
      // The surname or e-mail asked by the engine: the traveller's words as they are (the engine checks them).
      const unknown = reading.cues.dontKnow || reading.cues.dontHave;
      const outcome = await this.run(unknown ? { kind: 'fact_unknown', name: OWNER_PROOF_FACT } : { kind: 'fact_provided', name: OWNER_PROOF_FACT, value: reading.text });
      this.state.session = this.services.recovery.observe(this.state.session, { understood: true }).session;
      return outcome;
    }
    // Facts said beside something else (a reference inside a question) are kept all the same.
    if (facts.length && decision.kind !== 'facts') await this.run({ kind: 'facts_given', facts: values(facts) });
    const outcome = await this.decide(decision, facts);
    // A bare yes or no that answers nothing asked is not understood either ("sorry, not sure what you mean").
    const bare = decision.kind === 'system' && (decision.name === 'yes' || decision.name === 'no');
    const understood = decision.kind === 'rephrase' && decision.nonsense ? undefined : decision.kind !== 'rephrase' && decision.kind !== 'clarify' && !bare;
    const observed = this.services.recovery.observe(this.state.session, { sentiment: reading.sentiment, understood });
    this.state.session = observed.session;
    const offered = outcome.actions.some((a) => a.kind === 'offer_handoff' || a.kind === 'handoff');
    const stakes = await this.stakes(problem?.tags ?? []);
    return { ...outcome, actions: [...outcome.actions, ...(offered ? [] : [...observed.actions, ...stakes])] };
  }

  /** A new sign of high stakes (children in the cold, danger): the case goes first, and a person is offered. */
  private async stakes(problemTags: readonly string[]): Promise<RecoveryAction[]> {
    const { caseId } = this.state;
    if (!caseId || !urgentFromWords(this.turn.reading?.stakes ?? [], problemTags) || !urgentFromWords(this.turn.memory.stakes, problemTags)) return [];
    const before = await this.services.cases.get(caseId);
    const raised = await this.services.cases.raisePriority(caseId, this.turn.memory.stakes);
    this.turn.trace.priority = raised?.priority;
    const offer = this.services.recovery.offer(this.state.session, 'high_stakes');
    this.state.session = offer.session;
    const line: RecoveryAction[] = before?.priority !== 'high' && raised?.priority === 'high' ? [{ kind: 'say', reply: 'priorityRaised' }] : [];
    return [...line, ...offer.actions];
  }

  private async decide(decision: Decision, facts: FactTaken[]): Promise<RecoveryOutcome> {
    const context = this.dc.context;
    const session = this.state.session;
    switch (decision.kind) {
      case 'facts':
        return this.run({ kind: 'facts_given', facts: values(facts) });
      case 'fact_unknown':
        return this.run({ kind: 'fact_unknown', name: decision.name, ...(decision.elsewhere ? { elsewhere: true } : {}) });
      case 'fact_skipped':
        return this.run({ kind: 'fact_skipped', name: decision.name });
      case 'confirm': {
        const confirmed = await this.run(decision.suggestion ? { kind: 'suggestion_accepted', name: decision.suggestion } : { kind: 'facts_confirmed' });
        // A wish said instead of a yes answers the outcome question that follows, when it follows.
        return decision.wish && this.state.session.status === 'asking_wished_outcome' ? this.run({ kind: 'wished_outcome', text: decision.wish }) : confirmed;
      }
      case 'change':
        return this.run({ kind: 'change_fact', ...(decision.name ? { name: decision.name } : {}) });
      case 'wished_outcome':
        return this.run({ kind: 'wished_outcome', text: decision.text });
      case 'step_outcome':
        if (decision.outcome !== 'unclear') return this.run({ kind: 'step_outcome', outcome: decision.outcome });
        // Described, not judged: ask "did that work?" (a question already asked is asked again).
        return session.status === 'running_step' ? this.run({ kind: 'step_done' }) : { actions: this.resume, compact: true };
      case 'remedy':
        return this.run(decision.remedyId ? { kind: 'remedy_accepted', remedyId: decision.remedyId } : { kind: 'remedy_declined' });
      case 'offer_answer':
        return this.run({ kind: decision.accept ? 'handoff_requested' : 'handoff_declined' });
      case 'person':
        return this.run({ kind: 'handoff_requested' });
      case 'solved':
        return this.run({ kind: 'solved' });
      case 'answer_faq':
        await this.faqs.answer(context, this.turn, decision.faqId);
        return { actions: this.resume, compact: true };
      case 'queue_problem':
        this.turn.update((m) => ({ ...m, queuedProblems: [...new Set([...m.queuedProblems, decision.problemId])] }));
        await context.sendActivity(this.turn.voice.line('secondProblem', { problemTitle: lowerTitle(this.services, decision.problemId) }));
        return { actions: this.resume, compact: true };
      case 'system':
        return this.system(decision.name, session);
      case 'rephrase':
      case 'clarify':
        this.turn.trace.fallback = true;
        return { actions: this.resume, lead: decision.kind === 'rephrase' && decision.nonsense ? 'nonsense' : 'notUnderstood', compact: true };
      default:
        return { actions: this.resume };
    }
  }

  private async system(name: string, session: RecoverySession): Promise<RecoveryOutcome> {
    const context = this.dc.context;
    const voice = this.turn.voice;
    switch (name) {
      case 'cancel':
      case 'start_over': {
        const out = await this.run({ kind: 'abandon' });
        await this.services.cases.abandon(this.state.caseId);
        return out;
      }
      case 'status': {
        const current = this.state.caseId ? await this.services.cases.get(this.state.caseId) : null;
        await context.sendActivity(describeCase(current, session, this.services.knowledge()));
        return { actions: this.resume, compact: true };
      }
      case 'help':
        return { actions: this.resume, lead: 'recoveryHelp', compact: true };
      case 'greeting':
      case 'thanks':
      case 'goodbye':
      case 'bot_identity':
        await context.sendActivity(voice.line(name === 'bot_identity' ? 'botIdentity' : name));
        return { actions: this.resume, compact: true };
      default:
        this.turn.trace.fallback = true;
        return { actions: this.resume, lead: 'notUnderstood', compact: true };
    }
  }

  /** Applies one engine input with the platform's part around it: look-ups before, requests and searches after. */
  async run(input: RecoveryInput, data?: SubmitData): Promise<RecoveryOutcome> {
    const context = this.dc.context;
    this.state.session = await this.platform.lookUp(context, this.state.session, input);
    if (data && typeof data.platform === 'string') await this.platformAction(data);
    const before = verificationOf(this.state.session);
    const client = this.clientKey();
    const locked = ownerProofIn(input) && this.services.proofAttempts?.blocked(client);
    const result = locked ? this.lockProofs() : applyInput(this.services, this.state, input);
    await this.proofsMade(before, client);
    if (input.kind === 'remedy_accepted') {
      const refund = RecoveryPlatform.refundFor(this.state.session.remedies.offered.find((r) => r.remedyId === input.remedyId));
      if (refund) await this.platform.request(context, this.state.session.booking?.reference, refund, this.state.session, this.state.caseId);
    }
    if (input.kind !== 'facts_given' && input.kind !== 'fact_provided' && input.kind !== 'fact_skipped' && input.kind !== 'fact_unknown') return result;
    const found = await this.platform.findByEmail(context, this.state.session);
    if (found === this.state.session) return result;
    // A booking found by e-mail and date answers facts the engine was about to ask: ask again from there.
    this.state.session = found;
    return applyInput(this.services, this.state, { kind: 'facts_given', facts: [] });
  }

  /** Too many wrong proofs from this client: no more are taken, the walkthrough goes on without the booking. */
  private lockProofs(): RecoveryOutcome {
    const result = this.services.recovery.lockProofs(this.state.session);
    this.state.session = result.session;
    return { actions: result.actions };
  }

  /** Who is calling, for the limit of wrong proofs across conversations: the server's own view, else the channel's user. */
  private clientKey(): string {
    const activity = this.dc.context.activity;
    return this.services.trusted?.(this.dc.context).clientKey ?? `${activity.channelId}:${activity.from?.id ?? activity.conversation.id}`;
  }

  /** Records on the case each booking proven (and how) and each wrong proof; counts wrong ones for the client. */
  private async proofsMade(before: VerificationState, client: string): Promise<void> {
    const after = verificationOf(this.state.session);
    const { caseId } = this.state;
    for (const v of after.verified.filter((r) => !before.verified.some((b) => b.reference === r.reference))) {
      if (caseId) await this.services.recordBookingEvent?.(caseId, { action: 'verified', reference: v.reference, verifiedBy: v.method, ...(v.method === 'platform' && after.vouched ? { platformUser: after.vouched.userId } : {}) });
    }
    if (after.failures > before.failures) {
      this.services.proofAttempts?.failed(client);
      if (caseId) await this.services.recordBookingEvent?.(caseId, { action: 'proof_refused', ...(before.pending?.reference ? { reference: before.pending.reference } : {}), failures: after.failures });
    }
  }

  /** What a pressed button asks of the platform ("Send it for me", "Cancel ... for me"), for the step shown now only. */
  private async platformAction(data: SubmitData): Promise<void> {
    const session = this.state.session;
    if (data.stepId !== session.currentStepId || session.status !== 'running_step') return;
    const detail = RecoveryPlatform.currentDetail(this.resume);
    if (data.platform === 'send') this.state.sent = (await this.platform.send(this.dc.context, detail, session, this.state.caseId)) ?? this.state.sent;
    if (data.platform === 'cancel' && detail?.kind === 'howto' && detail.request) {
      await this.platform.request(this.dc.context, detail.request.reference, { kind: 'cancellation', reason: 'The traveller asked to cancel in the chat.' }, session, this.state.caseId);
    }
  }
}

/** Applies one engine input; an input the session does not accept now shows where it stands with a line. */
export function applyInput(services: RecoveryServices, state: RecoveryState, input: RecoveryInput): RecoveryOutcome {
  try {
    const result = services.recovery.next(state.session, input);
    state.session = result.session;
    return { actions: result.actions };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code !== 'VALIDATION_FAILED' && code !== 'ILLEGAL_TRANSITION') throw err;
    return { actions: services.recovery.resume(state.session), lead: 'staleButton' };
  }
}

function values(facts: readonly FactTaken[]): Array<{ name: string; value: string }> {
  return facts.map(({ name, value }) => ({ name, value }));
}

function lowerTitle(services: RecoveryServices, problemId: string): string {
  const title = services.knowledge().problems.find((p) => p.id === problemId)?.title ?? problemId;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** Whether an input answers the proof of ownership question. */
function ownerProofIn(input: RecoveryInput): boolean {
  if (input.kind === 'fact_provided' || input.kind === 'fact_corrected') return input.name === OWNER_PROOF_FACT;
  return input.kind === 'facts_given' && input.facts.some((f) => f.name === OWNER_PROOF_FACT);
}
