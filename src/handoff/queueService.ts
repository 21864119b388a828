import type { Compensation, Escalation } from '../knowledge/schema';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { redact } from '../shared/redact';
import { newCaseEvent, transition, type Case, type CaseActor, type CaseCommand, type CaseEvent, type CaseRemedy, type CaseStatus } from './caseModel';
import { scheduleResolutionCheck, type FollowUpScheduler } from './followUp';
import { HANDOFF_EVENTS, type HandoffAnalytics } from './measures';
import type { ConversationMessenger } from './messenger';
import type { CaseRepository } from './ports';
import { QueueNotifier } from './queueNotifier';
import { checkRemedy, normaliseRemedy, remediesForCase, type PolicyRemedy } from './remedyPolicy';
import type { HandoffTimers } from './timers';
import { remedyInWords, travellerTexts } from './travellerTexts';

/** The parts of the knowledge base the queue follows. */
export interface QueueRules {
  escalation: Escalation;
  compensation: Compensation;
}

/** What the queue service is built on. */
export interface QueueServiceDeps {
  cases: CaseRepository;
  clock: Clock;
  messenger: ConversationMessenger;
  timers: HandoffTimers;
  rules: () => QueueRules;
  followUps: FollowUpScheduler;
  analytics: HandoffAnalytics;
  logger: Logger;
}

/** A listed case with its place in the queue (pending cases only). */
export interface ListedCase {
  case: Case;
  position?: number;
}

/** What an agent resolves a case with. */
export interface Resolution {
  outcome: string;
  remedy?: CaseRemedy | null;
}

const agentActor = (name: string): CaseActor => ({ kind: 'agent', id: name });
const ms = (from: string | undefined, to: Date): number | undefined => (from ? to.getTime() - new Date(from).getTime() : undefined);

/**
 * The agents' side of cases: the queue (priority, then waiting time), claim, talk, note, resolve within
 * the compensation policy, release, and hand back to the bot. Every move goes through the case state
 * machine (illegal ones refused with ILLEGAL_TRANSITION, nothing changed) and is stored with its event.
 */
export class QueueService {
  readonly notifier: QueueNotifier;

  constructor(private readonly deps: QueueServiceDeps) {
    this.notifier = new QueueNotifier(deps.cases, deps.messenger, deps.timers, () => deps.rules().escalation, deps.logger);
  }

  /** Cases in the statuses: pending ones in queue order with their place, the others newest change first. */
  async list(statuses: readonly CaseStatus[], limit = 200): Promise<ListedCase[]> {
    const listed: ListedCase[] = [];
    if (statuses.includes('pending')) {
      const queue = await this.deps.cases.list('pending', { limit });
      listed.push(...queue.map((c, i) => ({ case: c, position: i + 1 })));
    }
    const others = statuses.filter((s) => s !== 'pending');
    if (others.length) {
      const rest = await this.deps.cases.list(others, { limit: 5000 });
      rest.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      listed.push(...rest.slice(0, limit).map((c) => ({ case: c })));
    }
    return listed.slice(0, limit);
  }

  /** The case (NOT_FOUND when unknown). */
  async get(caseId: string): Promise<Case> {
    const c = await this.deps.cases.get(caseId);
    if (!c) throw new AppError('NOT_FOUND', `case ${caseId} not found`);
    return c;
  }

  /** The conversation's active case, or null. */
  active(conversationId: string): Promise<Case | null> {
    return this.deps.cases.findActiveByConversation(conversationId);
  }

  /** The case's events in order. */
  events(caseId: string): Promise<CaseEvent[]> {
    return this.deps.cases.listEvents(caseId);
  }

  /** The case's place in the queue (0 when not waiting). */
  async position(c: Case): Promise<number> {
    return c.status === 'pending' ? ((await this.notifier.positions()).get(c.id) ?? 0) : 0;
  }

  /** The remedies of the policy an agent may grant for the case. */
  remedies(c: Case): PolicyRemedy[] {
    return remediesForCase(this.deps.rules().compensation, c.summary);
  }

  /** Takes a pending case; the traveller hears who has it, the others their new place. */
  async claim(caseId: string, agent: string): Promise<Case> {
    const now = this.deps.clock.now();
    const before = await this.notifier.positions();
    const current = await this.get(caseId);
    const claimed = await this.move(current, { type: 'claim', dueAt: this.deps.timers.idleDueAt(now) }, agentActor(agent), now);
    await this.notifier.tell(claimed, travellerTexts.claimed(claimed, agent));
    await this.notifier.updateQueue(before, now, claimed.id);
    await this.record(HANDOFF_EVENTS.claimed, claimed, now, { waitMs: ms(current.queuedAt ?? current.createdAt, now) });
    return claimed;
  }

  /** Sends the agent's words to the traveller on the conversation's channel and records them. */
  async sendMessage(caseId: string, agent: string, text: string): Promise<CaseEvent> {
    const now = this.deps.clock.now();
    const current = this.mustHold(await this.get(caseId), agent, 'message');
    // The traveller comes first: an undeliverable message fails the call and is not recorded as said.
    await this.deps.messenger.send(current.conversationId, { text, from: { kind: 'agent', name: agent } });
    const event = newCaseEvent(current.id, 'message', agentActor(agent), now, { text: redact(text) });
    await this.deps.cases.update({ ...current, updatedAt: now.toISOString(), dueAt: this.deps.timers.idleDueAt(now) }, current.version, [event]);
    return event;
  }

  /** Adds an internal note (never shown to the traveller), on a case in any status. */
  async addNote(caseId: string, agent: string, text: string): Promise<CaseEvent> {
    const current = await this.get(caseId);
    const event = newCaseEvent(current.id, 'note', agentActor(agent), this.deps.clock.now(), { text: redact(text) });
    await this.deps.cases.appendEvent(event);
    return event;
  }

  /** Closes the case within the compensation policy; the bot takes the conversation back and schedules the follow-up. */
  async resolve(caseId: string, agent: string, resolution: Resolution): Promise<Case> {
    const now = this.deps.clock.now();
    const current = this.mustHold(await this.get(caseId), agent, 'resolve');
    const policy = this.deps.rules().compensation;
    const remedy = resolution.remedy ? normaliseRemedy(policy, current.summary, resolution.remedy) : undefined;
    const problems = remedy ? checkRemedy(policy, current.summary, remedy) : [];
    if (problems.length) throw new AppError('VALIDATION_FAILED', `The remedy is outside the compensation policy: ${problems.join('; ')}`, { problems });
    const resolved = await this.move(current, { type: 'resolve', outcome: resolution.outcome, ...(remedy ? { remedy } : {}) }, agentActor(agent), now);
    const label = remedy ? policy.remedies.find((r) => r.id === remedy.remedyId)?.label : undefined;
    await this.notifier.tell(resolved, travellerTexts.resolved(resolved, remedyInWords(remedy, label)));
    await scheduleResolutionCheck(this.deps.followUps, now, {
      caseId: resolved.id,
      conversationId: resolved.conversationId,
      userId: resolved.userId,
      ...(resolved.summary.problemId ? { problemId: resolved.summary.problemId } : {}),
      resolvedBy: 'agent',
      resolvedAt: resolved.resolvedAt ?? now.toISOString(),
    });
    await this.record(HANDOFF_EVENTS.resolved, resolved, now, {
      sinceQueuedMs: ms(current.queuedAt ?? current.createdAt, now),
      sinceClaimMs: ms(current.claimedAt, now),
      ...(remedy ? { remedyId: remedy.remedyId, amount: remedy.amount, currency: remedy.currency } : {}),
    });
    return resolved;
  }

  /** Puts the agent's case back in the queue, keeping its place by waiting time. */
  async release(caseId: string, agent: string, reason?: string): Promise<Case> {
    return this.requeue(this.mustHold(await this.get(caseId), agent, 'release'), agentActor(agent), reason ?? 'released by the agent');
  }

  /** Hands the conversation back to the bot without resolving (the agent's decision). */
  async returnToBot(caseId: string, agent: string, note?: string): Promise<Case> {
    const now = this.deps.clock.now();
    const current = this.mustHold(await this.get(caseId), agent, 'return_to_bot');
    const returned = await this.move(current, { type: 'return_to_bot', ...(note ? { note } : {}) }, agentActor(agent), now);
    await this.notifier.tell(returned, travellerTexts.returnedToBot(returned));
    await this.record(HANDOFF_EVENTS.returned, returned, now, { by: 'agent' });
    return returned;
  }

  /** The traveller leaves the queue and goes on with the bot; the others move up. */
  async leaveQueue(c: Case, travellerId: string): Promise<Case> {
    const now = this.deps.clock.now();
    const before = await this.notifier.positions();
    const returned = await this.move(c, { type: 'return_to_bot', note: 'the traveller left the queue' }, { kind: 'traveller', id: travellerId }, now);
    await this.notifier.updateQueue(before, now, c.id);
    await this.record(HANDOFF_EVENTS.returned, returned, now, { by: 'traveller' });
    return returned;
  }

  /** Records what the traveller wrote while waiting or talking to an agent (redacted), for every agent to see. */
  async travellerMessage(c: Case, travellerId: string, text: string): Promise<CaseEvent> {
    const event = newCaseEvent(c.id, 'message', { kind: 'traveller', id: travellerId }, this.deps.clock.now(), { text: redact(text) });
    await this.deps.cases.appendEvent(event);
    return event;
  }

  /** Records the bot's answer to a question the traveller asked while waiting (shown as the bot's, for every agent to see). */
  async botAnswer(c: Case, text: string): Promise<CaseEvent> {
    const event = newCaseEvent(c.id, 'message', { kind: 'bot', id: 'rebound' }, this.deps.clock.now(), { text: redact(text) });
    await this.deps.cases.appendEvent(event);
    return event;
  }

  /** Expires pending cases that waited too long and releases assigned ones whose agent went quiet; returns how many moved. */
  async sweep(now: Date = this.deps.clock.now()): Promise<{ expired: number; released: number }> {
    const report = { expired: 0, released: 0 };
    const due = await this.deps.cases.findDue(now, 50);
    if (due.length === 0) return report;
    const before = await this.notifier.positions();
    const system: CaseActor = { kind: 'system', id: 'sweeper' };
    for (const c of due) {
      try {
        if (c.status === 'pending') {
          const expired = await this.move(c, { type: 'expire' }, system, now);
          await this.notifier.tell(expired, travellerTexts.expired(expired));
          await this.record(HANDOFF_EVENTS.expired, expired, now, { waitMs: ms(c.queuedAt ?? c.createdAt, now) });
          report.expired++;
        } else if (c.status === 'assigned') {
          await this.requeue(c, system, 'the agent was idle too long');
          report.released++;
        }
      } catch (err) {
        // Another instance swept it first: its move stands.
        if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'ILLEGAL_TRANSITION')) continue;
        throw err;
      }
    }
    if (report.expired) await this.notifier.updateQueue(before, now);
    return report;
  }

  private async requeue(current: Case, actor: CaseActor, reason: string): Promise<Case> {
    const now = this.deps.clock.now();
    const released = await this.move(current, { type: 'release', reason, dueAt: this.deps.timers.pendingDueAt(now) }, actor, now);
    const position = await this.position(released);
    await this.notifier.tell(released, travellerTexts.released(released, position, this.notifier.waitFor(position, now)));
    await this.record(HANDOFF_EVENTS.released, released, now, { by: actor.kind, heldMs: ms(current.claimedAt, now) });
    return released;
  }

  /** A legal move, stored with its event (ILLEGAL_TRANSITION or CONFLICT otherwise, nothing changed). */
  private async move(current: Case, command: CaseCommand, actor: CaseActor, now: Date): Promise<Case> {
    const moved = transition(current, command, actor, now);
    return this.deps.cases.update(moved.case, current.version, [moved.event]);
  }

  /** The case if the agent holds it; ILLEGAL_TRANSITION for a case that is not assigned to them. */
  private mustHold(c: Case, agent: string, command: string): Case {
    if (c.status === 'assigned' && c.assignee === agent) return c;
    const why = c.status === 'assigned' ? `it is assigned to ${c.assignee ?? 'someone else'}` : `it is ${c.status}`;
    throw new AppError('ILLEGAL_TRANSITION', `cannot "${command}" case ${c.reference}: ${why}`, { caseId: c.id, status: c.status, command });
  }

  private async record(type: string, c: Case, now: Date, data: Record<string, unknown>): Promise<void> {
    const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
    try {
      await this.deps.analytics.record({ type, at: now.toISOString(), conversationId: c.conversationId, userId: c.userId, caseId: c.id, data: clean });
    } catch (err) {
      this.deps.logger.warn({ caseId: c.id, err: (err as Error).message }, 'handoff measure not recorded');
    }
  }
}
