import type { Clock } from '../shared/clock';
import { isAppError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { ConversationMessenger, OutgoingMessage } from '../handoff/messenger';
import type { FollowUp, FollowUpStore } from '../storage/ports';

/** What to do with a due follow-up: send a message, or drop it (e.g. the case was reopened meanwhile). */
export type FollowUpPlan = { kind: 'send'; message: OutgoingMessage } | { kind: 'skip'; reason: string };

/** Turns a due follow-up into its message (one composer serves every kind). */
export interface FollowUpComposer {
  plan(followUp: FollowUp): Promise<FollowUpPlan>;
}

/** What one sweep did. */
export interface SweepReport {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

/** Tuning of the sweeper; the defaults suit production. */
export interface SweeperOptions {
  /** Who claims: unique per instance, so a lease names the instance that holds it. */
  owner: string;
  /** Follow-ups claimed per round. */
  batchSize?: number;
  /** How long a claim holds before another instance may take it over. */
  leaseMs?: number;
  /** Wait before attempt n+1 after attempt n failed; when they run out, the follow-up fails for good. */
  retryDelaysMs?: readonly number[];
}

/** Retry after 1 min, 5 min, 30 min, 2 h, 6 h: a channel outage rarely lasts longer than a day. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];

/**
 * Sends due follow-ups (timers as data): claims them from the store with the injected clock, so each goes to
 * exactly one instance; sends each through the messenger; marks it done, or failed with a retry time.
 * A timer only triggers sweep(); a restart loses nothing, because the due times are stored.
 */
export class FollowUpSweeper {
  private running: Promise<SweepReport> | null = null;
  private readonly batchSize: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(
    private readonly deps: { followUps: Pick<FollowUpStore, 'claimDue' | 'complete' | 'fail'>; messenger: ConversationMessenger; composer: FollowUpComposer; clock: Clock; logger: Logger },
    private readonly options: SweeperOptions,
  ) {
    this.batchSize = options.batchSize ?? 20;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** Sends everything due now; a sweep already in progress is joined rather than doubled. */
  sweep(): Promise<SweepReport> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves once the sweep in progress (if any) is over; app.stop() waits for it before closing the stores. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<SweepReport> {
    const report: SweepReport = { sent: 0, skipped: 0, retried: 0, failed: 0 };
    // Rounds until nothing is due, bounded so one sweep never runs forever.
    for (let round = 0; round < 50; round++) {
      const claimed = await this.deps.followUps.claimDue(this.deps.clock.now(), this.options.owner, this.batchSize, this.options.leaseMs);
      for (const followUp of claimed) report[await this.handle(followUp)]++;
      if (claimed.length < this.batchSize) break;
    }
    if (report.sent + report.skipped + report.retried + report.failed > 0) this.deps.logger.info({ ...report }, 'follow-ups swept');
    return report;
  }

  private async handle(followUp: FollowUp): Promise<keyof SweepReport> {
    const log = this.deps.logger.child({ followUpId: followUp.id, caseId: followUp.caseId, conversationId: followUp.conversationId });
    const { owner } = this.options;
    try {
      const plan = await this.deps.composer.plan(followUp);
      if (plan.kind === 'skip') {
        await this.deps.followUps.complete(followUp.id, owner);
        log.info({ reason: plan.reason }, 'follow-up skipped');
        return 'skipped';
      }
      await this.deps.messenger.send(followUp.conversationId, plan.message);
      await this.deps.followUps.complete(followUp.id, owner);
      return 'sent';
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      // A conversation with no stored reference can never be reached: retrying would only repeat the failure.
      const permanent = isAppError(err) && err.code === 'NOT_FOUND';
      const delay = permanent ? undefined : this.retryDelaysMs[followUp.attempts - 1];
      const retryAt = delay === undefined ? undefined : new Date(this.deps.clock.now().getTime() + delay);
      await this.deps.followUps.fail(followUp.id, owner, message.slice(0, 500), retryAt);
      log.warn({ err: message, attempts: followUp.attempts, retryAt: retryAt?.toISOString() }, retryAt ? 'follow-up failed; will retry' : 'follow-up failed for good');
      return retryAt ? 'retried' : 'failed';
    }
  }
}
