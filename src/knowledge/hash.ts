import { createHash } from 'node:crypto';
import type { KnowledgeBase } from './schema';

/** JSON with object keys sorted at every level (array order kept): the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** A stable content hash of a KB (sha256 hex of its canonical JSON): the NLU cache key and version id. */
export function kbContentHash(kb: KnowledgeBase | Partial<KnowledgeBase>): string {
  return createHash('sha256').update(canonicalJson(kb)).digest('hex');
}

/** The sizes of a KB, for /healthz and the kb:check summary. */
export interface KbCounts {
  intents: number;
  utterances: number;
  faqs: number;
  questions: number;
  problems: number;
  steps: number;
  sources: number;
  actors: number;
  remedies: number;
}

/** Counts the entries of a KB. */
export function kbCounts(kb: KnowledgeBase): KbCounts {
  const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
  return {
    intents: kb.intents.length,
    utterances: sum(kb.intents.map((i) => i.utterances.length)),
    faqs: kb.faqs.length,
    questions: sum(kb.faqs.map((f) => f.questions.length)),
    problems: kb.problems.length,
    steps: sum(kb.problems.map((p) => p.steps.length)),
    sources: kb.sources.length,
    actors: kb.actors.length,
    remedies: kb.compensation.remedies.length,
  };
}
