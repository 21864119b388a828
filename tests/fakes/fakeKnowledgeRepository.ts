import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditQuery, KnowledgeDraft, KnowledgeRepository, KnowledgeVersion, KnowledgeVersionInfo } from '../../src/knowledge/ports';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import type { Clock } from '../../src/shared/clock';
import { systemClock } from '../../src/shared/clock';
import { AppError } from '../../src/shared/errors';
import { contentHash } from '../../src/storage/repos/knowledgeRepository';

const clone = <T>(v: T): T => structuredClone(v);

/** In-memory KnowledgeRepository with the same conflict rules as the SQL adapters. */
export class FakeKnowledgeRepository implements KnowledgeRepository {
  readonly versions: KnowledgeVersion[] = [];
  draft: KnowledgeDraft | null = null;
  readonly audit: AuditEntry[] = [];

  constructor(private readonly clock: Clock = systemClock) {}

  /** Next version if expectedCurrentVersion is current. */
  async publish(kb: KnowledgeBase, author: string, message: string, expectedCurrentVersion: number | null): Promise<KnowledgeVersionInfo> {
    const current = this.versions.length ? this.versions[this.versions.length - 1].version : null;
    if (current !== expectedCurrentVersion) throw new AppError('CONFLICT', `the knowledge base moved on from version ${expectedCurrentVersion ?? 'none'}`);
    const version: KnowledgeVersion = { version: (current ?? 0) + 1, contentHash: contentHash(kb), author, message, createdAt: this.clock.now().toISOString(), kb: clone(kb) };
    this.versions.push(version);
    return (await this.listVersions(1))[0];
  }

  /** Latest. */
  async getPublished(): Promise<KnowledgeVersion | null> {
    return clone(this.versions[this.versions.length - 1] ?? null);
  }

  /** One version. */
  async getVersion(version: number): Promise<KnowledgeVersion | null> {
    return clone(this.versions.find((v) => v.version === version) ?? null);
  }

  /** Newest first, without content. */
  async listVersions(limit = 100): Promise<KnowledgeVersionInfo[]> {
    return [...this.versions].reverse().slice(0, limit).map(({ kb: _kb, ...info }) => info);
  }

  /** The draft. */
  async getDraft(): Promise<KnowledgeDraft | null> {
    return clone(this.draft);
  }

  /** eTag-checked save. */
  async saveDraft(kb: KnowledgeBase, author: string, expectedETag: string | null): Promise<KnowledgeDraft> {
    if ((this.draft?.eTag ?? null) !== expectedETag) throw new AppError('CONFLICT', 'the draft was changed by someone else');
    this.draft = { kb: clone(kb), eTag: randomUUID(), updatedBy: author, updatedAt: this.clock.now().toISOString() };
    return clone(this.draft);
  }

  /** eTag-checked discard. */
  async discardDraft(expectedETag: string): Promise<boolean> {
    if (!this.draft) return false;
    if (this.draft.eTag !== expectedETag) throw new AppError('CONFLICT', 'the draft was changed by someone else');
    this.draft = null;
    return true;
  }

  /** Appends. */
  async appendAudit(entry: Omit<AuditEntry, 'id' | 'at'> & Partial<Pick<AuditEntry, 'id' | 'at'>>): Promise<AuditEntry> {
    const stored: AuditEntry = { ...clone(entry), id: entry.id ?? randomUUID(), at: new Date(entry.at ?? this.clock.now()).toISOString() };
    this.audit.push(stored);
    return clone(stored);
  }

  /** Newest first. */
  async listAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    return [...this.audit]
      .reverse()
      .filter((e) => (!query.target || e.target === query.target) && (!query.actor || e.actor === query.actor))
      .slice(0, query.limit ?? 100)
      .map(clone);
  }
}
