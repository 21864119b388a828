import { analyticsStoreContract } from './analyticsStore.contract';
import { caseRepositoryContract } from './caseRepository.contract';
import { conversationLockContract } from './conversationLock.contract';
import { conversationReferenceStoreContract } from './conversationReferenceStore.contract';
import { directLineStoreContract } from './directLineStore.contract';
import { eventBusContract } from './eventBus.contract';
import { followUpStoreContract } from './followUpStore.contract';
import type { MakeStores } from './harness';
import { knowledgeRepositoryContract } from './knowledgeRepository.contract';
import { stateStoreContract } from './stateStore.contract';
import { storesContract } from './stores.contract';
import { transcriptStoreContract } from './transcriptStore.contract';
import { userDataStoreContract } from './userDataStore.contract';

/** Every port's contract, for one backend. */
export function allContracts(makeStores: MakeStores): void {
  stateStoreContract(makeStores);
  caseRepositoryContract(makeStores);
  knowledgeRepositoryContract(makeStores);
  transcriptStoreContract(makeStores);
  analyticsStoreContract(makeStores);
  followUpStoreContract(makeStores);
  conversationReferenceStoreContract(makeStores);
  conversationLockContract(makeStores);
  eventBusContract(makeStores);
  userDataStoreContract(makeStores);
  directLineStoreContract(makeStores);
  storesContract(makeStores);
}
