import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { isAppError } from '../src/shared/errors';
import { buildCaseSummary, restoreSession, type RecoveryAction, type RecoveryInput, type RecoverySession } from '../src/recovery';
import { toStoredSummary } from '../src/conversation/caseSummary';
import { parseTarget, targetOf } from '../src/conversation/target';
import { renderRecoveryAction } from '../bot/recoveryCards';
import type { RecoveryServices } from './services';
import { HandoffDialog, type HandoffOptions } from './handoffDialog';
import { turnInput } from './turn';
import { describeCase } from './statusText';
import { RecoveryPlatform, type SentRecord } from './recoveryPlatform';

/** What the dialog keeps in dialog state (persisted with the conversation: a restart continues the same step). */
interface RecoveryState {
  session: RecoverySession;
  caseId?: string;
  /** The traveller's recent messages, for the repetition cue of frustration. */
  recent: string[];
  /** The last message sent to an actor for the traveller (where "Any reply?" looks). */
  sent?: SentRecord;
}

/** Options of beginDialog. */
export interface RecoveryOptions {
  problemId: string;
}

/**
 * The self-recovery walkthrough. A Dialog rather than a waterfall: the playbook engine in src/recovery
 * decides every next step, so the dialog is one loop that turns messages into engine inputs and
 * engine actions into cards.
 */
export class RecoveryDialog extends Dialog<RecoveryOptions> {
  static readonly id = 'recoveryDialog';
  private readonly platform: RecoveryPlatform;

  constructor(private readonly services: RecoveryServices) {
    super(RecoveryDialog.id);
    this.platform = new RecoveryPlatform(services);
  }

  override async beginDialog(dc: DialogContext, options?: RecoveryOptions): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const problem = kb.problems.find((p) => p.id === options?.problemId);
    if (!problem) return dc.endDialog();
    const input = turnInput(dc.context, this.services);
    const sentiment = input.kind === 'text' ? this.services.sentiment(input.text, []) : undefined;
    const started = this.services.recovery.start(problem.id, { frustrated: sentiment?.frustrated ?? false });
    const highStakes = problem.tags.some((t) => kb.escalation.highStakesTags.includes(t));
    const opened = await this.services.cases.openForRecovery(
      this.services.owner(dc.context),
      toStoredSummary(buildCaseSummary(started.session, kb), []),
      highStakes ? 'high' : 'normal',
    );
    const session: RecoverySession = { ...started.session, caseReference: opened.reference };
    const state: RecoveryState = { session, caseId: opened.id, recent: input.kind === 'text' ? [input.text] : [] };
    dc.activeDialog!.state = state;
    await this.services.record({ type: 'recovery_started', conversationId: dc.context.activity.conversation.id, caseId: opened.id, problemId: problem.id });
    return this.render(dc, state, started.actions, opened.reference);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as RecoveryState;
    // A stored session is checked before use: a corrupt one must not crash every later turn.
    state.session = restoreSession(state.session);
    const input = turnInput(dc.context, this.services);
    let recoveryInput: RecoveryInput | null = null;
    if (input.kind === 'submit' && input.data.rebound === 'answer' && input.data.platform === 'replies') {
      if (state.sent) await this.platform.showReplies(dc.context, state.sent);
      return this.render(dc, state, this.services.recovery.resume(state.session));
    }
    if (input.kind === 'submit' && input.data.rebound === 'answer') recoveryInput = input.data.input as RecoveryInput;
    else if (input.kind === 'submit' && input.data.rebound === 'choose' && parseTarget(input.data.target ?? '')?.kind === 'system') {
      const t = parseTarget(input.data.target ?? '');
      if (t?.kind === 'system' && t.name === 'human') recoveryInput = { kind: 'handoff_requested' };
    } else if (input.kind === 'text') {
      const reading = this.services.sentiment(input.text, state.recent);
      state.recent = [...state.recent.slice(-4), input.text];
      const interruption = await this.interruption(dc, state, input.understanding);
      if (interruption) return interruption;
      recoveryInput = this.fromText(state.session, input.text, input.understanding);
      const observed = this.services.recovery.observe(state.session, { sentiment: reading, understood: recoveryInput !== null });
      state.session = observed.session;
      if (observed.actions.length) return this.render(dc, state, observed.actions);
    }
    if (!recoveryInput) return this.render(dc, state, this.services.recovery.resume(state.session), undefined, "I didn't quite get that. Use the buttons, or answer in a few words:");
    // Read-only platform look-ups happen before the engine checks the input (S6: "I can't find ...").
    state.session = await this.platform.lookUp(dc.context, state.session, recoveryInput);
    if (input.kind === 'submit' && typeof input.data.platform === 'string') await this.platformAction(dc, state, input.data);
    try {
      const result = this.services.recovery.next(state.session, recoveryInput);
      state.session = await this.afterInput(dc, recoveryInput, result.session);
      return this.render(dc, state, result.actions);
    } catch (err) {
      if (!isAppError(err) || (err.code !== 'VALIDATION_FAILED' && err.code !== 'ILLEGAL_TRANSITION')) throw err;
      return this.render(dc, state, this.services.recovery.resume(state.session), undefined, 'That button belongs to an earlier question; here is where we are:');
    }
  }

  /** What a pressed button asks of the platform ("Send it for me", "Cancel ... for me"), for the step shown now only. */
  private async platformAction(dc: DialogContext, state: RecoveryState, data: Record<string, unknown>): Promise<void> {
    const session = state.session;
    if (data.stepId !== session.currentStepId || session.status !== 'running_step') return;
    const detail = RecoveryPlatform.currentDetail(this.services.recovery.resume(session));
    if (data.platform === 'send') state.sent = (await this.platform.send(dc.context, detail)) ?? state.sent;
    if (data.platform === 'cancel' && detail?.kind === 'howto' && detail.request) {
      await this.platform.request(dc.context, detail.request.reference, { kind: 'cancellation', reason: 'The traveller asked to cancel in the chat.' });
    }
  }

  /** The platform's part after the engine moved: the refund an accepted remedy implies; a booking found by e-mail. */
  private async afterInput(dc: DialogContext, input: RecoveryInput, session: RecoverySession): Promise<RecoverySession> {
    if (input.kind === 'remedy_accepted') {
      const refund = RecoveryPlatform.refundFor(session.remedies.offered.find((r) => r.remedyId === input.remedyId));
      if (refund) await this.platform.request(dc.context, session.booking?.reference, refund);
    }
    return input.kind === 'fact_provided' || input.kind === 'fact_skipped' ? this.platform.findByEmail(dc.context, session) : session;
  }

  /** Global interruptions, decided by the NLU: a person, stop, status, help. */
  private async interruption(dc: DialogContext, state: RecoveryState, u: import('../src/nlu/types').Understanding): Promise<DialogTurnResult | null> {
    // "cancel" alone is ambiguous between the system intent and cancellation FAQs; mid-recovery the FAQs are
    // not what the traveller is doing, so a system intent ranked first is the interruption.
    if ((u.verdict !== 'match' && u.verdict !== 'ambiguous') || !u.best) return null;
    const target = targetOf(u.best, this.services.knowledge());
    if (target?.kind !== 'system') return null;
    switch (target.name) {
      case 'human': {
        const result = this.services.recovery.next(state.session, { kind: 'handoff_requested' });
        state.session = result.session;
        return this.render(dc, state, result.actions);
      }
      case 'cancel':
      case 'start_over': {
        const result = this.services.recovery.next(state.session, { kind: 'abandon' });
        state.session = result.session;
        await this.services.cases.abandon(state.caseId);
        return this.render(dc, state, result.actions);
      }
      case 'status': {
        const current = state.caseId ? await this.services.cases.get(state.caseId) : null;
        await dc.context.sendActivity(describeCase(current, state.session, this.services.knowledge()));
        return this.render(dc, state, this.services.recovery.resume(state.session));
      }
      case 'help':
        return this.render(dc, state, this.services.recovery.resume(state.session), undefined,
          'We are going through your problem one step at a time. Answer the question below, use the buttons, type "status" to see your case, or "talk to a person" at any time.');
      default:
        return null;
    }
  }

  /** Typed answers: the NLU's yes/no where a yes/no is asked, the text itself where a fact or a wish is asked. */
  private fromText(session: RecoverySession, text: string, u: import('../src/nlu/types').Understanding): RecoveryInput | null {
    const target = u.verdict === 'match' && u.best ? targetOf(u.best, this.services.knowledge()) : null;
    const yes = target?.kind === 'system' && target.name === 'yes';
    const no = target?.kind === 'system' && target.name === 'no';
    if (session.pendingHandoffOffer && (yes || no)) return { kind: yes ? 'handoff_requested' : 'handoff_declined' };
    switch (session.status) {
      case 'gathering_facts': {
        if (!session.pendingFact) return null;
        const spec = this.services.knowledge().problems.find((p) => p.id === session.problemId)?.facts.find((f) => f.name === session.pendingFact);
        // "no" to an optional question ("if you have a reference...") means the traveller does not have it.
        if (no && spec && !spec.required) return { kind: 'fact_skipped', name: session.pendingFact };
        return { kind: 'fact_provided', name: session.pendingFact, value: text };
      }
      case 'confirming_facts': {
        const suggested = Object.entries(session.facts).find(([, f]) => f.suggestion);
        if (yes) return suggested ? { kind: 'suggestion_accepted', name: suggested[0] } : { kind: 'facts_confirmed' };
        if (no) return suggested ? { kind: 'facts_confirmed' } : null;
        const first = suggested?.[0] ?? Object.keys(session.facts)[0];
        return first ? { kind: 'fact_corrected', name: first, value: text } : null;
      }
      case 'asking_wished_outcome':
        return { kind: 'wished_outcome', text };
      case 'running_step':
      case 'awaiting_outcome': {
        if (yes || no) return { kind: 'step_outcome', outcome: yes ? 'success' : 'failure' };
        // The playbook's own "what would you prefer?" step takes the traveller's words as the wished outcome.
        const step = this.services.knowledge().problems.find((p) => p.id === session.problemId)?.steps.find((s) => s.id === session.currentStepId);
        return session.status === 'running_step' && step?.action === 'ask_outcome' ? { kind: 'wished_outcome', text } : null;
      }
      case 'offering_remedy':
        return no ? { kind: 'remedy_declined' } : null;
      default:
        return null;
    }
  }

  /** Sends the actions; ends in a handoff, a resolution, or waits for the traveller's next message. */
  private async render(dc: DialogContext, state: RecoveryState, actions: RecoveryAction[], reference?: string, lead?: string): Promise<DialogTurnResult> {
    if (lead) await dc.context.sendActivity(lead);
    for (const action of actions) {
      const activity = renderRecoveryAction(action);
      if (activity === null) continue;
      await dc.context.sendActivity(activity);
      if (action.kind === 'acknowledge' && reference) {
        await dc.context.sendActivity(`Your case reference is **${reference}**. Type "status" at any time to see where it stands.`);
      }
    }
    const kb = this.services.knowledge();
    const summary = toStoredSummary(buildCaseSummary(state.session, kb), state.session.sentiment.map((s) => s.score));
    const handoff = actions.find((a): a is Extract<RecoveryAction, { kind: 'handoff' }> => a.kind === 'handoff');
    if (handoff) {
      const options: HandoffOptions = { reason: handoff.reason, summary, problemId: state.session.problemId };
      return dc.replaceDialog(HandoffDialog.id, options);
    }
    if (state.caseId) await this.services.cases.saveSummary(state.caseId, summary);
    if (actions.some((a) => a.kind === 'resolved')) {
      await dc.context.sendActivity(kb.platform.messages.resolved);
      if (state.caseId) await this.services.resolved(dc.context, state.caseId, state.session.problemId);
      return dc.endDialog({ resolved: true });
    }
    if (actions.some((a) => a.kind === 'abandoned')) return dc.endDialog({ resolved: false });
    return Dialog.EndOfTurn;
  }
}
