import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import type { SubmitData } from '../bot/cards';
import type { Interpretation } from '../src/conversation/acts';
import { interpret, type Situation } from '../src/conversation/interpret';
import { emptyMemory, remember, restoreMemory, type ConversationMemory } from '../src/conversation/memory';
import { Voice } from '../src/conversation/replies';
import { emptyTrace, type TurnTrace } from '../src/conversation/trace';
import { readMessage, type MessageReading } from '../src/nlu/reading';
import { countryOfZone } from '../src/nlu/zoneCountry';
import type { DialogServices } from './services';

/** What the traveller did this turn: typed text (read once) or pressed a card button. */
export type TurnInput =
  | { kind: 'text'; text: string; reading: MessageReading }
  | { kind: 'submit'; data: SubmitData }
  | { kind: 'empty' };

const TURN = Symbol('rebound.conversationTurn');

function isSubmit(value: unknown): value is SubmitData {
  return !!value && typeof value === 'object' && typeof (value as { rebound?: unknown }).rebound === 'string';
}

/** The traveller's IANA time zone as the channel sends it (Web Chat, Teams), when it is a real one. */
function travellerZone(context: TurnContext): string | undefined {
  const zone = (context.activity as { localTimezone?: unknown }).localTimezone;
  if (typeof zone !== 'string' || zone.length > 64) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/**
 * One turn of the conversation, shared by every dialog that looks at it: the message read once (the
 * understanding step), the conversation's memory, the bot's voice (no sentence twice) and the turn's
 * trace. Created on first use and committed at the end of the turn (ReboundBot.run).
 */
export class ConversationTurn {
  private interpretation?: Interpretation;

  private constructor(
    readonly input: TurnInput,
    public memory: ConversationMemory,
    readonly voice: Voice,
    readonly trace: TurnTrace,
    private readonly services: DialogServices,
    private readonly accessor: StatePropertyAccessor<ConversationMemory>,
  ) {}

  /** The turn of this context (created and cached on first call). */
  static async of(context: TurnContext, services: DialogServices, accessor: StatePropertyAccessor<ConversationMemory>): Promise<ConversationTurn> {
    const cached = context.turnState.get(TURN) as ConversationTurn | undefined;
    if (cached) return cached;
    const kb = services.knowledge();
    let memory = restoreMemory(await accessor.get(context, emptyMemory()));
    const activity = context.activity;
    let input: TurnInput;
    if (isSubmit(activity.value)) input = { kind: 'submit', data: activity.value };
    else {
      // Teams puts "<at>Rebound</at>" in the text of channel messages; the NLU must not see it.
      const text = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '').trim();
      if (!text) input = { kind: 'empty' };
      else {
        const zone = travellerZone(context);
        const country = countryOfZone(zone);
        const reading = readMessage(text, services.nlu, {
          now: services.now(),
          timeZone: zone ?? kb.escalation.businessHours.timezone,
          ...(country ? { defaultCountry: country } : {}),
          referenceFormats: kb.platform.referenceFormats,
          knownNames: memory.names,
          previousTexts: memory.recent,
          frustrationThreshold: kb.escalation.frustrationThreshold,
        });
        memory = remember(memory, reading);
        input = { kind: 'text', text, reading };
      }
    }
    const conversationId = activity.conversation.id;
    const turn = new ConversationTurn(input, memory, new Voice(kb, memory, conversationId), emptyTrace(conversationId), services, accessor);
    context.turnState.set(TURN, turn);
    return turn;
  }

  /** The turn of this context, if one was started. */
  static current(context: TurnContext): ConversationTurn | undefined {
    return context.turnState.get(TURN) as ConversationTurn | undefined;
  }

  /** The reading of a typed message, else undefined. */
  get reading(): MessageReading | undefined {
    return this.input.kind === 'text' ? this.input.reading : undefined;
  }

  /** What the message means where the conversation stands (decided once per turn; recorded in the trace). */
  interpret(situation: Omit<Situation, 'memory'>): Interpretation | undefined {
    const reading = this.reading;
    if (!reading) return undefined;
    this.interpretation ??= interpret(reading, { ...situation, memory: this.memory }, this.services.knowledge(), this.services.nlu);
    const { act, topic, decision } = this.interpretation;
    const p = situation.pending;
    Object.assign(this.trace, { act, decision: decision.kind, pending: p.kind === 'fact' ? `fact:${p.name}` : p.kind, ...(topic ? { topic } : {}) });
    return this.interpretation;
  }

  /** Changes the memory for the rest of the turn (kept at commit). */
  update(change: (memory: ConversationMemory) => ConversationMemory): void {
    this.memory = change(this.memory);
  }

  /** Keeps the memory (with the variants said) in conversation state and reports the trace. */
  async commit(context: TurnContext): Promise<void> {
    await this.accessor.set(context, { ...this.memory, used: this.voice.used });
    await this.services.observeTurn?.(this.trace);
  }
}
