import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';
import type { Entity } from './types';
import { textWindows, wordTokens } from './windows';

/** A number the library found: its span in the message and its value. */
export interface NumberSpan {
  start: number;
  end: number;
  raw: string;
  value: number;
}

type Model = ReturnType<NumberRecognizer['getNumberModel']>;
let english: { numbers: Model; ordinals: Model } | undefined;
let continental: Model | undefined;

function models(): { numbers: Model; ordinals: Model } {
  if (!english) {
    const recognizer = new NumberRecognizer(Culture.English);
    english = { numbers: recognizer.getNumberModel(), ordinals: recognizer.getOrdinalModel() };
  }
  return english;
}

/**
 * "1.234,56" and "2.500,00": the English model reads the dot as a decimal point. The Spanish model reads
 * them right (and writes "1234,56"); this version's German model misreads them like the English one.
 */
const CONTINENTAL = /^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/;

function valueOf(raw: string, resolved: string | undefined): number | undefined {
  if (CONTINENTAL.test(raw)) {
    continental ??= new NumberRecognizer(Culture.Spanish).getNumberModel();
    resolved = (continental.parse(raw)[0]?.resolution?.value as string | undefined)?.replace(',', '.');
  }
  const n = Number(resolved);
  return resolved !== undefined && Number.isFinite(n) ? n : undefined;
}

// Words that can make up a number; only stretches holding a digit or one of these reach the library.
const NUMBER_WORDS = new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'dozen', 'half', 'a', 'an', 'and']);
const GLUE = new Set(['a', 'an', 'and']);
/** The longest stretch read as one number; a longer one is a list of numbers ("1 2 3 ..."), read word by word. */
const MAX_NUMBER_CHARS = 60;

/** Stretches of number words and digit groups joined by spaces or separators ("1,234.50", "a hundred and twenty"), in one pass. */
function numberStretches(text: string): Array<{ start: number; end: number; words: number }> {
  const out: Array<{ start: number; end: number; words: number; strong: boolean }> = [];
  for (const t of wordTokens(text)) {
    const lower = t.text.toLowerCase();
    const digit = t.text[0] >= '0' && t.text[0] <= '9';
    if (!digit && !NUMBER_WORDS.has(lower)) continue;
    const last = out[out.length - 1];
    if (last && t.start - last.end <= 2 && /^[\s,.'’-]*$/.test(text.slice(last.end, t.start))) {
      [last.end, last.words, last.strong] = [t.end, last.words + 1, last.strong || !GLUE.has(lower)];
    } else out.push({ start: t.start, end: t.end, words: 1, strong: !GLUE.has(lower) });
  }
  return out.filter((s) => s.strong);
}

/**
 * Numbers in digits or in words anywhere in a message ("2", "1,234.50", "three hundred and twelve"). The
 * number library reads each stretch that may hold a number; a plain digit group is read as it stands,
 * and a stretch longer than any one number is read word by word, so the cost stays linear.
 */
export function scanNumbers(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const s of numberStretches(text)) {
    const raw = text.slice(s.start, s.end);
    if (s.words === 1 && /^\d{1,15}$/.test(raw)) out.push({ start: s.start, end: s.end, raw, value: Number(raw) });
    else if (s.end - s.start <= MAX_NUMBER_CHARS) out.push(...read(raw, s.start));
    else for (const t of wordTokens(raw)) if (/^\d{1,15}$/.test(t.text)) out.push({ start: s.start + t.start, end: s.start + t.end, raw: t.text, value: Number(t.text) });
  }
  return out;
}

function read(text: string, offset: number): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const r of models().numbers.parse(text)) {
    // The library's end is inclusive.
    const raw = text.slice(r.start, r.end + 1);
    const value = valueOf(raw, r.resolution?.value as string | undefined);
    if (value !== undefined) out.push({ start: offset + r.start, end: offset + r.end + 1, raw, value });
  }
  return out;
}

/** A small count written in digits or words ("2", "two", "a"); undefined otherwise. */
export function smallNumber(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  if (w === 'a' || w === 'an') return 1;
  if (/^\d{1,3}$/.test(w)) return Number(w);
  const value = scanNumbers(w)[0];
  return value && value.start === 0 && value.end === w.length && Number.isInteger(value.value) ? value.value : undefined;
}

const ORDINAL_HINT = /\d(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b/i;
const NUMBERED_CHOICE = /(?:\b(?:option|number|no\.|choice)\s*|#)(\d{1,2})\b/gi;

/** "the first one", "1st", "second option", "the last one" (-1), "option 2", "number 3": the position chosen. */
export function findOrdinals(text: string): Entity[] {
  const out: Entity[] = [];
  for (const w of textWindows(text)) {
    if (ORDINAL_HINT.test(w.text)) {
      for (const r of models().ordinals.parse(w.text)) {
        // "the first one", "second option": the word after belongs to the choice, not a number of its own.
        const tail = /^\s+(?:one|ones|option|choice)\b/i.exec(w.text.slice(r.end + 1, r.end + 12))?.[0] ?? '';
        const raw = w.text.slice(r.start, r.end + 1 + tail.length);
        const value = /^last$/i.test(r.text) ? '-1' : String(r.resolution?.value ?? '');
        if (/^-?\d+$/.test(value) && value !== '0') out.push({ kind: 'ordinal', value, raw, start: w.offset + r.start, end: w.offset + r.start + raw.length });
      }
    }
    for (const m of w.text.matchAll(NUMBERED_CHOICE)) {
      out.push({ kind: 'ordinal', value: String(Number(m[1])), raw: m[0], start: w.offset + (m.index ?? 0), end: w.offset + (m.index ?? 0) + m[0].length });
    }
  }
  return out;
}

/** Plain numbers ("2 nights", "3 of us"), as entities of kind `number`. */
export function findNumbers(text: string, spans: NumberSpan[] = scanNumbers(text)): Entity[] {
  return spans.map((s) => ({ kind: 'number', value: String(s.value), raw: s.raw, start: s.start, end: s.end }));
}
