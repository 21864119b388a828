import { findCues, type MessageCues } from './cues';
import { extractEntities } from './entities';
import type { Entity, EntityContext } from './entities/types';
import { normalizeText } from './normalize';
import { analyseSentiment, type SentimentReading } from './sentiment';
import { findStakes, type StakesTag } from './stakes';
import type { Understanding, UnderstandOptions } from './types';

/** Anything that understands a text (the NluService, or an engine). */
export interface Understander {
  understand(text: string, options?: UnderstandOptions): Understanding;
}

/** One clause of a message that holds several (two problems in one message). */
export interface MessagePart {
  text: string;
  understanding: Understanding;
}

/**
 * Everything the understanding step reads from one message, once: the recognised intent or FAQ, the
 * dialogue-act cues, the entities with their spans, the sentiment and the stakes. Plain data: the
 * conversation layer decides what it means for the question the bot is waiting on.
 */
export interface MessageReading {
  /** The message as typed, trimmed and cut to MAX_MESSAGE_CHARS. */
  text: string;
  normalized: string;
  understanding: Understanding;
  /** The same message with only FAQ answers competing; set when it reads as a question. */
  asQuestion?: Understanding;
  cues: MessageCues;
  entities: Entity[];
  sentiment: SentimentReading;
  stakes: StakesTag[];
  /** The clauses, when the message holds more than one that the engine recognises on its own. */
  parts: MessagePart[];
  /** Nothing readable: no letters or digits, or only words nobody uses (keyboard mashing). */
  gibberish: boolean;
}

/** What reading a message needs besides the text. */
export interface ReadingContext extends EntityContext {
  /** The traveller's earlier messages, oldest first (repetition is a frustration cue). */
  previousTexts?: readonly string[];
  /** The knowledge base's frustration threshold. */
  frustrationThreshold?: number;
}

/** Longest message the understanding step reads; the rest is kept in the transcript but not read. */
export const MAX_MESSAGE_CHARS = 2000;
const MAX_PARTS = 4;
// Applied to text whose whitespace is collapsed to single spaces, so no pattern here can backtrack.
const PART_SPLIT = /[.!?;]+|, | (?:and also|also|plus|on top of that|as well as that|and another thing|another thing|and then|besides that|and separately|and|but|because|since) /i;

/** Reads one message: the one understanding step per message. */
export function readMessage(raw: string, nlu: Understander, ctx: ReadingContext): MessageReading {
  const text = raw.trim().slice(0, MAX_MESSAGE_CHARS);
  const normalized = normalizeText(text);
  const cues = findCues(text, normalized);
  const entities = extractEntities(text, ctx);
  // The intent is read without the values in it: "giulia.rossi@libero.it" or "WL-X119274" say nothing about what is wrong.
  const masked = maskEntities(text, entities);
  const understanding = nlu.understand(masked);
  return {
    text,
    normalized,
    understanding,
    ...(cues.question ? { asQuestion: nlu.understand(masked, { only: 'faq' }) } : {}),
    cues,
    entities,
    sentiment: analyseSentiment(text, ctx.previousTexts ?? [], { threshold: ctx.frustrationThreshold }),
    stakes: findStakes(normalized),
    parts: partsOf(masked, nlu),
    gibberish: isGibberish(text, normalized, understanding, entities),
  };
}

/** What a value is replaced by before the intent is read: the word it stands for ("AF1234" says "flight"), or nothing. */
const MASKS: Partial<Record<Entity['kind'], string>> = {
  bookingReference: '', email: '', phone: '', flightNumber: 'flight', amount: '', date: '', dateRange: '', name: '',
};

/** The text with values replaced by the word they stand for: "AF1234" -> "flight", "WL-X119274" -> "booking". */
function maskEntities(text: string, entities: readonly Entity[]): string {
  let out = '';
  let at = 0;
  for (const e of entities) {
    const mask = MASKS[e.kind];
    if (mask === undefined || e.start < at) continue;
    out += `${text.slice(at, e.start)} ${mask} `;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The clauses of a message with their own understanding, when there are at least two worth reading. */
function partsOf(text: string, nlu: Understander): MessagePart[] {
  const pieces = text.replace(/\s+/g, ' ').split(PART_SPLIT).map((p) => p.trim()).filter((p) => p.split(' ').length >= 3);
  if (pieces.length < 2) return [];
  return pieces.slice(0, MAX_PARTS).map((p) => lazyPart(p, nlu));
}

/** A clause understood only when a decision looks at it (a second problem, a clearer clause): most turns never do. */
function lazyPart(text: string, nlu: Understander): MessagePart {
  let understanding: Understanding | undefined;
  return {
    text,
    get understanding() {
      understanding ??= nlu.understand(text);
      return understanding;
    },
  };
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** A word typed by running a finger along a keyboard row ("asdf", "hjkl") or without any vowel ("xkcd", "jjjj"). */
function looksMashed(word: string): boolean {
  // A word with digits is a code ("JFKLH12345"), not mashing.
  if (/\d/.test(word)) return false;
  if (!/[aeiouy]/.test(word)) return word.length >= 3;
  let run = 1;
  for (let i = 1; i < word.length; i += 1) {
    const row = KEYBOARD_ROWS.find((r) => r.includes(word[i - 1]));
    run = row && Math.abs(row.indexOf(word[i]) - row.indexOf(word[i - 1])) === 1 && row.includes(word[i]) ? run + 1 : 1;
    if (run >= 4) return true;
  }
  return /(.)\1{3,}/.test(word) || /^(..)\1{2,}$/.test(word);
}

function isGibberish(text: string, normalized: string, u: Understanding, entities: Entity[]): boolean {
  if (entities.length > 0) return false;
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  const words = normalized.split(' ').filter(Boolean);
  if (words.length === 0) return true;
  if ((u.coverage ?? 1) > 0) return false;
  return words.every(looksMashed);
}
