import type { z } from 'zod';
import {
  actorSchema,
  escalationSchema,
  faqSchema,
  intentSchema,
  knowledgeBaseSchema,
  platformSchema,
  problemSchema,
  remedySchema,
  sourceSchema,
  type KnowledgeBase,
} from './schema';
import type { KbPath } from './kbProblem';
import { unknownKeys } from './schemaWalk';
import { err, valueAt, type Holey, type KbView, type RawProblem } from './kbView';

/** What the schema check found: the KB when fully valid, the best-effort view, and the problems. */
export interface SchemaOutcome {
  kb: KnowledgeBase | undefined;
  view: KbView;
  problems: RawProblem[];
}

/** Checks a whole-KB JSON value against the zod schema, reporting every issue and every unknown key. */
export function checkSchema(input: unknown, incomplete: ReadonlySet<string> = new Set()): SchemaOutcome {
  const problems: RawProblem[] = [];
  const parsed = knowledgeBaseSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(issueProblem(input, issue));
  }
  for (const u of unknownKeys(knowledgeBaseSchema, input)) {
    problems.push(err(u.path, `unknown field "${u.key}" (not in the schema; a typo?)`));
  }
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const comp = (raw.compensation && typeof raw.compensation === 'object' ? raw.compensation : {}) as Record<string, unknown>;
  const view: KbView = {
    platform: one(platformSchema, raw.platform),
    intents: many(intentSchema, raw.intents),
    faqs: many(faqSchema, raw.faqs),
    problems: many(problemSchema, raw.problems),
    sources: many(sourceSchema, raw.sources),
    actors: many(actorSchema, raw.actors),
    remedies: many(remedySchema, comp.remedies),
    escalation: one(escalationSchema, raw.escalation),
    present: {
      intents: idsOf(raw.intents, 'id'),
      // A section with an unreadable file may hold any id: references into it are not reported.
      faqs: incomplete.has('faqs') ? null : idsOf(raw.faqs, 'id'),
      problems: incomplete.has('problems') ? null : idsOf(raw.problems, 'id'),
      sources: idsOf(raw.sources, 'id'),
      actors: idsOf(raw.actors, 'kind'),
      remedies: idsOf(comp.remedies, 'id'),
    },
  };
  return { kb: parsed.success ? parsed.data : undefined, view, problems };
}

function issueProblem(input: unknown, issue: z.core.$ZodIssue): RawProblem {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const last = path[path.length - 1];
  if (issue.code === 'invalid_type' && valueAt(input, path) === undefined && typeof last === 'string') {
    return err(path, `"${last}" is required (${issue.expected})`);
  }
  return err(path as KbPath, issue.message);
}

function one<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

function many<T>(schema: z.ZodType<T>, value: unknown): Holey<T> {
  return Array.isArray(value) ? value.map((v) => one(schema, v)) : [];
}

function idsOf(list: unknown, key: string): Set<string> | null {
  if (!Array.isArray(list)) return null;
  const out = new Set<string>();
  for (const item of list) {
    const id = (item as Record<string, unknown> | null)?.[key];
    if (typeof id === 'string') out.add(id);
  }
  return out;
}
