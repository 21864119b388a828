import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { conversationTestFileSchema, type TestConversation } from '../../knowledge/conversationTests';

/** The two sets: tuned on, and held out. */
export const TEST_SETS = ['dev', 'heldout'] as const;
/** One set. */
export type TestSet = (typeof TEST_SETS)[number];

/** A conversation with the set and file it comes from. */
export interface LoadedConversation {
  set: TestSet;
  file: string;
  conversation: TestConversation;
}

/** The conversations of the sets asked for, or every problem found (file, place, message); ids unique across sets. */
export async function loadConversationTests(dir: string, sets: readonly TestSet[]): Promise<{ conversations: LoadedConversation[]; problems: string[] }> {
  const conversations: LoadedConversation[] = [];
  const problems: string[] = [];
  for (const set of sets) {
    const folder = path.join(dir, set);
    const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n)).sort();
    for (const name of names) {
      const file = `${set}/${name}`;
      let data: unknown;
      try {
        data = parse(await fs.readFile(path.join(folder, name), 'utf8'), { maxAliasCount: 100 });
      } catch (error) {
        problems.push(`${file}: YAML: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      const parsed = conversationTestFileSchema.safeParse(data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
        continue;
      }
      for (const conversation of parsed.data.conversations) conversations.push({ set, file, conversation });
    }
  }
  const seen = new Map<string, string>();
  for (const { file, conversation } of conversations) {
    const other = seen.get(conversation.id);
    if (other) problems.push(`${file}: conversation "${conversation.id}" is also in ${other}`);
    seen.set(conversation.id, file);
  }
  return { conversations, problems };
}
