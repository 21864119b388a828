import type { Logger } from '../shared/logger';
import type { Case, CaseEvent, CaseStatus } from './caseModel';
import type { CaseListOptions, CaseRepository } from './ports';

/** The event bus channel that carries case changes and chat messages to agents on every instance. */
export const CASES_CHANNEL = 'cases';
/** Longer texts are cut in notices (NOTIFY payloads stay small); the case's events keep the whole text. */
export const NOTICE_TEXT_LIMIT = 1500;

/** Publishes to every instance (structurally the storage EventBus). */
export interface CaseEventPublisher {
  publish(channel: string, payload: unknown): Promise<void>;
}

/** A case changed: reload it. */
export interface CaseChangeNotice {
  kind: 'case';
  caseId: string;
  reference: string;
  status: CaseStatus;
  change: string;
  priority: Case['priority'];
  assignee?: string;
  at: string;
}
/** A chat message (traveller or agent) or an internal note of a case. */
export interface CaseTextNotice {
  kind: 'message' | 'note';
  caseId: string;
  reference: string;
  eventId: string;
  from: 'traveller' | 'agent' | 'bot' | 'system';
  name?: string;
  text: string;
  truncated?: true;
  at: string;
}
/** What travels on CASES_CHANNEL. */
export type CaseNotice = CaseChangeNotice | CaseTextNotice;

/** The notice of one case event; null for events agents need not hear about (bot summary updates). */
export function noticeOf(c: Case, event: CaseEvent): CaseNotice | null {
  if (event.type === 'summary_updated') return null;
  if (event.type === 'message' || event.type === 'note') {
    const full = typeof event.data.text === 'string' ? event.data.text : '';
    const text = full.slice(0, NOTICE_TEXT_LIMIT);
    return {
      kind: event.type,
      caseId: c.id,
      reference: c.reference,
      eventId: event.id,
      from: event.actor.kind,
      ...(event.actor.kind === 'agent' ? { name: event.actor.id } : {}),
      text,
      ...(text.length < full.length ? { truncated: true as const } : {}),
      at: event.at,
    };
  }
  return {
    kind: 'case',
    caseId: c.id,
    reference: c.reference,
    status: c.status,
    change: event.type,
    priority: c.priority,
    ...(c.assignee ? { assignee: c.assignee } : {}),
    at: event.at,
  };
}

/**
 * A CaseRepository that announces every stored event on the bus once it is stored, whoever made it
 * (dialogs, agents, the sweeper, the relay). Announcing is best effort: a failed publish is logged and
 * the write stands, because consumers treat notices as hints and reload.
 */
export class NotifyingCaseRepository implements CaseRepository {
  constructor(
    private readonly inner: CaseRepository,
    private readonly bus: CaseEventPublisher,
    private readonly logger: Logger,
  ) {}

  /** Stores, then announces. */
  async create(newCase: Case, events: readonly CaseEvent[] = []): Promise<Case> {
    const stored = await this.inner.create(newCase, events);
    await this.announce(stored, events);
    return stored;
  }

  /** Updates, then announces. */
  async update(next: Case, expectedVersion: number, events: readonly CaseEvent[] = []): Promise<Case> {
    const stored = await this.inner.update(next, expectedVersion, events);
    await this.announce(stored, events);
    return stored;
  }

  /** Appends, then announces. */
  async appendEvent(event: CaseEvent): Promise<void> {
    await this.inner.appendEvent(event);
    const c = await this.inner.get(event.caseId);
    if (c) await this.announce(c, [event]);
  }

  /** Delegated. */
  get(id: string): Promise<Case | null> {
    return this.inner.get(id);
  }

  /** Delegated. */
  getByReference(reference: string): Promise<Case | null> {
    return this.inner.getByReference(reference);
  }

  /** Delegated. */
  findActiveByConversation(conversationId: string): Promise<Case | null> {
    return this.inner.findActiveByConversation(conversationId);
  }

  /** Delegated. */
  list(status: CaseStatus | readonly CaseStatus[], options?: CaseListOptions): Promise<Case[]> {
    return this.inner.list(status, options);
  }

  /** Delegated. */
  listEvents(caseId: string): Promise<CaseEvent[]> {
    return this.inner.listEvents(caseId);
  }

  /** Delegated. */
  findDue(now: Date, limit?: number): Promise<Case[]> {
    return this.inner.findDue(now, limit);
  }

  private async announce(c: Case, events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) {
      const notice = noticeOf(c, event);
      if (!notice) continue;
      try {
        await this.bus.publish(CASES_CHANNEL, notice);
      } catch (err) {
        this.logger.warn({ caseId: c.id, err: (err as Error).message }, 'case notice not published');
      }
    }
  }
}
