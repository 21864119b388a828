import type { KnowledgeBase } from './schema';

/** What a published version is, without its content (for history lists). */
export interface KnowledgeVersionInfo {
  version: number;
  /** sha256 of the canonical JSON of the knowledge base. */
  contentHash: string;
  author: string;
  message: string;
  createdAt: string;
}

/** A published, immutable version of the knowledge base. */
export interface KnowledgeVersion extends KnowledgeVersionInfo {
  kb: KnowledgeBase;
}

/** The owners' working copy; eTag changes on every save. */
export interface KnowledgeDraft {
  kb: KnowledgeBase;
  eTag: string;
  updatedBy: string;
  updatedAt: string;
}

/** One admin action, for the audit trail. */
export interface AuditEntry {
  id: string;
  at: string;
  /** Who did it (owner name, 'system', ...). */
  actor: string;
  /** What was done, e.g. 'faq.update', 'kb.publish', 'kb.restore'. */
  action: string;
  /** What it was done to, e.g. 'faq:refund_delay', 'kb:v12'. */
  target: string;
  details?: Record<string, unknown>;
}

/** Filters of the audit trail. */
export interface AuditQuery {
  target?: string;
  actor?: string;
  limit?: number;
}

/** Where knowledge base versions, the draft and the audit trail are kept (owned by the knowledge module). */
export interface KnowledgeRepository {
  /** Publishes kb as version (current + 1) if the current version is still expectedCurrentVersion (null: none yet); CONFLICT otherwise. */
  publish(kb: KnowledgeBase, author: string, message: string, expectedCurrentVersion: number | null): Promise<KnowledgeVersionInfo>;
  /** The latest published version, or null before the first publish. */
  getPublished(): Promise<KnowledgeVersion | null>;
  /** One published version, or null. */
  getVersion(version: number): Promise<KnowledgeVersion | null>;
  /** Published versions, newest first. */
  listVersions(limit?: number): Promise<KnowledgeVersionInfo[]>;
  /** The draft, or null when there is none. */
  getDraft(): Promise<KnowledgeDraft | null>;
  /** Saves the draft if its eTag is still expectedETag (null: no draft yet); CONFLICT otherwise. Returns the new draft. */
  saveDraft(kb: KnowledgeBase, author: string, expectedETag: string | null): Promise<KnowledgeDraft>;
  /** Drops the draft if its eTag is still expectedETag; CONFLICT otherwise; true if there was one. */
  discardDraft(expectedETag: string): Promise<boolean>;
  /** Records an admin action (id and at are filled in when missing). */
  appendAudit(entry: Omit<AuditEntry, 'id' | 'at'> & Partial<Pick<AuditEntry, 'id' | 'at'>>): Promise<AuditEntry>;
  /** Audit entries, newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;
}
