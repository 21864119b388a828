/** One file of the knowledge base folder: its path relative to the folder ("problems/double_charge.yaml") and text. */
export interface KbFile {
  path: string;
  content: string;
}

/** How bad a problem is: errors make the KB invalid, warnings are reported but do not block publishing. */
export type KbSeverity = 'error' | 'warning';

/** One problem found in the knowledge base, with the place an owner needs to fix it. */
export interface KbProblem {
  /** File relative to the KB folder (for a JSON draft: the file the entry is exported to). */
  file: string;
  /** 1-based line in that file, when the KB came from files. */
  line?: number;
  /** Place inside the file, e.g. "steps[2].sources[0]" ("" for the file itself). */
  path: string;
  /** Place inside the whole-KB JSON object, e.g. "problems[3].steps[2].sources[0]" (for the admin API). */
  kbPath: string;
  message: string;
  severity: KbSeverity;
}

/** Everything a check found: the KB (absent when it could not be built) and every problem, warnings included. */
export interface KbReport<T = unknown> {
  kb: T | undefined;
  problems: KbProblem[];
}

/** A path inside a JSON value: object keys and array indexes. */
export type KbPath = ReadonlyArray<string | number>;

/** Formats a path as `a.b[2].c`. */
export function formatPath(path: KbPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Only the errors of a list of problems. */
export function errorsOf(problems: readonly KbProblem[]): KbProblem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** Formats a problem the way `kb:check` prints it: `file:line  path  message`. */
export function formatProblem(p: KbProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${p.path || '(file)'}  ${tag}${p.message}`;
}
