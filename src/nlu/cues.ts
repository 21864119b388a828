/**
 * Dialogue-act cues: the words and shapes that tell a question from a report, an answer from feedback,
 * "I don't know" from "no". Phrases are matched on the normalised text (lower case, accents folded,
 * apostrophes joined: "didn't" is "didnt") as whole words, by substring search: linear in the length.
 * A few phrases are read with the words around them, in one pass over the words: a negation that scopes
 * over "it worked" denies it ("it's not fixed", "I never got my refund"), a negated failure word reassures
 * ("no problem at all"), "double" can name a room, "update" can ask for news, an opening auxiliary with no
 * subject after it is no question ("will do", "have a nice day").
 */

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

const phrases = (list: string): string[] => list.split('|').map((p) => p.trim()).filter(Boolean);

const QUESTION_OPENINGS = phrases(
  'is|are|does|do|can|could|will|would|should|shall|have|has|any|whos|wheres|whens|whys|hows|how|what|whats|when|where|wheres|why|which|who|whom|whose|can i|can we|can you tell|could i|could we|do i|do we|do you|does|did you|is it|is there|are there|is my|are my|will i|will my|will it|will the|would i|would it|should i|may i|am i|is the|are the|hows|whens|wanna know|i wonder|do you know|tell me how|tell me what|any idea',
);
const QUESTION_ANYWHERE = phrases(
  'how does|how do i|how do we|how can i|how can we|how long does|how long will|how much does|how much is|what do i|what should i|what can i|where do i|where can i|when do i|when will i|is it normal|is that normal|is this normal|is that a problem|is this a problem|is that ok|is that okay|am i allowed|do i need|do i have to|can i still|what are my|what i do|what do i do',
);
const HYPOTHETICAL = phrases(
  'if i|if we|if my|if the|if they|if it|if its|what if|what happens if|what happens when|in case|supposing|suppose i|suppose my|say i|say my|say we|say the|lets say|imagine|hypothetically|would i|would we|would they|will i get|do i get|can i still|is it possible|what do they do|what would happen',
);
const FAILURE = phrases(
  'twice|two times|2 times|cancelled|canceled|delayed|overbooked|bumped|missed my|missed the|left without me|came in late|not coming|isnt coming|hasnt come|no driver|not answering|not replying|hasnt replied|havent heard|no reply|no answer|wont let me|doesnt let me|not letting me|messed up|mixed up|didnt|did not|didn t|hasnt|has not|havent|have not|wasnt|werent|wont|cant|cannot|couldnt|isnt working|not working|doesnt work|not received|not arrived|no show|no one|nobody|nowhere|lost|stolen|missing|stuck|stranded|locked out|charged twice|double charged|charged me twice|cancelled my|canceled my|declined|refused|rejected|broken|still waiting|not there|isnt there|no reservation|no booking|not showing|disappeared',
);
const NOT_WORKED = phrases(
  'didnt work|did not work|doesnt work|does not work|not working|still not|still nothing|still no|still stuck|still waiting|still the same|still cant|still doesnt|same problem|same issue|same thing|no luck|no change|nothing happened|nothing changed|nothing yet|nothing so far|tried that|tried it|tried this|already tried|did that already|done that|didnt help|did not help|doesnt help|not helpful|no use|useless|no reply|no answer|no response|not yet|nope not|no good',
);
const WORKED = phrases(
  'that worked|it worked|worked|works now|working now|found it|found him|found her|found them|found the|got it|sorted|fixed|solved|resolved|all good|all set|perfect|problem solved|thats done|its there now|its fine now|it did|that did it|that helped|helped thanks|great thanks|got my|received it|arrived now|he is here|shes here|hes here|driver is here|they answered|they replied|im in now|were in now|got in now|im logged in|logged in now|can log in now|it let me in|let us in|were inside now',
);
const DONT_KNOW = phrases(
  'dont know|do not know|dunno|no idea|not sure|unsure|cant remember|cannot remember|dont remember|do not remember|forgot|forget it now|idk|no clue|havent a clue|not a clue|cant recall|no clue',
);
const DONT_HAVE = phrases(
  'dont have|do not have|dont got|havent got|have not got|havent|i have none|lost it|lost my|cant find it|cannot find it|cant find my|cannot find my|no reference|no booking number|no ref|no number|no email|no phone|dont have one|not got one|no i dont|none',
);
const SKIP = phrases('skip|pass|next question|doesnt matter|not relevant|n a|na|not applicable|no need|leave it|leave it blank');
// "nothing" or "none" answers a question the traveller passes on, unless it reports that nothing happened ("still nothing").
const WEAK_SKIP = phrases('none|nothing');
const CORRECTION = phrases('sorry|typo|i meant|i mean|meant to say|actually|correction|my bad|oops|whoops|no wait|wait no|not that|should be|should have been|its actually|it is actually|instead');
const ALREADY_SAID = phrases('already told|already said|already gave|already wrote|already sent|already typed|i told you|as i said|like i said|i said|i just said|i just told|i gave you|look above|see above|read above|scroll up');
const CHANGE = phrases('edit|correct the|fix the|thats wrong|that is wrong|its wrong|not right|not correct|incorrect|wrong date|wrong name|wrong number|wrong amount|wrong reference|wrong email');
const REPEATED = phrases(
  'third time|second time|fourth time|fifth time|3rd time|2nd time|4th time|again and again|once again|keep writing|keep asking|keep calling|been writing|been waiting for days|waiting for days|for days now|for weeks|still waiting|nobody answers|nobody replies|no one answers|no one replies|nobody gets back|no one gets back|every time|times already',
);

const REQUEST = phrases(
  'please|pls|plz|can you|could you|would you|will you|i want to|i wanna|i need to|i need you to|id like to|i would like to|i want you to|help me|go ahead|i have to|we need to|we want to|need to change|need to cancel|want to cancel|want to change',
);
const DECLINE_PERSON = phrases(
  'no need for a person|no need for a human|no need for an agent|no need for someone|dont need a person|dont need a human|dont need an agent|dont need anyone|dont want a person|dont want an agent|dont want a human|no person|no human|no agent|not a person|no thanks|no thank you|im fine|i am fine|keep going|lets continue|carry on|no need|try here first|try myself|ill try|on my own first|do it here|lets do it here|not yet|not now|not right now|maybe later|dont want to talk to anyone|dont want to talk to anybody|dont want to speak to anyone|dont need to talk to anyone|dont want anyone|do it myself|ill do it myself|ill sort it myself',
);

const PERSON = phrases(
  'actual person|connect me|put me through|pass me to|pass me on|transfer me|to an agent|with an agent|an agent please|can a human|can a person|a real human|speak w someone|talk w someone|someone please|please call me|can someone call|someone call me|someone now|a person now|get someone|get somebody|member of your team|someone from your team|somebody from your team|someone from the team|in touch with someone|in touch with somebody|put me in touch|deal with a human|with a human|to a human|a human being|a manager|your manager|to a manager|a supervisor|your supervisor|real person|real human|someone real|somebody real|not a bot|not another bot|not a robot|talk to someone|speak to someone|speak with someone|talk to somebody|speak to somebody|need someone now|i need someone|get me someone|someone from your team|one of your people|a live agent|call me back|someone to call me|can someone|could someone|can somebody|could somebody|anyone i can call|anyone i can talk to|anyone i can speak to|anybody i can call|someone i can call|someone i can talk to|can you call me|could you call me|ring me|phone me|deal with this for me|just deal with this|someone to deal with',
);
const BARE_WAITING = phrases('how long|how much longer');
const WAITING = phrases(
  'anything yet|anything new|any word|any progress|whats the status|what is the status|how much longer|how long till someone|how long until someone|how long before someone|how long will it take for someone|is someone coming|is anyone coming|anyone there|anybody there|is someone there|still waiting|when will someone|when is someone|how many people|ahead of me|in the queue|my place|where am i|any news|any update|heard anything|nobody will answer|no one will answer|anyone on|anybody on',
);
const STOP = phrases(
  'never mind|nevermind|nvm|forget it|forget about it|you can close this|you can close it|close this|close the case|cancel the request|no longer need|dont need it anymore|dont need help anymore|leave it for now|leave it there|ill try again later|try again later|ill come back|ill get back to you|not needed anymore|all sorted now|sorted it myself|fixed it myself',
);
const START_OVER = phrases('scrap that|scrap all that|scratch that|start again|start over|from scratch|different problem|another problem entirely|something else entirely|my real problem|thats not my problem|not what i meant at all');
const GOODBYE = phrases('bye|goodbye|bye bye|night night|good night|goodnight|see you|see ya|cya|take care|later');
const THANKS = phrases('thanks|thank you|thx|ty|cheers|ta|thank u|many thanks|much appreciated|appreciate it');

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
  const hypothetical = anyPhrase(padded, HYPOTHETICAL);
  const worked = workedReading(tokens);
  const notWorked = anyPhrase(padded, NOT_WORKED) || worked === 'denied';
  return {
    question: trimmed.endsWith('?') || /\?\s*["')\]]?\s*$/.test(trimmed.slice(-4)) || asksMidway(trimmed) || opensAsQuestion(padded, tokens) || anyPhrase(padded, QUESTION_ANYWHERE) || hypothetical,
    hypothetical,
    failure: anyPhrase(padded, FAILURE) || failureInContext(tokens),
    notWorked,
    worked: worked === 'said' && !notWorked,
    dontKnow: anyPhrase(padded, DONT_KNOW),
    dontHave: anyPhrase(padded, DONT_HAVE) || noneOfAThing(tokens),
    skip: anyPhrase(padded, SKIP) || (anyPhrase(padded, WEAK_SKIP) && !notWorked),
    correction: anyPhrase(padded, CORRECTION),
    alreadySaid: anyPhrase(padded, ALREADY_SAID),
    change: anyPhrase(padded, CHANGE) || changeInContext(tokens),
    repeatedContact: anyPhrase(padded, REPEATED),
    request: anyPhrase(padded, REQUEST),
    declinePerson: anyPhrase(padded, DECLINE_PERSON),
    person: anyPhrase(padded, PERSON),
    // "k how long?" alone asks how long the wait is; in a longer message "how long" asks about something else.
    waiting: anyPhrase(padded, WAITING) || (tokens.length <= 4 && anyPhrase(padded, BARE_WAITING)),
    thanks: anyPhrase(padded, THANKS),
    stop: anyPhrase(padded, STOP),
    startOver: anyPhrase(padded, START_OVER),
    goodbye: anyPhrase(padded, GOODBYE),
  };
}
