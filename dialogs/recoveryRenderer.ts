import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Activity } from 'botbuilder';
import { buildCaseSummary, type FactValue, type RecoveryAction } from '../src/recovery';
import { toStoredSummary } from '../src/conversation/caseSummary';
import type { ReplyKey } from '../src/knowledge/schema';
import { renderRecoveryAction, type RenderContext } from '../bot/recoveryCards';
import { choicesCard } from '../bot/cards';
import type { RecoveryServices } from './services';
import { ConversationTurn } from './turn';
import type { RecoveryState } from './recoveryTurn';
import { HandoffDialog, type HandoffOptions } from './handoffDialog';

/** How a turn's actions are shown. */
export interface RenderOptions {
  /** The facts before the turn, to tell which ones this turn took. */
  before: Record<string, FactValue>;
  /** The case reference of a walkthrough that starts now (said with the acknowledgement). */
  opening?: string;
  lead?: ReplyKey;
  compact?: boolean;
}

const APOLOGY = /\bsorry\b|\bapologi[sz]e/i;

/** Renders the engine's actions, records what the turn did, and ends the walkthrough in a handoff, a resolution or a stop. */
export class RecoveryRenderer {
  constructor(private readonly services: RecoveryServices) {}

  async render(dc: DialogContext, state: RecoveryState, actions: RecoveryAction[], options: RenderOptions): Promise<DialogTurnResult> {
    const kb = this.services.knowledge();
    const turn = ConversationTurn.current(dc.context)!;
    const problem = kb.problems.find((p) => p.id === state.session.problemId);
    const values = { caseReference: state.session.caseReference, ...(problem ? { problemTitle: problem.title.charAt(0).toLowerCase() + problem.title.slice(1) } : {}) };
    const r: RenderContext = { kb, voice: turn.voice, values, ...(options.compact ? { compact: true } : {}), ...(problem ? { problemTitle: problem.title } : {}) };
    if (options.lead) await dc.context.sendActivity(turn.voice.line(options.lead, values));
    const shown = actions.filter((a) => renderable(a));
    if (shown.length) state.offerLast = shown.at(-1)!.kind === 'offer_handoff';
    for (const action of actions) {
      if (action.kind === 'acknowledge') {
        await dc.context.sendActivity(this.opening(action.text, options.opening, turn, state.session.sentiment.at(-1)?.frustrated ?? false));
        continue;
      }
      const activity = renderRecoveryAction(action, r);
      if (activity === null) continue;
      if (action.kind === 'ask_fact') turn.trace.factsAsked.push(action.name);
      await dc.context.sendActivity(activity);
    }
    this.trace(turn, state, options.before);
    const summary = toStoredSummary(buildCaseSummary(state.session, kb), state.session.sentiment.map((s) => s.score));
    const handoff = actions.find((a): a is Extract<RecoveryAction, { kind: 'handoff' }> => a.kind === 'handoff');
    if (handoff) {
      const handoffOptions: HandoffOptions = { reason: handoff.reason, summary, problemId: state.session.problemId };
      return dc.replaceDialog(HandoffDialog.id, handoffOptions);
    }
    if (state.caseId) await this.services.cases.saveSummary(state.caseId, summary);
    if (actions.some((a) => a.kind === 'resolved')) {
      await dc.context.sendActivity(kb.platform.messages.resolved);
      if (state.caseId) {
        await this.services.resolved(dc.context, state.caseId, state.session.problemId);
        const resolved = { caseId: state.caseId, problemId: state.session.problemId };
        turn.update((m) => ({ ...m, lastResolved: { ...resolved, turn: m.turn } }));
      }
      await this.offerNext(dc, turn);
      return dc.endDialog({ resolved: true });
    }
    if (actions.some((a) => a.kind === 'abandoned')) {
      await this.offerNext(dc, turn);
      return dc.endDialog({ resolved: false });
    }
    return Dialog.EndOfTurn;
  }

  /** The acknowledgement, one apology at most, a word of encouragement while it is fresh, and the case reference. */
  private opening(ack: string, reference: string | undefined, turn: ConversationTurn, frustrated: boolean): string {
    const lines = [ack];
    if (!APOLOGY.test(ack)) lines.push(turn.voice.optional('apology') ?? '');
    lines.push(turn.voice.optional(frustrated ? 'encourageFrustrated' : 'encourage') ?? '');
    const first = lines.filter(Boolean).join(' ');
    return reference ? `${first}\n\n${turn.voice.line('caseReference', { caseReference: reference })}` : first;
  }

  /** Records the facts known after the turn, which of them the booking gave, and which this turn took. */
  private trace(turn: ConversationTurn, state: RecoveryState, before: Record<string, FactValue>): void {
    const facts = state.session.facts;
    turn.trace.problemId = state.session.problemId;
    turn.trace.factsKnown = Object.fromEntries(Object.entries(facts).map(([n, f]) => [n, f.value]));
    turn.trace.bookingFacts = Object.entries(facts).filter(([, f]) => f.source === 'booking').map(([n]) => n);
    const names = state.session.booking?.travellerNames ?? [];
    if (names.some((n) => !turn.memory.names.includes(n))) turn.update((m) => ({ ...m, names: [...new Set([...m.names, ...names])] }));
    turn.trace.factsTaken = Object.fromEntries(
      Object.entries(facts).filter(([n, f]) => f.source !== 'booking' && before[n]?.value !== f.value).map(([n, f]) => [n, f.value]),
    );
  }

  /** A further problem the traveller reported on the way is offered once this one is done. */
  private async offerNext(dc: DialogContext, turn: ConversationTurn): Promise<void> {
    const [next, ...rest] = turn.memory.queuedProblems;
    const problem = this.services.knowledge().problems.find((p) => p.id === next);
    if (!problem) return;
    turn.update((m) => ({ ...m, queuedProblems: rest }));
    const title = problem.title.charAt(0).toLowerCase() + problem.title.slice(1);
    const card: Partial<Activity> = choicesCard(turn.voice.line('nextProblem', { problemTitle: title }), [
      { label: "Yes, let's look at it", target: `problem:${problem.id}` },
      { label: 'No, thanks', target: 'dismiss' },
    ]);
    await dc.context.sendActivity(card);
  }
}

/** Whether an action shows the traveller something to answer or read (resolved and handoff are the dialog's). */
function renderable(action: RecoveryAction): boolean {
  return action.kind !== 'resolved' && action.kind !== 'handoff' && action.kind !== 'acknowledge' && action.kind !== 'say';
}
