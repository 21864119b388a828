import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';
import { allContracts } from './contracts';

describe('SQLite adapter', () => {
  // A fresh in-memory database per test: the contracts start from empty stores.
  allContracts((clock) => createStores({ dataDir: ':memory:' }, { clock, logger: silentLogger }));
});
