import { ConversationState, UserState } from 'botbuilder';
import { OutgoingTextSanitizer } from './outgoingText';
import { ApologyGuard } from './apologyGuard';
import { ConversationLog } from './conversationLog';
import { ProactiveMessenger } from './proactiveMessenger';
import type { Config } from '../src/config';
import type { Logger } from '../src/shared/logger';
import type { Clock } from '../src/shared/clock';
import type { KnowledgeService } from '../src/knowledge';
import type { NluService } from '../src/nlu';
import type { Stores } from '../src/storage';
import type { PlatformGateway } from '../src/platform';
import { redactDeep } from '../src/shared/redact';
import type { BotGateway } from '../src/http/ports';
import type { ConversationMessenger } from '../src/handoff';
import { MainDialog } from '../dialogs/mainDialog';
import type { RecoveryServices } from '../dialogs/services';
import { CaseService, HandoffTimers, QueueService, scheduleResolutionCheck } from '../src/handoff';
import { HandoffRelay } from './handoffRelay';
import { RecoveryEngine } from '../src/recovery';
import type { TurnTrace } from '../src/conversation/trace';
import { FollowUpAnswers } from '../src/followUp';

import { createAdapter } from './adapter';
import { BotFrameworkGateway, trustedTurnOf } from './gateway';
import { directoryAccountOf, ProofAttempts, type TrustedTurn } from '../src/platform';
import { newCaseEvent } from '../src/handoff/caseModel';
import { createAccessors, ReboundBot } from './reboundBot';
import { MeteredTurnRunner } from './turnMeter';
import { noopMetrics, type MetricsRecorder } from '../src/metrics/ports';
import { noopTracer, traceCalls, type Tracer } from '../src/metrics/tracing';

/** What the Bot Framework edge needs from the engine. */
export interface BotRuntimeDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  stores: Stores;
  knowledge: KnowledgeService;
  nlu: NluService;
  /** The travel platform: bookings, actors, messages, cancellation and refund requests. */
  platform: PlatformGateway;
  /** Receives what each turn did (the conversation evaluation); absent: nobody listens. */
  observeTurn?: (trace: TurnTrace) => void | Promise<void>;
  /** A tool's own trusted identities (the conversation evaluation vouches its traveller); production has none. */
  trustedOf?: (activity: { conversation: { id: string }; channelId: string }) => TrustedTurn | undefined;
  /** Records each turn's outcome and time and the NLU's verdicts; absent: nothing recorded. */
  metrics?: MetricsRecorder;
  /** Spans of each turn and of the NLU's work in it; absent: no traces. */
  tracer?: Tracer;
}

/** The Bot Framework edge, built: the gateway the HTTP layer calls. */
export interface BotRuntime {
  gateway: BotGateway;
  /** Sends messages to a conversation outside a turn (agents, follow-ups). */
  messenger: ConversationMessenger;
  /** The agents' side of cases (queue, claim, messages, resolve, sweeps). */
  queue: QueueService;
  stop(): Promise<void>;
}

/** Builds adapter, state, dialogs and bot on top of the engine services. */
export function createBotRuntime(deps: BotRuntimeDeps): BotRuntime {
  const { config, logger, clock, stores, knowledge, platform } = deps;
  const tracer = deps.tracer ?? noopTracer;
  const nlu = traceCalls(deps.nlu, 'nlu', tracer);
  const adapter = createAdapter(config, logger);
  // Sanitised before the transcript records it: the log shows what the traveller was really sent.
  adapter.use(new OutgoingTextSanitizer());
  // At most one apology per reply, whatever the knowledge base and the dialogs say in one turn.
  adapter.use(new ApologyGuard());
  adapter.use(new ConversationLog(stores.transcripts, stores.conversationReferences, clock));
  const messenger = new ProactiveMessenger(adapter, stores.conversationReferences, config.MicrosoftAppId ?? '');
  const conversationState = new ConversationState(stores.state);
  const userState = new UserState(stores.state);
  const accessors = createAccessors(conversationState);
  const timers = new HandoffTimers(() => knowledge.current().kb.escalation);
  const queue = new QueueService({
    cases: stores.cases,
    clock,
    messenger,
    timers,
    rules: () => knowledge.current().kb,
    followUps: stores.followUps,
    analytics: stores.analytics,
    logger,
  });
  const cases = new CaseService(stores.cases, clock, timers, queue.notifier);
  const services: RecoveryServices = {
    understand: (text) => nlu.understand(text),
    nlu,
    ...(deps.observeTurn ? { observeTurn: deps.observeTurn } : {}),
    knowledge: () => knowledge.current().kb,
    logger,
    record: async (event) => {
      // problemId has no column of its own: it travels in data, where the owners' analytics read it.
      const { problemId, ...rest } = event;
      await stores.analytics.record({ ...rest, at: clock.now().toISOString(), data: redactDeep({ ...(problemId ? { problemId } : {}), ...(event.data ?? {}) }) });
    },
    recovery: new RecoveryEngine({ current: () => knowledge.current().kb }, clock),
    cases,
    platform,
    now: () => clock.now(),
    owner: (context) => ({
      conversationId: context.activity.conversation.id,
      userId: context.activity.from?.id ?? 'unknown',
      channelId: context.activity.channelId,
    }),
    resolved: async (context, caseId, problemId) => {
      const now = clock.now();
      const resolved = await cases.resolveByBot(caseId, 'resolved with the bot; the traveller confirmed');
      const conversationId = context.activity.conversation.id;
      // Complaint step 6: check back that it held. A stored timer, swept by the follow-up sweeper.
      const resolvedAt = resolved?.resolvedAt ?? now.toISOString();
      await scheduleResolutionCheck(stores.followUps, now, { caseId, conversationId, userId: context.activity.from?.id, problemId, resolvedBy: 'bot', resolvedAt });
      await services.record({ type: 'resolved_by_bot', conversationId, caseId, problemId });
    },
    followUps: new FollowUpAnswers({ cases: stores.cases, analytics: stores.analytics, clock }),
    trusted: (context) => {
      const account = directoryAccountOf(context.activity, !!config.MicrosoftAppId);
      return { ...deps.trustedOf?.(context.activity), ...trustedTurnOf(context), ...(account ? { directoryAccount: account } : {}) };
    },
    proofAttempts: new ProofAttempts(clock),
    recordBookingEvent: async (caseId, data) => {
      await stores.cases.appendEvent(newCaseEvent(caseId, 'note', { kind: 'bot', id: 'rebound' }, clock.now(), { bookingEvent: data }));
    },
  };
  const mainDialog = new MainDialog(services, accessors.memory);
  const bot = new ReboundBot(services, conversationState, userState, mainDialog, accessors.dialogState, [new HandoffRelay(queue, services, accessors.memory)]);
  const caseReference = async (conversationId: string) => (await stores.cases.findActiveByConversation(conversationId))?.reference;
  const runner = new MeteredTurnRunner(bot, deps.metrics ?? noopMetrics, tracer, caseReference);
  const gateway = new BotFrameworkGateway(adapter, runner, stores.locks, { appId: config.MicrosoftAppId });
  return { gateway, messenger, queue, stop: async () => undefined };
}
