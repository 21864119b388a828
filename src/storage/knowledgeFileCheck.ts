import { existsSync } from 'node:fs';
import { formatProblem } from '../knowledge';
import type { Logger } from '../shared/logger';
import { loadKnowledgeBaseFromDir } from './knowledgeFiles';

/**
 * Checks the knowledge base files on disk when the store already has a published version (which is what
 * serves): a corrupted or invalid file must not stop the bot, but operators must see it. Returns the warnings
 * for /healthz (`knowledgeBase.warnings`), empty when the files are valid or there is no folder.
 */
export async function knowledgeFileWarnings(dir: string, logger: Logger): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const loaded = await loadKnowledgeBaseFromDir(dir).catch((err: unknown) => ({ ok: false as const, errors: [(err as Error).message] }));
  if (loaded.ok) return [];
  const problems = loaded.errors.map((e) => (typeof e === 'string' ? e : formatProblem(e)));
  const shown = problems.slice(0, 20);
  const warnings = [
    `The knowledge base files in ${dir} are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}); the last published version is serving. Fix them (npm run kb:check) before importing.`,
    ...shown,
    ...(problems.length > shown.length ? [`... and ${problems.length - shown.length} more`] : []),
  ];
  logger.warn({ dir, problems: shown }, 'knowledge base files invalid; serving the last published version');
  return warnings;
}
