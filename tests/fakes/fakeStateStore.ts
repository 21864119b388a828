import { randomUUID } from 'node:crypto';
import { AppError } from '../../src/shared/errors';
import type { StateStore, StoreItem, StoreItems } from '../../src/storage/ports';

/** In-memory StateStore with real eTag semantics (unlike botbuilder's MemoryStorage, it never half-writes a batch). */
export class FakeStateStore implements StateStore {
  readonly items = new Map<string, { eTag: string; doc: string }>();

  /** Existing keys with eTags. */
  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item) out[key] = { ...(JSON.parse(item.doc) as StoreItem), eTag: item.eTag };
    }
    return out;
  }

  /** All or nothing; stale eTag -> CONFLICT. */
  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      if (item.eTag && item.eTag !== '*' && this.items.get(key)?.eTag !== item.eTag) {
        throw new AppError('CONFLICT', `state "${key}" was changed by someone else (stale eTag)`, { key });
      }
    }
    for (const [key, item] of Object.entries(changes)) {
      const doc: StoreItem = { ...item };
      delete doc.eTag;
      this.items.set(key, { eTag: randomUUID(), doc: JSON.stringify(doc) });
    }
  }

  /** Deletes. */
  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }
}
