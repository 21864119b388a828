import { boundedEditDistance } from './editDistance';

/**
 * What raises the stakes of a message (domain brief: hand off when stranded at night, unsafe, money
 * lost): children, being alone, night, danger, a medical need, being locked out or with nowhere to go.
 * Each sign is a tag the knowledge base's escalation rules can name as high-stakes. Matched as whole
 * words on the normalised text, one pass over its words with a few words of context either side of a
 * sign (its sense: "ill" after "is" but not "I'll", freezing people but not a freezing app): linear in
 * its length, no regular expressions.
 */

/** A sign of high stakes in a message. */
export type StakesTag = 'minors' | 'alone' | 'night' | 'safety' | 'medical' | 'stranded' | 'vulnerable';

const set = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** When a sign word means something else, read from the words around it. */
interface Sense {
  /** The sign only when the word just before is one of these ("is ill", "feel ill"; not "I'll" typed "ill"). */
  onlyAfter?: ReadonlySet<string>;
  /** Another sense when one of these is the nearest word before, past the words in `through` ("the app keeps freezing"). */
  notAfter?: ReadonlySet<string>;
  /** Words looked through when looking back for `notAfter` ("the room is so cold"). */
  through?: ReadonlySet<string>;
  /** Another sense when one of these is among the next `ahead` words ("locked out of my account", "a minor issue"). */
  notBefore?: ReadonlySet<string>;
  ahead?: number;
  /** Idioms that follow the word ("sick of", "sick and tired"). */
  idioms?: ReadonlyArray<readonly string[]>;
  /** A negation before it cancels it ("nobody is hurt", "not an emergency"). */
  negatable?: boolean;
}

// Copulas, degree words and determiners that make "ill" the adjective: "is ill", "fell ill", "very ill", "an ill child".
const ILL_AFTER = set('is are am im was were be been being feel feels feeling felt fell falls falling fallen got get gets getting gotten become becomes became becoming very so really seriously quite too gravely critically terribly mentally chronically terminally severely violently pretty bit little looks look looking seems seem seemed hes shes theyre all both taken badly still also now an');
// What follows "I'll": "so I'll wait", "now I'll try" (after a word that would otherwise make it the adjective).
const AFTER_I_WILL = set('be wait try just have do call go check take get see let ask book pay look keep stay come need send give write contact talk speak leave use tell find make probably also still never definitely gladly pick walk hold email text update cancel change rebook head grab sort deal manage sit sleep message reply answer say put buy order drive meet share upload forward phone ring read follow stick hang return report complain remember think accept pass');
// Things that are cold or freeze without anyone being out in the cold: rooms, food and water, apps and devices.
const COLD_THINGS = set('room rooms bedroom shower showers water food breakfast dinner lunch meal meals coffee tea pool bath radiator radiators heating heater aircon ac air conditioning towel towels pizza soup drink drinks milk apartment flat house villa cabin app apps screen page site website phone laptop computer browser system keeps keep kept');
const COLD_THROUGH = set('is are was were its so really very too absolutely bloody literally still always just a bit little quite pretty extremely super completely totally');
// Online and money things one is locked out of, or that a bank freezes: not being stranded.
const ONLINE = set('account accounts app profile login log email inbox site website portal online password system phone laptop computer booking card cards payment funds money');
// "a minor issue": minor as small, not a child.
const SMALL_THINGS = set('issue issues problem problems thing things change changes detail details question questions inconvenience delay delays error errors typo typos mistake mistakes glitch glitches bug bugs damage scratch scratches dent fix correction update adjustment point concern complaint difference discrepancy injury injuries cut cuts fee charge amount query request matter hiccup snag setback annoyance edit one');
const DEGREE = set('very quite relatively pretty fairly rather only is was its seems seemed');
// "I'm afraid I have to cancel": the polite idiom, followed by what the traveller regrets.
const AFRAID_IDIOM = set('i we you they he she it its this that the my our your there theres so not');
const NEGATION_THROUGH = set('is are was were been be being got get a an at all really seriously badly feeling');
const NEGATABLE: Sense = { negatable: true };

const SIGNS: ReadonlyArray<readonly [StakesTag, readonly string[]]> = [
  ['minors', ['kids', 'kid', 'children', 'child', 'baby', 'babies', 'toddler', 'toddlers', 'infant', 'my son', 'my daughter', 'my little', 'little ones', 'newborn', 'my boy', 'my girl', 'teenager', 'minor', 'minors']],
  ['alone', ['alone', 'on my own', 'by myself', 'nobody with me', 'travelling solo', 'traveling solo', 'no one with me']],
  ['night', ['at night', 'tonight', 'midnight', 'middle of the night', 'its dark', 'getting dark', 'in the dark', 'night time', 'nighttime', '1am', '2am', '3am', '4am', '5am', '1 am', '2 am', '3 am', '4 am', '11pm', '11 pm', 'late at night', 'all night']],
  ['safety', ['unsafe', 'not safe', 'scared', 'afraid', 'frightened', 'danger', 'dangerous', 'threatened', 'threatening', 'harassed', 'harassing', 'following me', 'attacked', 'robbed', 'police', 'emergency', 'sketchy', 'dodgy area']],
  ['medical', ['hospital', 'injured', 'injury', 'hurt', 'bleeding', 'ambulance', 'doctor', 'sick', 'ill', 'fever', 'medication', 'medicine', 'insulin', 'pregnant', 'asthma', 'allergic', 'fainted', 'diabetic', 'seizure']],
  ['stranded', ['stranded', 'nowhere to sleep', 'nowhere to stay', 'nowhere to go', 'on the street', 'in the street', 'sleeping at the airport', 'sleep at the airport', 'locked out', 'cant get in', 'cannot get in', 'cant get into', 'cannot get into', 'no way in', 'stuck outside', 'outside in the cold', 'freezing', 'cold outside', 'are cold', 'is cold', 'so cold', 'in the rain', 'no place to stay', 'homeless']],
  ['vulnerable', ['wheelchair', 'disabled', 'disability', 'elderly', 'my grandmother', 'my grandfather', 'my grandma', 'my grandpa', 'old parents', 'my mother is 8', 'blind', 'deaf']],
];

const COLD: Sense = { notAfter: COLD_THINGS, through: COLD_THROUGH };
const SENSES: ReadonlyMap<string, Sense> = new Map<string, Sense>([
  ['ill', { onlyAfter: ILL_AFTER, notBefore: AFTER_I_WILL, ahead: 1, negatable: true }],
  ['sick', { idioms: [['of'], ['and', 'tired'], ['to', 'death'], ['to', 'the', 'back']], negatable: true }],
  ['hurt', NEGATABLE],
  ['injured', NEGATABLE],
  ['bleeding', NEGATABLE],
  ['emergency', NEGATABLE],
  ['afraid', { notBefore: AFRAID_IDIOM, ahead: 1, negatable: true }],
  ['scared', NEGATABLE],
  ['minor', { notBefore: SMALL_THINGS, ahead: 1, notAfter: DEGREE }],
  ['freezing', { ...COLD, notBefore: ONLINE, ahead: 2, idioms: [['up']] }],
  ['is cold', COLD],
  ['are cold', COLD],
  ['so cold', COLD],
  ['locked out', { notBefore: ONLINE, ahead: 4 }],
  ['cant get in', { notBefore: ONLINE, ahead: 3 }],
  ['cannot get in', { notBefore: ONLINE, ahead: 3 }],
  ['cant get into', { notBefore: ONLINE, ahead: 3 }],
  ['cannot get into', { notBefore: ONLINE, ahead: 3 }],
  ['no way in', { notBefore: ONLINE, ahead: 3 }],
]);

interface Sign {
  tag: StakesTag;
  words: readonly string[];
  /** The words after the first. */
  rest: readonly string[];
  sense?: Sense;
}

// Signs by their first word, so one pass over the message's words finds them all.
const BY_FIRST_WORD = new Map<string, Sign[]>();
for (const [tag, phrases] of SIGNS) {
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const sign: Sign = { tag, words, rest: words.slice(1), sense: SENSES.get(phrase) };
    BY_FIRST_WORD.set(words[0], [...(BY_FIRST_WORD.get(words[0]) ?? []), sign]);
  }
}
const TAG_ORDER = SIGNS.map(([tag]) => tag);

// Real words one typo away from a warning word: read as themselves ("insured" is not "injured").
const NEAR_MISSES = set('sacred abby insured inured breeding blending mediation meditation freeing hopeless attached emergence disable sketch seeping sweeping patents oslo');
const VOCABULARY = new Set([...BY_FIRST_WORD.values()].flat().flatMap((s) => s.words).filter((w) => /^[a-z]{4,}$/.test(w)));
const LONG_WORDS = [...VOCABULARY].filter((w) => w.length >= 7);
const MAX_TYPO_LENGTH = 16;

/**
 * The warning word a typo stands for, or the word itself: two swapped letters in a word of four letters
 * or more ("chlid", "kdis"), or one edit that keeps the first letter in a word of seven or more
 * ("chidlren", "strandd", "daughters"). Bounded: a word is compared with a few dozen short words at most.
 */
function warningWord(word: string): string {
  if (word.length < 4 || word.length > MAX_TYPO_LENGTH || VOCABULARY.has(word) || NEAR_MISSES.has(word)) return word;
  for (let i = 0; i + 1 < word.length; i += 1) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (VOCABULARY.has(swapped)) return swapped;
  }
  if (word.length < 6) return word;
  for (const known of LONG_WORDS) {
    if (known[0] === word[0] && boundedEditDistance(word, known, 1) === 1) return known;
  }
  return word;
}

function isNegation(words: readonly string[], at: number): boolean {
  const w = words[at];
  if (w === 'one') return words[at - 1] === 'no';
  return w === 'not' || w === 'no' || w === 'never' || w === 'nobody' || w === 'noone' || w === 'isnt' || w === 'arent' || w === 'wasnt' || w === 'werent' || w === 'aint';
}

/** Whether the nearest word before `start` passes `test`, looking back through up to three words of `through`. */
function nearestBefore(words: readonly string[], start: number, through: ReadonlySet<string> | undefined, test: (at: number) => boolean): boolean {
  for (let at = start - 1; at >= 0 && at >= start - 4; at -= 1) {
    if (test(at)) return true;
    if (!through?.has(words[at])) return false;
  }
  return false;
}

function followedBy(words: readonly string[], end: number, idiom: readonly string[]): boolean {
  return idiom.every((w, k) => words[end + k] === w);
}

/** Whether the sign found at words[start..end) is meant in its high-stakes sense. */
function meant(words: readonly string[], start: number, end: number, sense: Sense | undefined): boolean {
  if (!sense) return true;
  if (sense.onlyAfter && !sense.onlyAfter.has(words[start - 1])) return false;
  const { notAfter } = sense;
  if (notAfter && nearestBefore(words, start, sense.through, (at) => notAfter.has(words[at]))) return false;
  if (sense.notBefore) {
    for (let at = end; at < end + (sense.ahead ?? 1) && at < words.length; at += 1) if (sense.notBefore.has(words[at])) return false;
  }
  if (sense.idioms?.some((idiom) => followedBy(words, end, idiom))) return false;
  if (sense.negatable && nearestBefore(words, start, NEGATION_THROUGH, (at) => isNegation(words, at))) return false;
  return true;
}

/** The stakes tags a message shows, in a fixed order, each once. */
export function findStakes(normalized: string): StakesTag[] {
  const words = normalized.split(' ').map(warningWord);
  const found = new Set<StakesTag>();
  for (let i = 0; i < words.length; i += 1) {
    for (const sign of BY_FIRST_WORD.get(words[i]) ?? []) {
      if (found.has(sign.tag) || !followedBy(words, i + 1, sign.rest)) continue;
      if (meant(words, i, i + sign.words.length, sign.sense)) found.add(sign.tag);
    }
  }
  return TAG_ORDER.filter((tag) => found.has(tag));
}

/** Whether the tags make a message urgent on their own: danger or a medical need, or children or being alone with being stranded or the night. */
export function isUrgent(tags: readonly StakesTag[]): boolean {
  const has = (t: StakesTag) => tags.includes(t);
  if (has('safety') || has('medical')) return true;
  const exposed = has('stranded') || has('night');
  return exposed && (has('minors') || has('alone') || has('vulnerable') || (has('stranded') && has('night')));
}
