/**
 * The text functions a traveller's message meets on the turn path, and adversarial inputs for them: what
 * `npm run bench:adversarial` times and tests/shared/linearTime.test.ts checks for linear growth.
 */
import { findCues } from '../../src/nlu/cues';
import { extractEntities } from '../../src/nlu/entities';
import type { EntityContext } from '../../src/nlu/entities/types';
import { normalizeText } from '../../src/nlu/normalize';
import { MAX_MESSAGE_CHARS as MAX_READ_CHARS } from '../../src/nlu/reading';
import { analyseSentiment } from '../../src/nlu/sentiment';
import { findStakes } from '../../src/nlu/stakes';
import { tokenize } from '../../src/nlu/tokenize';
import { redact } from '../../src/shared/redact';
import { sanitizeMarkdown } from '../../src/shared/sanitizeMarkdown';

/** The longest message text the schemas accept (src/http/activitySchema.ts, the Direct Line's clientActivity); readMessage() reads MAX_READ_CHARS of it. */
export const MAX_MESSAGE_CHARS = 100_000;

const ctx: EntityContext = {
  now: new Date('2026-03-02T09:30:00Z'),
  timeZone: 'Europe/London',
  referenceFormats: [{ product: 'hotel', pattern: 'WL-H\\d{6}', example: 'WL-H482913' }],
  knownNames: ['Anna Smith'],
};

/** One function of the turn path. */
export interface TurnFunction {
  name: string;
  /** Where it runs. */
  where: string;
  /** The longest text it is given on the turn path: a whole message, or what readMessage() reads of it. */
  maxChars: number;
  /** Linear in its input (checked by tests/shared/linearTime.test.ts), or only bounded by maxChars. */
  growth: 'linear' | 'bounded';
  run(text: string): unknown;
}

/** Every function on the turn path that runs patterns over traveller text. */
export const TURN_FUNCTIONS: readonly TurnFunction[] = [
  { name: 'redact', where: 'src/shared/redact.ts (transcripts, case events, logs, Direct Line store)', maxChars: MAX_MESSAGE_CHARS, growth: 'linear', run: (t) => redact(t) },
  { name: 'sanitizeMarkdown', where: 'src/shared/sanitizeMarkdown.ts (outgoing texts, case facts)', maxChars: MAX_MESSAGE_CHARS, growth: 'linear', run: (t) => sanitizeMarkdown(t) },
  { name: 'normalizeText', where: 'src/nlu/normalize.ts', maxChars: MAX_READ_CHARS, growth: 'linear', run: (t) => normalizeText(t) },
  { name: 'tokenize', where: 'src/nlu/tokenize.ts', maxChars: MAX_READ_CHARS, growth: 'linear', run: (t) => tokenize(normalizeText(t, t.length)) },
  { name: 'findCues', where: 'src/nlu/cues.ts', maxChars: MAX_READ_CHARS, growth: 'linear', run: (t) => findCues(t, normalizeText(t)) },
  { name: 'findStakes', where: 'src/nlu/stakes.ts', maxChars: MAX_READ_CHARS, growth: 'linear', run: (t) => findStakes(normalizeText(t)) },
  // Jaro-Winkler against the earlier messages (repetition) grows with the product of the lengths.
  { name: 'analyseSentiment', where: 'src/nlu/sentiment.ts', maxChars: MAX_READ_CHARS, growth: 'bounded', run: (t) => analyseSentiment(t, [t.slice(0, MAX_READ_CHARS)]) },
  { name: 'extractEntities', where: 'src/nlu/entities (dates, amounts, phones, e-mails, references, names)', maxChars: MAX_READ_CHARS, growth: 'bounded', run: (t) => extractEntities(t, ctx) },
];

/**
 * Repeating units that make backtracking patterns work hardest: long words and digit runs, near-misses of each
 * pattern (an @ without a domain, a cue without its value, an opening tag without its end), and separators.
 */
export const ADVERSARIAL_UNITS: ReadonlyArray<readonly [string, string]> = [
  ['one long word', 'a'],
  ['one long capital word', 'A'],
  ['one long number', '1'],
  ['local part then @', 'a.b_c%d+e-'],
  ['@ runs', 'a@'],
  ['dots after @', '@a.'],
  ['digits and spaces', '1 '],
  ['digits and dashes', '12-'],
  ['trunk zeros', '00 '],
  ['plus signs', '+1 '],
  ['brackets', '(12)'],
  ['capitals and digits', 'AB1'],
  ['reference near-miss', 'AB-'],
  ['IBAN near-miss', 'DE89 '],
  ['passport cue', 'passport no '],
  ['cvv cue', 'cvv '],
  ['expiry cue', 'exp 1/'],
  ['id cue', 'id '],
  ['unclosed script', '<script>'],
  ['unclosed tag', '<a '],
  ['nested tags', '<a<'],
  ['unclosed comment', '<!--'],
  ['link near-miss', '[a]('],
  ['brackets only', '[]('],
  ['spaces', ' '],
  ['newlines', '\n'],
  ['question marks', 'why? '],
  ['accents', 'é'],
  ['emoji', '😡'],
  ['words and', 'and also '],
];

/** A unit repeated to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The least time in ms of `runs` calls (the least is the one least disturbed by the machine). */
export function leastMs(run: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
