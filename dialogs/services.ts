import type { KnowledgeBase } from '../src/knowledge/schema';
import type { Understanding } from '../src/nlu/types';
import type { Logger } from '../src/shared/logger';
import type { TurnContext } from 'botbuilder';
import type { Case, CaseOwner, CasePriority, CaseSummary, QueuedCase } from '../src/handoff';
import type { RecoveryEngine } from '../src/recovery';
import type { PlatformGateway } from '../src/platform/ports';
import type { ProofAttempts } from '../src/platform/proofAttempts';
import type { TrustedTurn } from '../src/platform/identity';
import type { FollowUpAnswerer, FollowUpOutcome, FollowUpSubmit } from '../src/followUp';
import type { Understander } from '../src/nlu/reading';
import type { TurnTrace } from '../src/conversation/trace';

/** An event for the owner's analytics and knowledge-gap list (redacted by the store). */
export interface ConversationEvent {
  type: string;
  conversationId: string;
  userId?: string;
  caseId?: string;
  problemId?: string;
  data?: Record<string, unknown>;
}

/** The engine services the dialogs consult: decisions come from src/, the dialogs only talk. */
export interface DialogServices {
  understand(text: string): Understanding;
  /** The NLU in service (the understanding step reads each message through it once). */
  nlu: Understander;
  knowledge(): KnowledgeBase;
  record(event: ConversationEvent): Promise<void>;
  /** Now, from the injected clock. */
  now(): Date;
  logger: Logger;
  /** Receives what each turn did (the conversation evaluation listens; absent: nobody does). */
  observeTurn?(trace: TurnTrace): void | Promise<void>;
}

/** The bot's side of cases, as the dialogs need it. */
export interface DialogCases {
  openForRecovery(owner: CaseOwner, summary: CaseSummary, priority: CasePriority): Promise<Case>;
  saveSummary(caseId: string, summary: CaseSummary): Promise<void>;
  escalate(owner: CaseOwner, reason: string, summary: CaseSummary, priority: CasePriority): Promise<QueuedCase>;
  abandon(caseId: string | undefined): Promise<void>;
  get(caseId: string): Promise<Case | null>;
  active(conversationId: string): Promise<Case | null>;
  position(c: Case): Promise<number>;
  /** Makes a live case high priority, with the reasons (children in the cold, unsafe...). */
  raisePriority(caseId: string, reasons: readonly string[]): Promise<Case | null>;
}

/** What the recovery and handoff dialogs need beyond the router's services. */
export interface RecoveryServices extends DialogServices {
  recovery: RecoveryEngine;
  cases: DialogCases;
  /** The travel platform: look bookings up, message their actors, request cancellations and refunds. */
  platform: PlatformGateway;
  /** Who the case belongs to: the conversation's channel coordinates. */
  owner(context: TurnContext): CaseOwner;
  /** The traveller confirmed the fix: close the case, keep the conversation reference, schedule the follow-up. */
  resolved(context: TurnContext, caseId: string, problemId: string): Promise<void>;
  /** What the server established about the turn's traveller (the platform-vouched user, the client); never the activity's from.id. */
  trusted?(context: TurnContext): TrustedTurn;
  /** Wrong proofs of booking ownership per client, across conversations; absent: only the per-conversation limit. */
  proofAttempts?: Pick<ProofAttempts, 'blocked' | 'failed'>;
  /** Records on the case what was done on a booking (or proven about it), and how the traveller was verified. */
  recordBookingEvent?(caseId: string, data: Record<string, unknown>): Promise<void>;
  /** Records the answers to the follow-up after a resolution (src/followUp FollowUpAnswers); absent: not recorded. */
  followUps?: { answer(submit: FollowUpSubmit, who: FollowUpAnswerer): Promise<FollowUpOutcome> };
}
