import countries from 'world-countries';
import type { Entity } from './types';
import { wordTokens } from './windows';

/** Everyday names the data set does not hold, by ISO code. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['the states', 'states', 'america', 'usa', 'us'],
  GB: ['uk', 'britain', 'great britain', 'england', 'scotland', 'wales', 'english', 'scottish', 'welsh'],
  NL: ['holland'],
  CZ: ['czechia'],
  AE: ['uae', 'dubai'],
  TR: ['turkey', 'turkish'],
};

const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/** Folded demonyms ("indian", "czech"): a nationality, where a name is a place. */
const DEMONYMS = new Set<string>(['english', 'scottish', 'welsh', 'turkish']);

/** Folded name or demonym (one to four words) -> ISO 3166-1 alpha-2; built once from the world-countries data set. */
const NAMES: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    const key = fold(name ?? '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (key.length >= 2 && key.split(' ').length <= 4 && !names.has(key)) names.set(key, code);
  };
  // Sovereign countries first: "French" is France, not the French Southern Territories.
  const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember) || Number(b.independent) - Number(a.independent));
  for (const c of ordered) {
    add(c.name.common, c.cca2);
    add(c.name.official, c.cca2);
    for (const alt of c.altSpellings) if (alt.length > 3) add(alt, c.cca2);
    add(c.demonyms?.eng?.m, c.cca2);
    add(c.demonyms?.eng?.f, c.cca2);
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) DEMONYMS.add(fold(d).replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
  }
  for (const [code, list] of Object.entries(ALIASES)) for (const a of list) add(a, code);
  return names;
})();

// Words after a country that make it a nationality ("a Brazil passport", "UK citizen").
const AS_NATIONALITY = /^\s*(?:passport|passports|citizen|citizens|citizenship|national|nationality|id card)\b/i;

/**
 * Countries and nationalities named in a message ("a german passport", "flying to the states", "Czech"):
 * the words as written as the value, the ISO code as the label; kind `nationality` for a demonym or a
 * country followed by "passport" or "citizen", `country` otherwise. Windows of up to four words, longest
 * first, so the scan is linear in the text.
 */
export function findCountries(text: string): Entity[] {
  const words = wordTokens(text);
  const out: Entity[] = [];
  for (let i = 0; i < words.length; i += 1) {
    for (let n = Math.min(4, words.length - i); n >= 1; n -= 1) {
      const key = fold(words.slice(i, i + n).map((w) => w.text).join(' '));
      const code = NAMES.get(key);
      // "us" and "in" are words first: a two-letter name counts only in capitals ("US").
      if (!code || (n === 1 && key.length <= 2 && words[i].text !== words[i].text.toUpperCase())) continue;
      const [start, end] = [words[i].start, words[i + n - 1].end];
      const raw = text.slice(start, end);
      const nationality = DEMONYMS.has(key) || AS_NATIONALITY.test(text.slice(end, end + 16));
      out.push({ kind: nationality ? 'nationality' : 'country', value: raw.charAt(0).toUpperCase() + raw.slice(1), raw, start, end, label: code });
      i += n - 1;
      break;
    }
  }
  return out;
}
