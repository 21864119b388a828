import type { Entity } from './types';
import { wordTokens, type Token } from './windows';

/** Words that name a code: "ref ABC123", "code SPRING20", "file FRALH20417", "PNR ABCDEF". */
const CUES = new Set(['code', 'codes', 'promo', 'promocode', 'voucher', 'coupon', 'ref', 'reference', 'file', 'pnr', 'pir', 'locator', 'confirmation']);
// "No", "number", "id" name a code only with a digit in it: "there is no WIFI", "number please" are words.
// Right after a cue they pass the cue on ("reference number ABCDEF", "my PNR is ABCDEF").
const LINKS = new Set(['number', 'no', 'nr', 'num', 'id', 'is']);
// Words travellers write in capitals after a cue without meaning a code ("the code DOESNT work", "ref PLEASE").
const NOT_CODES = new Set(
  ('that this these those there their they them then than with from into about after before again also just only still never ever always '
    + 'even here have been were will would could should shall might must does done what when where which while your yours mine some none '
    + 'more most much very please thanks thank sorry help urgent asap okay dont doesnt didnt isnt wasnt arent werent wont cant cannot '
    + 'couldnt wouldnt shouldnt hasnt havent hadnt aint work works worked working fail fails failed invalid expired wrong refused rejected '
    + 'declined error broken valid correct applied accepted used sent given received attached below above').split(' '),
);
// A number with a unit or a suffix ("100eur", "150mins", "100th", "10h30"): a quantity, not a code. Disjoint
// classes one after the other: linear.
const QUANTITY = /^\d+\p{Ll}+\d*$/u;
const APOSTROPHE = new Set(["'", '’']);

/** How strongly the words before a candidate say it is a code. */
type Cue = 'named' | 'numbered' | 'none';

function cueBefore(words: Token[], i: number): Cue {
  const prev = words[i - 1]?.text.toLowerCase() ?? '';
  if (CUES.has(prev)) return 'named';
  if (LINKS.has(prev)) return CUES.has(words[i - 2]?.text.toLowerCase() ?? '') ? 'named' : prev === 'is' ? 'none' : 'numbered';
  return 'none';
}

/**
 * Whether the message is written in capitals besides a word of `own` capitals: then capitals say nothing
 * about that word ("THE CODE DIDNT WORK"). The word itself is left out, so a short "PNR ABCDEF" does not
 * shout. Same measure as findAirports: more than 8 letters, fewer than half of them lower case.
 */
function shoutsBesides(text: string): (own: number) => boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const lower = letters.replace(/[^\p{Ll}]/gu, '').length;
  return (own) => letters.length - own > 8 && lower < (letters.length - own) / 2;
}

/**
 * Whether a candidate (one word, or words joined by hyphens) is a code. With a digit: 5 to 20 letters
 * and digits, or 4 after a cue, never a quantity ("100eur"). Without one: only after a cue naming a code,
 * written in capitals by the traveller in a message that is not all capitals, and not an English word of
 * the NOT_CODES list or a piece of a contraction ("DIDN'T"). Digits alone are a number, never a code.
 */
function isCode(raw: string, cue: Cue, shouts: (own: number) => boolean, contraction: boolean): boolean {
  const compact = raw.replace(/-/g, '');
  if (compact.length < 4 || compact.length > 20 || !/\p{L}/u.test(compact)) return false;
  if (/\d/.test(compact)) return !QUANTITY.test(compact) && (cue !== 'none' || compact.length >= 5);
  const word = compact.toLowerCase();
  return cue === 'named' && !/\p{Ll}/u.test(raw) && !shouts(compact.length) && !contraction && !NOT_CODES.has(word) && !CUES.has(word) && !LINKS.has(word);
}

function code(text: string, start: number, end: number): Entity {
  const raw = text.slice(start, end);
  return { kind: 'code', value: raw.toUpperCase(), raw, start, end };
}

/**
 * Codes: file references, promo codes, airline booking codes ("JFKLH20417", "SPRING20", "Q7KX2M", "code
 * WREN"); see isCode for what a code looks like. Words joined by hyphens after a cue are one code
 * ("code SUMMER-SALE"); elsewhere each of them with a digit is judged alone. Written in capitals as the
 * value. Other recognisers' kinds (references, flights, phones) win over a code on the same span. One
 * pass over the words (a hyphen group is judged once, then word by word): linear in the text.
 */
export function findCodes(text: string): Entity[] {
  const out: Entity[] = [];
  const words = wordTokens(text);
  const shouts = shoutsBesides(text);
  const contraction = (end: number): boolean => APOSTROPHE.has(text[end]) && /\p{L}/u.test(text[end + 1] ?? '');
  let i = 0;
  while (i < words.length) {
    let last = i;
    while (last + 1 < words.length && text[words[last].end] === '-' && words[last + 1].start === words[last].end + 1) last++;
    const cue = cueBefore(words, i);
    const { start } = words[i];
    const { end } = words[last];
    if (last > i && cue !== 'none' && isCode(text.slice(start, end), cue, shouts, contraction(end))) {
      out.push(code(text, start, end));
    } else {
      // Alone, a hyphenated word's parts are codes only with a digit ("WL-H48291" has H48291; "SUMMER-sale" none).
      for (let k = i; k <= last; k++) {
        const w = words[k];
        if ((last === i || /\d/.test(w.text)) && isCode(w.text, k === i ? cue : 'none', shouts, contraction(w.end))) out.push(code(text, w.start, w.end));
      }
    }
    i = last + 1;
  }
  return out;
}
