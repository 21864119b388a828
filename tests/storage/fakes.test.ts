import { createFakeStores } from '../fakes/fakeStores';
import { allContracts } from './contracts';

describe('In-memory fakes (tests/fakes)', () => {
  // The fakes other engineers use must keep the same contract as the adapters.
  allContracts(async (clock) => createFakeStores(clock));
});
