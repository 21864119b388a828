import type { FactSpec, KnowledgeBase, Problem } from '../knowledge/schema';
import type { Entity, EntityKind } from '../nlu/entities/types';
import type { MessageReading } from '../nlu/reading';
import { airportOfCity, findAirports, saidAsDirection } from '../nlu/entities';
import { normalizeText } from '../nlu/normalize';
import { stem } from '../nlu/tokenize';
import { dateExpectationFor, referenceProduct } from '../recovery/checks';
import type { FactTaken } from './acts';
import type { Mention } from './memory';

/** The entity kinds that can fill a fact of each kind (text facts name theirs in the KB's `entity`). */
const ENTITY_FOR: Partial<Record<FactSpec['kind'], EntityKind>> = {
  bookingReference: 'bookingReference',
  email: 'email',
  phone: 'phone',
  date: 'date',
  dateRange: 'dateRange',
  amount: 'amount',
  currency: 'currency',
  flightNumber: 'flightNumber',
  name: 'name',
};

/** A value found in the message or an earlier one, in the shape fact filling needs. */
type Found = Pick<Mention, 'kind' | 'value' | 'alternative'>;

/** The entity kind that fills a fact, or undefined (choices and free text without a hint). */
export function entityKindFor(spec: FactSpec): EntityKind | undefined {
  return spec.kind === 'text' ? spec.entity : ENTITY_FOR[spec.kind];
}

/** Whether a date fact lies in the past or the future: the KB's `when`, else read from its name. */
export function expectationOf(spec: FactSpec): 'past' | 'future' | 'any' {
  return spec.when ?? dateExpectationFor(spec.name);
}

/** The value a found entity gives a fact: the reading of a weekday the fact expects, the currency of an amount. */
export function valueFor(spec: FactSpec, found: Found): string | undefined {
  if (spec.kind === 'currency' && found.kind === 'amount') return /\b[A-Z]{3}$/.exec(found.value)?.[0];
  if (found.kind !== entityKindFor(spec)) return undefined;
  if ((spec.kind === 'date' || spec.kind === 'dateRange') && found.alternative) {
    const [a, b] = [found.value, found.alternative].sort();
    return expectationOf(spec) === 'past' ? a : b;
  }
  return found.value;
}

const STOP = new Set(['the', 'a', 'an', 'or', 'and', 'my', 'i', 'it', 'to', 'of', 'on', 'in', 'at', 'for', 'with', 'is', 'was', 'be', 'one', 'not', 'dont', 'im']);

function contentStems(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/['’]/g, '').split(/[^a-z0-9]+/).filter((w) => w && !STOP.has(w)).map(stem);
}

/**
 * The problem a request about the traveller's own booking names through one of its choices ("can I move
 * WL-H590144 to the 18th?", "can i add a third person to WL-T402577?"): among the problems for the
 * booking's product, the only one with a choice fact the words name; none when several do.
 */
export function problemRequested(reading: MessageReading, kb: KnowledgeBase): string | undefined {
  const reference = reading.entities.find((e) => e.kind === 'bookingReference');
  if (!reference) return undefined;
  const product = referenceProduct(reference.value, kb.platform.referenceFormats);
  const named = kb.problems.filter((p) => (!product || p.products.includes(product)) && p.facts.some((f) => f.kind === 'choice' && !!choiceNamed(f, reading.normalized)));
  return named.length === 1 ? named[0].id : undefined;
}

/**
 * The choice a message names, or undefined when none or several fit equally: a phrase from the KB's
 * `choiceWords` counts two, each word of a choice's own label one; at least two are needed.
 */
export function choiceNamed(spec: FactSpec, normalized: string): string | undefined {
  const padded = ` ${normalized} `;
  const stems = new Set(contentStems(normalized));
  const scored = (spec.choices ?? []).map((label) => {
    const phrases = spec.choiceWords?.[label] ?? [];
    // A phrase counts said as it is, or with other words between ("leaves 5 hours earlier" says "leaves earlier").
    const phraseHits = phrases.filter((p) => {
      const words = contentStems(p);
      return saidNotDenied(padded, ` ${normalizeText(p)} `) || (words.length > 1 && words.every((w) => stems.has(w)));
    }).length;
    const wordHits = new Set(contentStems(label).filter((w) => stems.has(w))).size;
    return { label, score: phraseHits * 2 + wordHits };
  });
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  return best && best.score >= 2 && best.score > (second?.score ?? 0) ? best.label : undefined;
}

/** Words that deny what follows them ("it isnt cancelled, its delayed"); not "no", which names what is missing ("no cot"). */
const DENIALS = new Set(['not', 'isnt', 'wasnt', 'arent', 'werent']);

/** Whether a phrase (padded with spaces) is said in the padded text at least once without a denial just before it. */
function saidNotDenied(padded: string, phrase: string): boolean {
  for (let at = padded.indexOf(phrase); at >= 0; at = padded.indexOf(phrase, at + 1)) {
    const before = padded.slice(Math.max(0, at - 12), at).trim().split(' ').at(-1) ?? '';
    if (!DENIALS.has(before)) return true;
  }
  return false;
}

/** The choice an ordinal picks ("the first one", "2"); -1 is the last. */
const ORDINAL_WORDS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1 };

/** The position a short answer names ("the 2nd one", "3", "last"), when the recognisers read it as something else (a date). */
function ordinalInWords(normalized: string): number | undefined {
  const words = normalized.split(' ');
  if (words.length > 5) return undefined;
  if (words.length === 1 && /^[1-9]$/.test(words[0])) return Number(words[0]);
  const hit = words.find((w) => ORDINAL_WORDS[w] !== undefined);
  return hit ? ORDINAL_WORDS[hit] : undefined;
}

/** The choice an ordinal picks ("the first one", "2"); -1 is the last. */
export function choiceByOrdinal(spec: FactSpec, entities: readonly Entity[], normalized = ''): string | undefined {
  const choices = spec.choices ?? [];
  const ordinal = entities.find((e) => e.kind === 'ordinal');
  const n = ordinal ? Number(ordinal.value) : ordinalInWords(normalized);
  if (n === undefined || !Number.isInteger(n) || n === 0) return undefined;
  return n < 0 ? choices[choices.length + n] : choices[n - 1];
}

/** What fact filling knows about the conversation. */
export interface FactContext {
  /** Facts known now (name to value). */
  known: Readonly<Record<string, string>>;
  /** The fact being asked, if any. */
  pending?: string;
  /** Alternative facts asked now (another fact is unknown); other alternative-only facts are not filled. */
  alternatives?: readonly string[];
  /** Facts known from the booking: the traveller giving one is no correction of something they said. */
  fromBooking?: readonly string[];
}

/**
 * The facts of a problem that a message gives: every entity that fits a fact not known yet (the one
 * asked first), choices named in the words; a fact already known only when the message corrects it
 * (a correction cue, or a new value while the facts are shown for confirmation).
 */
export function factsFromMessage(problem: Problem, reading: MessageReading, ctx: FactContext, correcting: boolean): FactTaken[] {
  const taken: FactTaken[] = [];
  const usedEntities = new Set<Entity>();
  // The fact asked first, then the alternatives being asked with it ("me@x.com, booked around the 21st of
  // feb" is the e-mail and the booking date asked for a missing reference, not the tour's date next year).
  const rank = (name: string) => (name === ctx.pending ? 0 : ctx.alternatives?.includes(name) ? 1 : 2);
  const order = [...problem.facts].sort((a, b) => rank(a.name) - rank(b.name));
  for (const spec of order) {
    const known = ctx.known[spec.name];
    if (known !== undefined && !correcting) continue;
    if (spec.alternativeOnly && !(ctx.alternatives ?? []).includes(spec.name)) continue;
    let value: string | undefined;
    if (spec.kind === 'choice') {
      value = choiceNamed(spec, reading.normalized) ?? (spec.name === ctx.pending ? choiceByOrdinal(spec, reading.entities, reading.normalized) : undefined);
    } else if (spec.kind === 'text' && spec.after && !(known !== undefined && !correcting)) {
      value = saidAfter(reading.text, spec.after);
    } else if (spec.entity === 'airport') {
      value = airportWhereTheyAre(reading, usedEntities, spec.name === ctx.pending);
    } else if (spec.entity === 'place' || spec.entity === 'city' || spec.entity === 'country' || spec.entity === 'nationality') {
      // "terminal 1, just outside the arrivals exit", "irish and german": every one said, together.
      const places = reading.entities.filter((e) => e.kind === spec.entity && !usedEntities.has(e));
      places.forEach((e) => usedEntities.add(e));
      value = places.length ? [...new Set(places.map((e) => e.value))].join(', ') : undefined;
    } else {
      const entity = pickEntity(spec, reading.entities, usedEntities, correcting);
      if (entity) {
        value = valueFor(spec, entity);
        if (spec.kind !== 'currency') usedEntities.add(entity);
      } else if (spec.kind === 'email' && known) {
        value = domainCorrected(known, reading.text);
      }
    }
    if (value === undefined || value === known) continue;
    taken.push({ name: spec.name, value, correction: known !== undefined && !(ctx.fromBooking ?? []).includes(spec.name) });
  }
  return taken;
}

/** Words of wanting before a city: where the traveller wants to be, not where they are ("i just want to be in london tonight"). */
const WISHED_BEFORE = /\b(?:want|wanna|like|need|rather|hope|prefer|get)\b/i;

/**
 * The airport the traveller is at: an airport named, or a city with one airport ("still airside in
 * amsterdam": AMS; a city with several keeps its name), never one said as where they go or come from;
 * for a short answer to the question itself, an airport's name in any case ("schiphol, near gate D7").
 */
function airportWhereTheyAre(reading: MessageReading, used: Set<Entity>, asked: boolean): string | undefined {
  const said = reading.entities.filter((e) => (e.kind === 'airport' || (e.kind === 'city' && (asked || !WISHED_BEFORE.test(reading.text.slice(Math.max(0, e.start - 24), e.start))))) && !used.has(e) && !saidAsDirection(reading.text, e.start));
  const loose = said.length === 0 && asked && reading.normalized.split(' ').length <= 8 ? findAirports(reading.text, true).filter((e) => !saidAsDirection(reading.text, e.start)) : [];
  const found = [...said, ...loose].at(-1);
  if (!found) return undefined;
  used.add(found);
  return found.kind === 'city' ? airportOfCity(found.value) ?? found.value : found.value;
}

/** Where a value said after a phrase ends: a preposition, a time word, a conjunction. */
const VALUE_ENDS = new Set('in at on after behind from during inside under near by when while this yesterday today tonight last and but so because which that there here somewhere'.split(' '));

/**
 * The words after one of the phrases ("left my black backpack on the tour bus" after "left my": "black
 * backpack"), up to the next ending word or punctuation, six words at most; undefined when none is said.
 */
export function saidAfter(text: string, phrases: readonly string[]): string | undefined {
  const lower = text.slice(0, 600).toLowerCase().replace(/['’]/g, '');
  for (const phrase of phrases) {
    const at = ` ${lower} `.indexOf(` ${phrase.toLowerCase()} `);
    if (at < 0) continue;
    const words: string[] = [];
    for (const word of lower.slice(at + phrase.length).trim().split(/\s+/)) {
      const bare = word.replace(/[^\p{L}\p{N}-]/gu, '');
      if (!bare || VALUE_ENDS.has(bare) || words.length === 6) break;
      words.push(bare);
      if (/[,.!?;:()]/.test(word)) break;
    }
    if (words.length) return words.join(' ');
  }
  return undefined;
}

/** A date said by its day ("the 22nd", "tomorrow", "3 weeks ago"), not only by a time ("noon", "now", "5 hours earlier") or a period ("this year"). */
function saysTheDay(e: Entity): boolean {
  // "This year", "next month": a period, not a day ("second time this year they lose my bag, landed yesterday").
  if (/^(?:this|next|last|that|the)\s+(?:year|month|week)$/i.test(e.raw.trim())) return false;
  return /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmrw|yesterday|days?|weeks?|weekend|months?|years?)|\d+(?:st|nd|rd|th)\b|\d+[/.-]\d+/i.test(e.raw);
}

/**
 * The entity that fills a fact: the latest that fits ("WL-X119274, sorry WL-X119247" means the second),
 * but for a date the first one said by its day ("on the 22nd now leaves 5 hours earlier" is the 22nd), or for
 * a date to come, outside a correction, the latest of those. An amount already taken still gives its currency.
 */
function pickEntity(spec: FactSpec, entities: readonly Entity[], used: ReadonlySet<Entity>, correcting: boolean): Entity | undefined {
  const fitting = entities.filter((e) => (spec.kind === 'currency' || !used.has(e)) && valueFor(spec, e) !== undefined);
  if (spec.kind === 'date' || spec.kind === 'dateRange') {
    const days = fitting.filter(saysTheDay);
    // A date to come among others ("broke my leg yesterday, so we can't do the tour on sunday"): the latest one.
    if (spec.when === 'future' && days.length > 1 && !correcting) return days.reduce((a, b) => ((valueFor(spec, b) ?? '') > (valueFor(spec, a) ?? '') ? b : a));
    return days[0] ?? fitting.at(-1);
  }
  return fitting.at(-1);
}

/** An e-mail address with its domain corrected ("sorry, gmail.com not gmial"): the known address with the new domain. */
function domainCorrected(known: string, text: string): string | undefined {
  const at = known.lastIndexOf('@');
  if (at < 0 || text.length > 300) return undefined;
  const domain = text.toLowerCase().split(/[\s,;!?]+/).map((w) => w.replace(/\.$/, '')).find((w) => /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(w));
  return domain && domain !== known.slice(at + 1) ? `${known.slice(0, at)}@${domain}` : undefined;
}

/**
 * Facts taken from earlier messages: for each fact not known, the latest mention that fits it; for a choice,
 * the latest of the earlier messages (`earlier`, oldest first) that names one ("arrived almost 6 hours late").
 */
export function factsFromMentions(problem: Problem, mentions: readonly Mention[], known: Readonly<Record<string, string>>, earlier: readonly string[] = []): FactTaken[] {
  const taken: FactTaken[] = [];
  const used = new Set<Mention>();
  for (const spec of problem.facts) {
    if (known[spec.name] !== undefined || spec.alternativeOnly) continue;
    if (spec.kind === 'choice') {
      const named = [...earlier].reverse().map((text) => choiceNamed(spec, normalizeText(text))).find((c) => c !== undefined);
      if (named) taken.push({ name: spec.name, value: named, correction: false });
      continue;
    }
    if (spec.kind === 'text' && !spec.entity) continue;
    const mention = [...mentions].reverse().find((m) => !used.has(m) && valueFor(spec, m) !== undefined);
    if (!mention) continue;
    if (spec.kind !== 'currency') used.add(mention);
    taken.push({ name: spec.name, value: valueFor(spec, mention)!, correction: false });
  }
  return taken;
}
