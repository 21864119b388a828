import { stringify } from 'yaml';
import type { z } from 'zod';
import type { Faq, KnowledgeBase } from './schema';
import type { KbFile } from './kbProblem';
import { faqTopic, KB_FILE_SCHEMAS, schemaHeader, type KbFileKind } from './layout';
import { pruneDefaults } from './schemaWalk';
import { byCodeUnit } from './kbView';

/** Options of `serializeKnowledgeBase`. */
export interface SerializeOptions {
  /** The topic file (without ".yaml") of an FAQ; default: its `topic`, else its first tag, else "general". */
  faqTopic?: (faq: Faq) => string;
  /** Leave out fields equal to their schema default (default true), as a person writes them. */
  pruneDefaults?: boolean;
}

/**
 * Writes a KB back to the folder layout (paths relative to the KB folder), each file starting with its
 * JSON Schema header. Files come out sorted by path; FAQs are grouped by topic file in their original order,
 * so parsing the output gives the same KB for a KB loaded from files (comments and quoting style are not kept).
 */
export function serializeKnowledgeBase(kb: KnowledgeBase, options: SerializeOptions = {}): KbFile[] {
  const prune = options.pruneDefaults ?? true;
  const topicOf = options.faqTopic ?? faqTopic;
  const file = (path: string, kind: KbFileKind, value: unknown): KbFile => {
    const data = prune ? pruneDefaults(KB_FILE_SCHEMAS[kind] as z.ZodType, value) : value;
    const body = stringify(data, { lineWidth: 0, blockQuote: 'literal' });
    return { path, content: `${schemaHeader(kind, path)}\n${body}` };
  };
  const out: KbFile[] = [
    file('platform.yaml', 'platform', kb.platform),
    file('intents.yaml', 'intents', { intents: kb.intents }),
    file('sources.yaml', 'sources', { sources: kb.sources }),
    file('actors.yaml', 'actors', { actors: kb.actors }),
    file('compensation.yaml', 'compensation', kb.compensation),
    file('escalation.yaml', 'escalation', kb.escalation),
  ];
  const topics = new Map<string, Faq[]>();
  for (const faq of kb.faqs) {
    const topic = topicOf(faq);
    topics.set(topic, [...(topics.get(topic) ?? []), faq]);
  }
  // The file name says the topic: it is not repeated inside.
  const untopiced = (faqs: Faq[]) => faqs.map(({ topic: _topic, ...rest }) => rest);
  for (const [topic, faqs] of topics) out.push(file(`faqs/${topic}.yaml`, 'faqs', { faqs: untopiced(faqs) }));
  for (const problem of kb.problems) out.push(file(`problems/${problem.id}.yaml`, 'problem', problem));
  return out.sort((a, b) => byCodeUnit(a.path, b.path));
}
