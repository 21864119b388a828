import { canonicalJson, type KnowledgeBase } from '../knowledge';

/** What changed in one keyed collection. */
export interface CollectionDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What changed between two KB versions: per keyed collection, and whether each settings object changed. */
export interface KbDiff {
  collections: Record<DiffCollection, CollectionDiff>;
  settings: Record<'compensation' | 'escalation' | 'platform', boolean>;
}

/** Collections listed in a diff (remedies are the compensation policy's entries). */
export type DiffCollection = 'faqs' | 'problems' | 'intents' | 'sources' | 'actors' | 'remedies';

type Keyed = { key: string; value: unknown };

const COLLECTIONS: Record<DiffCollection, (kb: KnowledgeBase) => Keyed[]> = {
  faqs: (kb) => kb.faqs.map((v) => ({ key: v.id, value: v })),
  problems: (kb) => kb.problems.map((v) => ({ key: v.id, value: v })),
  intents: (kb) => kb.intents.map((v) => ({ key: v.id, value: v })),
  sources: (kb) => kb.sources.map((v) => ({ key: v.id, value: v })),
  actors: (kb) => kb.actors.map((v) => ({ key: v.kind, value: v })),
  remedies: (kb) => kb.compensation.remedies.map((v) => ({ key: v.id, value: v })),
};

/** The diff from `before` (null: nothing, so everything is added) to `after`. */
export function diffKnowledgeBases(before: KnowledgeBase | null, after: KnowledgeBase): KbDiff {
  const collections = {} as Record<DiffCollection, CollectionDiff>;
  for (const [name, entries] of Object.entries(COLLECTIONS) as Array<[DiffCollection, (kb: KnowledgeBase) => Keyed[]]>) {
    collections[name] = diffEntries(before ? entries(before) : [], entries(after));
  }
  const same = (k: 'compensation' | 'escalation' | 'platform') => !!before && canonicalJson(before[k]) === canonicalJson(after[k]);
  // The remedies are listed as a collection; "compensation" says whether anything else of the policy changed.
  const policy = (kb: KnowledgeBase) => canonicalJson({ ...kb.compensation, remedies: [] });
  return {
    collections,
    settings: {
      compensation: !before || policy(before) !== policy(after),
      escalation: !same('escalation'),
      platform: !same('platform'),
    },
  };
}

/** True when the diff records no change at all. */
export function isEmptyDiff(diff: KbDiff): boolean {
  const lists = Object.values(diff.collections).every((c) => c.added.length + c.changed.length + c.removed.length === 0);
  return lists && !Object.values(diff.settings).some(Boolean);
}

function diffEntries(before: Keyed[], after: Keyed[]): CollectionDiff {
  const old = new Map(before.map((e) => [e.key, canonicalJson(e.value)]));
  const now = new Set(after.map((e) => e.key));
  const out: CollectionDiff = { added: [], changed: [], removed: [] };
  for (const e of after) {
    const previous = old.get(e.key);
    if (previous === undefined) out.added.push(e.key);
    else if (previous !== canonicalJson(e.value)) out.changed.push(e.key);
  }
  for (const e of before) if (!now.has(e.key)) out.removed.push(e.key);
  return out;
}
