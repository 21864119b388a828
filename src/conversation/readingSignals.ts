import type { KnowledgeBase, Problem, SystemHandler } from '../knowledge/schema';
import type { MessageReading, Understander } from '../nlu/reading';
import type { Understanding } from '../nlu/types';
import { sharesContent } from './faqContent';
import { targetOf, type Target } from './target';

/** Confidence from which a system intent (yes, no, status, cancel...) is taken at its word. */
export const SYSTEM_CONFIDENCE = 0.6;
/** Confidence from which a problem is taken as reported. */
export const PROBLEM_CONFIDENCE = 0.5;
/** Confidence from which an FAQ answers a message. */
export const FAQ_CONFIDENCE = 0.45;
/** Confidence from which an FAQ answers a message that is plainly a question (only FAQs competing). */
export const FAQ_FOR_QUESTION = 0.25;

const YES_WORDS = new Set(['yes', 'yeah', 'yep', 'yup', 'ya', 'yea', 'yess', 'yesss', 'y', 'ok', 'okay', 'k', 'sure', 'correct', 'right', 'exactly', 'indeed', 'affirmative', 'absolutely', 'definitely', 'true', 'confirmed', 'perfect', 'aye', 'si', 'oui', 'ja', 'yas', 'alright', 'fine', 'please', 'go']);
const NO_WORDS = new Set(['no', 'nope', 'nah', 'n', 'not', 'negative', 'wrong', 'incorrect', 'false', 'nein', 'non', 'dont', 'nothing']);
const STRONG_YES = new Set(['yes', 'yeah', 'yep', 'yup', 'correct', 'exactly', 'right']);
const STRONG_NO = new Set(['no', 'nope', 'nah']);
/** Words after which an opening "no" answers ("no i don't", "no thanks"), not negates a noun ("no driver"). */
const NO_THEN = new Set(['i', 'im', 'ive', 'it', 'its', 'thats', 'that', 'we', 'not', 'thanks', 'thank', 'sorry', 'nothing', 'never', 'still', 'unfortunately', 'sadly', 'actually', 'they', 'he', 'she', 'you', 'no']);
const THUMBS_UP = /^[\s👍👌✅✔️☑️🙂😀😊🆗]+$/u;
const THUMBS_DOWN = /^[\s👎❌✖️🚫🙁☹️]+$/u;

/** The target the whole message was recognised as, when the NLU is sure enough. */
export function recognised(u: Understanding, kb: KnowledgeBase, floor: number): { target: Target; confidence: number } | null {
  if (!u.best || u.verdict === 'out_of_scope' || u.best.confidence < floor) return null;
  const target = targetOf(u.best, kb);
  return target ? { target, confidence: u.best.confidence } : null;
}

// "Cancel it", "cancel my booking": the booking, not this conversation.
const CANCEL_A_BOOKING = /\bcancel\w*\b.*\b(?:it|booking|reservation|hotel|flight|car|trip|tour|transfer|stay|room|apartment|flat|ticket|order|everything)\b/;

/** The system intent of the message (yes, no, status, human...), when it is one; cancelling a booking is not "stop". */
export function systemIntent(reading: MessageReading, kb: KnowledgeBase): SystemHandler | undefined {
  const r = recognised(reading.understanding, kb, SYSTEM_CONFIDENCE);
  if (r?.target.kind !== 'system') return undefined;
  if (r.target.name === 'cancel' && reading.normalized.length <= 300 && CANCEL_A_BOOKING.test(reading.normalized)) return undefined;
  return r.target.name;
}

/** Yes, no, or neither: short answers and thumbs, then the NLU's yes/no intents. */
export function yesOrNo(reading: MessageReading, kb: KnowledgeBase): 'yes' | 'no' | undefined {
  if (THUMBS_UP.test(reading.text)) return 'yes';
  if (THUMBS_DOWN.test(reading.text)) return 'no';
  const words = reading.normalized.split(' ').filter(Boolean);
  if (words.length > 0 && words.length <= 4) {
    if (NO_WORDS.has(words[0]) && (words[0] !== 'n' || words.length === 1)) return 'no';
    // "n" is "no" only on its own: "email n password" is "and".
    if (words.some((w) => YES_WORDS.has(w)) && !words.some((w) => NO_WORDS.has(w) && w !== 'n')) return 'yes';
  }
  // "yes i have the report with that number": a longer message that opens with a clear yes or no.
  if (words.length > 4 && words.length <= 14 && !reading.cues.question) {
    // "No, I never got it" answers no; "no confirmation whatsoever for my car" is a report ("no" as a determiner).
    if (STRONG_NO.has(words[0]) && (words[0] !== 'no' || /^\W*no\b\s*[,.!:;-]/i.test(reading.text) || NO_THEN.has(words[1]))) return 'no';
    if (STRONG_YES.has(words[0]) && !words.some((w) => NO_WORDS.has(w) && w !== 'n')) return 'yes';
  }
  // "No sign of them still": "no" as a determiner is no answer, whatever the classifier makes of the words.
  if (words[0] === 'no' && words.length > 4 && !/^\W*no\b\s*[,.!:;-]/i.test(reading.text) && !NO_THEN.has(words[1])) return undefined;
  const system = systemIntent(reading, kb);
  return system === 'yes' || system === 'no' ? system : undefined;
}

/** The problem candidates of an understanding (best first, also among the runners-up of a message out of scope). */
export function problemCandidates(u: Understanding, kb: KnowledgeBase): Array<{ id: string; confidence: number }> {
  const out: Array<{ id: string; confidence: number }> = [];
  for (const c of [u.best, ...u.alternatives]) {
    if (!c) continue;
    const target = targetOf(c, kb);
    if (target?.kind === 'problem' && !out.some((o) => o.id === target.id)) out.push({ id: target.id, confidence: c.confidence });
  }
  return out;
}

/** Confidence from which a problem named in a message that says something went wrong is taken, clearly ahead of the next one. */
const FAILURE_PROBLEM_CONFIDENCE = 0.25;

/**
 * The problem the message reports, if any: the whole message recognised as one; else its clearest
 * clause; else, when the message says something went wrong, the problem the NLU ranks first by a margin.
 */
export function reportedProblem(reading: MessageReading, kb: KnowledgeBase): string | undefined {
  const r = recognised(reading.understanding, kb, PROBLEM_CONFIDENCE);
  if (r?.target.kind === 'problem') return r.target.id;
  if (r && r.confidence >= 0.7) return undefined;
  const fromParts = reading.parts
    .flatMap((p) => problemCandidates(p.understanding, kb).slice(0, 1))
    .filter((c) => c.confidence >= PROBLEM_CONFIDENCE + 0.05)
    .sort((a, b) => b.confidence - a.confidence)[0];
  if (fromParts) return fromParts.id;
  if (!reading.cues.failure && !reading.cues.request) return undefined;
  const [first, second] = problemCandidates(reading.understanding, kb);
  return first && first.confidence >= FAILURE_PROBLEM_CONFIDENCE && first.confidence >= 1.5 * (second?.confidence ?? 0) ? first.id : undefined;
}

/** The distinct problems the message's clauses report with confidence, in order (two problems in one message). */
export function problemsInParts(reading: MessageReading, kb: KnowledgeBase): string[] {
  const ids: string[] = [];
  for (const part of reading.parts) {
    const r = recognised(part.understanding, kb, PROBLEM_CONFIDENCE + 0.15);
    if (r?.target.kind === 'problem' && !ids.includes(r.target.id)) ids.push(r.target.id);
  }
  return ids;
}

/** The best FAQ of an understanding from a confidence, whatever its verdict (the floor decides). */
function faqFrom(u: Understanding | undefined, kb: KnowledgeBase, floor: number): string | undefined {
  const best = u?.best ?? u?.alternatives[0];
  if (!best || best.kind !== 'faq' || best.confidence < floor) return undefined;
  return targetOf(best, kb)?.kind === 'faq' ? best.id : undefined;
}

/** The FAQ the message asks, if any: with only FAQs competing when it reads as a question (`floor` for plain questions). */
export function askedFaq(reading: MessageReading, kb: KnowledgeBase, floor = FAQ_CONFIDENCE): string | undefined {
  const whole = recognised(reading.understanding, kb, FAQ_CONFIDENCE);
  // A statement torn between answers ("ok sent") asks none of them; a question is read again among answers only.
  if (whole?.target.kind === 'faq' && (reading.understanding.verdict === 'match' || reading.cues.question)) return whole.target.id;
  const asked = reading.asQuestion ? faqFrom(reading.asQuestion, kb, floor) : undefined;
  // Below the everyday floor, an answer the question shares no word with is a guess from its shape.
  return asked && (floor >= FAQ_CONFIDENCE || sharesContent(reading, kb, asked)) ? asked : undefined;
}

/** The FAQ a question asks with the everyday floor (a waiting traveller's "how long?" is about their case unless an FAQ fits well). */
export function askedFaqConfidently(reading: MessageReading, kb: KnowledgeBase): string | undefined {
  return reading.cues.question ? askedFaq(reading, kb, 0.6) : undefined;
}

// After an acknowledgement or two ("hm ok, and if I'm only running late?", "right, what about the car?").
const FOLLOW_UP_OPENINGS = /^(?:(?:hm+|ok|okay|oh|ah|right|alright|cool|great|thanks|thx|i see|got it)\s+){0,3}(?:and|but|or|also|so|what about|how about|what if|then)\b/;
/** Words that point back at the last answer ("can they send it to PayPal instead?", "is that a problem for a debit one?"). */
const POINTS_BACK = /\b(?:it|that|this|they|them|those|one|instead|too|either|also|still|then)\b/;

/** Whether a message opens as a follow-up ("and if I paid with PayPal?", "what about the late check-in?"). */
export function opensAsFollowUp(reading: MessageReading): boolean {
  return FOLLOW_UP_OPENINGS.test(reading.normalized);
}

/**
 * Whether a message reads as a follow-up to the last answer: it opens as one, or it is a short question;
 * either way in words the knowledge base uses ("what's the best pizza topping" follows up nothing).
 */
export function isFollowUp(reading: MessageReading): boolean {
  if ((reading.understanding.coverage ?? 0) < 0.5) return false;
  const words = reading.normalized.split(' ').length;
  return opensAsFollowUp(reading) || (reading.cues.question && (words <= 6 || (words <= 14 && POINTS_BACK.test(reading.normalized))));
}

/** A follow-up that asks the last question again for another case: "and if ...", "what if ...", "and with/for/by ...". */
const CONDITION_VARIANT = /^(?:(?:hm+|ok|okay|oh|ah|right|so)\s+){0,2}(?:(?:and|but|or)\s+)?(?:what if|what about if|if|with|for|by|via|using|in case)\b/;

/** A follow-up that asks a whole question of its own after "and" ("and can we drive it into canada?"). */
const OWN_QUESTION = /^(?:and|but|also|so|then|or)\s+(?:can|could|do|does|did|is|are|how|what|whats|when|where|will|would|should|may)\s+(?:i|we|you|they|it|he|she|my|our|the)\b/;

/** "And if ...", "and the car rental?", "apple pay, same thing?": the last question asked again for another case. */
function asksAgainFor(reading: MessageReading): boolean {
  const n = reading.normalized;
  // "And if my flight is delayed, do I need to tell them?" asks a question of its own after the condition.
  if (/\b(?:can|could|do|does|should|will|would|must|may)\s+(?:i|we|you|they|it)\b/.test(n)) return false;
  return CONDITION_VARIANT.test(n) || /\bsame (?:thing|for|with|goes)\b/.test(n) || (/^(?:and|or|what about|how about)\b/.test(n) && n.split(' ').length <= 5);
}

/** Whether the last answer stays the best, or within a little of it, when the follow-up is read with the question it follows. */
function sameAnswerHolds(reading: MessageReading, previous: { text: string; faqId: string }, nlu: Understander): boolean {
  const together = nlu.understand(`${previous.text} ${reading.text}`, { only: 'faq' });
  const candidates = [together.best, ...together.alternatives].filter((c) => !!c && c.kind === 'faq');
  const top = candidates[0]?.confidence ?? 0;
  const same = candidates.find((c) => c!.id === previous.faqId);
  return !!same && same.confidence >= 0.2 && top - same.confidence <= 0.05;
}

/** The FAQ a follow-up asks, read together with the question it follows. */
export function followUpFaq(reading: MessageReading, previous: { text: string; faqId: string }, nlu: Understander, kb: KnowledgeBase): string | undefined {
  // "And if I paid with PayPal?" after "how long do refunds take?": the same question for another case,
  // answered by the same entry when the two read together still point to it, however well another fits alone.
  // "And can we take it over to portugal for a day?" is a whole question of its own: read alone first.
  const own = OWN_QUESTION.test(reading.normalized) && reading.normalized.split(' ').length >= 5;
  const alone = askedFaq(reading, kb, own ? 0.4 : 0.6);
  // Unless another entry fits it well alone ("and klarna?" is about paying later).
  const clearlyOther = alone !== undefined && alone !== previous.faqId && (reading.asQuestion?.best?.confidence ?? 0) >= 0.75;
  if (!clearlyOther && asksAgainFor(reading) && sameAnswerHolds(reading, previous, nlu)) return previous.faqId;
  if (alone) return alone;
  // The same answer, or one of the same topic, is likelier.
  const topicOf = (id: string) => kb.faqs.find((f) => f.id === id)?.topic;
  const lastTopic = topicOf(previous.faqId);
  return faqReadWith(reading, previous.text, nlu, (id) => (id === previous.faqId ? 0.15 : lastTopic && topicOf(id) === lastTopic ? 0.1 : 0), 0.3);
}

/**
 * A question read alone and together with what it is said in (the question it follows, the problem being
 * walked through): the best FAQ over both readings, with a bonus per entry, from a floor.
 */
function faqReadWith(reading: MessageReading, context: string, nlu: Understander, bonus: (id: string) => number, floor: number): string | undefined {
  const scores = new Map<string, number>();
  for (const u of [reading.asQuestion ?? nlu.understand(reading.text, { only: 'faq' }), nlu.understand(`${context} ${reading.text}`, { only: 'faq' })]) {
    for (const c of [u.best, ...u.alternatives]) {
      if (!c || c.kind !== 'faq') continue;
      scores.set(c.id, Math.max(scores.get(c.id) ?? 0, c.confidence + bonus(c.id)));
    }
  }
  const [best] = [...scores].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= floor ? best[0] : undefined;
}

/** Product words of the FAQ tags, per product of a problem. */
const PRODUCT_TAGS: Record<string, string> = { hotel: 'hotels', rental: 'rentals', flight: 'flights', transfer: 'transfers', car: 'car-rental', tour: 'tours' };

/**
 * The FAQ a question asked in the middle of a recovery asks, read in the problem's context ("when would I
 * normally get the code?" while the host is silent is about key collection, not e-mails): an entry the
 * question fits well alone stands; otherwise the reading with the problem's title decides, entries about
 * the problem's product(s) a little ahead. Undefined when nothing fits.
 */
export function faqInProblem(reading: MessageReading, problem: Problem, nlu: Understander, kb: KnowledgeBase): string | undefined {
  const alone = askedFaq(reading, kb, 0.6);
  if (alone) return alone;
  const tags = problem.products.length <= 2 ? problem.products.map((p) => PRODUCT_TAGS[p]).filter(Boolean) : [];
  const tagsOf = (id: string) => kb.faqs.find((f) => f.id === id)?.tags ?? [];
  return faqReadWith(reading, problem.title, nlu, (id) => (tags.some((t) => tagsOf(id).includes(t)) ? 0.05 : 0), FAQ_FOR_QUESTION);
}

/** A wish in the traveller's words ("I just want ...", "we'd rather ...", "all I need is ..."). */
const WISH = /\b(?:(?:i|we)\s+(?:just\s+|only\s+|really\s+|still\s+)?(?:want|need|would like|d like|would rather|d rather|prefer|hope)|(?:id|wed|i'd|we'd)\s+(?:like|rather|prefer)|all (?:i|we) (?:want|need))\b/;

/** Whether the message says what the traveller wants ("I just want to be in London tonight", "id rather move it"). */
export function wishes(reading: MessageReading): boolean {
  return WISH.test(reading.normalized);
}

/** An outcome named without "I want" ("as much money back as possible", "a later flight the same day, or my money back"). */
const OUTCOME_NAMED = /\b(?:money back|refund|refunded|rebook|rebooked|rebooking|compensation|compensated|another (?:room|flight|date|day|car)|(?:later|earlier|next|new) flight|a new date|a voucher|credit instead)\b/;

/** Whether a short message, no question, names the outcome the traveller wants, with or without "I want". */
export function namesOutcome(reading: MessageReading): boolean {
  const words = reading.normalized.split(' ').length;
  return !reading.cues.question && words <= 14 && (wishes(reading) || (OUTCOME_NAMED.test(reading.normalized) && !reading.cues.failure && !reading.cues.notWorked));
}
