/**
 * The personal-data detection table of docs/security.md: per kind, how many of the corpus samples
 * (tests/fixtures/pii/samples.yaml) redaction catches, and how many of the knowledge base's own texts
 * (every string of knowledge/*.yaml, faqs/ and problems/: questions, answers, playbook steps) it would
 * redact: each such hit is a false positive, since the KB holds no personal data.
 * Usage: npm run pii:table
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { detectPii, PII_KINDS, redact, type PiiKind } from '../src/shared/redact';

interface Corpus {
  caught: Record<string, Array<{ text: string; secret: string }>>;
  kept: string[];
}

const ROOT = path.resolve(__dirname, '..');
const KB_DIRS = ['knowledge', 'knowledge/faqs', 'knowledge/problems'];

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function kbTexts(): string[] {
  const out: string[] = [];
  for (const dir of KB_DIRS) {
    for (const file of readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.yaml')).sort()) {
      strings(parse(readFileSync(path.join(ROOT, dir, file), 'utf8')), out);
    }
  }
  return out;
}

function main(): void {
  const corpus = parse(readFileSync(path.join(ROOT, 'tests/fixtures/pii/samples.yaml'), 'utf8')) as Corpus;
  const texts = kbTexts();
  const hits = new Map<PiiKind, string[]>();
  for (const text of texts) {
    for (const span of detectPii(text)) hits.set(span.kind, [...(hits.get(span.kind) ?? []), text.slice(span.start, span.end)]);
  }
  console.log(`| kind | samples caught | false positives in the KB's ${texts.length.toLocaleString('en')} texts | what was taken |`);
  console.log('|---|---:|---:|---|');
  for (const kind of PII_KINDS) {
    const samples = corpus.caught[kind] ?? [];
    const caught = samples.filter((s) => {
      const out = redact(s.text);
      return out.includes(`[${kind}]`) && !out.includes(s.secret);
    }).length;
    const found = hits.get(kind) ?? [];
    const shown = [...new Set(found)].slice(0, 4).map((f) => `\`${f}\``).join(', ');
    console.log(`| ${kind} | ${caught} / ${samples.length} | ${found.length} | ${shown || '-'} |`);
  }
  const kept = corpus.kept.filter((t) => redact(t) === t).length;
  console.log('');
  console.log(`Not personal data, kept unchanged (flight numbers, amounts, dates, times, room numbers, case references): ${kept} / ${corpus.kept.length}.`);
  console.log('Rerun: npm run pii:table');
}

main();
