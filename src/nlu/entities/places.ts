import { foldName } from './names';
import type { Entity } from './types';
import { wordTokens, type Token } from './windows';

interface AirportRecord {
  iata: string;
  name: string;
  city: string;
  state?: string;
  country?: string;
}

interface AirportIndex {
  /** IATA code -> name. */
  byCode: Map<string, string>;
  /** A word found in one airport's name only ("schiphol", "heathrow") -> its code. */
  byNameWord: Map<string, string>;
  /** A city with exactly one airport ("lisbon") -> its code. */
  byCity: Map<string, string>;
  /** Every city with an airport, folded ("new york") -> its name as written ("New York"). */
  cityNames: Map<string, string>;
}

// Words of airport names that say nothing about which airport it is.
const GENERIC = new Set(['airport', 'international', 'intl', 'regional', 'municipal', 'airfield', 'field', 'aerodrome', 'airstrip',
  'county', 'airpark', 'heliport', 'station', 'national', 'domestic', 'memorial', 'airbase', 'terminal', 'aeroporto', 'aeropuerto',
  'aeroport', 'flughafen', 'lufthavn', 'island', 'valley', 'river', 'north', 'south', 'saint', 'santa', 'mount', 'academy', 'husband']);
// Capitalised words that are also airport codes but mean something else in a message.
const NOT_CODES = new Set(['ATM', 'SMS', 'PIN', 'USA', 'OMG', 'LOL', 'WTF', 'APP', 'FAQ', 'ETA', 'GPS', 'CEO', 'VAT', 'TAX', 'PDF', 'URL', 'NOT',
  'AND', 'THE', 'YOU', 'ALL', 'ANY', 'CAN', 'HAS', 'WAS', 'FOR', 'BUT', 'OUT', 'NOW', 'HOW', 'WHY', 'WHO', 'OFF', 'BAD', 'SAD', 'HEY', 'YES',
  // Words that announce a code ("PIR ref LHRBA12345", "PNR ABC123"), not Pierre or Pune.
  'PIR', 'PNR']);
const PREPOSITION = new Set(['at', 'in', 'from', 'to', 'via', 'near', 'into']);

let index: AirportIndex | undefined;

/**
 * The airports with an IATA code from the `aircodes` package (about 9,000), kept as three small maps:
 * code -> name, distinctive name word -> code, single-airport city -> code.
 */
function airports(): AirportIndex {
  if (index) return index;
  // Loaded on first use and dropped from the module cache, so only the maps stay in memory.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const records = require('aircodes/data/airports.json') as AirportRecord[];
  delete require.cache[require.resolve('aircodes/data/airports.json')];
  const byCode = new Map<string, string>();
  const words = new Map<string, string | null>();
  const cities = new Map<string, string | null>();
  const cityNames = new Map<string, string>();
  for (const r of records) {
    if (!/^[A-Z]{3}$/.test(r.iata)) continue;
    byCode.set(r.iata, r.name);
    const city = foldName(r.city ?? '');
    if (city) cities.set(city, cities.has(city) ? null : r.iata);
    if (city && !cityNames.has(city)) cityNames.set(city, r.city);
    // "New York City" is also said "New York".
    if (city.endsWith(' city') && !cityNames.has(city.slice(0, -5))) cityNames.set(city.slice(0, -5), r.city.replace(/\s+City$/i, ''));
    const own = new Set(foldName(`${r.city} ${r.state ?? ''} ${r.country ?? ''}`).split(' '));
    for (const w of new Set(foldName(r.name).split(' '))) {
      if (w.length >= 5 && !GENERIC.has(w) && !own.has(w)) words.set(w, words.has(w) ? null : r.iata);
    }
  }
  const byNameWord = new Map([...words].filter((e): e is [string, string] => e[1] !== null && !cities.has(e[0])));
  const byCity = new Map([...cities].filter((e): e is [string, string] => e[1] !== null));
  index = { byCode, byNameWord, byCity, cityNames };
  return index;
}

function entity(t: Token, code: string): Entity {
  return { kind: 'airport', value: code, raw: t.text, start: t.start, end: t.end, label: airports().byCode.get(code) };
}

/** Whether a word has a digit, or is glued to one by a hyphen ("SPRING20", "SPRING-20"): part of a code, never a place name. */
function partOfCode(text: string, t: Token): boolean {
  return /\p{N}/u.test(t.text) || (text[t.end] === '-' && /\p{N}/u.test(text[t.end + 1] ?? '')) || (text[t.start - 1] === '-' && /\p{N}/u.test(text[t.start - 2] ?? ''));
}

/**
 * Airports in a message: an IATA code in capitals ("JFK"), a word of one airport's name ("Schiphol",
 * "Heathrow") written with a capital or after "at/from/to", or a city with one airport before "airport"
 * ("Lisbon airport"). Value: the IATA code; label: the airport's name. A word with a digit is a code's
 * ("SPRING20" is no Spring Creek: the name would be read from its letters alone). `loose`: a name word in
 * any case anywhere, for a short answer to "which airport are you at?" ("schiphol, near gate D7").
 */
export function findAirports(text: string, loose = false): Entity[] {
  const tokens = wordTokens(text);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 8 && letters.replace(/\p{Lu}/gu, '').length < letters.length / 2;
  const out: Entity[] = [];
  const { byCode, byNameWord, byCity } = airports();
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1]?.text.toLowerCase();
    const next = tokens[i + 1]?.text.toLowerCase();
    const nearAirport = next === 'airport' || prev === 'airport';
    if (partOfCode(text, t)) return;
    if (/^[A-Z]{3}$/.test(t.text) && byCode.has(t.text) && !NOT_CODES.has(t.text) && (!shouting || nearAirport || PREPOSITION.has(prev ?? ''))) {
      out.push(entity(t, t.text));
      return;
    }
    const folded = foldName(t.text);
    const named = byNameWord.get(folded);
    if (named && (loose || /^\p{Lu}/u.test(t.text) || nearAirport || PREPOSITION.has(prev ?? ''))) out.push(entity(t, named));
    else if (next === 'airport' && byCity.has(folded)) {
      const airport = tokens[i + 1];
      out.push({ ...entity(t, byCity.get(folded) as string), raw: text.slice(t.start, airport.end), end: airport.end });
    }
  });
  return out;
}

// One part of a place at an airport or station, with its number or letter when it has one.
// Alternatives of fixed words and a bounded identifier: no nested quantifier, linear in the text.
const PART = /\b(terminal|gate|exit|door|entrance|platform|pier|level|floor|zone|carousel|belt|desk|check-in\s+desk|arrivals(?:\s+hall)?|departures(?:\s+hall)?|baggage\s+(?:claim|reclaim)|car\s+park|meeting\s+point|taxi\s+rank|bus\s+stop)(?:\s+(?:no\.?\s*|number\s+)?([A-Za-z]?\d{1,3}[A-Za-z]?|[A-Za-z]\b))?/gi;
// Parts that only name a place with their number or letter ("exit B"; "the exit" alone is no place).
const NEEDS_ID = new Set(['gate', 'exit', 'door', 'entrance', 'platform', 'pier', 'level', 'floor', 'zone', 'carousel', 'belt', 'desk']);
const JOIN = /^(?:\s*,\s*|\s+|\s+(?:and|near|by|at|next\s+to|opposite)\s+)$/i;

function tidyPart(word: string, id: string | undefined, first: boolean): string {
  const name = word.toLowerCase().replace(/\s+/g, ' ');
  const shown = first ? name[0].toUpperCase() + name.slice(1) : name;
  return id ? `${shown} ${id.toUpperCase()}` : shown;
}

/**
 * Places at an airport or station: "terminal 2 exit B" -> "Terminal 2, exit B", "arrivals hall",
 * "gate B12"; parts next to each other make one place.
 */
export function findPlaces(text: string): Entity[] {
  const out: Entity[] = [];
  let current: { start: number; end: number; parts: string[] } | undefined;
  const flush = (): void => {
    if (current) out.push({ kind: 'place', value: current.parts.join(', '), raw: text.slice(current.start, current.end), start: current.start, end: current.end });
    current = undefined;
  };
  for (const m of text.matchAll(PART)) {
    const start = m.index ?? 0;
    const word = m[1].toLowerCase();
    if (NEEDS_ID.has(word.split(/\s/)[0]) && !m[2]) continue;
    const end = start + m[0].length;
    if (current && end - current.end < 40 && JOIN.test(text.slice(current.end, start))) {
      current.parts.push(tidyPart(m[1], m[2], false));
      current.end = end;
      continue;
    }
    flush();
    current = { start, end, parts: [tidyPart(m[1], m[2], true)] };
  }
  flush();
  return out;
}

// Words that name cities with an airport but mean something else after "in" ("in reading", "in central"), and first names.
const NOT_CITIES = new Set(('price chicken delta alert tours miles wells split mobile central union young alpha atlantic platinum sterling casino ' +
  'mercury circle jersey knock bulls salmon quiche alliance concord superior summit rivers reading farewell gracias homer plato prado ' +
  'david alice craig ashley nancy laura george brady douglas franklin perry jordan lincoln brandon marion melinda patterson rogers ' +
  'russell taylor theodore solomon colby boone butte ceres aiken bangor young carolina general person total advance cash time case').split(' '));
const CITY_BEFORE = new Set(['in', 'near', 'at']);

/**
 * Cities the traveller says they are in: "we're in barcelona", "stuck near Frankfurt" (one to three words after
 * in/near/at, a city with an airport; not a common word such as "reading"). Value: the city's name.
 */
export function findCities(text: string): Entity[] {
  const tokens = wordTokens(text);
  const { cityNames } = airports();
  const out: Entity[] = [];
  for (let i = 1; i < tokens.length; i += 1) {
    if (!CITY_BEFORE.has(tokens[i - 1].text.toLowerCase()) || partOfCode(text, tokens[i])) continue;
    for (const span of [3, 2, 1]) {
      const last = tokens[i + span - 1];
      // One name: words of letters with only spaces between ("paris, 386" is Paris and an amount).
      if (!last || !/^[\p{L}]+(?:[ -][\p{L}]+)*$/u.test(text.slice(tokens[i].start, last.end))) continue;
      const folded = foldName(text.slice(tokens[i].start, last.end));
      const name = cityNames.get(folded);
      if (!name || folded.length < 4 || NOT_CITIES.has(folded)) continue;
      out.push({ kind: 'city', value: name, raw: text.slice(tokens[i].start, last.end), start: tokens[i].start, end: last.end });
      i += span - 1;
      break;
    }
  }
  return out;
}

/** The code of a city's only airport ("Amsterdam" -> AMS), undefined when it has none or several (Istanbul). */
export function airportOfCity(city: string): string | undefined {
  return airports().byCity.get(foldName(city));
}

/** An airport's name by its IATA code ("AMS" -> "Amsterdam Airport Schiphol"). */
export function airportName(code: string): string | undefined {
  return airports().byCode.get(code);
}

/** Words before a place that make it where the traveller goes or comes from, not where they are ("missed KL1007 to heathrow"). */
const DIRECTION = new Set(['to', 'from', 'for', 'towards', 'toward', 'into', 'than']);

/** Whether the word just before a position in the text is a direction word ("to", "from"...). */
export function saidAsDirection(text: string, start: number): boolean {
  const before = /(\p{L}+)[^\p{L}]*$/u.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  return !!before && DIRECTION.has(before.toLowerCase());
}
