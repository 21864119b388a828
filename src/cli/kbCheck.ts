/**
 * `npm run kb:check [-- --dir DIR]`: validates a knowledge base folder (default ./knowledge): the schema,
 * unknown fields and every reference. Prints each problem as `file:line  path  message`, a summary with
 * the KB's counts when it is valid, and exits with 1 when it is not.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkKnowledgeFiles, errorsOf, formatProblem, kbContentHash, kbCounts } from '../knowledge';
import { readKnowledgeDir } from '../storage/knowledgeFiles';
import { runMain } from './runMain';

/** Runs the check; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { dir: { type: 'string', default: 'knowledge' } } });
  const dir = path.resolve(values.dir ?? 'knowledge');
  let files;
  try {
    files = await readKnowledgeDir(dir);
  } catch (e) {
    console.error(`kb:check: cannot read ${dir}: ${(e as Error).message}`);
    return 1;
  }
  // The clock turns on the warning for sources whose review is over a year old.
  const report = checkKnowledgeFiles(files, { now: new Date() });
  for (const p of report.problems) console.log(formatProblem(p));
  const errors = errorsOf(report.problems).length;
  const warnings = report.problems.length - errors;
  if (!report.kb) {
    console.log(`\nkb:check: ${dir} is INVALID: ${errors} error(s), ${warnings} warning(s) in ${files.length} file(s)`);
    return 1;
  }
  const counts = Object.entries(kbCounts(report.kb))
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(`kb:check: ${dir} is valid (${files.length} files, ${warnings} warning(s))`);
  console.log(`  ${counts}`);
  console.log(`  content hash ${kbContentHash(report.kb).slice(0, 16)}`);
  return 0;
}

runMain(module, () => main(process.argv.slice(2)));
