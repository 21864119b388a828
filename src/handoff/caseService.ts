import type { Clock } from '../shared/clock';
import { newCase, newCaseEvent, transition, type Case, type CaseActor, type CasePriority, type CaseSummary } from './caseModel';
import type { CaseRepository } from './ports';

/** Where a conversation's case is: its channel coordinates. */
export interface CaseOwner {
  conversationId: string;
  userId: string;
  channelId: string;
}

/** A case in the queue with its place in it (1 = next). */
export interface QueuedCase {
  case: Case;
  position: number;
}

const BOT: CaseActor = { kind: 'bot', id: 'rebound' };

/** When a queued case expires (HandoffTimers); without it queued cases wait with no deadline. */
export interface QueueDeadlines {
  pendingDueAt(now: Date): string;
}

/** Tells the travellers already waiting when a newly queued case moves them (QueueNotifier). */
export interface QueueWatcher {
  positions(): Promise<Map<string, number>>;
  /** Never rejects; not awaited, so a turn never waits on other travellers' channels. */
  updateQueueQuietly(before: Map<string, number>, now: Date, except?: string): Promise<void>;
}

/** The bot's side of cases: one active case per conversation, opened at the first failure, escalated when stuck. */
export class CaseService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly deadlines?: QueueDeadlines,
    private readonly watcher?: QueueWatcher,
  ) {}

  /** The conversation's active case, or null. */
  active(conversationId: string): Promise<Case | null> {
    return this.cases.findActiveByConversation(conversationId);
  }

  /** Opens a case for a recovery (the traveller gets its reference at once), or reuses the active one. */
  async openForRecovery(owner: CaseOwner, summary: CaseSummary, priority: CasePriority): Promise<Case> {
    const existing = await this.cases.findActiveByConversation(owner.conversationId);
    if (existing) return this.updateSummary(existing, summary);
    const created = newCase({ ...owner, status: 'open', priority, summary }, BOT, this.clock.now());
    return this.cases.create(created.case, [created.event]);
  }

  /** The case with this id, or null. */
  get(caseId: string): Promise<Case | null> {
    return this.cases.get(caseId);
  }

  /** Records the latest summary of a case the bot is still working on (queued cases keep theirs). */
  async saveSummary(caseId: string, summary: CaseSummary): Promise<void> {
    const current = await this.cases.get(caseId);
    if (current && (current.status === 'open' || current.status === 'returned_to_bot')) await this.updateSummary(current, summary);
  }

  /** Closes a case the traveller walked away from ("cancel"), if the bot still has it. */
  async abandon(caseId: string | undefined): Promise<void> {
    const current = caseId ? await this.cases.get(caseId) : null;
    if (!current || (current.status !== 'open' && current.status !== 'returned_to_bot')) return;
    const moved = transition(current, { type: 'abandon', reason: 'traveller stopped the recovery' }, BOT, this.clock.now());
    await this.cases.update(moved.case, current.version, [moved.event]);
  }

  /** Records what the bot has gathered so far. */
  async updateSummary(current: Case, summary: CaseSummary): Promise<Case> {
    const next: Case = { ...current, summary, updatedAt: this.clock.now().toISOString() };
    return this.cases.update(next, current.version, [newCaseEvent(current.id, 'summary_updated', BOT, this.clock.now(), {})]);
  }

  /** Queues the conversation's case for a person (creating it if there is none); already queued cases stay as they are. */
  async escalate(owner: CaseOwner, reason: string, summary: CaseSummary, priority: CasePriority): Promise<QueuedCase> {
    const now = this.clock.now();
    let current = await this.cases.findActiveByConversation(owner.conversationId);
    const dueAt = this.deadlines?.pendingDueAt(now);
    const queues = !current || current.status === 'open' || current.status === 'returned_to_bot';
    // A high-priority case goes ahead of the ones waiting: their travellers hear their new place.
    const before = queues && higher(current?.priority ?? priority, priority) === 'high' ? await this.watcher?.positions() : undefined;
    if (!current) {
      const created = newCase({ ...owner, status: 'pending', priority, handoffReason: reason, summary, dueAt }, BOT, now);
      current = await this.cases.create(created.case, [created.event]);
    } else if (queues) {
      const moved = transition({ ...current, summary }, { type: 'escalate', reason, priority: higher(current.priority, priority), dueAt }, BOT, now);
      current = await this.cases.update(moved.case, current.version, [moved.event]);
    }
    if (before) void this.watcher?.updateQueueQuietly(before, now, current.id);
    return { case: current, position: await this.position(current) };
  }

  /**
   * Makes a live case high priority (the traveller wrote that children are out in the cold, that they are
   * unsafe...), with the reasons; a case waiting in the queue moves ahead, and those it overtakes hear their new place.
   */
  async raisePriority(caseId: string, reasons: readonly string[]): Promise<Case | null> {
    const current = await this.cases.get(caseId);
    if (!current || current.priority === 'high' || ['resolved', 'expired', 'abandoned'].includes(current.status)) return current;
    const now = this.clock.now();
    const before = current.status === 'pending' ? await this.watcher?.positions() : undefined;
    const next: Case = { ...current, priority: 'high', updatedAt: now.toISOString() };
    const saved = await this.cases.update(next, current.version, [newCaseEvent(current.id, 'prioritised', BOT, now, { from: current.priority, to: 'high', reasons: [...reasons] })]);
    if (before) void this.watcher?.updateQueueQuietly(before, now, saved.id);
    return saved;
  }

  /** Closes the conversation's case as resolved by the bot (the traveller confirmed it). */
  async resolveByBot(caseId: string, outcome: string): Promise<Case | null> {
    const current = await this.cases.get(caseId);
    if (!current || (current.status !== 'open' && current.status !== 'returned_to_bot')) return current;
    const moved = transition(current, { type: 'resolve', outcome }, BOT, this.clock.now());
    return this.cases.update(moved.case, current.version, [moved.event]);
  }

  /** The case's place in the queue (1 = next), or 0 when it is not waiting. */
  async position(c: Case): Promise<number> {
    if (c.status !== 'pending') return 0;
    const queue = await this.cases.list('pending');
    const i = queue.findIndex((q) => q.id === c.id);
    return i < 0 ? 0 : i + 1;
  }
}

function higher(a: CasePriority, b: CasePriority): CasePriority {
  return a === 'high' || b === 'high' ? 'high' : 'normal';
}
