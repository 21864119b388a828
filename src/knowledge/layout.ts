import { z } from 'zod';
import {
  actorSchema,
  compensationSchema,
  escalationSchema,
  faqSchema,
  intentSchema,
  knowledgeBaseSchema,
  platformSchema,
  problemSchema,
  sourceSchema,
} from './schema';
import type { KbPath } from './kbProblem';

/** The kinds of file in the KB folder, each with its own JSON Schema (knowledge/schema/<kind>.schema.json). */
export const KB_FILE_KINDS = ['platform', 'intents', 'faqs', 'problem', 'sources', 'actors', 'compensation', 'escalation'] as const;
/** One kind of KB file. */
export type KbFileKind = (typeof KB_FILE_KINDS)[number];

/** The zod schema of each kind of file (list files wrap their list in one key, as in the layout). */
export const KB_FILE_SCHEMAS: Record<KbFileKind, z.ZodType> = {
  platform: platformSchema,
  intents: z.object({ intents: z.array(intentSchema) }),
  faqs: z.object({ faqs: z.array(faqSchema) }),
  problem: problemSchema,
  sources: z.object({ sources: z.array(sourceSchema) }),
  actors: z.object({ actors: z.array(actorSchema) }),
  compensation: compensationSchema,
  escalation: escalationSchema,
};

/** The schema of the whole KB, for knowledge-base.schema.json. */
export const KB_WHOLE_SCHEMA: z.ZodType = knowledgeBaseSchema;

/** Files that hold exactly one section, by path. */
export const SINGLE_FILES: Record<string, Exclude<KbFileKind, 'faqs' | 'problem'>> = {
  'platform.yaml': 'platform',
  'intents.yaml': 'intents',
  'sources.yaml': 'sources',
  'actors.yaml': 'actors',
  'compensation.yaml': 'compensation',
  'escalation.yaml': 'escalation',
};

/** Kinds whose file wraps a list under a key of the same name. */
export const LIST_KINDS: ReadonlySet<KbFileKind> = new Set(['intents', 'faqs', 'sources', 'actors']);

/** The kind of a file from its path, or undefined when the path is not part of the layout. */
export function fileKindOf(path: string): KbFileKind | undefined {
  if (SINGLE_FILES[path]) return SINGLE_FILES[path];
  if (/^faqs\/[^/]+\.ya?ml$/.test(path)) return 'faqs';
  if (/^problems\/[^/]+\.ya?ml$/.test(path)) return 'problem';
  return undefined;
}

const ID = /^[a-z0-9][a-z0-9_.-]*$/;

/** The topic file an FAQ is exported to: its `topic` (the file it was loaded from), else its first tag, else "general". */
export function faqTopic(faq: unknown): string {
  const { topic, tags } = (faq ?? {}) as { topic?: unknown; tags?: unknown };
  if (typeof topic === 'string' && ID.test(topic)) return topic;
  const first = Array.isArray(tags) ? tags[0] : undefined;
  return typeof first === 'string' && ID.test(first) ? first : 'general';
}

/** The `# yaml-language-server` header line of a file, pointing at its JSON Schema. */
export function schemaHeader(kind: KbFileKind, path: string): string {
  const up = path.includes('/') ? '../' : './';
  return `# yaml-language-server: $schema=${up}schema/${kind}.schema.json`;
}

/** A place in a file: where a path of the whole KB lives. */
export interface FilePlace {
  file: string;
  path: KbPath;
  line?: number;
}

/** Maps a path of the whole KB to its file and place; null means "do not report" (already reported). */
export type KbLocator = (kbPath: KbPath) => FilePlace | null;

/** The locator of a KB held as JSON: places are those of `serializeKnowledgeBase`'s output. */
export function layoutLocator(input: unknown): KbLocator {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  return (kbPath) => {
    const [root, index, ...rest] = kbPath;
    if (root === 'faqs' && typeof index === 'number' && Array.isArray(raw.faqs)) {
      const topic = faqTopic(raw.faqs[index]);
      const within = raw.faqs.slice(0, index).filter((f) => faqTopic(f) === topic).length;
      return { file: `faqs/${topic}.yaml`, path: ['faqs', within, ...rest] };
    }
    if (root === 'problems' && typeof index === 'number' && Array.isArray(raw.problems)) {
      const id = (raw.problems[index] as { id?: unknown } | null)?.id;
      const name = typeof id === 'string' && id !== '' ? id : `#${index}`;
      return { file: `problems/${name}.yaml`, path: rest };
    }
    if (root === 'faqs' || root === 'problems') return { file: `${root}/`, path: kbPath };
    if (root === 'intents' || root === 'sources' || root === 'actors') return { file: `${root}.yaml`, path: kbPath };
    if (root === 'platform' || root === 'compensation' || root === 'escalation') {
      return { file: `${root}.yaml`, path: kbPath.slice(1) };
    }
    return { file: 'knowledge-base', path: kbPath };
  };
}
