import type { Clock } from '../../shared/clock';
import type { ErasureReport, StoreItem, UserDataExport, UserDataStore } from '../ports';
import type { DirectLineActivity } from '../../http/directline/store';
import { escapeLike, fromJson, type Sql, type SqlRunner } from '../sql/sql';
import { toAnalyticsEvent, toTranscriptEntry } from './recordStores';
import { toFollowUp } from './followUpStore';

/**
 * Export and erasure of one traveller. Their conversations are those any table links to the user id; everything
 * of those conversations goes with them (Rebound's conversations are one-to-one). Bot state keys follow
 * botbuilder's `<channel>/conversations/<id>` and `<channel>/users/<id>` patterns.
 */
export class SqlUserDataStore implements UserDataStore {
  constructor(
    private readonly db: Sql,
    private readonly clock: Clock,
  ) {}

  /** Everything stored about the user. */
  async exportUser(userId: string): Promise<UserDataExport> {
    return this.db.tx(async (q) => {
      const conversationIds = await conversationsOf(q, userId);
      const scope = scopeOf(userId, conversationIds);
      const select = async (sql: string) => (await q.query<Record<string, unknown>>(sql, scope.params)).rows;
      const state = (await q.query<Record<string, unknown>>(`SELECT key, doc FROM state WHERE ${scope.stateWhere} ORDER BY key`, scope.stateParams)).rows;
      const cases = await select(`SELECT doc FROM cases WHERE ${scope.where} ORDER BY created_at`);
      const events = await select(`SELECT doc FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE ${scope.where}) ORDER BY seq`);
      const refs = await select(`SELECT conversation_id, ref FROM conversation_refs WHERE ${scope.where} ORDER BY conversation_id`);
      return {
        userId,
        exportedAt: this.clock.now().toISOString(),
        conversationIds,
        state: state.map((r) => ({ key: String(r.key), value: fromJson<StoreItem>(r.doc) })),
        cases: cases.map((r) => fromJson(r.doc)),
        caseEvents: events.map((r) => fromJson(r.doc)),
        transcripts: (await select(`SELECT * FROM transcripts WHERE ${scope.where} ORDER BY seq`)).map(toTranscriptEntry),
        analytics: (await select(`SELECT * FROM analytics WHERE ${scope.where} ORDER BY seq`)).map(toAnalyticsEvent),
        followUps: (await select(`SELECT * FROM follow_ups WHERE ${scope.where} ORDER BY due_at`)).map(toFollowUp),
        conversationReferences: refs.map((r) => ({ conversationId: String(r.conversation_id), reference: fromJson(r.ref) })),
        directLineActivities: (await select(`SELECT activity FROM directline_activities WHERE conversation_id IN (${DIRECT_LINE_OF(scope.where)}) ORDER BY conversation_id, seq`)).map((r) => fromJson<DirectLineActivity>(r.activity)),
      };
    });
  }

  /** Deletes everything about the user in one transaction. */
  async eraseUser(userId: string): Promise<ErasureReport> {
    return this.db.tx(async (q) => {
      const scope = scopeOf(userId, await conversationsOf(q, userId));
      const remove = async (sql: string) => (await q.query(sql, scope.params)).rowCount;
      const report: ErasureReport = {};
      report.caseEvents = await remove(`DELETE FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE ${scope.where})`);
      report.cases = await remove(`DELETE FROM cases WHERE ${scope.where}`);
      report.transcripts = await remove(`DELETE FROM transcripts WHERE ${scope.where}`);
      report.analytics = await remove(`DELETE FROM analytics WHERE ${scope.where}`);
      report.followUps = await remove(`DELETE FROM follow_ups WHERE ${scope.where}`);
      report.conversationReferences = await remove(`DELETE FROM conversation_refs WHERE ${scope.where}`);
      report.directLineActivities = await remove(`DELETE FROM directline_activities WHERE conversation_id IN (${DIRECT_LINE_OF(scope.where)})`);
      report.directLineConversations = await remove(`DELETE FROM directline_conversations WHERE ${scope.where}`);
      report.state = (await q.query(`DELETE FROM state WHERE ${scope.stateWhere}`, scope.stateParams)).rowCount;
      return report;
    });
  }
}

const LINKED_TABLES = ['cases', 'transcripts', 'analytics', 'follow_ups', 'conversation_refs', 'directline_conversations'];
/** The user's Direct Line conversations (their activities carry no user id of their own). */
const DIRECT_LINE_OF = (where: string) => `SELECT conversation_id FROM directline_conversations WHERE ${where}`;

async function conversationsOf(q: SqlRunner, userId: string): Promise<string[]> {
  const union = LINKED_TABLES.map((t) => `SELECT conversation_id FROM ${t} WHERE user_id = $1`).join(' UNION ');
  const { rows } = await q.query<{ conversation_id: string | null }>(union, [userId]);
  return [...new Set(rows.map((r) => r.conversation_id).filter((c): c is string => !!c))].sort();
}

/** WHERE clauses (and their parameters) matching the user's rows, and their state keys. */
function scopeOf(userId: string, conversationIds: string[]): Scope {
  const inList = conversationIds.map((_c, i) => `$${i + 2}`).join(', ');
  // A key segment ends the key or is followed by '/', so conversation "c1" never matches "c10".
  const segments = [...conversationIds.map((c) => `/conversations/${escapeLike(c)}`), `/users/${escapeLike(userId)}`];
  const stateParams = segments.flatMap((s) => [`%${s}`, `%${s}/%`]);
  return {
    where: conversationIds.length ? `(user_id = $1 OR conversation_id IN (${inList}))` : 'user_id = $1',
    params: [userId, ...conversationIds],
    stateWhere: stateParams.map((_p, i) => `key LIKE $${i + 1} ESCAPE '\\'`).join(' OR '),
    stateParams,
  };
}

type Scope = { where: string; params: string[]; stateWhere: string; stateParams: string[] };
