import { fail, ok, type Result } from '../shared/result';
import type { KnowledgeBase } from './schema';
import { errorsOf, formatPath, type KbFile, type KbPath, type KbProblem, type KbReport } from './kbProblem';
import { fileKindOf, LIST_KINDS, SINGLE_FILES, type FilePlace, type KbLocator } from './layout';
import { parseYamlSource, type YamlSource } from './yamlSource';
import { checkKnowledgeBase, type KbCheckOptions } from './validate';
import { byCodeUnit } from './kbView';

interface Origin {
  file: string;
  /** Where the entry's list sits in its file (["faqs", 3]) or [] for a whole-file entry. */
  prefix: KbPath;
}

/** Parses and checks the files of a KB folder: every problem with file, line and path; `kb` only when valid. */
export function checkKnowledgeFiles(files: readonly KbFile[], options: KbCheckOptions = {}): KbReport<KnowledgeBase> {
  const problems: KbProblem[] = [];
  const fileProblem = (file: string, message: string, path: KbPath = [], line?: number): void => {
    problems.push({ file, ...(line === undefined ? {} : { line }), path: formatPath(path), kbPath: '', message, severity: 'error' });
  };
  const sources = new Map<string, YamlSource>();
  // Sections of missing files stay absent: the checks then neither repeat the problem nor chase references into them.
  const raw: Record<string, unknown> = { faqs: [], problems: [] };
  const origins: Record<string, Origin[]> = { faqs: [], problems: [] };
  const sectionFile = new Map<string, string>();
  const blocked = new Set<string>();
  const incomplete = new Set<string>();

  for (const f of [...files].map(clean).sort((a, b) => byCodeUnit(a.path, b.path))) {
    const kind = fileKindOf(f.path);
    if (!kind) {
      fileProblem(f.path, 'not part of the knowledge base layout (see knowledge/README or kb-layout)');
      continue;
    }
    const src = parseYamlSource(f.content);
    sources.set(f.path, src);
    for (const e of src.errors) fileProblem(f.path, `${e.limit ? 'YAML' : 'YAML syntax'}: ${e.message}`, [], e.line);
    const section = kind === 'problem' ? 'problems' : kind;
    if (src.errors.length > 0) {
      if (kind === 'faqs' || kind === 'problem') incomplete.add(section);
      else blocked.add(section);
      continue;
    }
    const data = src.data;
    if (LIST_KINDS.has(kind)) {
      const obj = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
      if (!obj || !Array.isArray(obj[kind])) {
        fileProblem(f.path, `expected a mapping with a "${kind}:" list`, obj ? [kind] : [], src.lineOf(obj ? [kind] : []));
        if (kind === 'faqs') incomplete.add(section);
        else blocked.add(section);
        continue;
      }
      for (const key of Object.keys(obj)) {
        if (key !== kind) fileProblem(f.path, `unknown field "${key}" (the file holds only "${kind}:")`, [key], src.lineOf([key]));
      }
      const list = obj[kind] as unknown[];
      if (kind === 'faqs') {
        const topic = f.path.replace(/^faqs\//, '').replace(/\.ya?ml$/, '');
        list.forEach((item, i) => {
          origins.faqs!.push({ file: f.path, prefix: ['faqs', i] });
          (raw.faqs as unknown[]).push(withTopic(item, topic, (message) => fileProblem(f.path, message, ['faqs', i, 'topic'], src.lineOf(['faqs', i, 'topic']))));
        });
      } else raw[kind] = list;
    } else if (kind === 'problem') {
      const id = (data as { id?: unknown } | null)?.id;
      const base = f.path.replace(/^problems\//, '').replace(/\.ya?ml$/, '');
      if (typeof id === 'string' && id !== base) fileProblem(f.path, `the file name must be the problem id ("${id}.yaml")`, ['id'], src.lineOf(['id']));
      origins.problems!.push({ file: f.path, prefix: [] });
      (raw.problems as unknown[]).push(data);
    } else raw[kind] = data;
    if (kind !== 'faqs' && kind !== 'problem') sectionFile.set(section, f.path);
  }
  for (const [path, kind] of Object.entries(SINGLE_FILES)) {
    if (!sectionFile.has(kind) && !blocked.has(kind)) {
      fileProblem(path, 'missing file');
      blocked.add(kind);
    }
  }
  const locate: KbLocator = (kbPath) => {
    const place = placeOf(kbPath, origins, sectionFile, blocked);
    return place && { ...place, line: sources.get(place.file)?.lineOf(place.path) };
  };
  const report = checkKnowledgeBase(raw, locate, incomplete, options);
  const all = [...problems, ...report.problems];
  return { kb: errorsOf(all).length === 0 ? report.kb : undefined, problems: all };
}

/** Parses the files of a KB folder into a valid KB, or every error found (with file, line and path). */
export function parseKnowledgeBase(files: readonly KbFile[]): Result<KnowledgeBase, KbProblem[]> {
  const report = checkKnowledgeFiles(files);
  return report.kb ? ok(report.kb) : fail(errorsOf(report.problems));
}

function placeOf(kbPath: KbPath, origins: Record<string, Origin[]>, sectionFile: Map<string, string>, blocked: Set<string>): FilePlace | null {
  const [root, index, ...rest] = kbPath;
  if (typeof root !== 'string' || blocked.has(root)) return null;
  if ((root === 'faqs' || root === 'problems') && typeof index === 'number') {
    const origin = origins[root]?.[index];
    if (origin) return { file: origin.file, path: [...origin.prefix, ...rest] };
  }
  const file = sectionFile.get(root);
  if (!file) return { file: root, path: kbPath.slice(1) };
  return LIST_KINDS.has(root as 'intents') ? { file, path: kbPath } : { file, path: kbPath.slice(1) };
}

function clean(f: KbFile): KbFile {
  return { path: f.path.replace(/\\/g, '/').replace(/^\.\//, ''), content: f.content };
}

/** An FAQ entry with the topic of its file; an explicit topic that names another file is a problem. */
function withTopic(item: unknown, topic: string, report: (message: string) => void): unknown {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
  const given = (item as { topic?: unknown }).topic;
  if (given !== undefined && given !== topic) report(`topic "${String(given)}" does not match the file faqs/${topic}.yaml (leave it out)`);
  return { ...item, topic };
}
