import type { Stores } from '../../../src/storage/ports';
import type { Clock } from '../../../src/shared/clock';
import { ManualClock } from '../../fakes/manualClock';

/** Opens empty stores of one backend driven by the given clock. */
export type MakeStores = (clock: Clock) => Promise<Stores>;

/** Test context of a contract: fresh empty stores and their clock before each test, closed after. */
export interface StoresContext {
  stores: Stores;
  clock: ManualClock;
}

/** Registers beforeEach/afterEach that give each test fresh stores. */
export function useStores(makeStores: MakeStores): StoresContext {
  const ctx = {} as StoresContext;
  beforeEach(async () => {
    ctx.clock = new ManualClock();
    ctx.stores = await makeStores(ctx.clock);
  });
  afterEach(async () => {
    await ctx.stores.close();
  });
  return ctx;
}

/** Awaits a promise expected to reject with an AppError of this code; returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: string): Promise<Error & { code: string }> {
  try {
    await promise;
  } catch (err) {
    if ((err as { code?: string }).code !== code) {
      throw new Error(`expected AppError ${code}, got ${(err as { code?: string }).code ?? ''}: ${(err as Error).message}`);
    }
    return err as Error & { code: string };
  }
  throw new Error(`expected AppError ${code}, but the promise resolved`);
}
