/** Analytics event types of the handoff ('handoff' itself is recorded by the handoff dialog). */
export const HANDOFF_EVENTS = {
  handoff: 'handoff',
  claimed: 'handoff_claimed',
  resolved: 'handoff_resolved',
  released: 'handoff_released',
  expired: 'handoff_expired',
  returned: 'handoff_returned',
} as const;

/** Records analytics events (structurally the storage AnalyticsStore); data carries ids and measures only. */
export interface HandoffAnalytics {
  record(event: { type: string; at: string; conversationId?: string; userId?: string; caseId?: string; data?: Record<string, unknown> }): Promise<unknown>;
}

/** An analytics event as read back. */
export interface MeasuredEvent {
  type: string;
  at: string;
  conversationId?: string;
  caseId?: string;
  data?: Record<string, unknown>;
}

/** One case's measures, in milliseconds. */
export interface CaseMeasures {
  caseId: string;
  handedOffAt?: string;
  /** From queued to the (last) claim. */
  timeToClaimMs?: number;
  /** From queued to resolved. */
  timeToResolveMs?: number;
  outcome: 'waiting' | 'claimed' | 'resolved' | 'expired' | 'returned';
  remedyId?: string;
  releases: number;
}

/** Median and 90th percentile of a list of durations (ms); null when empty. */
export interface Distribution {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** The handoff measures over a period. */
export interface HandoffMeasures {
  conversations: number;
  handoffs: number;
  /** Conversations with a handoff / conversations; null without conversations. */
  handoffRate: number | null;
  claimed: number;
  resolved: number;
  expired: number;
  released: number;
  timeToClaim: Distribution;
  timeToResolve: Distribution;
  cases: CaseMeasures[];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Handoff rate, time to claim and time to resolve, per case and in aggregate, from analytics events
 * (any types may be mixed in: every distinct conversationId counts as a conversation).
 */
export function handoffMeasures(events: readonly MeasuredEvent[]): HandoffMeasures {
  const conversations = new Set<string>();
  const handedOff = new Set<string>();
  const cases = new Map<string, CaseMeasures>();
  const caseOf = (id: string) => cases.get(id) ?? cases.set(id, { caseId: id, outcome: 'waiting', releases: 0 }).get(id)!;
  const counts = { claimed: 0, resolved: 0, expired: 0, released: 0 };
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.conversationId) conversations.add(e.conversationId);
    if (!e.caseId) continue;
    const data = e.data ?? {};
    if (e.type === HANDOFF_EVENTS.handoff) {
      if (e.conversationId) handedOff.add(e.conversationId);
      const c = caseOf(e.caseId);
      c.handedOffAt ??= e.at;
    } else if (e.type === HANDOFF_EVENTS.claimed) {
      counts.claimed++;
      Object.assign(caseOf(e.caseId), { outcome: 'claimed', timeToClaimMs: num(data.waitMs) });
    } else if (e.type === HANDOFF_EVENTS.resolved) {
      counts.resolved++;
      const c = caseOf(e.caseId);
      c.outcome = 'resolved';
      c.timeToResolveMs = num(data.sinceQueuedMs);
      if (typeof data.remedyId === 'string') c.remedyId = data.remedyId;
    } else if (e.type === HANDOFF_EVENTS.released) {
      counts.released++;
      const c = caseOf(e.caseId);
      c.releases++;
      c.outcome = 'waiting';
    } else if (e.type === HANDOFF_EVENTS.expired) {
      counts.expired++;
      caseOf(e.caseId).outcome = 'expired';
    } else if (e.type === HANDOFF_EVENTS.returned) {
      caseOf(e.caseId).outcome = 'returned';
    }
  }
  const all = [...cases.values()];
  return {
    conversations: conversations.size,
    handoffs: handedOff.size,
    handoffRate: conversations.size ? handedOff.size / conversations.size : null,
    ...counts,
    timeToClaim: distribution(all.map((c) => c.timeToClaimMs).filter((v): v is number => v !== undefined)),
    timeToResolve: distribution(all.map((c) => c.timeToResolveMs).filter((v): v is number => v !== undefined)),
    cases: all,
  };
}
