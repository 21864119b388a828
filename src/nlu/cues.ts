/**
 * Dialogue-act cues: the words and shapes that tell a question from a report, an answer from feedback,
 * "I don't know" from "no". Phrases are matched on the normalised text (lower case, accents folded,
 * apostrophes joined: "didn't" is "didnt") as whole words, by substring search: linear in the length.
 * A few phrases are read with the words around them, in one pass over the words: a negation that scopes
 * over "it worked" denies it ("it's not fixed", "I never got my refund"), a negated failure word reassures
 * ("no problem at all"), "double" can name a room, "update" can ask for news, an opening auxiliary with no
 * subject after it is no question ("will do", "have a nice day").
 */

import {
  QUESTION_OPENINGS,
  QUESTION_ANYWHERE,
  HYPOTHETICAL,
  FAILURE,
  NOT_WORKED,
  WORKED,
  DONT_KNOW,
  DONT_HAVE,
  BOOKED_ELSEWHERE,
  SKIP,
  WEAK_SKIP,
  CORRECTION,
  ALREADY_SAID,
  CHANGE,
  REPEATED,
  REQUEST,
  DECLINE_PERSON,
  PERSON,
  BARE_WAITING,
  WAIT_WORDS,
  WAITING,
  STOP,
  START_OVER,
  GOODBYE,
  THANKS,
} from './cuePhrases';
import { asksForSomeone, bookedOutside } from './cueWindows';
import { normalizeText } from './normalize';

/** The cues found in one message. */
export interface MessageCues {
  /** Asked as a question: a question mark, or an opening such as "how", "can I", "is there". */
  question: boolean;
  /** A hypothetical: "if I cancel...", "what if", "would I". */
  hypothetical: boolean;
  /** Something went wrong: "didn't", "never came", "not received", "stuck", "charged twice". */
  failure: boolean;
  /** The last step or answer did not help: "didn't work", "still nothing", "tried that". */
  notWorked: boolean;
  /** It helped: "that worked", "found him", "sorted". */
  worked: boolean;
  /** "I don't know", "no idea", "can't remember". */
  dontKnow: boolean;
  /** "I don't have it", "lost it", "no reference". */
  dontHave: boolean;
  /** "I didn't book it with you", "booked it directly with the airline", "not booked yet": no booking on the platform. */
  bookedElsewhere: boolean;
  /** "skip", "pass", "n/a". */
  skip: boolean;
  /** "sorry, typo", "I meant", "actually", "no wait". */
  correction: boolean;
  /** "I already told you", "like I said". */
  alreadySaid: boolean;
  /** "change the date", "that's wrong", "edit". */
  change: boolean;
  /** "this is the third time", "again", "still waiting for days". */
  repeatedContact: boolean;
  /** Asks for something to be done: "please cancel", "can you change", "I want to". */
  request: boolean;
  /** Turns a person down: "no need for a person", "I don't want an agent". */
  declinePerson: boolean;
  /** Asks for a person in words the NLU may miss: "a manager", "someone real", "not another bot". */
  person: boolean;
  /** Asks where things stand while waiting: "how long", "is someone coming", "anyone there?". */
  waiting: boolean;
  /** Thanks: "thanks", "cheers", "ta". */
  thanks: boolean;
  /** Leaves it there: "never mind", "you can close this", "leave it for now". */
  stop: boolean;
  /** Starts again: "scrap all that", "my real problem is different". */
  startOver: boolean;
  /** Says goodbye: "bye", "night night", "see you". */
  goodbye: boolean;
}


function anyPhrase(padded: string, list: readonly string[]): boolean {
  return list.some((p) => padded.includes(` ${p} `));
}

function startsWithAny(padded: string, list: readonly string[]): boolean {
  return list.some((p) => padded.startsWith(` ${p} `));
}

const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(' '));

// Negative auxiliaries once the apostrophe is gone ("didnt", "havent", "wont"), with common misspellings ("dosent", "havnt", "dnt").
const NT_AUXILIARIES = wordSet('do does did is are was were has have had wo would ca could should must need ai dos dose doese didi dide hav d');
const NEGATORS = wordSet('not never nothing nobody noone neither nor cannot without hardly barely');
// Words a negation reaches through to the phrase it denies: "not yet fixed", "hasn't been resolved", "never actually got my".
// Anything else (a subject, a verb) starts another clause: "can't believe it worked", "never mind, it's fixed".
const NEGATION_THROUGH = wordSet('be been being get got gotten getting is are was were has have had yet really actually even quite fully properly completely entirely totally all ever truly exactly still');
const MAX_REACH = 3;

/** Whether the word at `at` negates: "not", "never", "didnt", "didn t", "no longer", "yet to", "far from". */
function isNegation(tokens: readonly string[], at: number): boolean {
  const w = tokens[at];
  const before = at > 0 ? tokens[at - 1] : '';
  if (NEGATORS.has(w)) return !(w === 'never' && tokens[at + 1] === 'mind');
  if (w.endsWith('nt')) return NT_AUXILIARIES.has(w.slice(0, -2));
  if (w === 't') return before.endsWith('n');
  return (w === 'longer' && before === 'no') || (w === 'to' && before === 'yet') || (w === 'from' && before === 'far');
}

/** Whether a negation scopes over the phrase starting at `start`, through up to three words of `through`. */
function negatedBefore(tokens: readonly string[], start: number, through: ReadonlySet<string>, negates = isNegation): boolean {
  for (let at = start - 1; at >= 0 && at >= start - 1 - MAX_REACH; at -= 1) {
    if (negates(tokens, at)) return true;
    if (!through.has(tokens[at])) return false;
  }
  return false;
}

/** Whether `phrase` occurs in the tokens at a place where `meant(start, end)` holds. One pass: linear in the length. */
function occursMeaning(tokens: readonly string[], phrase: readonly string[], meant: (start: number, end: number) => boolean): boolean {
  for (let i = tokens.indexOf(phrase[0]); i >= 0; i = tokens.indexOf(phrase[0], i + 1)) {
    if (phrase.every((w, k) => tokens[i + k] === w) && meant(i, i + phrase.length)) return true;
  }
  return false;
}

/** A clause that asks how long, naming nothing but the wait ("how long will it take, the kids are crying"). */
function asksOnlyTheWait(raw: string): boolean {
  return raw.slice(0, 400).split(/[,.!?;:]+/).some((clause) => {
    const words = normalizeText(clause).split(' ').filter(Boolean);
    return words.includes('long') && words.every((t) => WAIT_WORDS.has(t));
  });
}

/** "Someone came back to the desk, im in": inside at last, said at the end ("im in the lobby" is a place). */
const GOT_IN_AT_END = [['im', 'in'], ['were', 'in'], ['we', 'are', 'in'], ['i', 'am', 'in'], ['got', 'in']];
const WORKED_BY_FIRST_WORD = new Map<string, string[][]>();
for (const phrase of WORKED.map((p) => p.split(' '))) WORKED_BY_FIRST_WORD.set(phrase[0], [...(WORKED_BY_FIRST_WORD.get(phrase[0]) ?? []), phrase]);

/**
 * How the last "it worked" phrase of a message is meant: 'said', 'denied' ("it's not fixed", "I never got
 * my refund", "it did not"), or undefined when there is none. The last one decides: "wasn't sorted, works now".
 */
function workedReading(tokens: readonly string[]): 'said' | 'denied' | undefined {
  let reading: 'said' | 'denied' | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    for (const phrase of WORKED_BY_FIRST_WORD.get(tokens[i]) ?? []) {
      if (!phrase.every((w, k) => tokens[i + k] === w)) continue;
      const end = i + phrase.length;
      // "it did not": a phrase ending on an auxiliary is denied by what follows it.
      const deniedAfter = phrase[phrase.length - 1] === 'did' && (tokens[end] === 'not' || tokens[end] === 'nt' || tokens[end] === 'never');
      reading = deniedAfter || negatedBefore(tokens, i, NEGATION_THROUGH) ? 'denied' : 'said';
    }
  }
  return reading;
}

const AUXILIARY_OPENINGS = wordSet('is are does do did can could will would should shall have has may am');
// After an opening auxiliary, words that make the message a statement or a reply: "will do", "do not have one", "have a nice day".
const NOT_A_SUBJECT = wordSet('not do be been have got to a an so too also just really fine ok okay great good nice fun love like try definitely probably never always still only no');

const SAY_OBJECTS = new Set(['i', 'my', 'we', 'the']);
const SAY_LEADS = new Set(['so', 'and', 'but', 'ok', 'okay', 'well', 'just', 'like', 'now']);

/** "Say I cancel tomorrow...": a supposition; "they say my card is not accepted" reports what someone said. */
function saySupposes(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => t === 'say' && SAY_OBJECTS.has(tokens[i + 1]) && (i === 0 || SAY_LEADS.has(tokens[i - 1])));
}

/** Whether the message opens as a question: "is it", "can I", "what time"; not "will do", "what a mess". */
function opensAsQuestion(padded: string, tokens: readonly string[]): boolean {
  if (!startsWithAny(padded, QUESTION_OPENINGS)) return false;
  const [first, second = ''] = tokens;
  if (AUXILIARY_OPENINGS.has(first) && NOT_A_SUBJECT.has(second)) return false;
  return !(first === 'what' && (second === 'a' || second === 'an'));
}

// Failure words that a negation turns into reassurance: "no problem at all", "nothing wrong", "not an issue".
const NEGATABLE_FAILURES = ['problem', 'issue', 'error', 'wrong'].map((w) => [w]);
const REASSURING_NEGATORS = wordSet('no not nothing without never zero');
const FAILURE_THROUGH = wordSet('a an any is was really big real major at all');
// "double" as a room or a bed ("the double room"), not as paid or booked twice; "never", but not "never mind".
const DOUBLE_AS_KIND = wordSet('room rooms bed beds bedroom occupancy suite decker check checked checking espresso sofa cabin glazing');

/** The failure words whose sense depends on the words around them. */
function failureInContext(tokens: readonly string[]): boolean {
  const reassures = (t: readonly string[], at: number) => REASSURING_NEGATORS.has(t[at]) || (t[at].endsWith('nt') && NT_AUXILIARIES.has(t[at].slice(0, -2)));
  return (
    NEGATABLE_FAILURES.some((p) => occursMeaning(tokens, p, (start) => !negatedBefore(tokens, start, FAILURE_THROUGH, reassures))) ||
    occursMeaning(tokens, ['double'], (_, end) => !DOUBLE_AS_KIND.has(tokens[end])) ||
    occursMeaning(tokens, ['never'], (_, end) => tokens[end] !== 'mind')
  );
}

// "update" and "change" as nouns ask for news, not for an edit: "any update?", "an update please", "update me", "any change?".
const UPDATE_AS_NEWS_BEFORE = wordSet('any an no for latest status the some get got give quick small');
const UPDATE_AS_NEWS_AFTER = wordSet('me us');

/** "change" or "update" meant as an edit. */
function changeInContext(tokens: readonly string[]): boolean {
  return (
    occursMeaning(tokens, ['update'], (start, end) => !UPDATE_AS_NEWS_BEFORE.has(tokens[start - 1]) && !UPDATE_AS_NEWS_AFTER.has(tokens[end])) ||
    occursMeaning(tokens, ['change'], (start) => tokens[start - 1] !== 'any' && tokens[start - 1] !== 'no')
  );
}

/**
 * A question mark closing a clause in the middle ("where do i type it? maybe i put it in the wrong box"),
 * after a word of at least two letters; not "what?? cancelled" shouting nor a "?" inside a link.
 */
function asksMidway(raw: string): boolean {
  for (let i = raw.indexOf('?'); i > 0 && i < raw.length - 1; i = raw.indexOf('?', i + 1)) {
    const after = raw[i + 1];
    if (after !== ' ' && after !== '\n') continue;
    const before = raw.slice(Math.max(0, i - 40), i);
    if (/\S*(?:https?:|www\.)\S*$/.test(before)) continue;
    const word = /([\p{L}']+)$/u.exec(before)?.[1] ?? '';
    if (word.length >= 2 && before.trim().split(/\s+/).length >= 3) return true;
  }
  return false;
}

/** What a traveller may be asked for and not have: "no file number yet", "without the booking code". */
const THINGS_ASKED = new Set(['number', 'reference', 'ref', 'code', 'email', 'mail', 'file', 'receipt', 'confirmation', 'voucher', 'ticket', 'pnr', 'id']);
const NONE_OF = new Set(['no', 'without', 'nor']);
// "No, the number is 0612", "no problem, the code works": the "no" answers or dismisses; it does not go with the thing.
const NOT_OF_THE_THING = new Set(['the', 'is', 'it', 'its', 'this', 'that', 'problem', 'problems', 'worries', 'way', 'doubt', 'need', 'i', 'we', 'you', 'they', 'he', 'she', 'thanks']);

/** "No file number yet", "still no booking code", "without a reference": a thing asked for, not had (two words between at most). */
function noneOfAThing(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!NONE_OF.has(tokens[i])) continue;
    for (let j = i + 1; j <= i + 3 && j < tokens.length && !NOT_OF_THE_THING.has(tokens[j]); j++) {
      if (THINGS_ASKED.has(tokens[j])) return true;
    }
  }
  return false;
}


/**
 * The cues of a message. `raw` is the message as typed (for the question mark), `normalized` its
 * normalised text (see normalizeText).
 */
export function findCues(raw: string, normalized: string): MessageCues {
  const padded = ` ${normalized} `;
  const tokens = normalized.split(' ');
  const trimmed = raw.trimEnd();
  const hypothetical = anyPhrase(padded, HYPOTHETICAL) || saySupposes(tokens);
  const worked = workedReading(tokens) ?? (GOT_IN_AT_END.some((end) => end.every((w, k) => tokens[tokens.length - end.length + k] === w)) ? 'said' : undefined);
  const notWorked = anyPhrase(padded, NOT_WORKED) || worked === 'denied';
  return {
    question: trimmed.endsWith('?') || /\?\s*["')\]]?\s*$/.test(trimmed.slice(-4)) || asksMidway(trimmed) || opensAsQuestion(padded, tokens) || anyPhrase(padded, QUESTION_ANYWHERE) || hypothetical,
    hypothetical,
    failure: anyPhrase(padded, FAILURE) || failureInContext(tokens),
    notWorked,
    worked: worked === 'said' && !notWorked,
    dontKnow: anyPhrase(padded, DONT_KNOW),
    dontHave: anyPhrase(padded, DONT_HAVE) || noneOfAThing(tokens),
    bookedElsewhere: anyPhrase(padded, BOOKED_ELSEWHERE) || bookedOutside(tokens),
    skip: anyPhrase(padded, SKIP) || (anyPhrase(padded, WEAK_SKIP) && !notWorked),
    correction: anyPhrase(padded, CORRECTION),
    alreadySaid: anyPhrase(padded, ALREADY_SAID),
    change: anyPhrase(padded, CHANGE) || changeInContext(tokens),
    repeatedContact: anyPhrase(padded, REPEATED),
    request: anyPhrase(padded, REQUEST),
    declinePerson: anyPhrase(padded, DECLINE_PERSON),
    person: anyPhrase(padded, PERSON) || asksForSomeone(tokens),
    // "k how long?", "how long will this take?" ask how long the wait is; "how long does a refund take" asks about something else.
    waiting: anyPhrase(padded, WAITING) || (anyPhrase(padded, BARE_WAITING) && (tokens.length <= 4 || asksOnlyTheWait(raw))),
    thanks: anyPhrase(padded, THANKS),
    stop: anyPhrase(padded, STOP),
    startOver: anyPhrase(padded, START_OVER),
    goodbye: anyPhrase(padded, GOODBYE),
  };
}
