import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { ConversationLock, EventBus, PoolUse, PurgeReport, StorageHealth, Stores } from './ports';
import { SqlCaseRepository } from './repos/caseRepository';
import { SqlFollowUpStore } from './repos/followUpStore';
import { SqlKnowledgeRepository } from './repos/knowledgeRepository';
import { SqlAnalyticsStore, SqlConversationReferenceStore, SqlTranscriptStore } from './repos/recordStores';
import { SqlStateStore } from './repos/stateStore';
import { SqlUserDataStore } from './repos/userDataStore';
import { SqlBookingStore } from './repos/bookingStore';
import { SqlGapStatusStore } from './repos/gapStatusStore';
import { SqlDirectLineStore } from './repos/directLineStore';
import type { Sql } from './sql/sql';
import type { RateLimitStore } from './rateLimit';

/** What differs between backends once the SQL stores are built. */
export interface BackendParts {
  db: Sql;
  locks: ConversationLock;
  events: EventBus;
  /** Rate limits shared by every instance; unset where one instance is all there is (SQLite). */
  rateLimits?: RateLimitStore;
  health(): Promise<StorageHealth>;
  close(): Promise<void>;
  /** Connection pools' use, where the backend has pools. */
  pools?(): PoolUse[];
}

/** Builds the Stores of one backend around its SQL database, lock and event bus. */
export function assembleStores(parts: BackendParts, deps: { clock: Clock; logger: Logger }): Stores {
  const { db } = parts;
  const { clock } = deps;
  const transcripts = new SqlTranscriptStore(db);
  const analytics = new SqlAnalyticsStore(db);
  const directLine = new SqlDirectLineStore(db, clock);
  let closing: Promise<void> | null = null;
  return {
    backend: db.dialect,
    state: new SqlStateStore(db, clock),
    cases: new SqlCaseRepository(db),
    knowledge: new SqlKnowledgeRepository(db, clock),
    transcripts,
    analytics,
    followUps: new SqlFollowUpStore(db, clock),
    conversationReferences: new SqlConversationReferenceStore(db, clock),
    locks: parts.locks,
    events: parts.events,
    userData: new SqlUserDataStore(db, clock),
    bookings: new SqlBookingStore(db, clock),
    gaps: new SqlGapStatusStore(db),
    directLine,
    ...(parts.rateLimits ? { rateLimits: parts.rateLimits } : {}),
    health: () => parts.health(),
    ...(parts.pools ? { pools: parts.pools } : {}),
    async purgeOlderThan(date: Date): Promise<PurgeReport> {
      const followUps = await db.query(`DELETE FROM follow_ups WHERE status IN ('done', 'failed', 'cancelled') AND updated_at < $1`, [
        date.toISOString(),
      ]);
      return {
        transcripts: await transcripts.purgeOlderThan(date),
        analytics: await analytics.purgeOlderThan(date),
        followUps: followUps.rowCount,
        directLineConversations: await directLine.purgeIdleBefore(date),
      };
    },
    close() {
      // Idempotent: app shutdown and tests may both close.
      closing ??= parts.close().then(() => deps.logger.debug({ backend: db.dialect }, 'stores closed'));
      return closing;
    },
  };
}
