import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Result } from '../shared/result';
import { parseKnowledgeBase, serializeKnowledgeBase, type KbFile, type KbProblem, type KnowledgeBase, type SerializeOptions } from '../knowledge';

const YAML = /\.ya?ml$/;
/** Folders of the KB folder that hold no content: generated JSON Schemas, and the conversation tests (run by eval:conversations). */
const SKIPPED = new Set(['schema', 'node_modules', 'tests']);

/** Reads every YAML file of a KB folder (recursively, schema/ excepted), paths relative to it with "/". */
export async function readKnowledgeDir(dir: string): Promise<KbFile[]> {
  const out: KbFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    const items = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const item of items) {
      const relPath = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory() && !SKIPPED.has(item.name) && !item.name.startsWith('.')) await walk(relPath);
      else if (item.isFile() && YAML.test(item.name)) {
        out.push({ path: relPath, content: await fs.readFile(path.join(dir, relPath), 'utf8') });
      }
    }
  };
  await walk('');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads and validates a KB folder: the KB, or every error with its file, line and path. */
export async function loadKnowledgeBaseFromDir(dir: string): Promise<Result<KnowledgeBase, KbProblem[]>> {
  return parseKnowledgeBase(await readKnowledgeDir(dir));
}

/**
 * Writes a KB to a folder in the file layout (for re-export to git). Each file is written to a temporary
 * name then renamed, so a reader never sees half a file; YAML files of faqs/ and problems/ that the KB no
 * longer has are removed. Returns the paths written.
 */
export async function writeKnowledgeDir(dir: string, kb: KnowledgeBase, options?: SerializeOptions): Promise<string[]> {
  const files = serializeKnowledgeBase(kb, options);
  const wanted = new Set(files.map((f) => f.path));
  for (const f of files) {
    const target = path.join(dir, f.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(tmp, f.content, 'utf8');
    await fs.rename(tmp, target);
  }
  for (const sub of ['faqs', 'problems']) {
    const names = await fs.readdir(path.join(dir, sub)).catch(() => [] as string[]);
    for (const name of names) {
      if (YAML.test(name) && !wanted.has(`${sub}/${name}`)) await fs.unlink(path.join(dir, sub, name));
    }
  }
  return files.map((f) => f.path);
}
