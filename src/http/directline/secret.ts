import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../shared/logger';

/** File name of the generated secret inside DATA_DIR. */
export const SECRET_FILE = 'directline-secret';

/**
 * The Direct Line secret: DIRECTLINE_SECRET when set; otherwise one generated on first start and kept in
 * DATA_DIR (mode 0600), so that tokens and stored conversation references survive restarts.
 */
export async function loadOrCreateSecret(configured: string | undefined, dataDir: string, logger: Logger): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const existing = (await fs.readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
    logger.warn({ file }, 'the stored Direct Line secret is too short; generating a new one');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await fs.mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // Write to a private temp file first, then rename: a reader never sees a half-written secret.
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${secret}\n`, { mode: 0o600 });
  await fs.rename(temp, file);
  await fs.chmod(file, 0o600);
  logger.info({ file }, 'generated a Direct Line secret (set DIRECTLINE_SECRET to choose your own)');
  return secret;
}
