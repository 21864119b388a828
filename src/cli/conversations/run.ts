import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../../app';
import type { Config } from '../../config';
import type { TurnTrace } from '../../conversation/trace';
import { durationMs, type TestTurn } from '../../knowledge/conversationTests';
import { createStores } from '../../storage';
import { DemoPlatformGateway } from '../../platform';
import { silentLogger } from '../../shared/logger';
import { checkTurn, type TurnCheck } from './check';
import type { LoadedConversation } from './load';
import { buttonsOf, unfilledPlaceholders, visibleText, type ReplyActivity } from './replies';

/** When a conversation starts unless it says: Monday 2 March 2026, 10:30 in Paris (the demo bookings are dated from it). */
export const DEFAULT_START = '2026-03-02T09:30:00Z';
const DEFAULT_ZONE = 'Europe/Paris';
const DEFAULT_GAP = 60_000;
/** The platform user the evaluation signs in as (vouched by the harness, as a platform's backend would). */
const EVAL_TRAVELLER = 'eval-traveller';

/** A clock the runner moves: each conversation starts at its own time, each turn a little later. */
class RunnerClock {
  private at = Date.parse(DEFAULT_START);
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/** One turn as run: what was sent, what came back, what it did, and its checks. */
export interface TurnRun {
  index: number;
  turn: TestTurn;
  replies: string[];
  trace?: TurnTrace;
  check: TurnCheck;
  /** Facts the bot asked for although the traveller had given them or the booking held them. */
  askedAgain: string[];
  placeholders: string[];
  /** The bot asked to rephrase where no rephrase was expected. */
  unexpectedFallback: boolean;
  error?: string;
}

/** One conversation as run. */
export interface ConversationRun {
  loaded: LoadedConversation;
  turns: TurnRun[];
  handoffDue: number;
  handoffDone: number;
  /** A handoff happened in a conversation where none was due. */
  unwantedHandoff: boolean;
}

/** Runs conversation tests in process against a whole Rebound app (the same path as POST /api/messages). */
export class ConversationRunner {
  private constructor(
    private readonly app: App,
    private readonly clock: RunnerClock,
    private readonly traces: TurnTrace[],
    private readonly signedIn: Set<string>,
  ) {}

  /** Builds the app on the knowledge base in `config.KB_DIR`, with in-memory storage and the demo platform. */
  static async start(config: Config): Promise<ConversationRunner> {
    const clock = new RunnerClock();
    const traces: TurnTrace[] = [];
    const stores = await createStores({ dataDir: ':memory:' }, { clock, logger: silentLogger });
    const demo = new DemoPlatformGateway(stores.bookings, clock);
    await demo.seedIfEmpty();
    const signedIn = new Set<string>();
    // The realistic embedded setting: the platform vouches for a signed-in traveller who owns the sample bookings
    // the tests mention (all of them); a conversation marked `traveller: anonymous` proves ownership itself.
    const platform = Object.assign(Object.create(demo) as DemoPlatformGateway, {
      bookingsOfUser: async (userId: string) => (userId === EVAL_TRAVELLER ? (await stores.bookings.list()).map((r) => r.booking) : demo.bookingsOfUser(userId)),
    });
    const trustedOf = (activity: { conversation: { id: string } }) => ({
      clientKey: activity.conversation.id,
      ...(signedIn.has(activity.conversation.id) ? { platformUserId: EVAL_TRAVELLER } : {}),
    });
    const app = await createApp(config, { logger: silentLogger, clock, stores, platform, trustedOf, observeTurn: (t) => void traces.push(t) });
    return new ConversationRunner(app, clock, traces, signedIn);
  }

  /** Stops the app. */
  stop(): Promise<void> {
    return this.app.stop();
  }

  /** Runs one conversation from its first turn. */
  async run(loaded: LoadedConversation): Promise<ConversationRun> {
    const c = loaded.conversation;
    this.clock.set(c.at ?? DEFAULT_START);
    const conversationId = `eval-${c.id}-${randomUUID().slice(0, 8)}`;
    if (c.traveller !== 'anonymous') this.signedIn.add(conversationId);
    const given = new Set<string>();
    let lastReplies: ReplyActivity[] = [];
    const turns: TurnRun[] = [];
    for (const [index, turn] of c.turns.entries()) {
      if (index > 0) this.clock.advance(turn.after ? durationMs(turn.after) : DEFAULT_GAP);
      const run = await this.turn(conversationId, c.timezone ?? DEFAULT_ZONE, turn, index, lastReplies, given);
      lastReplies = run.activities;
      turns.push(run.result);
    }
    const due = turns.filter((t) => t.turn.expect?.handoff === true);
    return {
      loaded,
      turns,
      handoffDue: due.length,
      handoffDone: due.filter((t) => t.trace?.handoff).length,
      unwantedHandoff: due.length === 0 && turns.some((t) => t.trace?.handoff),
    };
  }

  private async turn(conversationId: string, timeZone: string, turn: TestTurn, index: number, last: ReplyActivity[], given: Set<string>): Promise<{ result: TurnRun; activities: ReplyActivity[] }> {
    const base = { index, turn, replies: [] as string[], askedAgain: [] as string[], placeholders: [] as string[], unexpectedFallback: false };
    let value: unknown;
    if (turn.press !== undefined) {
      const button = buttonsOf(last).find((b) => b.title.toLowerCase().includes(turn.press!.toLowerCase()));
      if (!button) {
        const error = `no button "${turn.press}" among ${buttonsOf(last).map((b) => b.title).join(', ') || 'none'}`;
        return { result: { ...base, check: { failures: [error], ...(turn.expect?.act || turn.expect?.topic ? { understood: false } : {}) }, error }, activities: last };
      }
      value = button.data;
    }
    this.traces.length = 0;
    const activity = {
      type: 'message',
      id: randomUUID(),
      channelId: 'eval',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      timestamp: this.clock.now().toISOString(),
      localTimezone: timeZone,
      conversation: { id: conversationId },
      from: { id: `traveller-${conversationId}`, name: 'Traveller' },
      recipient: { id: 'rebound', name: 'Rebound' },
      ...(turn.say !== undefined ? { text: turn.say } : { value }),
    };
    const answer = await this.app.bot.processActivity('', activity);
    const activities = ((answer.body as { activities?: ReplyActivity[] } | undefined)?.activities ?? []).filter((a) => a.type === 'message');
    const replies = activities.map(visibleText);
    const text = replies.join('\n');
    const trace = this.traces.at(-1);
    const active = await this.app.stores.cases.findActiveByConversation(conversationId);
    const check = checkTurn(turn.expect, { ...(trace ? { trace } : {}), text, ...(active ? { priority: active.priority } : {}) });
    const askedAgain = (trace?.factsAsked ?? []).filter((name) => given.has(name));
    for (const name of Object.keys(turn.expect?.facts ?? {})) given.add(name);
    for (const name of trace?.bookingFacts ?? []) given.add(name);
    const result: TurnRun = {
      ...base,
      replies,
      ...(trace ? { trace } : {}),
      check,
      askedAgain,
      placeholders: unfilledPlaceholders(text),
      unexpectedFallback: !!trace?.fallback && turn.expect?.fallback !== true,
    };
    return { result, activities };
  }
}
