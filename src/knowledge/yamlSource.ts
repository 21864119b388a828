import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { KbPath } from './kbProblem';

/** A parsed YAML file that can tell the line of any path inside it. */
export interface YamlSource {
  /** The plain JSON data (undefined when the file has syntax errors). */
  data: unknown;
  /** Syntax errors, each with its line; `limit` marks a file refused for its size or its aliases, not its syntax. */
  errors: Array<{ line: number; message: string; limit?: true }>;
  /** The 1-based line of the deepest node on the path that exists (the file's first line if none). */
  lineOf(path: KbPath): number;
}

/** The largest KB file read, in characters: ten times the largest shipped file (intents.yaml, ~110 KB). */
export const MAX_YAML_CHARS = 1_000_000;
/** How many nodes aliases may expand to in one file (the `yaml` package's maxAliasCount); the shipped KB uses none. */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Parses one YAML file, keeping node positions for error reports; an oversized file or an alias bomb is an error. */
export function parseYamlSource(content: string): YamlSource {
  if (content.length > MAX_YAML_CHARS) {
    const message = `the file has ${content.length} characters, more than the ${MAX_YAML_CHARS} a knowledge base file may have (split it)`;
    return { data: undefined, errors: [{ line: 1, message, limit: true }], lineOf: () => 1 };
  }
  const counter = new LineCounter();
  const doc = parseDocument(content, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({
    line: counter.linePos(e.pos[0]).line,
    message: readable(e.message.split('\n')[0] ?? e.message),
  }));
  const lineOf = (path: KbPath): number => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? 1 : counter.linePos(offset).line;
  };
  if (errors.length > 0) return { data: undefined, errors, lineOf };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }), errors, lineOf };
  } catch (err) {
    // Aliases resolve only here: an alias bomb, or an alias to an anchor set after it, throws a ReferenceError.
    const at = firstAliasOffset(doc);
    const line = at === undefined ? 1 : counter.linePos(at).line;
    const message = /excessive alias/i.test((err as Error).message)
      ? `aliases (*name) expand to more than ${MAX_YAML_ALIAS_COUNT} nodes; write the values out instead`
      : readable((err as Error).message);
    return { data: undefined, errors: [{ line, message, limit: true }], lineOf };
  }
}

/** The parser's own words, except a nesting that overflowed its stack, which the owner should read as such. */
function readable(message: string): string {
  return /maximum call stack/i.test(message) ? 'nested too deeply' : message;
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function offsetOf(doc: Document, path: KbPath): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const seg of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      // A key with no value ("steps:") has no value node: point at the key.
      next = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    if (next === undefined || next === null) break;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}
