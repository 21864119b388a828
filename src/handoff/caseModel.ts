import { randomInt, randomUUID } from 'node:crypto';
import { AppError } from '../shared/errors';

/** Every status of a case (escalation); see CASE_TRANSITIONS for the legal moves. */
export const CASE_STATUSES = ['open', 'pending', 'assigned', 'resolved', 'returned_to_bot', 'expired', 'abandoned'] as const;
/** Where a case stands: open (the bot is on it), pending (queued for a person), assigned, or closed. */
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses of a case that still needs the bot or a person (one per conversation at most). */
export const ACTIVE_CASE_STATUSES: readonly CaseStatus[] = ['open', 'pending', 'assigned', 'returned_to_bot'];
/** Queue priority: high-stakes cases (stranded, safety, money lost) go first. */
export type CasePriority = 'high' | 'normal';
/** Who did something to a case. */
export interface CaseActor {
  kind: 'traveller' | 'agent' | 'bot' | 'system';
  id: string;
}
/** Kinds of actor. */
export type ActorKind = CaseActor['kind'];

/** One recovery step the bot tried, with its strategy (S1-S6) and outcome. */
export interface CaseStepRecord {
  stepId: string;
  strategy: string;
  outcome: 'succeeded' | 'failed' | 'skipped' | 'pending';
  at: string;
  note?: string;
}
/** A remedy of the compensation policy offered to the traveller, and whether it was accepted. */
export interface RemedyOffer {
  remedyId: string;
  offeredAt: string;
  accepted?: boolean;
  amount?: number;
  currency?: string;
}
/** Everything the bot gathered, so the traveller never repeats themselves. */
export interface CaseSummary {
  problemId?: string;
  title: string;
  facts: Record<string, string>;
  steps: CaseStepRecord[];
  /** Sentiment score of each traveller message, oldest first, in [-1, 1]. */
  sentimentTrend: number[];
  wishedOutcome?: string;
  remedies: RemedyOffer[];
}
/** The remedy granted on resolution (within the compensation policy; checked by the service). */
export interface CaseRemedy {
  remedyId: string;
  amount?: number;
  currency?: string;
  note?: string;
}

/** A case: one traveller's problem, from the first failure message to its closing. Timestamps are ISO strings. */
export interface Case {
  id: string;
  /** Short code the traveller is given, e.g. RB-7K3Q9F (Crockford base32). */
  reference: string;
  conversationId: string;
  userId: string;
  channelId: string;
  status: CaseStatus;
  priority: CasePriority;
  handoffReason?: string;
  summary: CaseSummary;
  assignee?: string;
  createdAt: string;
  updatedAt: string;
  /** When the case last entered the queue (escalated); kept on release so it keeps its wait. */
  queuedAt?: string;
  claimedAt?: string;
  resolvedAt?: string;
  outcome?: string;
  remedy?: CaseRemedy;
  /** Expiry or SLA deadline as data, swept by findDue(now); cleared on every move unless the command sets it. */
  dueAt?: string;
  /** Optimistic concurrency: the version as stored; the repository bumps it on each update. */
  version: number;
}

/** A move of the state machine, with what it carries. */
export type CaseCommand =
  | { type: 'escalate'; reason: string; priority?: CasePriority; dueAt?: string }
  | { type: 'claim'; dueAt?: string }
  | { type: 'release'; reason?: string; dueAt?: string }
  | { type: 'resolve'; outcome: string; remedy?: CaseRemedy }
  | { type: 'return_to_bot'; note?: string; dueAt?: string }
  | { type: 'expire' }
  | { type: 'abandon'; reason?: string }
  | { type: 'reopen'; reason?: string; dueAt?: string };
/** The name of a move. */
export type CaseCommandType = CaseCommand['type'];
/** What a case event records: a creation, a move, or something said or noted along the way. */
export type CaseEventType = 'created' | CaseCommandType | 'note' | 'message' | 'summary_updated' | 'prioritised';

/** Something that happened to a case, with who and when. Message text in data is redacted by the caller. */
export interface CaseEvent {
  id: string;
  caseId: string;
  type: CaseEventType;
  actor: CaseActor;
  at: string;
  data: Record<string, unknown>;
}

type Move = { to: CaseStatus; by: readonly ActorKind[] };
const move = (to: CaseStatus, ...by: ActorKind[]): Move => ({ to, by });

/** The transitions table: status -> command -> next status and the kinds of actor allowed to make the move. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseCommandType, Move>>>> = {
  open: {
    escalate: move('pending', 'bot', 'traveller', 'system'),
    resolve: move('resolved', 'bot', 'traveller'),
    abandon: move('abandoned', 'traveller', 'bot', 'system'),
    expire: move('expired', 'system'),
  },
  pending: {
    claim: move('assigned', 'agent'),
    return_to_bot: move('returned_to_bot', 'traveller', 'bot', 'agent', 'system'),
    abandon: move('abandoned', 'traveller', 'bot', 'system'),
    expire: move('expired', 'system'),
  },
  assigned: {
    release: move('pending', 'agent', 'system'),
    resolve: move('resolved', 'agent'),
    return_to_bot: move('returned_to_bot', 'agent'),
    abandon: move('abandoned', 'traveller', 'system'),
  },
  returned_to_bot: {
    escalate: move('pending', 'bot', 'traveller', 'system'),
    resolve: move('resolved', 'bot', 'traveller'),
    abandon: move('abandoned', 'traveller', 'bot', 'system'),
    expire: move('expired', 'system'),
  },
  resolved: { reopen: move('open', 'traveller', 'bot', 'system') },
  expired: {},
  abandoned: {},
};

/** True when the command is a legal move from the case's status for this kind of actor. */
export function canTransition(status: CaseStatus, type: CaseCommandType, actor: ActorKind): boolean {
  return CASE_TRANSITIONS[status][type]?.by.includes(actor) ?? false;
}

/** Applies one move; refuses an illegal one with AppError('ILLEGAL_TRANSITION') and returns the case and its event. */
export function transition(current: Case, command: CaseCommand, actor: CaseActor, now: Date): { case: Case; event: CaseEvent } {
  const legal = CASE_TRANSITIONS[current.status][command.type];
  if (!legal) {
    throw new AppError('ILLEGAL_TRANSITION', `a ${current.status} case cannot be moved by "${command.type}"`, {
      caseId: current.id,
      status: current.status,
      command: command.type,
    });
  }
  if (!legal.by.includes(actor.kind)) {
    throw new AppError('ILLEGAL_TRANSITION', `a ${actor.kind} cannot "${command.type}" a ${current.status} case`, {
      caseId: current.id,
      status: current.status,
      command: command.type,
      actor: actor.kind,
    });
  }
  const at = now.toISOString();
  const next: Case = { ...current, status: legal.to, updatedAt: at, dueAt: 'dueAt' in command ? command.dueAt : undefined };
  switch (command.type) {
    case 'escalate':
      next.handoffReason = command.reason;
      next.priority = command.priority ?? current.priority;
      next.queuedAt = at;
      break;
    case 'claim':
      next.assignee = actor.id;
      next.claimedAt = at;
      break;
    case 'release':
    case 'return_to_bot':
      next.assignee = undefined;
      next.claimedAt = undefined;
      break;
    case 'resolve':
      next.resolvedAt = at;
      next.outcome = command.outcome;
      next.remedy = command.remedy;
      break;
    case 'reopen':
      next.resolvedAt = undefined;
      next.outcome = undefined;
      next.remedy = undefined;
      next.assignee = undefined;
      break;
    case 'expire':
    case 'abandon':
      break;
  }
  const { type, ...data } = command;
  return { case: dropUndefined(next), event: newCaseEvent(current.id, type, actor, now, { from: current.status, to: legal.to, ...data }) };
}

/** Builds an event that is not a move (a note, a message, a summary update). */
export function newCaseEvent(caseId: string, type: CaseEventType, actor: CaseActor, now: Date, data: Record<string, unknown> = {}): CaseEvent {
  return { id: randomUUID(), caseId, type, actor, at: now.toISOString(), data: dropUndefined(data) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Crockford base32: no I, L, O or U, so a reference read aloud or retyped is unambiguous. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The shape of a case reference. */
export const CASE_REFERENCE_PATTERN = /^RB-[0-9A-HJKMNP-TV-Z]{6}$/;

/** A fresh case reference such as RB-7K3Q9F; 32^6 codes, the repository refuses a duplicate with CONFLICT. */
export function newCaseReference(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return `RB-${code}`;
}

/** Reads a reference as a traveller may type it (lower case, spaces, O for 0, I or L for 1); null if it cannot be one. */
export function normaliseCaseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = compact.startsWith('RB') ? compact.slice(2) : compact;
  const reference = `RB-${code}`;
  return CASE_REFERENCE_PATTERN.test(reference) ? reference : null;
}

/** True when the text is exactly a case reference. */
export function isCaseReference(text: string): boolean {
  return CASE_REFERENCE_PATTERN.test(text);
}

/** What it takes to open a case. */
export interface NewCaseInput {
  conversationId: string;
  userId: string;
  channelId: string;
  /** 'open' when the bot starts a recovery, 'pending' when the traveller goes straight to a person. */
  status?: 'open' | 'pending';
  priority?: CasePriority;
  handoffReason?: string;
  summary: CaseSummary;
  dueAt?: string;
}

/** Builds a new case (version 0 until stored) and its 'created' event. */
export function newCase(input: NewCaseInput, actor: CaseActor, now: Date, reference = newCaseReference()): { case: Case; event: CaseEvent } {
  const at = now.toISOString();
  const created: Case = dropUndefined({
    id: randomUUID(),
    reference,
    conversationId: input.conversationId,
    userId: input.userId,
    channelId: input.channelId,
    status: input.status ?? 'open',
    priority: input.priority ?? 'normal',
    handoffReason: input.handoffReason,
    summary: input.summary,
    queuedAt: input.status === 'pending' ? at : undefined,
    createdAt: at,
    updatedAt: at,
    dueAt: input.dueAt,
    version: 0,
  });
  const event = newCaseEvent(created.id, 'created', actor, now, { status: created.status, reference, priority: created.priority });
  return { case: created, event };
}
