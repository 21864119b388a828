import { JaroWinklerDistance } from '../../nlu/natural';
import { invalid, suggest, valid, type CheckResult } from './types';

/** Similarity (Jaro-Winkler) from which a name counts as a near miss of the booking's. */
export const NAME_SIMILARITY = 0.88;

/** Lower case, accents folded, punctuation to spaces: "Zoë O'Neil-Brown" -> "zoe o neil brown". */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

function tidy(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function similarity(a: string, b: string): number {
  const swapped = a.split(' ').reverse().join(' ');
  return Math.max(JaroWinklerDistance(a, b), JaroWinklerDistance(swapped, b));
}

/**
 * S6: checks a name against the names on the booking (accent- and case-insensitive; first and last
 * name in either order). A near miss is offered as "the booking is under ..."; without booking names
 * only the form is checked.
 */
export function checkName(raw: string, bookingNames: readonly string[] = []): CheckResult {
  const folded = foldName(raw);
  if (folded.replace(/ /g, '').length < 2) return invalid('Please type the name as it appears on the booking.');
  if (bookingNames.length === 0) return valid(tidy(raw));
  const scored = bookingNames.map((name) => {
    const target = foldName(name);
    const sameWords = folded.split(' ').sort().join(' ') === target.split(' ').sort().join(' ');
    return { name: tidy(name), exact: sameWords, score: sameWords ? 1 : similarity(folded, target) };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best.exact) return valid(best.name);
  if (best.score >= NAME_SIMILARITY) {
    return suggest(best.name, `The booking is under "${best.name}". Is that the name you meant?`);
  }
  return invalid('That name does not match the name on the booking. Please type it exactly as you booked.');
}
