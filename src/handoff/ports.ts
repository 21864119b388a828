import type { Case, CaseEvent, CaseStatus } from './caseModel';

/** Options of a case listing. */
export interface CaseListOptions {
  limit?: number;
}

/** Where cases and their events are kept (owned by the handoff module; implemented in src/storage). */
export interface CaseRepository {
  /** Stores a new case as version 1 with its first events; CONFLICT if its id or reference is taken. */
  create(newCase: Case, events?: readonly CaseEvent[]): Promise<Case>;
  /** The case with this id, or null. */
  get(id: string): Promise<Case | null>;
  /** The case with this reference (normalised as a traveller may type it), or null. */
  getByReference(reference: string): Promise<Case | null>;
  /** The newest case of the conversation that is still active (open, pending, assigned, returned_to_bot), or null. */
  findActiveByConversation(conversationId: string): Promise<Case | null>;
  /** Cases in these statuses, high priority first, then oldest first (queue order). */
  list(status: CaseStatus | readonly CaseStatus[], options?: CaseListOptions): Promise<Case[]>;
  /** Saves the case if its stored version is still expectedVersion (CONFLICT otherwise), with its events, atomically. */
  update(next: Case, expectedVersion: number, events?: readonly CaseEvent[]): Promise<Case>;
  /** Records an event that is not a move (note, message); NOT_FOUND if the case does not exist. */
  appendEvent(event: CaseEvent): Promise<void>;
  /** The case's events in the order they were recorded. */
  listEvents(caseId: string): Promise<CaseEvent[]>;
  /** Active cases whose dueAt is at or before now, earliest first, for expiry and SLA sweeps. */
  findDue(now: Date, limit?: number): Promise<Case[]>;
}
