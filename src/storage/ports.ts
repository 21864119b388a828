/*
 * Ports consumed by the edges (bot/, src/http, src/app) rather than by a pure engine module, so no engine
 * module owns them; they live next to their adapters. An engine module that needs one of them (e.g. recovery
 * scheduling a follow-up) declares its own narrower port, which these adapters satisfy structurally.
 * Every timestamp in a record is an ISO-8601 string; every method may throw AppError('STORAGE_UNAVAILABLE').
 */
import type { CaseRepository } from '../handoff/ports';
import type { KnowledgeRepository } from '../knowledge/ports';
import type { BookingStore } from '../platform/ports';
import type { DirectLineActivity, DirectLineStore } from '../http/directline/store';
import type { RateLimitStore } from './rateLimit/ports';

/** A stored state object; eTag is set by the store on every write. Compatible with botbuilder's StoreItem. */
export interface StoreItem {
  [key: string]: unknown;
  eTag?: string;
}
/** Items by key. Compatible with botbuilder's StoreItems. */
export type StoreItems = Record<string, StoreItem>;

/**
 * Conversation and user state, structurally compatible with botbuilder's Storage. A write whose item.eTag is
 * set (and not '*') must match the stored eTag, else AppError('CONFLICT') and nothing of that write lands.
 * Note: botbuilder's BotState.saveChanges writes eTag '*' (last writer wins), so turns must be serialised
 * with ConversationLock; the eTag check protects code that writes with the eTag it read.
 */
export interface StateStore {
  /** The items that exist among keys, each with its current eTag. */
  read(keys: string[]): Promise<StoreItems>;
  /** Writes every change atomically; each stored item gets a fresh eTag. */
  write(changes: StoreItems): Promise<void>;
  /** Deletes the keys (missing keys are ignored). */
  delete(keys: string[]): Promise<void>;
}

/** Who said a transcript line. */
export type TranscriptSender = 'traveller' | 'bot' | 'agent' | 'system';
/** A transcript line to record; its text is redacted again by the store. */
export interface NewTranscriptEntry {
  conversationId: string;
  userId?: string;
  caseId?: string;
  at: string;
  from: TranscriptSender;
  text: string;
  data?: Record<string, unknown>;
}
/** A recorded transcript line; seq orders lines of a conversation. */
export interface TranscriptEntry extends NewTranscriptEntry {
  seq: number;
}
/** Redacted transcripts per conversation. */
export interface TranscriptStore {
  /** Records one line (text passed through redact()). */
  append(entry: NewTranscriptEntry): Promise<TranscriptEntry>;
  /** Lines of a conversation, oldest first (after: only lines with a greater seq). */
  list(conversationId: string, options?: { after?: number; limit?: number }): Promise<TranscriptEntry[]>;
  /** Deletes lines older than the date; returns how many. */
  purgeOlderThan(date: Date): Promise<number>;
}

/** An analytics event to record (no personal data in data: ids and measures only). */
export interface NewAnalyticsEvent {
  type: string;
  at: string;
  conversationId?: string;
  userId?: string;
  caseId?: string;
  data?: Record<string, unknown>;
}
/** A recorded analytics event. */
export interface AnalyticsEvent extends NewAnalyticsEvent {
  id: string;
}
/** Filters of an analytics query: from inclusive, to exclusive. */
export interface AnalyticsQuery {
  from: Date;
  to: Date;
  types?: readonly string[];
  limit?: number;
}
/** Analytics events for the owners' dashboard. */
export interface AnalyticsStore {
  /** Records one event. */
  record(event: NewAnalyticsEvent): Promise<AnalyticsEvent>;
  /** Events in [from, to), oldest first. */
  query(query: AnalyticsQuery): Promise<AnalyticsEvent[]>;
  /** Deletes events older than the date; returns how many. */
  purgeOlderThan(date: Date): Promise<number>;
}

/** Status of a scheduled follow-up. */
export type FollowUpStatus = 'scheduled' | 'claimed' | 'done' | 'failed' | 'cancelled';
/** A proactive message to send later (e.g. "did the fix hold?"). */
export interface NewFollowUp {
  id: string;
  conversationId: string;
  userId?: string;
  caseId?: string;
  kind: string;
  dueAt: string;
  payload: Record<string, unknown>;
}
/** A follow-up as stored. */
export interface FollowUp extends NewFollowUp {
  status: FollowUpStatus;
  owner?: string;
  leaseUntil?: string;
  attempts: number;
  lastError?: string;
}
/** Timers as data: follow-ups swept by a clock, each handed to exactly one instance. */
export interface FollowUpStore {
  /** Schedules a follow-up; scheduling the same id again is ignored (returns false). */
  schedule(followUp: NewFollowUp): Promise<boolean>;
  /** One follow-up, or null. */
  get(id: string): Promise<FollowUp | null>;
  /** Cancels a follow-up that has not run; true if it was scheduled. */
  cancel(id: string): Promise<boolean>;
  /** Hands up to limit due follow-ups to owner, each to exactly one caller; a claim not completed within leaseMs can be claimed again. */
  claimDue(now: Date, owner: string, limit: number, leaseMs?: number): Promise<FollowUp[]>;
  /** Marks a claimed follow-up done; false if owner no longer holds it. */
  complete(id: string, owner: string): Promise<boolean>;
  /** Records a failure: scheduled again at retryAt, or failed for good without it; false if owner no longer holds it. */
  fail(id: string, owner: string, error: string, retryAt?: Date): Promise<boolean>;
}

/** Conversation references for proactive messages (the JSON botbuilder's getConversationReference returns). */
export interface ConversationReferenceStore {
  /** Saves (replaces) the reference of a conversation. */
  save(conversationId: string, reference: Record<string, unknown>, userId?: string): Promise<void>;
  /** The reference, or null. */
  get(conversationId: string): Promise<Record<string, unknown> | null>;
  /** Forgets the reference. */
  delete(conversationId: string): Promise<void>;
}

/** Serialises work on one key (a conversation's turns) across every instance sharing the store. */
export interface ConversationLock {
  /** Runs fn while holding the key's lock; other holders of the same key wait. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** Stops a subscription. */
export type Unsubscribe = () => Promise<void>;
/** Cross-instance notifications (case changes, traveller messages for agents). Best effort: consumers reload from the stores. */
export interface EventBus {
  /** Sends payload (small JSON, < 7 kB) to every subscriber of the channel on every instance, this one included. */
  publish(channel: string, payload: unknown): Promise<void>;
  /** Calls handler for each payload on the channel; resolves once the subscription is live. */
  subscribe(channel: string, handler: (payload: unknown) => void): Promise<Unsubscribe>;
}

/** Everything stored about one traveller. */
export interface UserDataExport {
  userId: string;
  exportedAt: string;
  conversationIds: string[];
  state: Array<{ key: string; value: StoreItem }>;
  cases: unknown[];
  caseEvents: unknown[];
  transcripts: TranscriptEntry[];
  analytics: AnalyticsEvent[];
  followUps: FollowUp[];
  conversationReferences: Array<{ conversationId: string; reference: Record<string, unknown> }>;
  /** The web chat activities (both sides) of the user's Direct Line conversations, oldest first per conversation. */
  directLineActivities: DirectLineActivity[];
}
/** Rows deleted per table by an erasure. */
export type ErasureReport = Record<string, number>;
/** A traveller's right of access and erasure. */
export interface UserDataStore {
  /** Everything stored about the user and their conversations. */
  exportUser(userId: string): Promise<UserDataExport>;
  /** Deletes everything stored about the user and their conversations, in every table, atomically. */
  eraseUser(userId: string): Promise<ErasureReport>;
}

/** A knowledge gap's messages closed by an owner's answer (texts are kept as hashes only). */
export interface ClosedGapRecord {
  /** sha256 of the normalised message text. */
  textKey: string;
  gapId: string;
  faqId: string;
  actor: string;
  closedAt: string;
}
/** Which knowledge-gap messages owners have answered (so they leave the open gaps list). */
export interface GapStatusStore {
  /** Marks the messages (text keys) of a gap closed by an answer; closing a key again replaces the record. */
  close(records: readonly ClosedGapRecord[]): Promise<void>;
  /** Every closed record. */
  list(): Promise<ClosedGapRecord[]>;
}

/** The local Direct Line's conversations and activity sets as a backend keeps them: the port, plus retention. */
export interface RetainedDirectLineStore extends DirectLineStore {
  /** Deletes conversations (with their activities) whose last activity is older than the date; returns how many. */
  purgeIdleBefore(date: Date): Promise<number>;
}

/** Storage health for /healthz. */
export interface StorageHealth {
  ok: boolean;
  backend: 'sqlite' | 'postgres';
  detail?: string;
}
/** Connections of one PostgreSQL pool, for the metrics. */
export interface PoolUse {
  pool: string;
  total: number;
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

/** What the adapters tell while they work (the metrics listen); every method optional. */
export interface StorageObserver {
  /** Statements (and transactions) that shared one SQLite group commit. */
  groupCommit?(statements: number): void;
}

/** Rows deleted by a retention purge. */
export interface PurgeReport {
  transcripts: number;
  analytics: number;
  followUps: number;
  /** Direct Line conversations idle since before the date. */
  directLineConversations: number;
}

/** Every store of one backend. */
export interface Stores {
  backend: 'sqlite' | 'postgres';
  state: StateStore;
  cases: CaseRepository;
  knowledge: KnowledgeRepository;
  transcripts: TranscriptStore;
  analytics: AnalyticsStore;
  followUps: FollowUpStore;
  conversationReferences: ConversationReferenceStore;
  locks: ConversationLock;
  events: EventBus;
  userData: UserDataStore;
  /** Knowledge gaps closed by owners (src/admin). */
  gaps: GapStatusStore;
  /** Web chat conversations of the local Direct Line (src/http/directline), readable from every instance. */
  directLine: RetainedDirectLineStore;
  /** The demo platform's sample bookings (src/platform/demo). */
  bookings: BookingStore;
  /** Rate limits shared by every instance (PostgreSQL only; without it each instance counts in memory). */
  rateLimits?: RateLimitStore;
  /** Whether the backend answers. */
  health(): Promise<StorageHealth>;
  /** The connection pools' use (PostgreSQL); absent where there are none. */
  pools?(): PoolUse[];
  /** Deletes transcripts, analytics, finished follow-ups and idle Direct Line conversations older than the date. */
  purgeOlderThan(date: Date): Promise<PurgeReport>;
  /** Releases connections and files; the stores are unusable afterwards. */
  close(): Promise<void>;
}
