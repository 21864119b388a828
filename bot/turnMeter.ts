import { performance } from 'node:perf_hooks';
import type { TurnContext } from 'botbuilder';
import { ConversationTurn } from '../dialogs/turn';
import type { TurnTrace } from '../src/conversation/trace';
import { channelLabel } from '../src/metrics/labels';
import type { MetricsRecorder, NluVerdict, TurnOutcome } from '../src/metrics/ports';
import type { SpanAttributes, Tracer } from '../src/metrics/tracing';
import type { Understanding } from '../src/nlu/types';
import type { TurnRunner } from './gateway';

/** What a turn came to, from what the dialogs recorded on its trace; none for a turn no dialog read (a join, an event). */
export function turnOutcome(activityType: string, trace: TurnTrace | undefined): TurnOutcome {
  if (!trace) return activityType === 'message' ? 'answered' : 'other';
  if (trace.handoff) return 'handoff';
  if (trace.fallback || trace.decision === 'clarify' || trace.decision === 'rephrase') return 'clarification';
  if (trace.decision === 'answer_faq') return 'answered';
  // Waiting for a person or with one: what the traveller wrote went to the case (the relay).
  if (trace.pending === 'person') return 'relayed';
  if (trace.problemId) return 'recovery_step';
  return 'answered';
}

/** The NLU's verdict as the metrics name it. */
export function verdictOf(understanding: Understanding): NluVerdict {
  return understanding.verdict === 'match' ? 'in_scope' : understanding.verdict;
}

/**
 * Runs each turn of the bot timed (the bot's own time: inside the conversation's lock, dialogs and state
 * saves included) and records what it came to, and the NLU's reading of the message; with traces on, the
 * turn is the root span, with the case reference, never the conversation id or the message, as attributes.
 */
export class MeteredTurnRunner implements TurnRunner {
  constructor(
    private readonly bot: TurnRunner,
    private readonly metrics: MetricsRecorder,
    private readonly tracer: Tracer,
    /** The reference of the conversation's case (looked up only when traces are on). */
    private readonly caseReference: (conversationId: string) => Promise<string | undefined>,
  ) {}

  run(context: TurnContext): Promise<void> {
    const channel = channelLabel(context.activity.channelId);
    if (!this.tracer.enabled) return this.measured(context, channel);
    return this.tracer.span('rebound.turn', 'root', { 'rebound.channel': channel, 'rebound.activity_type': String(context.activity.type).slice(0, 32) }, async (span) => {
      let outcome: SpanAttributes = {};
      try {
        await this.measured(context, channel, (attributes) => (outcome = attributes));
      } finally {
        const reference = await this.caseReference(context.activity.conversation.id).catch(() => undefined);
        span.set({ ...outcome, ...(reference ? { 'rebound.case_reference': reference } : {}) });
      }
    });
  }

  private async measured(context: TurnContext, channel: string, describe?: (attributes: SpanAttributes) => void): Promise<void> {
    const start = performance.now();
    let failed = true;
    try {
      await this.bot.run(context);
      failed = false;
    } finally {
      const turn = ConversationTurn.current(context);
      const outcome = failed ? 'failed' : turnOutcome(context.activity.type, turn?.trace);
      this.metrics.turn(channel, outcome, (performance.now() - start) / 1000);
      const understanding = turn?.reading?.understanding;
      if (understanding) this.metrics.understanding(verdictOf(understanding), understanding.best?.confidence ?? 0);
      describe?.({
        'rebound.outcome': outcome,
        ...(understanding ? { 'rebound.nlu.verdict': verdictOf(understanding), 'rebound.nlu.confidence': understanding.best?.confidence ?? 0 } : {}),
        ...(turn?.trace.decision ? { 'rebound.decision': turn.trace.decision } : {}),
        ...(turn?.trace.problemId ? { 'rebound.problem_id': turn.trace.problemId } : {}),
      });
    }
  }
}
