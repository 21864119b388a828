import type { KnowledgeBase } from '../../src/knowledge/schema';
import { loadKnowledgeBaseFromDir } from '../../src/storage/knowledgeFiles';
import { SHIPPED_KB_DIR } from './testApp';

let loaded: Promise<KnowledgeBase> | undefined;

/** The shipped knowledge base, loaded and validated once per test run; callers deep-clone it before changing anything. */
export function shippedKb(): Promise<KnowledgeBase> {
  loaded ??= loadKnowledgeBaseFromDir(SHIPPED_KB_DIR).then((result) => {
    if (!result.ok) throw new Error(`the shipped KB does not load:\n${result.errors.map((e) => `${e.file} ${e.path} ${e.message}`).join('\n')}`);
    return result.value;
  });
  return loaded;
}
