import { RecoveryEngine, type EngineResult, type RecoveryAction, type RecoveryInput, type RecoverySession } from '../../src/recovery';
import { ManualClock } from '../fakes/manualClock';
import { fixtureKnowledge } from '../fixtures/recovery/kb';

/** An engine over the fixture KB with a manual clock at 2026-03-01 09:00 UTC. */
export function makeEngine(): { engine: RecoveryEngine; clock: ManualClock } {
  const clock = new ManualClock('2026-03-01T09:00:00.000Z');
  return { engine: new RecoveryEngine(fixtureKnowledge, clock), clock };
}

/** Feeds inputs one after the other; returns the last result. */
export function feed(engine: RecoveryEngine, session: RecoverySession, inputs: RecoveryInput[]): EngineResult<RecoverySession> {
  let result: EngineResult<RecoverySession> = { session, actions: [] };
  for (const input of inputs) result = engine.next(result.session, input);
  return result;
}

/** The kinds of a list of actions, for compact assertions. */
export const kinds = (actions: RecoveryAction[]): string[] => actions.map((a) => a.kind);

/** The one action of a kind, typed. */
export function only<K extends RecoveryAction['kind']>(actions: RecoveryAction[], kind: K): Extract<RecoveryAction, { kind: K }> {
  const found = actions.filter((a) => a.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} action, got [${kinds(actions).join(', ')}]`);
  return found[0] as Extract<RecoveryAction, { kind: K }>;
}

/** The inputs that take booking_not_found through its facts to the first step. */
export const bookingNotFoundFacts: RecoveryInput[] = [
  { kind: 'fact_provided', name: 'bookingReference', value: 'wlh482913' },
  { kind: 'fact_provided', name: 'email', value: 'anna@gmail.com' },
  { kind: 'fact_skipped', name: 'phone' },
  { kind: 'facts_confirmed' },
  { kind: 'wished_outcome', text: 'Find my booking' },
];

/** The inputs that take double_charge through its facts to the first step. */
export const doubleChargeFacts: RecoveryInput[] = [
  { kind: 'fact_provided', name: 'bookingReference', value: 'WL-H482913' },
  { kind: 'fact_provided', name: 'amount', value: '240 EUR' },
  { kind: 'fact_provided', name: 'paymentDate', value: '27/02/2026' },
  { kind: 'facts_confirmed' },
  { kind: 'wished_outcome', text: 'My money back' },
];
