import { randomUUID } from 'node:crypto';
import { kbContentHash } from '../../knowledge/hash';
import type { KnowledgeBase } from '../../knowledge/schema';
import type { AuditEntry, AuditQuery, KnowledgeDraft, KnowledgeRepository, KnowledgeVersion, KnowledgeVersionInfo } from '../../knowledge/ports';
import { AppError, isAppError } from '../../shared/errors';
import type { Clock } from '../../shared/clock';
import { fromJson, fromTs, toJson, toTs, type Sql } from '../sql/sql';

/** The KB's content hash: the same function the KnowledgeService and the NLU cache use. */
export function contentHash(value: KnowledgeBase): string {
  return kbContentHash(value);
}

/** KnowledgeRepository on SQL: immutable versions, one draft with an eTag, an append-only audit trail. */
export class SqlKnowledgeRepository implements KnowledgeRepository {
  constructor(
    private readonly db: Sql,
    private readonly clock: Clock,
  ) {}

  /** Publishes kb as the next version if the current one is still expectedCurrentVersion. */
  async publish(kb: KnowledgeBase, author: string, message: string, expectedCurrentVersion: number | null): Promise<KnowledgeVersionInfo> {
    const info: KnowledgeVersionInfo = {
      version: (expectedCurrentVersion ?? 0) + 1,
      contentHash: contentHash(kb),
      author,
      message,
      createdAt: this.clock.now().toISOString(),
    };
    const stale = () => new AppError('CONFLICT', `the knowledge base moved on from version ${expectedCurrentVersion ?? 'none'}; reload and retry`);
    try {
      await this.db.tx(async (q) => {
        const { rows } = await q.query<{ v: number | string | null }>('SELECT MAX(version) AS v FROM kb_versions');
        const current = rows[0]?.v === null || rows[0]?.v === undefined ? null : Number(rows[0].v);
        if (current !== expectedCurrentVersion) throw stale();
        // Two publishers racing past the check collide on the primary key: one of them gets CONFLICT.
        await q.query('INSERT INTO kb_versions (version, content_hash, author, message, created_at, kb) VALUES ($1, $2, $3, $4, $5, $6)', [
          info.version, info.contentHash, author, message, info.createdAt, toJson(kb),
        ]);
      });
    } catch (err) {
      if (isAppError(err) && err.code === 'CONFLICT') throw stale();
      throw err;
    }
    return info;
  }

  /** The latest version, or null. */
  async getPublished(): Promise<KnowledgeVersion | null> {
    return this.version('SELECT * FROM kb_versions ORDER BY version DESC LIMIT 1', []);
  }

  /** One version, or null. */
  async getVersion(version: number): Promise<KnowledgeVersion | null> {
    return this.version('SELECT * FROM kb_versions WHERE version = $1', [version]);
  }

  /** Versions, newest first, without content. */
  async listVersions(limit = 100): Promise<KnowledgeVersionInfo[]> {
    const { rows } = await this.db.query<VersionRow>(
      'SELECT version, content_hash, author, message, created_at FROM kb_versions ORDER BY version DESC LIMIT $1',
      [limit],
    );
    return rows.map(toInfo);
  }

  /** The draft, or null. */
  async getDraft(): Promise<KnowledgeDraft | null> {
    const { rows } = await this.db.query<{ kb: unknown; etag: string; updated_by: string; updated_at: unknown }>(
      'SELECT kb, etag, updated_by, updated_at FROM kb_draft WHERE id = 1',
    );
    const row = rows[0];
    return row ? { kb: fromJson<KnowledgeBase>(row.kb), eTag: row.etag, updatedBy: row.updated_by, updatedAt: fromTs(row.updated_at) } : null;
  }

  /** Saves the draft if its eTag is still expectedETag (null: there must be no draft). */
  async saveDraft(kb: KnowledgeBase, author: string, expectedETag: string | null): Promise<KnowledgeDraft> {
    const draft: KnowledgeDraft = { kb, eTag: randomUUID(), updatedBy: author, updatedAt: this.clock.now().toISOString() };
    const params = [draft.eTag, author, draft.updatedAt, toJson(kb)];
    const result =
      expectedETag === null
        ? await this.db.query('INSERT INTO kb_draft (id, etag, updated_by, updated_at, kb) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', params)
        : await this.db.query('UPDATE kb_draft SET etag = $1, updated_by = $2, updated_at = $3, kb = $4 WHERE id = 1 AND etag = $5', [...params, expectedETag]);
    if (result.rowCount === 0) throw new AppError('CONFLICT', 'the draft was changed by someone else; reload it and retry');
    return draft;
  }

  /** Drops the draft if its eTag is still expectedETag. */
  async discardDraft(expectedETag: string): Promise<boolean> {
    return this.db.tx(async (q) => {
      const { rows } = await q.query<{ etag: string }>('SELECT etag FROM kb_draft WHERE id = 1');
      if (rows.length === 0) return false;
      if (rows[0].etag !== expectedETag) throw new AppError('CONFLICT', 'the draft was changed by someone else; reload it and retry');
      await q.query('DELETE FROM kb_draft WHERE id = 1');
      return true;
    });
  }

  /** Appends one audit entry. */
  async appendAudit(entry: Omit<AuditEntry, 'id' | 'at'> & Partial<Pick<AuditEntry, 'id' | 'at'>>): Promise<AuditEntry> {
    const stored: AuditEntry = { ...entry, id: entry.id ?? randomUUID(), at: toTs(entry.at ?? this.clock.now()) };
    await this.db.query('INSERT INTO kb_audit (id, at, actor, action, target, details) VALUES ($1, $2, $3, $4, $5, $6)', [
      stored.id, stored.at, stored.actor, stored.action, stored.target, toJson(stored.details),
    ]);
    return stored;
  }

  /** Audit entries, newest first. */
  async listAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<{ id: string; at: unknown; actor: string; action: string; target: string; details: unknown }>(
      `SELECT id, at, actor, action, target, details FROM kb_audit
       WHERE (CAST($1 AS TEXT) IS NULL OR target = $1) AND (CAST($2 AS TEXT) IS NULL OR actor = $2) ORDER BY seq DESC LIMIT $3`,
      [query.target ?? null, query.actor ?? null, query.limit ?? 100],
    );
    return rows.map((r) => {
      const entry: AuditEntry = { id: r.id, at: fromTs(r.at), actor: r.actor, action: r.action, target: r.target };
      if (r.details !== null && r.details !== undefined) entry.details = fromJson(r.details);
      return entry;
    });
  }

  private async version(text: string, params: unknown[]): Promise<KnowledgeVersion | null> {
    const { rows } = await this.db.query<VersionRow & { kb: unknown }>(text, params);
    return rows[0] ? { ...toInfo(rows[0]), kb: fromJson<KnowledgeBase>(rows[0].kb) } : null;
  }
}

type VersionRow = { version: number | string; content_hash: string; author: string; message: string; created_at: unknown };

function toInfo(row: VersionRow): KnowledgeVersionInfo {
  return { version: Number(row.version), contentHash: row.content_hash, author: row.author, message: row.message, createdAt: fromTs(row.created_at) };
}
