import type { FactSpec, KnowledgeBase } from '../knowledge/schema';
import type { MessageReading } from '../nlu/reading';
import type { FactTaken, Interpretation } from './acts';
import { choiceByOrdinal, choiceNamed, entityKindFor, valueFor } from './factTaking';
import type { Situation } from './interpret';
import { lastMention } from './memory';
import { askedFaq, FAQ_FOR_QUESTION, faqInProblem, namesOutcome, problemsInParts, reportedProblem, systemIntent, wishes } from './readingSignals';
import { normalizeText } from '../nlu/normalize';
import { OWNER_PROOF_FACT } from '../recovery/verification';

type YesNo = 'yes' | 'no' | undefined;

/** Confidence from which an FAQ answers a question said beside the value asked for. */
const FAQ_BESIDE_AN_ANSWER = 0.4;

/** Words that name a fact of each kind ("change the date", "the phone number is wrong"). */
const KIND_WORDS: Record<string, readonly string[]> = {
  bookingReference: ['reference', 'ref', 'booking number', 'booking code', 'confirmation number'],
  email: ['email', 'e mail', 'mail', 'address'],
  phone: ['phone', 'number', 'mobile', 'cell'],
  date: ['date', 'day', 'when'],
  dateRange: ['dates', 'date', 'days', 'nights', 'check in', 'check out'],
  name: ['name', 'spelling', 'surname'],
  amount: ['amount', 'price', 'sum', 'total', 'money', 'charge'],
  currency: ['currency'],
  flightNumber: ['flight'],
};

const COMMANDS = new Set(['status', 'help', 'cancel', 'start_over', 'greeting', 'thanks', 'goodbye', 'bot_identity', 'human']);

/** Whether the message asks a question the knowledge base answers, or gives a command (status, stop, a person...). */
function asksOrCommands(reading: MessageReading, kb: KnowledgeBase, situation: Situation): boolean {
  const system = systemIntent(reading, kb);
  if (system && COMMANDS.has(system)) return true;
  return asksAQuestion(reading, kb, situation);
}

/** Whether the message is a question an FAQ answers ("will the refund go back to my card?"), whatever else it holds. */
function asksAQuestion(reading: MessageReading, kb: KnowledgeBase, situation: Situation): boolean {
  if (!reading.cues.question) return false;
  // Read in the problem's context too ("when would I normally get the code?" while the host is silent).
  const { problem, understander } = situation;
  return !!askedFaq(reading, kb, FAQ_FOR_QUESTION) || (!!problem && !!understander && !!faqInProblem(reading, problem, understander, kb));
}

/** Whether the message does something else than answer: asks, commands, reports another problem. */
function doesSomethingElse(reading: MessageReading, situation: Situation, kb: KnowledgeBase): boolean {
  if (asksOrCommands(reading, kb, situation)) return true;
  const reported = reportedProblem(reading, kb);
  return !!reported && reported !== situation.problem?.id && reading.cues.failure;
}

const NEGATIVE = new Set(['no', 'not', 'nothing', 'none', 'nope', 'never', 'neither', 'nor', 'cant', 'cannot', 'couldnt', 'doesnt', 'didnt', 'dont', 'isnt', 'wasnt', 'wont', 'hasnt', 'havent', 'empty', 'only', 'still', 'error', 'fails', 'failed', 'missing', 'nobody', 'noone', 'gone', 'closed', 'refused', 'declined', 'rejected', 'wrong', 'same']);
const POSITIVE = new Set(['found', 'got', 'done', 'arrived', 'received', 'replied', 'answered', 'works', 'worked', 'working', 'great', 'brilliant', 'amazing', 'perfect', 'thanks', 'thank', 'sorted', 'fixed', 'solved', 'yes', 'yay', 'finally', 'here', 'good', 'success', 'delivered']);

/**
 * What a free description of a step's result says: it worked, it did not, or it cannot be told. Doing the
 * step ("checked the voucher, it says arrivals hall") is not its result: that is asked, never assumed.
 */
function stepResult(reading: MessageReading, yn: YesNo): 'success' | 'failure' | 'unclear' {
  const { cues } = reading;
  if (cues.notWorked || yn === 'no') return 'failure';
  // "It worked" with its negations already read ("found it under schmitt not schmidt, we have a room").
  if (cues.worked) return 'success';
  const words = reading.normalized.split(' ');
  const negative = words.some((w) => NEGATIVE.has(w));
  // A bare "ok" or "sure" acknowledges the step; it does not say that it worked.
  if (yn === 'yes' && !negative && words.some((w) => CLEAR_YES.has(w))) return 'success';
  if (negative || cues.failure) return 'failure';
  // Words only, never the message's sentiment: a lexicon reads "this is a joke" and "i can't think straight" as positive.
  if (words.some((w) => POSITIVE.has(w))) return 'success';
  return 'unclear';
}

/** Yes words that say a step worked, unlike "ok", "sure" or "fine", which only acknowledge it. */
const CLEAR_YES = new Set(['yes', 'yeah', 'yep', 'yup', 'yess', 'yesss', 'yay', 'y', 'correct', 'right', 'exactly', 'definitely', 'absolutely', 'perfect']);

/** Facts given are a correction when one replaces a value known before, else an answer. */
function actOfFacts(facts: readonly FactTaken[]): Interpretation['act'] {
  return facts.some((f) => f.correction) ? 'correction' : 'answer';
}

function answer(topic: string, decision: Interpretation['decision'], facts: FactTaken[], act: Interpretation['act'] = 'answer'): Interpretation {
  return { act, topic, decision, facts };
}

/** The fact of the problem a confirmation's "change ..." names, if one. */
export function factNamed(reading: MessageReading, specs: readonly FactSpec[]): string | undefined {
  const padded = ` ${reading.normalized} `;
  const hits = specs.filter((s) => (KIND_WORDS[s.kind] ?? []).some((w) => padded.includes(` ${w} `)) || padded.includes(` ${s.name.toLowerCase()} `));
  return hits.length >= 1 ? hits[0].name : undefined;
}

/** The value of the fact asked that an earlier message gave ("like I said, ..."): its entity or the choice it named. */
function fromEarlier(spec: FactSpec, situation: Situation): string | undefined {
  const kind = entityKindFor(spec);
  const mention = kind ? lastMention(situation.memory, kind) : undefined;
  if (mention) return valueFor(spec, mention);
  if (spec.kind !== 'choice') return undefined;
  for (const text of [...situation.memory.recent].reverse()) {
    const named = choiceNamed(spec, normalizeText(text));
    if (named) return named;
  }
  return undefined;
}

/** An answer to the fact asked: the value, "I don't know", "skip", "I already told you", or the words themselves. */
function factAnswer(reading: MessageReading, situation: Situation, kb: KnowledgeBase, facts: FactTaken[], yn: YesNo, name: string): Interpretation | null {
  const spec = situation.problem?.facts.find((f) => f.name === name);
  // The surname or e-mail that proves the booking is the traveller's: their words as they are (the engine checks them).
  if (!spec && name === OWNER_PROOF_FACT) {
    if (asksOrCommands(reading, kb, situation)) return null;
    return answer(`fact:${name}`, reading.cues.dontKnow || reading.cues.dontHave ? { kind: 'fact_unknown', name } : { kind: 'facts' }, []);
  }
  if (!spec) return null;
  const topic = `fact:${name}`;
  const given = facts.find((f) => f.name === name);
  // "Arrivals exit B. how long do drivers wait anyway?": the value is kept and the question answered; "end of
  // january i think, the 31st?" only doubts the value.
  if (given && asksBeside(reading) && askedFaq(reading, kb, FAQ_BESIDE_AN_ANSWER)) return null;
  if (given) return answer(topic, { kind: 'facts' }, facts, actOfFacts(facts));
  // "Can I leave my bags even if I don't have a room?" is a question, not "I don't have it".
  if (asksAQuestion(reading, kb, situation)) return null;
  const { cues } = reading;
  // "Didn't book it with you, only the hotel": no reference to give, and none to search for.
  if (spec.kind === 'bookingReference' && cues.bookedElsewhere) {
    return answer(topic, spec.required ? { kind: 'fact_unknown', name, elsewhere: true } : { kind: 'fact_skipped', name }, facts);
  }
  const saysNo = yn === 'no' || (!spec.required && /^(?:no|none|not|nope|nah)\b/.test(reading.normalized));
  if (cues.dontKnow || cues.dontHave || (saysNo && !cues.question) || (cues.skip && !cues.question && !spec.required)) {
    const decision = spec.required ? { kind: 'fact_unknown' as const, name } : { kind: 'fact_skipped' as const, name };
    return answer(topic, decision, facts);
  }
  if (cues.alreadySaid) {
    const value = fromEarlier(spec, situation);
    const from = value ? [{ name, value, correction: false }] : [];
    return answer(topic, value ? { kind: 'facts' } : { kind: 'rephrase', nonsense: false }, [...facts, ...from]);
  }
  if (facts.length > 0) return answer(`fact:${facts[0].name}`, { kind: 'facts' }, facts);
  const words = reading.normalized.split(' ').filter(Boolean).length;
  // The traveller's own words for a free-text fact ("it said 'do not honor'") are the answer, short commands aside.
  if (spec.kind === 'text' && !spec.entity && words > 3 && !reading.cues.person) return answer(topic, { kind: 'facts' }, [{ name, value: reading.text, correction: false }]);
  // A code or a number on its own ("JFKLH12345") is an answer, whatever a classifier makes of it.
  if (words <= 2 && /\d/.test(reading.text) && spec.kind !== 'choice') return answer(topic, { kind: 'facts' }, [{ name, value: reading.text, correction: false }]);
  if (doesSomethingElse(reading, situation, kb)) return null;
  // "It was meant to be this Sunday" where the booking already says so: heard, and the question stands.
  const same = restated(reading, situation);
  if (same) return answer(`fact:${same}`, { kind: 'facts' }, []);
  if (spec.kind === 'choice') {
    // A bare "yes" is no choice; a few words may be a choice misspelt (the check suggests the closest).
    const picked = choiceByOrdinal(spec, reading.entities, reading.normalized) ?? (yn || words > 4 ? undefined : reading.text);
    return picked ? answer(topic, { kind: 'facts' }, [{ name, value: picked, correction: false }]) : null;
  }
  // A code is a code ("JFKLH20417"): a sentence is not one, however free a text fact is.
  const freeText = (spec.kind === 'text' && spec.entity !== 'code') || (spec.kind === 'name' && words <= 6);
  const attempt = /[\d@]/.test(reading.text) || (words <= 3 && !yn);
  if ((freeText && !reading.cues.question && !yn) || attempt) return answer(topic, { kind: 'facts' }, [{ name, value: reading.text, correction: false }]);
  return null;
}

/** A known fact the message gives again with the same value ("642 pounds" where £642.00 is shown, "still two weeks to go" where the trip is more than a day away). */
function restated(reading: MessageReading, situation: Situation): string | undefined {
  for (const spec of situation.problem?.facts ?? []) {
    const known = situation.known[spec.name];
    if (known === undefined) continue;
    if (reading.entities.some((e) => valueFor(spec, e) === known)) return spec.name;
    if (spec.kind === 'choice' && choiceNamed(spec, reading.normalized) === known) return spec.name;
  }
  return undefined;
}

/** An answer to "is this right?": yes, a corrected value, the same value said again, or "change ...". */
function confirmAnswer(reading: MessageReading, situation: Situation, kb: KnowledgeBase, facts: FactTaken[], yn: YesNo, suggestion: string | undefined): Interpretation | null {
  if (asksAQuestion(reading, kb, situation)) return null;
  if (facts.length > 0) return answer(`fact:${facts[0].name}`, { kind: 'facts' }, facts, actOfFacts(facts));
  // The value shown, said again: an answer that changes nothing, so the facts are shown again to confirm.
  const same = yn || reading.cues.change ? undefined : restated(reading, situation);
  if (same) return answer(`fact:${same}`, { kind: 'facts' }, []);
  if (yn === 'yes' && !reading.cues.change) return answer('confirm', { kind: 'confirm', ...(suggestion ? { suggestion } : {}) }, facts);
  if (yn === 'no' && suggestion && !reading.cues.change) return answer('confirm', { kind: 'confirm' }, facts);
  if (reading.cues.change || yn === 'no') {
    const name = factNamed(reading, situation.problem?.facts ?? []);
    return answer('confirm', { kind: 'change', ...(name ? { name } : {}) }, facts);
  }
  // "Honestly I just want to be in London tonight": what they want, said instead of a yes; the facts stand.
  if (!reading.cues.question && !reading.cues.correction && !reading.cues.notWorked && (wishes(reading) || namesOutcome(reading)) && !doesSomethingElse(reading, situation, kb)) {
    return answer('outcome', { kind: 'confirm', wish: reading.text }, facts);
  }
  return null;
}

/** Words that ask something, beyond a value said with a question mark of doubt. */
const QUESTION_WORDS = /\b(?:how|what|whats|when|where|why|which|who|can|could|do|does|did|will|would|should|is|are|am)\b/;
/** Openings of a clause that says when or where, not a question ("when we arrived, the 3rd"). */
const TELLING_CLAUSE = /^(?:when|where|after|before|as|since|while)\s+(?:i|we|you|he|she|they|it|my|our)\b/;

/** Whether a message that gives the value asked also asks something ("WL-H590144. how long does a refund take?"). */
function asksBeside(reading: MessageReading): boolean {
  if (!reading.cues.question || !QUESTION_WORDS.test(reading.normalized)) return false;
  return reading.text.includes('?') || !TELLING_CLAUSE.test(reading.normalized);
}

/** A question about how things work, not a wish phrased as one. */
const ASKS_HOW = /^(?:(?:wait|ok|okay|so|and|but|hm+)\s+)*(?:how|what|whats|where|when|why|which|who|do|does|did|is|are|am|will|would|should|shall|has|have|must)\b/;


/** An answer to "what would you like in the end?": a choice shown, or the traveller's own words. */
function outcomeAnswer(reading: MessageReading, situation: Situation, kb: KnowledgeBase, choices: string[]): Interpretation | null {
  const spec = { name: 'outcome', kind: 'choice', prompt: '-', required: true, alternativeOnly: false, choices } as FactSpec;
  const picked = choiceByOrdinal(spec, reading.entities) ?? choiceNamed(spec, reading.normalized);
  if (picked) return answer('outcome', { kind: 'wished_outcome', text: picked }, []);
  // What the traveller wants is in their own words, whatever they are ("my money back" is no new problem here).
  if (asksOrCommands(reading, kb, situation) || reading.gibberish) return null;
  // "Do I have to rebook through you or the airline?" asks how things work; "can I get my money back?" is a wish.
  const asksHow = reading.cues.question && ASKS_HOW.test(reading.normalized) && !wishes(reading);
  if (asksHow && asksAQuestion(reading, kb, situation)) return null;
  return answer('outcome', { kind: 'wished_outcome', text: reading.text }, []);
}

/** Feedback on a step: it worked, it did not, it cannot be told (ask), or a fact corrected on the way. */
function stepAnswer(reading: MessageReading, situation: Situation, kb: KnowledgeBase, facts: FactTaken[], yn: YesNo): Interpretation | null {
  if (asksOrCommands(reading, kb, situation) || reading.gibberish) return null;
  const outcome = stepResult(reading, yn);
  // A value corrected on the way is a correction; a new one said with the result ("done, the desk gave me
  // file LHRKL50321") is feedback on the step, and the fact is taken with it.
  if (facts.length > 0 && (facts.some((f) => f.correction) || outcome === 'unclear')) return answer(`fact:${facts[0].name}`, { kind: 'facts' }, facts, actOfFacts(facts));
  // Another problem said outright ("also, my card was charged twice") waits its turn; a description of this one is feedback.
  // "I'd rather go another day" is this one's answer: only a problem the NLU names, other than this one, waits.
  if (/\b(also|another|other|second|separate)\b/.test(reading.normalized)) {
    if (problemsInParts(reading, kb).some((id) => id !== situation.problem?.id)) return null;
    const reported = reportedProblem(reading, kb);
    if (reported && reported !== situation.problem?.id && reading.cues.failure) return null;
  }
  return answer('step', { kind: 'step_outcome', outcome }, facts, 'feedback');
}

/** An answer to remedies offered: which one, or none. */
function remedyAnswer(reading: MessageReading, yn: YesNo, remedyIds: string[]): Interpretation | null {
  if (yn === 'no') return answer('remedy', { kind: 'remedy' }, []);
  const ordinal = reading.entities.find((e) => e.kind === 'ordinal');
  const n = ordinal ? Number(ordinal.value) : NaN;
  const chosen = Number.isInteger(n) && n !== 0 ? remedyIds.at(n > 0 ? n - 1 : n) : yn === 'yes' && remedyIds.length === 1 ? remedyIds[0] : undefined;
  return chosen ? answer('remedy', { kind: 'remedy', remedyId: chosen }, []) : null;
}

/** What a message answers of the question pending, or null when it does something else (asks, commands, reports). */
export function answerToPending(reading: MessageReading, situation: Situation, kb: KnowledgeBase, facts: FactTaken[], yn: YesNo): Interpretation | null {
  const { pending } = situation;
  // "Omg found it in my spam folder": the problem went away while facts were asked; a step's own result is read below.
  // "Yes all good" to "is this right?" confirms the facts.
  const confirms = pending.kind === 'confirm' && yn === 'yes';
  if ((pending.kind === 'fact' || pending.kind === 'confirm' || pending.kind === 'outcome') && !confirms && solvedOnItsOwn(reading, facts)) return answer('step', { kind: 'solved' }, [], 'feedback');
  switch (pending.kind) {
    case 'fact':
      return factAnswer(reading, situation, kb, facts, yn, pending.name);
    case 'confirm':
      return confirmAnswer(reading, situation, kb, facts, yn, pending.suggestion);
    case 'outcome':
      return outcomeAnswer(reading, situation, kb, pending.choices);
    case 'step':
      return stepAnswer(reading, situation, kb, facts, yn);
    case 'remedy':
      return remedyAnswer(reading, yn, pending.remedyIds);
    default:
      return null;
  }
}

/**
 * Whether the message says the problem is gone ("he just showed up, all good now", "someone came back, im
 * in"), not only that something was understood ("ok got it") nor a value given.
 */
export function solvedOnItsOwn(reading: MessageReading, facts: readonly FactTaken[]): boolean {
  const { cues } = reading;
  if (!cues.worked || cues.notWorked || cues.question || cues.failure || facts.length > 0) return false;
  const words = reading.normalized.split(' ');
  // "To be sure I've got everything sorted before I fly" wishes it sorted.
  if (wishes(reading) || /^(?:to|so that|in order to)\b/.test(reading.normalized)) return false;
  return words.length >= 3 && !/\bgot it\b(?! now)/.test(reading.normalized);
}

/** Facts the first message says the traveller does not have ("I don't have the booking number on me"). */
export function saidUnknown(reading: MessageReading, specs: readonly FactSpec[]): string[] {
  if (!reading.cues.dontHave && !reading.cues.dontKnow) return [];
  const named = factNamed(reading, specs.filter((s) => s.kind === 'bookingReference' || s.kind === 'email' || s.kind === 'flightNumber'));
  return named ? [named] : [];
}
