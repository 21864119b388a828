import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/clock';
import type { StateStore, StoreItem, StoreItems } from '../ports';
import { fromJson, toJson, type Sql, type SqlRunner } from '../sql/sql';

/** StateStore on SQL with real eTags: a stale eTag is a conflict, never a silent overwrite. */
export class SqlStateStore implements StateStore {
  constructor(
    private readonly db: Sql,
    private readonly clock: Clock,
  ) {}

  /** The items that exist among keys, with their eTags. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new AppError('BAD_REQUEST', 'keys are required when reading');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const placeholders = keys.map((_k, i) => `$${i + 1}`).join(', ');
    const { rows } = await this.db.query<{ key: string; etag: string; doc: unknown }>(
      `SELECT key, etag, doc FROM state WHERE key IN (${placeholders})`,
      keys,
    );
    for (const row of rows) items[row.key] = { ...fromJson<StoreItem>(row.doc), eTag: row.etag };
    return items;
  }

  /** Writes all changes in one transaction; CONFLICT (and nothing written) if any eTag is stale. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new AppError('BAD_REQUEST', 'changes are required when writing');
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const now = this.clock.now().toISOString();
    const apply = async (q: SqlRunner): Promise<void> => {
      for (const [key, item] of entries) {
        const { eTag, ...doc } = item ?? {};
        const fresh = randomUUID();
        if (eTag && eTag !== '*') {
          const updated = await q.query('UPDATE state SET etag = $1, doc = $2, updated_at = $3 WHERE key = $4 AND etag = $5', [
            fresh,
            toJson(doc),
            now,
            key,
            eTag,
          ]);
          if (updated.rowCount === 0) throw new AppError('CONFLICT', `state "${key}" was changed by someone else (stale eTag)`, { key });
        } else {
          await q.query(
            `INSERT INTO state (key, etag, doc, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc, updated_at = excluded.updated_at`,
            [key, fresh, toJson(doc), now],
          );
        }
      }
    };
    // One statement is atomic on its own: skip the transaction round trips on the per-turn path.
    await (entries.length === 1 ? apply(this.db) : this.db.tx(apply));
  }

  /** Deletes the keys. */
  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const placeholders = keys.map((_k, i) => `$${i + 1}`).join(', ');
    await this.db.query(`DELETE FROM state WHERE key IN (${placeholders})`, keys);
  }
}
