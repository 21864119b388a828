import { JaroWinklerDistance } from '../natural';
import type { Entity } from './types';
import { wordTokens, type Token } from './windows';

/** Lower case, accents folded, punctuation to spaces: "Zoë O'Neil-Brown" -> "zoe o neil brown". */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[^\p{L}]+/gu, ' ').trim();
}

/** Similarity (Jaro-Winkler) from which a word counts as a one-letter slip of a known name's word. */
const WORD_SIMILARITY = 0.9;

function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 3 && b.length >= 3 && JaroWinklerDistance(a, b) >= WORD_SIMILARITY);
}

/** Known names (a booking's travellers) anywhere in a message: all their words, in either order, each with at most a slip. */
function knownNames(text: string, tokens: Token[], names: readonly string[]): Entity[] {
  const out: Entity[] = [];
  const folded = tokens.map((t) => foldName(t.text));
  for (const name of names) {
    const words = foldName(name).split(' ').filter(Boolean);
    if (words.length === 0) continue;
    for (const order of words.length > 1 ? [words, [...words].reverse()] : [words]) {
      for (let i = 0; i + order.length <= tokens.length; i++) {
        if (!order.every((w, k) => sameWord(folded[i + k], w))) continue;
        const [start, end] = [tokens[i].start, tokens[i + order.length - 1].end];
        out.push({ kind: 'name', value: tidy(text.slice(start, end)), raw: text.slice(start, end), start, end });
      }
    }
  }
  return out;
}

// Cues after which a name follows. Fixed words with single spaces between them: linear.
const CUE = /\b(?:my\s+name\s+is|my\s+name's|name\s+on\s+the\s+(?:booking|reservation)\s+is|(?:it|it's|it\s+is|booking\s+is|reservation\s+is|booked|reserved)\s+under(?:\s+the\s+name(?:\s+of)?)?|under\s+the\s+name(?:\s+of)?|in\s+the\s+name\s+of|the\s+name\s+is|i\s+am\s+called)\s+/gi;
// Words that end a name taken after a cue ("under lena novak and ..."): small words and booking words.
const STOP = new Set(['and', 'but', 'or', 'please', 'pls', 'thanks', 'thank', 'for', 'from', 'with', 'on', 'in', 'at', 'to', 'the', 'a', 'an',
  'booking', 'reservation', 'i', 'we', 'it', 'is', 'was', 'my', 'not', 'if', 'so', 'because', 'since', 'who', 'that', 'this']);

/** A name written after an explicit cue ("my name is X", "booked under X"): up to 4 words, to the first small word or punctuation. */
function cuedNames(text: string, tokens: Token[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  for (const m of text.matchAll(CUE)) {
    const after = (m.index ?? 0) + m[0].length;
    // Cues come in text order, so the first word after each is found by moving on, not by searching again.
    while (i < tokens.length && tokens[i].start < after) i++;
    const taken: Token[] = [];
    while (i < tokens.length && taken.length < 4) {
      const t = tokens[i];
      const gap = text.slice(taken.length ? taken[taken.length - 1].end : after, t.start);
      if (!/^[\s'-]*$/.test(gap) || STOP.has(t.text.toLowerCase()) || !/^\p{L}+$/u.test(t.text)) break;
      taken.push(t);
      i++;
    }
    if (taken.length === 0) continue;
    const [start, end] = [taken[0].start, taken[taken.length - 1].end];
    out.push({ kind: 'name', value: tidy(text.slice(start, end)), raw: text.slice(start, end), start, end });
  }
  return out;
}

function tidy(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * People's names in a message: the known names (the booking's travellers) anywhere, accent- and
 * case-insensitive, first and last name in either order, a one-letter slip allowed; other names only
 * after an explicit cue ("my name is", "booked under", "name on the booking is").
 */
export function findNames(text: string, known: readonly string[] = []): Entity[] {
  const tokens = wordTokens(text);
  const found = [...knownNames(text, tokens, known), ...cuedNames(text, tokens)];
  const seen = new Set<string>();
  return found.filter((e) => !seen.has(`${e.start}:${e.end}`) && Boolean(seen.add(`${e.start}:${e.end}`)));
}
