import { expect } from 'chai';
import type { Decision, DialogueAct, Pending } from '../../src/conversation/acts';
import { interpret, type Situation } from '../../src/conversation/interpret';
import { emptyMemory, remember, type ConversationMemory } from '../../src/conversation/memory';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import { createNluEngine, type SerializableNluEngine } from '../../src/nlu';
import { readMessage } from '../../src/nlu/reading';
import { context } from '../nlu/entities/context';
import { shippedKb } from '../helpers/shippedKb';

/** One traveller's message where the conversation stands, and what it must (and must not) be taken for. */
export interface Row {
  say: string;
  /** The problem being walked through (none: outside any walkthrough). */
  problem?: string;
  pending?: Pending;
  known?: Record<string, string>;
  /** The memory before the message (turns, the last answer, the last resolution). */
  memory?: Partial<ConversationMemory>;
  /** Messages in a row the bot could not place before this one. */
  unplaced?: number;
  /** A person offered by the bot and not answered yet. */
  offer?: Situation['offer'];
  /** Known facts the booking gave. */
  fromBooking?: string[];
  act?: DialogueAct;
  notAct?: DialogueAct;
  topic?: string;
  decision?: Partial<Decision>;
  notDecision?: Decision['kind'];
  /** The facts taken, by name. */
  facts?: string[];
}

/** The shipped knowledge base with its trained NLU, built once in a `before` hook of the calling suite. */
export interface ShippedReader {
  kb: KnowledgeBase;
  nlu: SerializableNluEngine;
}

/** Registers the `before` hook that builds the shipped reader; its fields are set once the hook has run. */
export function shippedReader(): ShippedReader {
  const reader = {} as ShippedReader;
  before(async () => {
    reader.kb = await shippedKb();
    reader.nlu = createNluEngine(reader.kb);
  });
  return reader;
}

/** The understanding step's verdict on a row. */
export function decide(reader: ShippedReader, row: Row) {
  const { kb, nlu } = reader;
  const reading = readMessage(row.say, nlu, context({ timeZone: 'Europe/Lisbon' }));
  const before: ConversationMemory = { ...emptyMemory(), ...row.memory };
  const situation: Situation = {
    pending: row.pending ?? { kind: 'nothing' },
    ...(row.problem ? { problem: kb.problems.find((p) => p.id === row.problem)! } : {}),
    known: row.known ?? {},
    memory: remember(before, reading),
    ...(row.unplaced !== undefined ? { unplaced: row.unplaced } : {}),
    ...(row.offer ? { offer: row.offer } : {}),
    ...(row.fromBooking ? { fromBooking: row.fromBooking } : {}),
  };
  return interpret(reading, situation, kb, nlu);
}

/** One `it` per row: `what` says what the message must be read as. */
export function checkRows(reader: ShippedReader, rows: Array<[string, Row]>): void {
  for (const [what, row] of rows) {
    it(`should read ${JSON.stringify(row.say)} as ${what}`, () => {
      const got = decide(reader, row);
      if (row.act) expect(got.act, 'act').to.equal(row.act);
      if (row.notAct) expect(got.act, 'act').not.to.equal(row.notAct);
      if (row.topic) expect(got.topic, 'topic').to.equal(row.topic);
      if (row.decision) expect(got.decision, 'decision').to.deep.include(row.decision);
      if (row.notDecision) expect(got.decision.kind, 'decision').not.to.equal(row.notDecision);
      if (row.facts) expect(got.facts.map((f) => f.name), 'facts').to.deep.equal(row.facts);
    });
  }
}
