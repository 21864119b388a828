import { z } from 'zod';
import { KB_FILE_KINDS, KB_FILE_SCHEMAS, KB_WHOLE_SCHEMA } from './layout';
import { conversationTestFileSchema } from './conversationTests';

/**
 * The JSON Schemas of the KB files, by file name ("faqs.schema.json" ...) plus knowledge-base.schema.json,
 * generated from the zod schema. Input mode (fields with defaults are optional) and closed objects, so an
 * editor flags an unknown field just as kb:check does.
 */
export function kbJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  const all: Array<[string, z.ZodType]> = [
    ...KB_FILE_KINDS.map((k) => [k, KB_FILE_SCHEMAS[k]] as [string, z.ZodType]),
    ['knowledge-base', KB_WHOLE_SCHEMA],
    // The conversation tests of knowledge/tests/ (docs/conversation-tests.md).
    ['conversation-tests', conversationTestFileSchema],
  ];
  for (const [name, schema] of all) {
    const json = close(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' })) as Record<string, unknown>;
    const titled = { $schema: json.$schema, title: `Rebound knowledge base: ${name}`, ...json };
    out[`${name}.schema.json`] = `${JSON.stringify(titled, null, 2)}\n`;
  }
  return out;
}

function close(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(close);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = close(v);
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}
