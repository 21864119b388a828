import { ACTIVE_CASE_STATUSES, normaliseCaseReference, type Case, type CaseEvent, type CaseStatus } from '../../src/handoff/caseModel';
import type { CaseListOptions, CaseRepository } from '../../src/handoff/ports';
import { AppError } from '../../src/shared/errors';

const clone = <T>(v: T): T => structuredClone(v);
const rank = (c: Case) => (c.priority === 'high' ? 0 : 1);

/** In-memory CaseRepository with the same versioning and ordering rules as the SQL adapters. */
export class FakeCaseRepository implements CaseRepository {
  readonly cases = new Map<string, Case>();
  readonly events: CaseEvent[] = [];

  /** Stores as version 1. */
  async create(newCase: Case, events: readonly CaseEvent[] = []): Promise<Case> {
    if (this.cases.has(newCase.id) || [...this.cases.values()].some((c) => c.reference === newCase.reference)) {
      throw new AppError('CONFLICT', `case ${newCase.id} or reference ${newCase.reference} already exists`, { field: 'reference' });
    }
    const stored = { ...clone(newCase), version: 1 };
    this.cases.set(stored.id, stored);
    this.events.push(...clone([...events]));
    return clone(stored);
  }

  /** By id. */
  async get(id: string): Promise<Case | null> {
    return clone(this.cases.get(id) ?? null);
  }

  /** By normalised reference. */
  async getByReference(reference: string): Promise<Case | null> {
    const normalised = normaliseCaseReference(reference);
    return clone([...this.cases.values()].find((c) => c.reference === normalised) ?? null);
  }

  /** Newest active case of the conversation. */
  async findActiveByConversation(conversationId: string): Promise<Case | null> {
    const active = [...this.cases.values()].filter((c) => c.conversationId === conversationId && ACTIVE_CASE_STATUSES.includes(c.status));
    return clone(active.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0] ?? null);
  }

  /** Queue order: priority, then createdAt. */
  async list(status: CaseStatus | readonly CaseStatus[], options: CaseListOptions = {}): Promise<Case[]> {
    const statuses: readonly CaseStatus[] = typeof status === 'string' ? [status] : status;
    return [...this.cases.values()]
      .filter((c) => statuses.includes(c.status))
      .sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .slice(0, options.limit ?? 1000)
      .map(clone);
  }

  /** Optimistic update. */
  async update(next: Case, expectedVersion: number, events: readonly CaseEvent[] = []): Promise<Case> {
    const current = this.cases.get(next.id);
    if (!current) throw new AppError('NOT_FOUND', `case ${next.id} does not exist`);
    if (current.version !== expectedVersion) throw new AppError('CONFLICT', `case ${next.id} was changed by someone else`);
    const stored = { ...clone(next), version: expectedVersion + 1 };
    this.cases.set(stored.id, stored);
    this.events.push(...clone([...events]));
    return clone(stored);
  }

  /** Appends to an existing case. */
  async appendEvent(event: CaseEvent): Promise<void> {
    if (!this.cases.has(event.caseId)) throw new AppError('NOT_FOUND', `case ${event.caseId} does not exist`);
    this.events.push(clone(event));
  }

  /** Events in order. */
  async listEvents(caseId: string): Promise<CaseEvent[]> {
    return this.events.filter((e) => e.caseId === caseId).map(clone);
  }

  /** Due active cases, earliest first. */
  async findDue(now: Date, limit = 100): Promise<Case[]> {
    return [...this.cases.values()]
      .filter((c) => c.dueAt && new Date(c.dueAt) <= now && ACTIVE_CASE_STATUSES.includes(c.status))
      .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
      .slice(0, limit)
      .map(clone);
  }
}
