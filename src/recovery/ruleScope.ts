import type { Step } from '../knowledge/schema';
import type { BookingContext } from './types';

/** A rule the bot evaluates (the ids of RULE_IDS in the knowledge base schema). */
export type RuleId = 'eu261' | 'uk261' | 'usDotRefund' | 'usDot24h' | 'montreal' | 'packageTravel';

/** Whether the booking's facts put a rule in scope, out of it, or do not tell (no booking, a fact missing). */
export type ScopeVerdict = { kind: 'in' | 'out' | 'unknown'; why: string };

/** The booking facts the rules look at. Countries are ISO 3166-1 alpha-2 codes. */
export interface ScopeFacts {
  product?: string;
  departureCountry?: string;
  arrivalCountry?: string;
  /** The country where the operating airline is licensed. */
  carrierCountry?: string;
  /** YYYY-MM-DD. */
  bookedOn?: string;
  /** YYYY-MM-DD: the (first) flight's departure, or the booking's start. */
  departureDate?: string;
  /** How the platform sold it: "package" (several travel services in one checkout, per its own records) or "separate". */
  soldAs?: string;
  now: Date;
}

/** EU Member States with Iceland, Norway, Liechtenstein and Switzerland, where Regulation 261/2004 applies. */
export const EU261_AREA = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'NO', 'LI', 'CH',
]);

const DAY_MS = 24 * 3600 * 1000;

/** The scope facts of a booking (undefined values stay unknown). */
export function scopeFactsOf(booking: BookingContext | undefined, now: Date): ScopeFacts {
  const v = booking?.values ?? {};
  const upper = (s: string | undefined) => (s ? s.toUpperCase() : undefined);
  return {
    now,
    ...(booking?.product ? { product: booking.product } : {}),
    ...(v.departureCountry ? { departureCountry: upper(v.departureCountry) } : {}),
    ...(v.arrivalCountry ? { arrivalCountry: upper(v.arrivalCountry) } : {}),
    ...(v.carrierCountry ? { carrierCountry: upper(v.carrierCountry) } : {}),
    ...(v.bookedOn ? { bookedOn: v.bookedOn } : {}),
    ...(v.bookingStart ? { departureDate: v.bookingStart } : {}),
    ...(v.soldAs ? { soldAs: v.soldAs } : {}),
  };
}

const unknown = (why: string): ScopeVerdict => ({ kind: 'unknown', why });
const inScope = (why: string): ScopeVerdict => ({ kind: 'in', why });
const outOfScope = (why: string): ScopeVerdict => ({ kind: 'out', why });

function notAFlight(f: ScopeFacts): ScopeVerdict | undefined {
  if (f.product === undefined) return unknown('no booking: the flight is not known');
  return f.product === 'flight' ? undefined : outOfScope(`a ${f.product} booking is not a flight`);
}

function passengerRights(f: ScopeFacts, area: (c: string) => boolean, carriers: (c: string) => boolean, name: string): ScopeVerdict {
  const notFlight = notAFlight(f);
  if (notFlight) return notFlight;
  const { departureCountry: dep, arrivalCountry: arr, carrierCountry: carrier } = f;
  if (dep && area(dep)) return inScope(`the flight departs from ${dep}, where ${name} applies`);
  if (!dep || !arr) return unknown('the route is not known');
  if (!area(arr)) return outOfScope(`the flight neither departs from nor arrives in the area of ${name}`);
  if (!carrier) return unknown('the operating airline is not known');
  return carriers(carrier) ? inScope(`the flight arrives in ${arr} on an airline licensed in ${carrier}`) : outOfScope(`the flight arrives from outside on an airline licensed in ${carrier}, which ${name} does not cover`);
}

/** Whether the booking's facts put a rule in scope. Pure: the clock comes in `facts.now`. */
export function ruleScope(rule: RuleId, f: ScopeFacts): ScopeVerdict {
  switch (rule) {
    case 'eu261':
      return passengerRights(f, (c) => EU261_AREA.has(c), (c) => EU261_AREA.has(c), 'EU Regulation 261/2004');
    case 'uk261':
      return passengerRights(f, (c) => c === 'GB', (c) => c === 'GB' || EU261_AREA.has(c), 'UK261');
    case 'usDotRefund': {
      const notFlight = notAFlight(f);
      if (notFlight) return notFlight;
      if (f.departureCountry === 'US' || f.arrivalCountry === 'US') return inScope('the flight is to or from the US');
      if (f.carrierCountry === 'US') return inScope('the flight is operated by a US airline');
      if (!f.departureCountry || !f.arrivalCountry || !f.carrierCountry) return unknown('the route or the airline is not known');
      return outOfScope('the flight is neither to nor from the US, nor on a US airline');
    }
    case 'usDot24h': {
      const notFlight = notAFlight(f);
      if (notFlight) return notFlight;
      if (!f.departureCountry || !f.arrivalCountry) return unknown('the route is not known');
      if (f.departureCountry !== 'US' && f.arrivalCountry !== 'US') return outOfScope('the flight is neither to nor from the US');
      if (!f.bookedOn || !f.departureDate) return unknown('the booking or departure date is not known');
      const booked = Date.parse(`${f.bookedOn}T00:00:00Z`);
      const departs = Date.parse(`${f.departureDate}T00:00:00Z`);
      if (departs - booked < 7 * DAY_MS) return outOfScope('it was booked less than 7 days before departure');
      // A booking date has no time of day: booked today is within 24 hours, two days ago is not, yesterday may be either.
      const since = f.now.getTime() - booked;
      if (since >= 2 * DAY_MS) return outOfScope('more than 24 hours have passed since booking');
      if (since >= DAY_MS) return unknown('it was booked yesterday: the 24 hours may have passed');
      return inScope('the flight is to or from the US, was booked at least 7 days ahead, and was booked today');
    }
    case 'montreal': {
      const notFlight = notAFlight(f);
      if (notFlight) return notFlight;
      if (!f.departureCountry || !f.arrivalCountry) return unknown('the route is not known');
      if (f.departureCountry !== f.arrivalCountry) return inScope('the flight is international');
      if (f.carrierCountry && EU261_AREA.has(f.carrierCountry)) return inScope('EU law applies the Montreal limits to EU airlines on every flight');
      return outOfScope('a domestic flight falls under national law');
    }
    case 'packageTravel':
      if (f.product === undefined) return unknown('no booking: how it was sold is not known');
      if (f.soldAs === 'package') return inScope('it was bought with other travel services in one checkout, as a package');
      if (f.soldAs === 'separate') return outOfScope('it was bought on its own');
      return unknown('how it was sold is not known');
  }
}

/** The fields a rule-scoped entry sets. */
const SCOPED_FIELDS = ['say', 'why', 'success', 'risks', 'draft', 'sources'] as const;

/**
 * A step as worded for the booking's facts: the first `scoped` entry whose rule is in scope replaces the
 * fields it sets; when every rule is out of scope, `outOfScope` is said instead; otherwise (a fact unknown)
 * the step's own text, which states each rule with its scope. Sources stating a rule that is out of scope
 * are not shown (`ruleOf` tells a source's rule).
 */
export function scopedStep(step: Step, facts: ScopeFacts, ruleOf: (sourceId: string) => RuleId | undefined = () => undefined): Step {
  const verdict = (rule: RuleId) => ruleScope(rule, facts).kind;
  const { scoped, outOfScope: out, ...rest } = step;
  let chosen: Step = rest as Step;
  if (scoped?.length) {
    const hit = scoped.find((s) => verdict(s.rule) === 'in');
    if (hit) {
      for (const k of SCOPED_FIELDS) if (hit[k] !== undefined) (chosen as Record<string, unknown>)[k] = hit[k];
    } else if (out && scoped.every((s) => verdict(s.rule) === 'out')) {
      chosen = { ...chosen, say: out.say, ...(out.why !== undefined ? { why: out.why } : {}), ...(out.sources ? { sources: out.sources } : {}) };
    }
  }
  if (chosen.sources?.length) {
    const kept = chosen.sources.filter((id) => {
      const rule = ruleOf(id);
      return !rule || verdict(rule) !== 'out';
    });
    if (kept.length > 0) chosen = { ...chosen, sources: kept };
  }
  return chosen;
}
