import type { Case, CaseSummary } from '../../handoff';

/** A case as the agent API lists it (docs/agent-api.md, CaseListItem). */
export interface CaseListItem {
  id: string;
  reference: string;
  status: Case['status'];
  conversationId: string;
  channelId: string;
  priority: Case['priority'];
  createdAt: string;
  updatedAt: string;
  waitingSince: string;
  position?: number;
  handoffReason?: string;
  assignee?: string;
  claimedAt?: string;
  resolvedAt?: string;
  dueAt?: string;
  summary: CaseSummary;
}

/** The list view of a case. */
export function listItem(c: Case, position?: number): CaseListItem {
  const item: CaseListItem = {
    id: c.id,
    reference: c.reference,
    status: c.status,
    conversationId: c.conversationId,
    channelId: c.channelId,
    priority: c.priority,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    waitingSince: c.queuedAt ?? c.createdAt,
    ...(position ? { position } : {}),
    ...(c.handoffReason ? { handoffReason: c.handoffReason } : {}),
    ...(c.assignee ? { assignee: c.assignee } : {}),
    ...(c.claimedAt ? { claimedAt: c.claimedAt } : {}),
    ...(c.resolvedAt ? { resolvedAt: c.resolvedAt } : {}),
    ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    summary: c.summary,
  };
  return item;
}

/** The full view of a case: the list view plus what only the detail carries. */
export function caseView(c: Case, position?: number): CaseListItem & Pick<Case, 'userId' | 'outcome' | 'remedy' | 'version'> {
  return {
    ...listItem(c, position),
    userId: c.userId,
    ...(c.outcome ? { outcome: c.outcome } : {}),
    ...(c.remedy ? { remedy: c.remedy } : {}),
    version: c.version,
  };
}
