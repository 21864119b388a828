/**
 * Cues read from words near each other rather than from set phrases, in one pass over the words (linear):
 * asking for a person in many words ("can i speak to an actual human", "this bot is useless, agent pls"),
 * and a booking made outside the platform ("booked the flight back directly with the airline").
 */

const TALK = new Set(['speak', 'talk', 'chat', 'connect', 'transfer', 'reach', 'contact', 'hand', 'pass']);
const PEOPLE = new Set(['human', 'humans', 'person', 'people', 'agent', 'agents', 'someone', 'somebody', 'staff', 'employee', 'representative', 'rep', 'advisor', 'adviser', 'manager', 'operator', 'colleague', 'supervisor', 'support', 'team', 'customer']);

const ASKED_FOR = new Set(['human', 'agent', 'operator', 'representative', 'person', 'humans', 'agents']);
const TEAM = new Set(['human', 'agent', 'staff', 'colleague', 'representative', 'operator', 'manager', 'supervisor', 'advisor', 'adviser', 'rep', 'employee']);
const OURS = new Set(['a', 'an', 'your', 'real', 'actual', 'live']);
const WHO_ASKS = new Set(['are', 'is', 'am', 'r']);
const PLEASE = new Set(['please', 'pls', 'plz']);
const URGING = new Set([...PLEASE, 'now', 'asap']);
// "Are you a human?" asks who the bot is: "a" alone is no request.
const BEFORE_ASKED_FOR = new Set(['real', 'actual', 'live', 'proper']);
const CALL = new Set(['call', 'contact', 'ring', 'phone', 'email', 'text', 'message']);
const ASKING = new Set(['can', 'could', 'may', 'let', 'want', 'wanna', 'need', 'like', 'please', 'pls', 'id', 'rather', 'prefer', 'way', 'able', 'must', 'just']);

/**
 * "Can i speak to an actual human", "connect me to somebody": a talking word asked for (first, or after a word
 * that asks within three before it) and a person within five words after it; "we tried to speak to a person
 * at the counter" tells what happened.
 */
export function asksForSomeone(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!TALK.has(tokens[i])) continue;
    if (i > 0 && !tokens.slice(Math.max(0, i - 3), i).some((t) => ASKING.has(t))) continue;
    for (let j = i + 1; j <= i + 5 && j < tokens.length; j++) if (PEOPLE.has(tokens[j])) return true;
  }
  // "This bot is useless, agent please", "real human now": a person asked for in so many words.
  // "Are you a real person?" asks who is writing.
  for (let i = 0; i < tokens.length && !WHO_ASKS.has(tokens[0]); i++) {
    if (!ASKED_FOR.has(tokens[i])) continue;
    // "One person now" counts heads: a person is asked for with a please.
    const urged = tokens[i] === 'person' ? PLEASE.has(tokens[i + 1] ?? '') : URGING.has(tokens[i + 1] ?? '');
    if (urged || (i === tokens.length - 1 && BEFORE_ASKED_FOR.has(tokens[i - 1] ?? ''))) return true;
  }
  // "I need assistance from your staff", "can you get a colleague": a word that asks, then within four words
  // one of the team ("a", "your" or "real" before it: "can the staff at the hotel fix it" asks about the hotel's).
  for (let i = 0; i < tokens.length; i++) {
    if (!TEAM.has(tokens[i]) || !OURS.has(tokens[i - 1] ?? '')) continue;
    if (tokens.slice(Math.max(0, i - 5), i - 1).some((t) => ASKING.has(t) || t === 'get' || t === 'give' || t === 'have')) return true;
  }
  // "Can the support team contact me": a person, then within three words a way of reaching the traveller.
  for (let i = 0; i < tokens.length; i++) {
    if (!PEOPLE.has(tokens[i])) continue;
    for (let j = i + 1; j <= i + 3 && j + 1 < tokens.length; j++) if (CALL.has(tokens[j]) && tokens[j + 1] === 'me') return true;
  }
  return false;
}

const BOOKED = new Set(['booked', 'book', 'bought', 'purchased']);
const BOOKED_HOW = new Set(['directly', 'myself', 'elsewhere', 'separately', 'independently', 'privately', 'ourselves']);
const NOT_BOOKED = new Set(['didnt', 'not', 'never', 'havent', 'hasnt', 'wasnt']);
const BY_US = new Set(['you', 'here']);

/** "Booked the flight back directly with the airline": a booking word and, within five words after it, a word saying it was made elsewhere. */
export function bookedOutside(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!BOOKED.has(tokens[i])) continue;
    // "I didn't book that flight with you": a denied booking word and "you" or the platform after it.
    const denied = NOT_BOOKED.has(tokens[i - 1] ?? '');
    for (let j = i + 1; j <= i + 5 && j < tokens.length; j++) if (BOOKED_HOW.has(tokens[j]) || (denied && BY_US.has(tokens[j]))) return true;
  }
  return false;
}
