import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { createAccessors, ReboundBot } from '../../bot/reboundBot';
import { MainDialog } from '../../dialogs/mainDialog';
import type { RecoveryServices } from '../../dialogs/services';
import { CaseService } from '../../src/handoff';
import type { KnowledgeBase } from '../../src/knowledge/schema';
import { createNluEngine, NluService } from '../../src/nlu';
import { DemoPlatformGateway, type PlatformGateway } from '../../src/platform';
import { RecoveryEngine } from '../../src/recovery';
import { silentLogger } from '../../src/shared/logger';
import { loadKnowledgeBaseFromDir } from '../../src/storage/knowledgeFiles';
import { createFakeStores, type FakeStores } from '../fakes/fakeStores';
import { ManualClock } from '../fakes/manualClock';
import { SHIPPED_KB_DIR } from '../helpers/testApp';

/** The real dialogs on the shipped KB, fake stores, the demo platform and a manual clock (Monday 10:00 UTC). */
export interface DialogWorld {
  kb: KnowledgeBase;
  clock: ManualClock;
  stores: FakeStores;
  platform: PlatformGateway;
  /** A new conversation through botbuilder's TestAdapter. */
  conversation(): Conversation;
}

/** One conversation: each turn returns the bot's message replies. */
export class Conversation {
  readonly transcript: Array<Partial<Activity>> = [];
  constructor(readonly adapter: TestAdapter) {}

  /** The traveller types text. */
  say(text: string): Promise<Array<Partial<Activity>>> {
    return this.turn(text);
  }

  /** The traveller presses a button that posts `value`. */
  press(value: Record<string, unknown>): Promise<Array<Partial<Activity>>> {
    return this.turn({ type: 'message', value });
  }

  private async turn(activity: string | Partial<Activity>): Promise<Array<Partial<Activity>>> {
    await this.adapter.receiveActivity(activity);
    const replies = this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message' || a.type === 'event');
    this.transcript.push(...replies);
    return replies.filter((a) => a.type === 'message');
  }
}

let shared: Promise<{ kb: KnowledgeBase; nlu: NluService }> | undefined;

/** The shipped KB and an NLU trained on it, built once per test run (training takes a moment). */
function knowledge(): Promise<{ kb: KnowledgeBase; nlu: NluService }> {
  shared ??= loadKnowledgeBaseFromDir(SHIPPED_KB_DIR).then((loaded) => {
    if (!loaded.ok) throw new Error('the shipped KB does not load');
    return { kb: loaded.value, nlu: new NluService(createNluEngine(loaded.value)) };
  });
  return shared;
}

/** Builds the world the way bot/runtime.ts wires it, with TestAdapter in place of the CloudAdapter; `trusted`: who the turns are vouched for. */
export async function dialogWorld(platformOverride?: PlatformGateway, trusted: RecoveryServices['trusted'] = () => ({ platformUserId: 'dialog-traveller' })): Promise<DialogWorld> {
  const { kb, nlu } = await knowledge();
  const clock = new ManualClock('2026-03-02T10:00:00.000Z');
  const stores = createFakeStores(clock);
  const demo = new DemoPlatformGateway(stores.bookings, clock);
  await demo.seedIfEmpty();
  // The traveller is signed in on the platform and owns the sample bookings the tests mention (all of them).
  const base = platformOverride ?? demo;
  const platform: PlatformGateway = Object.assign(Object.create(base) as PlatformGateway, {
    bookingsOfUser: async () => (await stores.bookings.list()).map((r) => r.booking),
  });
  const cases = new CaseService(stores.cases, clock);
  const services: RecoveryServices = {
    understand: (text) => nlu.understand(text),
    nlu,
    knowledge: () => kb,
    logger: silentLogger,
    record: async (event) => {
      await stores.analytics.record({ ...event, at: clock.now().toISOString() });
    },
    recovery: new RecoveryEngine({ current: () => kb }, clock),
    cases,
    platform,
    trusted,
    now: () => clock.now(),
    owner: (context) => ({ conversationId: context.activity.conversation.id, userId: context.activity.from?.id ?? 'unknown', channelId: context.activity.channelId }),
    resolved: async (_context, caseId) => {
      await cases.resolveByBot(caseId, 'resolved with the bot; the traveller confirmed');
    },
  };
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const accessors = createAccessors(conversationState);
  const bot = new ReboundBot(services, conversationState, new UserState(storage), new MainDialog(services, accessors.memory), accessors.dialogState);
  let n = 0;
  return {
    kb,
    clock,
    stores,
    platform,
    conversation: () => {
      n += 1;
      const adapter = new TestAdapter(async (context) => bot.run(context));
      // TestAdapter names every conversation "Convo1": each of ours gets its own id, state and case.
      Object.assign(adapter.conversation.conversation, { id: `transcript-${n}`, name: `transcript-${n}` });
      return new Conversation(adapter);
    },
  };
}

/** The visible text of a reply: its text, else the card's summary. */
export function textOf(reply: Partial<Activity>): string {
  return reply.text ?? (reply as { summary?: string }).summary ?? '';
}

/** Every text of a card reply (TextBlocks, FactSets, nested containers), for assertions on what the card shows. */
export function cardText(reply: Partial<Activity>): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string' && typeof o.value === 'string') out.push(`${o.title}: ${o.value}`);
    if (o.type === 'Action.Submit' && typeof o.title === 'string') out.push(o.title);
    Object.values(o).forEach(walk);
  };
  walk(reply.attachments?.map((a) => a.content));
  return [textOf(reply), ...out].join('\n');
}

/** The Action.Submit buttons of a reply: title and posted data. */
export function buttonsOf(reply: Partial<Activity>): Array<{ title: string; data: Record<string, unknown> }> {
  return (reply.attachments ?? []).flatMap((a) => ((a.content as { actions?: Array<{ type: string; title: string; data: Record<string, unknown> }> })?.actions ?? []).filter((x) => x.type === 'Action.Submit'));
}
