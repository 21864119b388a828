import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { KbPath } from './kbProblem';

/** A parsed YAML file that can tell the line of any path inside it. */
export interface YamlSource {
  /** The plain JSON data (undefined when the file has syntax errors). */
  data: unknown;
  /** Syntax errors, each with its line. */
  errors: Array<{ line: number; message: string }>;
  /** The 1-based line of the deepest node on the path that exists (the file's first line if none). */
  lineOf(path: KbPath): number;
}

/** Parses one YAML file, keeping node positions for error reports. */
export function parseYamlSource(content: string): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(content, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({
    line: counter.linePos(e.pos[0]).line,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const lineOf = (path: KbPath): number => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? 1 : counter.linePos(offset).line;
  };
  return { data: errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }), errors, lineOf };
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
