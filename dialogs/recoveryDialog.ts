import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';
import { buildCaseSummary, restoreSession, verificationOf, type OwnBooking, type RecoverySession } from '../src/recovery';
import type { Problem } from '../src/knowledge/schema';
import { toStoredSummary } from '../src/conversation/caseSummary';
import { factsFromMentions, factsFromMessage } from '../src/conversation/factTaking';
import type { ConversationMemory } from '../src/conversation/memory';
import { urgentFromWords } from '../src/conversation/urgency';
import { saidUnknown } from '../src/conversation/pendingAnswers';
import type { RecoveryServices } from './services';
import { ConversationTurn } from './turn';
import { RecoveryPlatform, type SentRecord } from './recoveryPlatform';
import { RecoveryTurn, type RecoveryOutcome, type RecoveryState } from './recoveryTurn';
import { RecoveryRenderer } from './recoveryRenderer';

/** Options of beginDialog. */
export interface RecoveryOptions {
  problemId: string;
}

/**
 * The self-recovery walkthrough. A Dialog rather than a waterfall: the understanding step in
 * src/conversation reads each message against the question pending, and the playbook engine in
 * src/recovery decides every next step; the dialog turns decisions into engine inputs and actions into cards.
 */
export class RecoveryDialog extends Dialog<RecoveryOptions> {
  static readonly id = 'recoveryDialog';
  private readonly platform: RecoveryPlatform;
  private readonly renderer: RecoveryRenderer;

  constructor(
    private readonly services: RecoveryServices,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(RecoveryDialog.id);
    this.platform = new RecoveryPlatform(services);
    this.renderer = new RecoveryRenderer(services);
  }

  override async beginDialog(dc: DialogContext, options?: RecoveryOptions): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const problem = kb.problems.find((p) => p.id === options?.problemId);
    if (!problem) return dc.endDialog();
    const turn = await ConversationTurn.of(dc.context, this.services, this.memory);
    const reading = turn.reading;
    // Every fact already said (this message and earlier ones) is taken before anything is asked.
    const fromMessage = reading ? factsFromMessage(problem, reading, { known: {} }, false) : [];
    // The messages before this one, when it only gives a reference for a problem told just before ("WL-F550190").
    const earlier = turn.memory.recent.slice(-3, -1);
    const facts = [...fromMessage, ...factsFromMentions(problem, turn.memory.mentions, Object.fromEntries(fromMessage.map((f) => [f.name, f.value])), earlier)];
    const references = facts.filter((f) => problem.facts.find((s) => s.name === f.name)?.kind === 'bookingReference').map((f) => f.value.toUpperCase());
    const unknown = reading ? saidUnknown(reading, problem.facts).filter((n) => !facts.some((f) => f.name === n)) : [];
    const vouched = await this.platform.vouched(dc.context);
    // "My booking": the signed-in traveller's one booking of this kind is taken without a reference.
    const mine = myBooking(problem, vouched?.bookings ?? [], references.length > 0, unknown);
    if (mine) {
      facts.push({ name: mine.fact, value: mine.reference, correction: false });
      references.push(mine.reference);
    }
    const lookups = await this.platform.lookUpReferences(dc.context, references);
    const urgent = urgentFromWords(turn.memory.stakes, problem.tags);
    const started = this.services.recovery.start(problem.id, { frustrated: reading?.sentiment.frustrated ?? false, facts, lookups, urgent, unknown, ...(vouched ? { vouched } : {}) });
    const highStakes = urgent || problem.tags.some((t) => kb.escalation.highStakesTags.includes(t));
    const opened = await this.services.cases.openForRecovery(
      this.services.owner(dc.context),
      toStoredSummary(buildCaseSummary(started.session, kb), []),
      highStakes ? 'high' : 'normal',
    );
    const session: RecoverySession = { ...started.session, caseReference: opened.reference };
    const state: RecoveryState = { session, caseId: opened.id };
    dc.activeDialog!.state = state;
    turn.trace.problemId = problem.id;
    turn.trace.priority = opened.priority;
    const verified = verificationOf(session).verified.find((v) => v.reference === session.booking?.reference);
    if (verified) await this.services.recordBookingEvent?.(opened.id, { action: 'verified', reference: verified.reference, verifiedBy: verified.method, ...(vouched ? { platformUser: vouched.userId } : {}) });
    await this.services.record({ type: 'recovery_started', conversationId: dc.context.activity.conversation.id, caseId: opened.id, problemId: problem.id });
    return this.renderer.render(dc, state, started.actions, { opening: opened.reference, before: {} });
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as RecoveryState;
    // A stored session is checked before use: a corrupt one must not crash every later turn.
    state.session = restoreSession(state.session);
    const before = { ...state.session.facts };
    const turn = await ConversationTurn.of(dc.context, this.services, this.memory);
    const step = new RecoveryTurn(this.services, this.platform, dc, state, turn);
    const input = turn.input;
    let result: RecoveryOutcome;
    if (input.kind === 'submit') result = await step.pressed(input.data);
    else if (input.kind === 'text') result = await step.typed();
    else result = { actions: this.services.recovery.resume(state.session) };
    return this.renderer.render(dc, state, result.actions, { before, ...(result.lead ? { lead: result.lead } : {}), ...(result.compact ? { compact: true } : {}) });
  }
}

export type { RecoveryState, SentRecord };

/** The vouched traveller's one booking that fits the problem, when they named none and have exactly one. */
function myBooking(problem: Problem, own: readonly OwnBooking[], named: boolean, unknown: readonly string[]): { fact: string; reference: string } | undefined {
  const spec = problem.facts.find((f) => f.kind === 'bookingReference');
  if (!spec || named || unknown.includes(spec.name)) return undefined;
  const fitting = own.filter((b) => (problem.products as readonly string[]).includes(b.product));
  return fitting.length === 1 ? { fact: spec.name, reference: fitting[0].reference } : undefined;
}
