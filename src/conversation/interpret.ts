import type { KnowledgeBase, Problem } from '../knowledge/schema';
import type { MessageReading, Understander } from '../nlu/reading';
import type { HandoffReason } from '../recovery/types';
import { referenceProducts } from '../recovery/checks';
import type { Decision, DialogueAct, FactTaken, Interpretation, Pending } from './acts';
import { factsFromMessage, problemRequested } from './factTaking';
import type { ConversationMemory } from './memory';
import { answerToPending, solvedOnItsOwn } from './pendingAnswers';
import { askedFaq, faqInProblem, FAQ_FOR_QUESTION, problemCandidates, recognised, SYSTEM_CONFIDENCE, followUpFaq, isFollowUp, opensAsFollowUp, problemsInParts, reportedProblem, systemIntent, wishes, yesOrNo } from './readingSignals';

/** Where the conversation stands when a message arrives. */
export interface Situation {
  pending: Pending;
  /** A person offered by the bot and not answered yet. */
  offer?: HandoffReason;
  /** The offer was the last question the bot asked (a bare "yes" answers it; otherwise it answers the other question). */
  offerLast?: boolean;
  /** The problem being walked through. */
  problem?: Problem;
  /** Its facts known so far (name to value). */
  known: Readonly<Record<string, string>>;
  /** Alternative facts being asked (a fact the traveller does not know). */
  alternatives?: readonly string[];
  /** Known facts the booking gave (a value said for one is an answer, not a correction). */
  fromBooking?: readonly string[];
  /** Messages in a row the bot could not place (the last one included). */
  unplaced?: number;
  /** The NLU, to read a question in the problem's context (set by `interpret`). */
  understander?: Understander;
  memory: ConversationMemory;
}

/** Confidence from which an FAQ answers a question asked in the middle of a recovery, whatever else it reads as. */
const FAQ_MIDWAY = 0.4;

/** Words that name a person from the team, in a yes to the person offered. */
const PERSON_WORDS = /\b(?:person|someone|somebody|human|agent|colleague|connect|team)\b/;

/** A goodbye at the end of a message, whatever was asked ("later" alone says too little; "he said bye and left" is a story). */
const LEAVING = /\b(?:bye|goodbye|byebye|cya|see you|see ya|take care|good night|goodnight)(?: now| then| for now| all)?$/;

/** How many turns after an answer a follow-up or "that didn't work" still refers to it. */
const ANSWER_CONTEXT_TURNS = 3;
/** How many turns after a resolution "it didn't work after all" still refers to it. */
const RESOLVED_CONTEXT_TURNS = 6;

/** One interpretation, with the facts the message gives. */
function result(act: DialogueAct, decision: Decision, facts: FactTaken[], topic?: string): Interpretation {
  return { act, decision, facts, ...(topic ? { topic } : {}) };
}

/**
 * The understanding step's decision: what one message means where the conversation stands. Pure: the
 * dialogs render what it decides, the recovery engine applies the facts.
 */
export function interpret(reading: MessageReading, situation: Situation, kb: KnowledgeBase, nlu: Understander): Interpretation {
  const { pending, problem } = situation;
  const correcting = pending.kind === 'confirm' || reading.cues.correction || reading.cues.change;
  const facts = problem ? factsFromMessage(problem, reading, { known: situation.known, pending: pending.kind === 'fact' ? pending.name : undefined, alternatives: situation.alternatives, fromBooking: situation.fromBooking }, correcting) : [];
  const yn = yesOrNo(reading, kb);
  if (pending.kind === 'person') return withPerson(reading, situation, kb, nlu, facts, yn);
  if (reading.gibberish && !yn) return result('nonsense', { kind: 'rephrase', nonsense: true }, []);
  const system = systemIntent(reading, kb);
  // "Are you an AI or an actual person?" asks who the bot is, not for a person.
  const asksPerson = (system === 'human' || reading.cues.person) && !reading.cues.declinePerson && system !== 'bot_identity';
  if (situation.offer && reading.cues.declinePerson && facts.length === 0) return result('answer', { kind: 'offer_answer', accept: false }, [], 'offer');
  // "Yes please, someone now" answers the offer; "get me a person" asks for one, offered or not.
  if (situation.offer && asksPerson && yn !== 'no') return yn === 'yes' ? result('answer', { kind: 'offer_answer', accept: true }, facts, 'offer') : result('request_person', { kind: 'offer_answer', accept: true }, facts, 'person');
  if (asksPerson && (!reading.cues.question || reading.cues.person)) return result('request_person', { kind: 'person' }, facts, 'person');
  // "Never mind, leave it for now", "scrap all that, my real problem is different": stop or start again, whatever was asked.
  // Not while the bot waits for the traveller's own words ("it says: something went wrong, try again later").
  const freeText = pending.kind === 'fact' && problem?.facts.find((f) => f.name === pending.name)?.kind === 'text';
  if (!freeText && reading.cues.startOver && !reading.cues.question) return result('command', { kind: 'system', name: 'start_over' }, facts, 'system:start_over');
  // "Id rather move it to april than cancel" wants something: no stop.
  if (!freeText && reading.cues.stop && !reading.cues.question && !reading.cues.worked && !wishes(reading)) return result('command', { kind: 'system', name: 'cancel' }, facts, 'system:cancel');
  // "Ok thanks, bye": leaving, whatever was asked.
  if (LEAVING.test(reading.normalized) && !reading.cues.question && !reading.cues.failure && facts.length === 0 && reading.normalized.split(' ').length <= 6) return result('small_talk', { kind: 'system', name: 'goodbye' }, [], 'system:goodbye');
  // Two questions open (a person offered, then "is this right?"): a bare yes or no answers the last one asked.
  if (situation.offer && situation.offerLast !== false && yn && facts.length === 0) return result('answer', { kind: 'offer_answer', accept: yn === 'yes' }, [], 'offer');
  // A yes that names a person ("yes please, a person") accepts the person offered, whichever question came last.
  if (situation.offer && yn === 'yes' && facts.length === 0 && PERSON_WORDS.test(reading.normalized)) return result('answer', { kind: 'offer_answer', accept: true }, [], 'offer');
  const answered = answerToPending(reading, { ...situation, understander: nlu }, kb, facts, yn);
  if (answered) return situation.offer && answered.act !== 'question' ? { ...answered, declinesOffer: situation.offer } : answered;
  return movedOn(general(reading, situation, kb, nlu, facts, yn), situation);
}

/**
 * A question is never asked in a loop: when a fact's question meets a second message in a row that the
 * bot cannot place ("no sign of them still" for a phone number), the walkthrough goes on without it, as
 * for "I don't know" (the playbook's alternative, or on without it).
 */
function movedOn(read: Interpretation, situation: Situation): Interpretation {
  const { pending, problem } = situation;
  const d = read.decision;
  const lost = d.kind === 'clarify' || (d.kind === 'rephrase' && !d.nonsense) || (d.kind === 'system' && (d.name === 'yes' || d.name === 'no'));
  if (!lost || pending.kind !== 'fact' || (situation.unplaced ?? 0) < 1) return read;
  const spec = problem?.facts.find((f) => f.name === pending.name);
  if (!spec) return read;
  return { ...read, decision: spec.required ? { kind: 'fact_unknown', name: spec.name } : { kind: 'fact_skipped', name: spec.name } };
}

/**
 * While a person has the case (queued or talking): questions still get the bot's answers and status,
 * cancel and "a person" keep working; everything else goes to the case for the person.
 */
function withPerson(reading: MessageReading, situation: Situation, kb: KnowledgeBase, nlu: Understander, facts: FactTaken[], yn: 'yes' | 'no' | undefined): Interpretation {
  if (reading.gibberish && !yn) return result('nonsense', { kind: 'relay' }, []);
  if (systemIntent(reading, kb) === 'human' || reading.cues.person) return result('request_person', { kind: 'person' }, facts, 'person');
  // "Is someone coming?", "how many people are ahead of me?": where the case stands, before any FAQ.
  if (reading.cues.waiting) return result('command', { kind: 'system', name: 'status' }, facts, 'system:status');
  // "The van just showed up, you can close this": leave the queue.
  if (reading.cues.stop) return result('command', { kind: 'system', name: 'cancel' }, facts, 'system:cancel');
  // "Oh he just showed up, all good now": sorted before anyone came; the queue is left the same way.
  if (solvedOnItsOwn(reading, facts)) return result('feedback', { kind: 'system', name: 'cancel' }, facts, 'system:cancel');
  const g = general(reading, situation, kb, nlu, facts, yn);
  const d = g.decision;
  const kept = d.kind === 'answer_faq' || (d.kind === 'system' && ['status', 'cancel', 'start_over', 'help'].includes(d.name));
  return kept ? g : { ...g, decision: { kind: 'relay' } };
}

/** A message that answers nothing pending: a command, small talk, a question, a problem, feedback on the last answer. */
function general(reading: MessageReading, situation: Situation, kb: KnowledgeBase, nlu: Understander, facts: FactTaken[], yn: 'yes' | 'no' | undefined): Interpretation {
  const system = systemIntent(reading, kb);
  const { memory, problem } = situation;
  const recentAnswer = memory.lastAnswer && memory.turn - memory.lastAnswer.turn <= ANSWER_CONTEXT_TURNS ? memory.lastAnswer : undefined;
  // "Ok never mind then. How do I stop the promo e-mails?": the question after it is what the message asks.
  const asksAfterAll = (system === 'cancel' || system === 'start_over') && ((reading.cues.question && !!askedFaq(reading, kb, FAQ_FOR_QUESTION)) || wishes(reading));
  if ((system === 'status' || system === 'help' || system === 'cancel' || system === 'start_over') && !asksAfterAll) {
    return result('command', { kind: 'system', name: system }, facts, `system:${system}`);
  }
  // "It didn't work after all, the code stopped working": the fix the bot just made did not hold (the later of an answer and a resolution counts).
  const recentFix = memory.lastResolved && memory.turn - memory.lastResolved.turn <= RESOLVED_CONTEXT_TURNS && (!recentAnswer || recentAnswer.turn < memory.lastResolved.turn) ? memory.lastResolved : undefined;
  if (recentFix && !reading.cues.question && (reading.cues.notWorked || (reading.cues.failure && reportedProblem(reading, kb) === recentFix.problemId))) {
    return result('feedback', { kind: 'came_back', caseId: recentFix.caseId }, facts, `problem:${recentFix.problemId}`);
  }
  // "He just called, found him, thanks": the fix held; thanks, not a new report.
  if (recentFix && (reading.cues.worked || reading.cues.thanks) && !reading.cues.notWorked && !reading.cues.question && !reading.cues.failure) {
    return result(reading.cues.thanks ? 'small_talk' : 'feedback', { kind: 'system', name: 'thanks' }, facts, 'system:thanks');
  }
  if (recentAnswer && reading.cues.notWorked && !reading.cues.question) {
    return result('feedback', { kind: 'faq_failed', faqId: recentAnswer.faqId, ...faqProblem(reading, recentAnswer.text, kb, nlu) }, facts, `faq:${recentAnswer.faqId}`);
  }
  if (recentAnswer && (reading.cues.worked || reading.cues.thanks) && !reading.cues.question) {
    return result(reading.cues.thanks ? 'small_talk' : 'feedback', { kind: 'system', name: 'thanks' }, facts, reading.cues.thanks ? 'system:thanks' : `faq:${recentAnswer.faqId}`);
  }
  const words = reading.normalized.split(' ').length;
  if ((reading.cues.thanks || reading.cues.goodbye) && words <= 6 && !reading.cues.failure && !reading.cues.question) {
    const name = reading.cues.thanks ? 'thanks' : 'goodbye';
    return result('small_talk', { kind: 'system', name }, facts, `system:${name}`);
  }
  // Small talk the message is plainly about ("so what are you for?") comes before any answer.
  const top = recognised(reading.understanding, kb, SYSTEM_CONFIDENCE);
  if (top?.target.kind === 'system' && ['greeting', 'thanks', 'goodbye', 'bot_identity'].includes(top.target.name) && !reading.cues.failure && reading.understanding.verdict === 'match') {
    return result('small_talk', { kind: 'system', name: top.target.name }, facts, `system:${top.target.name}`);
  }
  const reported = reportedProblem(reading, kb);
  // A problem the whole message is clearly about is a report, even asked as a question ("driver not coming, what do I do?").
  const clearProblem = recognised(reading.understanding, kb, 0.7)?.target.kind === 'problem';
  // A question about the traveller's own booking that asks for something done ("can I move WL-H590144 to the 18th?") is a request.
  const ownBooking = reading.entities.some((e) => e.kind === 'bookingReference') || reading.cues.request;
  // In the middle of a recovery a question an answer fits well is a question ("and my passport runs out in
  // august, is that a problem?"): the walkthrough resumes after it, so nothing is lost.
  // The closest answer counts whatever the verdict: the service leaves `best` empty below its out-of-scope threshold.
  const closest = reading.asQuestion?.best ?? reading.asQuestion?.alternatives[0];
  const midwayQuestion = !!problem && reading.cues.question && !reading.cues.notWorked && (closest?.confidence ?? 0) >= FAQ_MIDWAY;
  // A failure word with no problem behind it is context for the question ("cancelled a hotel yesterday, when does the cash show up?").
  const asks = reading.cues.question && (reading.cues.hypothetical || midwayQuestion || (!clearProblem && !(reported && ownBooking) && (!reading.cues.failure || !reported)));
  // "Can I move WL-H590144 to the 18th-21st?": a request about the traveller's own booking that a playbook's
  // choices name is that playbook, unless an answer fits the question well.
  const requested = reported || (reading.cues.hypothetical && !reading.cues.request) ? undefined : problemRequested(reading, kb);
  const ownRequest = requested !== undefined && !reading.cues.hypothetical && reading.entities.some((e) => e.kind === 'bookingReference') && !askedFaq(reading, kb, 0.6);
  const faq = ownRequest ? undefined : asks && problem ? faqInProblem(reading, problem, nlu, kb) : askedFaq(reading, kb, asks ? FAQ_FOR_QUESTION : undefined);
  // "And with Apple Pay, same thing?": a follow-up nothing else answers stays with the last answer.
  const sameAnswer = recentAnswer && opensAsFollowUp(reading) && !faq ? recentAnswer.faqId : undefined;
  const follow = recentAnswer && isFollowUp(reading) ? followUpFaq(reading, recentAnswer, nlu, kb) ?? sameAnswer : undefined;
  if ((asks || !reported) && (follow ?? faq)) return result('question', { kind: 'answer_faq', faqId: (follow ?? faq)! }, facts, `faq:${follow ?? faq}`);
  // "Can I move WL-H590144 to the 18th-21st?": no answer fits and the NLU names no problem, but the traveller
  // asks for something done to their own booking that one playbook's choices name.
  if (requested) {
    if (problem) return result('problem_report', requested === problem.id ? { kind: 'resume' } : { kind: 'queue_problem', problemId: requested }, facts, `problem:${requested}`);
    return result('problem_report', { kind: 'start_problem', problemId: requested, also: [] }, facts, `problem:${requested}`);
  }
  // A plain question that no answer fits well: offer the closest answers rather than start a walkthrough.
  if (asks && !reading.cues.request && closest) return result('question', { kind: 'clarify' }, facts);
  if (reported) {
    if (problem && reported !== problem.id && anotherProblem(reading, kb)) return result('problem_report', { kind: 'queue_problem', problemId: reported }, facts, `problem:${reported}`);
    if (problem) return result('problem_report', { kind: 'resume' }, facts, `problem:${problem.id}`);
    const also = problemsInParts(reading, kb).filter((id) => id !== reported);
    return result('problem_report', { kind: 'start_problem', problemId: reported, also }, facts, `problem:${reported}`);
  }
  if (system === 'greeting' || system === 'thanks' || system === 'goodbye' || system === 'bot_identity') {
    return result('small_talk', { kind: 'system', name: system }, facts, `system:${system}`);
  }
  if (facts.length > 0) return result(facts.some((f) => f.correction) ? 'correction' : 'answer', { kind: 'facts' }, facts, `fact:${facts[0].name}`);
  if (!problem && reading.entities.some((e) => e.kind === 'bookingReference') && !reading.cues.question && reading.normalized.split(' ').length <= 8) {
    // "WL-F772013" after a message that told a problem the bot did not start (answered or asked about instead):
    // the reference says the traveller wants it dealt with, so the problem is read again from that message.
    const earlier = problemTold(reading, memory.recent, nlu, kb);
    return earlier ? result('answer', { kind: 'start_problem', problemId: earlier, also: [] }, facts, 'fact:bookingReference') : result('answer', { kind: 'noted' }, facts);
  }
  if (!problem && (reading.cues.repeatedContact || reading.sentiment.frustrated) && !reading.cues.question) {
    return result('problem_report', { kind: 'acknowledge_frustration' }, facts);
  }
  if (yn) return result('answer', { kind: 'system', name: yn }, facts);
  if (reading.understanding.verdict === 'ambiguous') return result(reading.cues.question ? 'question' : 'problem_report', { kind: 'clarify' }, facts);
  return result(reading.cues.question ? 'question' : 'problem_report', { kind: 'rephrase', nonsense: false }, facts);
}

/** Confidence from which an earlier message is read as the problem a booking reference given now is for. */
const TOLD_BEFORE = 0.2;

/**
 * The problem the last message before this one told, for a booking of the product the reference given now
 * is for: its best problem reading from a low floor (the reference confirms there is a problem).
 */
function problemTold(reading: MessageReading, recent: readonly string[], nlu: Understander, kb: KnowledgeBase): string | undefined {
  const before = recent.at(-2);
  const reference = reading.entities.find((e) => e.kind === 'bookingReference')?.value;
  if (!before || !reference) return undefined;
  const products: string[] = referenceProducts(reference, kb.platform.referenceFormats);
  const fits = (id: string) => products.length === 0 || !!kb.problems.find((p) => p.id === id)?.products.some((p) => products.includes(p));
  return problemCandidates(nlu.understand(before), kb).find((c) => c.confidence >= TOLD_BEFORE && fits(c.id))?.id;
}

/** Words that announce a second matter ("also", "another thing", "separately"). */
const ANOTHER = /\b(?:also|another|other|second|separate|separately|too|as well|besides|plus|on top of)\b/;

/**
 * Whether a problem read in the middle of another one is a second problem: said as one ("also, ..."), read
 * with confidence, or about another booking. "No reply from them yet" while a driver is missing is this one.
 */
function anotherProblem(reading: MessageReading, kb: KnowledgeBase): boolean {
  if (ANOTHER.test(reading.normalized) || problemsInParts(reading, kb).length > 0) return true;
  return (recognised(reading.understanding, kb, 0.7)?.target.kind === 'problem') || reading.entities.some((e) => e.kind === 'bookingReference');
}

/** The problem behind an FAQ answer that did not help: the problem the question and the reply read as together. */
function faqProblem(reading: MessageReading, question: string, kb: KnowledgeBase, nlu: Understander): { problemId?: string } {
  const together = nlu.understand(`${question} ${reading.text}`);
  for (const c of [together.best, ...together.alternatives]) {
    if (!c || c.kind !== 'intent' || c.confidence < 0.15) continue;
    const handler = kb.intents.find((i) => i.id === c.id)?.handler;
    if (handler?.startsWith('problem:')) return { problemId: handler.slice(8) };
  }
  return {};
}
