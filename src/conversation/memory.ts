import type { Entity, EntityKind } from '../nlu/entities/types';
import type { MessageReading } from '../nlu/reading';
import type { StakesTag } from '../nlu/stakes';
import { saidAsDirection } from '../nlu/entities';

/** A value the traveller mentioned in some turn (a reference, a date, an amount...). */
export interface Mention {
  kind: EntityKind;
  value: string;
  raw: string;
  turn: number;
  alternative?: string;
}

/**
 * What the conversation remembers across turns and dialogs (plain JSON in conversation state): what the
 * traveller mentioned, the stakes seen, the last answer given (for follow-ups), problems waiting their
 * turn, and the reply variants already used (no stock sentence twice).
 */
export interface ConversationMemory {
  version: 1;
  /** Messages read so far. */
  turn: number;
  /** Values mentioned, oldest first (bounded). */
  mentions: Mention[];
  /** Signs of high stakes seen in reports and answers (not in plain questions). */
  stakes: StakesTag[];
  /** The FAQ answered last, with the question asked, for "and if ...?" and "that didn't work". */
  lastAnswer?: { faqId: string; text: string; turn: number };
  /** The problem the bot resolved last, with its case, for "it didn't work after all". */
  lastResolved?: { caseId: string; problemId: string; turn: number };
  /** Further problems reported while one was in progress, offered when it is done. */
  queuedProblems: string[];
  /** Reply variants used in this conversation: "<key>#<index>". */
  used: string[];
  /** The traveller's last messages (repetition is a frustration cue). */
  recent: string[];
  /** Consecutive messages the bot could not place (nonsense is not counted). */
  misunderstandings: number;
  /** Names on the bookings found in this conversation (recognised anywhere in later messages). */
  names: string[];
}

const MAX_MENTIONS = 40;
const MAX_RECENT = 5;
const MAX_USED = 200;
const MAX_QUEUED = 10;

// Every stakes tag, checked against the union by the compiler: a stored tag outside it is dropped, not passed on as a priority reason.
const STAKES_TAGS: Readonly<Record<StakesTag, true>> = { minors: true, alone: true, night: true, safety: true, medical: true, stranded: true, vulnerable: true };
const isStakesTag = (x: unknown): x is StakesTag => typeof x === 'string' && Object.hasOwn(STAKES_TAGS, x);

const isMention = (x: unknown): x is Mention => {
  const v = x as Partial<Mention> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.kind === 'string' && typeof v.value === 'string' && typeof v.raw === 'string' &&
    typeof v.turn === 'number' && Number.isInteger(v.turn) && (v.alternative === undefined || typeof v.alternative === 'string')
  );
};

// Follow-ups read all three fields ("undefined ..." otherwise), so a last answer missing one is forgotten whole.
const isLastAnswer = (x: unknown): x is NonNullable<ConversationMemory['lastAnswer']> => {
  const v = x as Partial<NonNullable<ConversationMemory['lastAnswer']>> | null;
  return typeof v === 'object' && v !== null && typeof v.faqId === 'string' && typeof v.text === 'string' && typeof v.turn === 'number';
};

const isLastResolved = (x: unknown): x is NonNullable<ConversationMemory['lastResolved']> => {
  const v = x as Partial<NonNullable<ConversationMemory['lastResolved']>> | null;
  return typeof v === 'object' && v !== null && typeof v.caseId === 'string' && typeof v.problemId === 'string' && typeof v.turn === 'number' && Number.isInteger(v.turn);
};

/** A memory with nothing in it yet. */
export function emptyMemory(): ConversationMemory {
  return { version: 1, turn: 0, mentions: [], stakes: [], queuedProblems: [], used: [], recent: [], misunderstandings: 0, names: [] };
}

/** A stored memory made safe to use: anything missing or malformed is reset, never trusted. */
export function restoreMemory(stored: unknown): ConversationMemory {
  const m = stored as Partial<ConversationMemory> | null | undefined;
  if (!m || typeof m !== 'object' || m.version !== 1) return emptyMemory();
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
  return {
    version: 1,
    turn: typeof m.turn === 'number' ? m.turn : 0,
    mentions: list<unknown>(m.mentions).filter(isMention).slice(-MAX_MENTIONS),
    // Each known tag once: bounded by the size of the union.
    stakes: [...new Set(list<unknown>(m.stakes).filter(isStakesTag))],
    ...(isLastAnswer(m.lastAnswer) ? { lastAnswer: { faqId: m.lastAnswer.faqId, text: m.lastAnswer.text, turn: m.lastAnswer.turn } } : {}),
    ...(isLastResolved(m.lastResolved) ? { lastResolved: { caseId: m.lastResolved.caseId, problemId: m.lastResolved.problemId, turn: m.lastResolved.turn } } : {}),
    // A queue: the oldest are offered next, so those are the ones kept.
    queuedProblems: [...new Set(list<unknown>(m.queuedProblems).filter((x): x is string => typeof x === 'string'))].slice(0, MAX_QUEUED),
    used: list<string>(m.used).filter((x) => typeof x === 'string').slice(-MAX_USED),
    recent: list<string>(m.recent).filter((x) => typeof x === 'string').slice(-MAX_RECENT),
    misunderstandings: typeof m.misunderstandings === 'number' ? m.misunderstandings : 0,
    names: list<string>(m.names).filter((x) => typeof x === 'string').slice(-10),
  };
}

function mentionOf(e: Entity, turn: number): Mention {
  return { kind: e.kind, value: e.value, raw: e.raw, turn, ...(e.alternative ? { alternative: e.alternative } : {}) };
}

/** The memory after reading one message: its mentions, its stakes (unless it only asks a question), the message itself. */
export function remember(memory: ConversationMemory, reading: MessageReading): ConversationMemory {
  const turn = memory.turn + 1;
  const asking = reading.cues.question && !reading.cues.failure;
  const stakes = asking ? memory.stakes : [...new Set([...memory.stakes, ...reading.stakes])];
  return {
    ...memory,
    turn,
    // An airport said as where the traveller goes or comes from ("missed KL1007 to heathrow") is not where they are.
    mentions: [...memory.mentions, ...reading.entities.filter((e) => e.kind !== 'airport' || !saidAsDirection(reading.text, e.start)).map((e) => mentionOf(e, turn))].slice(-MAX_MENTIONS),
    stakes,
    recent: [...memory.recent, reading.text].slice(-MAX_RECENT),
  };
}

/** The most recent mention of a kind (the current message's included), or undefined. */
export function lastMention(memory: ConversationMemory, kind: EntityKind): Mention | undefined {
  for (let i = memory.mentions.length - 1; i >= 0; i -= 1) if (memory.mentions[i].kind === kind) return memory.mentions[i];
  return undefined;
}

/** The memory with a reply variant marked as used. */
export function markUsed(memory: ConversationMemory, id: string): ConversationMemory {
  return memory.used.includes(id) ? memory : { ...memory, used: [...memory.used, id].slice(-MAX_USED) };
}
