import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import type { KbFile, KbProblem } from '../../src/knowledge';

/** The folder of the small valid fixture KB. */
export const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'kb');

/** The fixture KB's files, read once (synchronously: test data, not the code under test). */
export function fixtureFiles(): KbFile[] {
  const out: KbFile[] = [];
  const walk = (rel: string): void => {
    for (const item of readdirSync(path.join(FIXTURE_DIR, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${item.name}` : item.name;
      if (item.isDirectory()) walk(p);
      else out.push({ path: p, content: readFileSync(path.join(FIXTURE_DIR, p), 'utf8') });
    }
  };
  walk('');
  return out;
}

/** A copy of the files with `from` replaced by `to` in one file; fails the test if `from` is not there. */
export function edit(files: KbFile[], file: string, from: string, to: string): KbFile[] {
  const target = files.find((f) => f.path === file);
  expect(target, `fixture file ${file}`).to.not.equal(undefined);
  expect(target!.content, `fixture ${file} contains the text to edit`).to.include(from);
  return files.map((f) => (f.path === file ? { ...f, content: f.content.replace(from, to) } : f));
}

/** A copy of the files with one file's content replaced, added or (content undefined) removed. */
export function withFile(files: KbFile[], file: string, content: string | undefined): KbFile[] {
  const rest = files.filter((f) => f.path !== file);
  return content === undefined ? rest : [...rest, { path: file, content }];
}

/** The content of one file. */
export function contentOf(files: KbFile[], file: string): string {
  const f = files.find((x) => x.path === file);
  if (!f) throw new Error(`no file ${file}`);
  return f.content;
}

/** The 1-based line of the first line containing `needle` (after `after`, when given) in a file. */
export function lineOf(files: KbFile[], file: string, needle: string, after?: string): number {
  const lines = contentOf(files, file).split('\n');
  const start = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, k) => k >= start && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in ${file}`);
  return i + 1;
}

/** Asserts that exactly one problem sits at this file and path, and returns it. */
export function problemAt(problems: KbProblem[], file: string, path: string): KbProblem {
  const found = problems.filter((p) => p.file === file && p.path === path);
  expect(found, `one problem at ${file} ${path}; got ${JSON.stringify(problems, null, 1)}`).to.have.length(1);
  return found[0]!;
}
