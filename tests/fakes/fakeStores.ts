import type { Clock } from '../../src/shared/clock';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import type { PurgeReport, Stores, UserDataExport } from '../../src/storage/ports';
import { InProcessLock } from '../../src/storage/sync/keyedMutex';
import { InProcessEventBus } from '../../src/storage/sync/memoryEventBus';
import { FakeCaseRepository } from './fakeCaseRepository';
import { FakeFollowUpStore } from './fakeFollowUpStore';
import { FakeKnowledgeRepository } from './fakeKnowledgeRepository';
import { FakeAnalyticsStore, FakeConversationReferenceStore, FakeTranscriptStore } from './fakeRecordStores';
import { FakeStateStore } from './fakeStateStore';
import { FakeBookingStore } from './fakeBookingStore';
import { FakeGapStatusStore } from './fakeGapStatusStore';
import { FakeDirectLineStore } from './fakeDirectLineStore';

/** In-memory Stores from the fakes, with their internals exposed for assertions. */
export type FakeStores = Stores & {
  state: FakeStateStore;
  cases: FakeCaseRepository;
  knowledge: FakeKnowledgeRepository;
  transcripts: FakeTranscriptStore;
  analytics: FakeAnalyticsStore;
  followUps: FakeFollowUpStore;
  conversationReferences: FakeConversationReferenceStore;
  bookings: FakeBookingStore;
  directLine: FakeDirectLineStore;
};

/** Builds in-memory Stores for tests of other modules (runs the same contract suites as the adapters). */
export function createFakeStores(clock: Clock = systemClock): FakeStores {
  const state = new FakeStateStore();
  const cases = new FakeCaseRepository();
  const transcripts = new FakeTranscriptStore();
  const analytics = new FakeAnalyticsStore();
  const followUps = new FakeFollowUpStore();
  const conversationReferences = new FakeConversationReferenceStore();
  const directLine = new FakeDirectLineStore(clock);
  const mine = (userId: string) => {
    const webChats = [...directLine.entries.values()].map((e) => ({ userId: e.conversation.userId, conversationId: e.conversation.id }));
    const linked = [...cases.cases.values(), ...transcripts.entries, ...analytics.events, ...followUps.followUps.values(), ...webChats].filter((r) => r.userId === userId);
    const refs = [...conversationReferences.references].filter(([, r]) => r.userId === userId).map(([c]) => c);
    const conversations = new Set([...linked.map((r) => r.conversationId).filter((c): c is string => !!c), ...refs]);
    const owns = (r: { userId?: string; conversationId?: string }) => r.userId === userId || (!!r.conversationId && conversations.has(r.conversationId));
    const keyOwned = (key: string) => [...[...conversations].map((c) => `/conversations/${c}`), `/users/${userId}`].some((s) => key.endsWith(s) || key.includes(`${s}/`));
    return { conversations: [...conversations].sort(), owns, keyOwned };
  };
  return {
    backend: 'sqlite',
    state,
    cases,
    knowledge: new FakeKnowledgeRepository(clock),
    transcripts,
    analytics,
    followUps,
    conversationReferences,
    bookings: new FakeBookingStore(),
    gaps: new FakeGapStatusStore(),
    directLine,
    locks: new InProcessLock(),
    events: new InProcessEventBus(silentLogger),
    userData: {
      async exportUser(userId): Promise<UserDataExport> {
        const { conversations, owns, keyOwned } = mine(userId);
        const ownedCases = [...cases.cases.values()].filter(owns);
        return {
          userId,
          exportedAt: clock.now().toISOString(),
          conversationIds: conversations,
          state: [...state.items].filter(([k]) => keyOwned(k)).map(([key, v]) => ({ key, value: JSON.parse(v.doc) as Record<string, unknown> })),
          cases: ownedCases,
          caseEvents: cases.events.filter((e) => ownedCases.some((c) => c.id === e.caseId)),
          transcripts: transcripts.entries.filter(owns),
          analytics: analytics.events.filter(owns),
          followUps: [...followUps.followUps.values()].filter(owns),
          conversationReferences: conversations.filter((c) => conversationReferences.references.has(c)).map((c) => ({ conversationId: c, reference: conversationReferences.references.get(c)!.reference })),
          directLineActivities: conversations.flatMap((c) => directLine.entries.get(c)?.activities.map((a) => a.activity) ?? []),
        };
      },
      async eraseUser(userId) {
        const { conversations, owns, keyOwned } = mine(userId);
        const drop = <T>(list: T[], pred: (t: T) => boolean) => {
          const kept = list.filter((t) => !pred(t));
          const n = list.length - kept.length;
          list.splice(0, list.length, ...kept);
          return n;
        };
        const dropMap = <K, V>(map: Map<K, V>, pred: (k: K, v: V) => boolean) => [...map].filter(([k, v]) => pred(k, v) && map.delete(k)).length;
        const caseIds = new Set([...cases.cases.values()].filter(owns).map((c) => c.id));
        return {
          caseEvents: drop(cases.events, (e) => caseIds.has(e.caseId)),
          cases: dropMap(cases.cases, (id) => caseIds.has(id)),
          transcripts: drop(transcripts.entries, owns),
          analytics: drop(analytics.events, owns),
          followUps: dropMap(followUps.followUps, (_k, f) => owns(f)),
          conversationReferences: dropMap(conversationReferences.references, (c) => conversations.includes(c)),
          state: dropMap(state.items, (k) => keyOwned(k)),
          directLineActivities: conversations.reduce((n, c) => n + (directLine.entries.get(c)?.activities.length ?? 0), 0),
          directLineConversations: dropMap(directLine.entries, (c) => conversations.includes(c)),
        };
      },
    },
    health: async () => ({ ok: true, backend: 'sqlite', detail: 'in-memory fake' }),
    async purgeOlderThan(date): Promise<PurgeReport> {
      const done = (f: { status: string }) => ['done', 'failed', 'cancelled'].includes(f.status);
      // The fake keeps no updatedAt: a finished follow-up counts as old when it was due before the date.
      const followUpsPurged = [...followUps.followUps].filter(([, f]) => done(f) && f.dueAt < date.toISOString() && followUps.followUps.delete(f.id)).length;
      return {
        transcripts: await transcripts.purgeOlderThan(date),
        analytics: await analytics.purgeOlderThan(date),
        followUps: followUpsPurged,
        directLineConversations: await directLine.purgeIdleBefore(date),
      };
    },
    close: async () => undefined,
  };
}
