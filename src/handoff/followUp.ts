/** The follow-up after a resolution comes a day later: long enough to know whether the fix held. */
export const RESOLUTION_CHECK_AFTER_MS = 24 * 60 * 60 * 1000;

/** Schedules stored follow-ups (structurally the storage FollowUpStore). */
export interface FollowUpScheduler {
  schedule(followUp: {
    id: string;
    conversationId: string;
    userId?: string;
    caseId?: string;
    kind: string;
    dueAt: string;
    payload: Record<string, unknown>;
  }): Promise<boolean>;
}

/** What a resolution check is about. */
export interface ResolutionCheck {
  caseId: string;
  conversationId: string;
  userId?: string;
  problemId?: string;
  resolvedBy: 'bot' | 'agent';
  /** When the case was resolved: a case reopened and resolved again gets a check of its own. */
  resolvedAt: string;
}

/** The id of a resolution's check: one per resolution of a case. */
export function resolutionCheckId(caseId: string, resolvedAt: string): string {
  return `followup:${caseId}:${resolvedAt}`;
}

/**
 * Complaint step 6: check back that the fix held. A stored timer (kind 'resolution_check') swept by the
 * follow-up sweeper, one per resolution of a case (scheduling the same resolution again is ignored).
 */
export function scheduleResolutionCheck(followUps: FollowUpScheduler, now: Date, check: ResolutionCheck): Promise<boolean> {
  return followUps.schedule({
    id: resolutionCheckId(check.caseId, check.resolvedAt),
    conversationId: check.conversationId,
    ...(check.userId ? { userId: check.userId } : {}),
    caseId: check.caseId,
    kind: 'resolution_check',
    dueAt: new Date(now.getTime() + RESOLUTION_CHECK_AFTER_MS).toISOString(),
    payload: { ...(check.problemId ? { problemId: check.problemId } : {}), resolvedBy: check.resolvedBy },
  });
}
