import type { Escalation } from '../knowledge/schema';
import { isWithinBusinessHours } from '../recovery/businessHours';

/** How long cases may wait or sit idle, in milliseconds. */
export interface HandoffTimerSettings {
  /** A pending case expires after waiting this long in business hours. */
  pendingExpiryMs: number;
  /** An assigned case whose agent said nothing for this long goes back to the queue. */
  idleReleaseMs: number;
}

/** Defaults: four hours in the queue, an agent silent for an hour. */
export const DEFAULT_TIMER_SETTINGS: HandoffTimerSettings = { pendingExpiryMs: 4 * 60 * 60 * 1000, idleReleaseMs: 60 * 60 * 1000 };

const STEP_MS = 15 * 60 * 1000;
const WEEK_MS = 8 * 24 * 60 * 60 * 1000;

/** Deadlines of queued and assigned cases, as data (Case.dueAt) for the sweeper, from the KB's business hours. */
export class HandoffTimers {
  constructor(
    private readonly rules: () => Escalation,
    private readonly settings: HandoffTimerSettings = DEFAULT_TIMER_SETTINGS,
  ) {}

  /** When a case queued now expires: after the wait limit, counted from the next opening when the team is away. */
  pendingDueAt(now: Date): string {
    const from = this.nextOpening(now) ?? now;
    return new Date(from.getTime() + this.settings.pendingExpiryMs).toISOString();
  }

  /** When a case whose agent acted now is released for idleness. */
  idleDueAt(now: Date): string {
    return new Date(now.getTime() + this.settings.idleReleaseMs).toISOString();
  }

  /** True when agents are at work. */
  open(now: Date): boolean {
    return isWithinBusinessHours(now, this.rules());
  }

  /** Now when the team is at work, else the next opening (to the quarter hour), or null if none within a week. */
  nextOpening(now: Date): Date | null {
    const rules = this.rules();
    if (isWithinBusinessHours(now, rules)) return now;
    // Opening times are whole quarter hours in practice; stepping avoids reimplementing time zone arithmetic.
    const start = Math.ceil(now.getTime() / STEP_MS) * STEP_MS;
    for (let t = start; t <= now.getTime() + WEEK_MS; t += STEP_MS) {
      if (isWithinBusinessHours(new Date(t), rules)) return new Date(t);
    }
    return null;
  }
}
