import { fail, ok, type Result } from '../shared/result';
import type { KnowledgeBase } from './schema';
import { errorsOf, formatPath, type KbProblem, type KbReport } from './kbProblem';
import { layoutLocator, type KbLocator } from './layout';
import { checkSchema } from './checkSchema';
import { checkPlaybooks } from './checkPlaybooks';
import { checkCatalog } from './checkCatalog';
import { checkSettings } from './checkSettings';
import { checkPlaceholders } from './checkPlaceholders';
import { checkValues } from './checkValues';
import { checkRules } from './checkRules';
import { checkPromises } from './checkPromises';
import { checkSafety } from './checkSafety';
import { checkProducts } from './checkProducts';
import { checkMarkup } from './checkMarkup';
import { byCodeUnit, type RawProblem } from './kbView';
import type { KbPath } from './kbProblem';

/** What the checks take from outside: `now` (the CLI's clock) turns on the warning for sources reviewed over a year ago. */
export interface KbCheckOptions {
  now?: Date;
}

/**
 * Checks a whole KB given as a JSON value (a draft of the admin API, or files assembled by the parser):
 * the schema, unknown fields, and every reference. Reports every problem, warnings included; `kb` is set
 * only when there is no error. `locate` places problems in files (default: the exported layout); sections
 * named in `incomplete` (some file unreadable) accept any reference.
 */
export function checkKnowledgeBase(
  input: unknown,
  locate: KbLocator = layoutLocator(input),
  incomplete: ReadonlySet<string> = new Set(),
  options: KbCheckOptions = {},
): KbReport<KnowledgeBase> {
  const schema = checkSchema(input, incomplete);
  const raw: RawProblem[] = [
    ...schema.problems,
    ...checkPlaybooks(schema.view),
    ...checkCatalog(schema.view),
    ...checkSettings(schema.view),
    ...checkPlaceholders(schema.view),
    ...checkValues(schema.view),
    ...checkRules(schema.view, options.now),
    ...checkPromises(schema.view),
    ...checkSafety(schema.view),
    ...checkProducts(schema.view),
    ...checkMarkup(schema.view),
  ];
  const problems = placeProblems(raw, locate);
  return { kb: errorsOf(problems).length === 0 ? schema.kb : undefined, problems };
}

/** Validates a whole KB given as a JSON value: the KB, or every error (warnings are not failures). */
export function validateKnowledgeBase(input: unknown): Result<KnowledgeBase, KbProblem[]> {
  const report = checkKnowledgeBase(input);
  return report.kb ? ok(report.kb) : fail(errorsOf(report.problems));
}

/** Maps raw problems to files and lines, drops duplicates and sorts them by file and line. */
export function placeProblems(raw: readonly RawProblem[], locate: KbLocator): KbProblem[] {
  const seen = new Set<string>();
  const out: KbProblem[] = [];
  for (const r of raw) {
    const place = locate(r.kbPath);
    if (!place) continue;
    const problem: KbProblem = {
      file: place.file,
      ...(place.line === undefined ? {} : { line: place.line }),
      path: formatPath(place.path),
      kbPath: formatPath(r.kbPath),
      message: r.related ? `${r.message} (also at ${where(r.related, locate)})` : r.message,
      severity: r.severity,
    };
    const key = `${problem.kbPath}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out
    .map((p, i) => ({ p, i }))
    .sort((a, b) => byCodeUnit(a.p.file, b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function where(kbPath: KbPath, locate: KbLocator): string {
  const place = locate(kbPath);
  if (!place) return formatPath(kbPath);
  const file = place.line === undefined ? place.file : `${place.file}:${place.line}`;
  return place.path.length > 0 ? `${file} ${formatPath(place.path)}` : file;
}
