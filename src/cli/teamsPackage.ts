/**
 * `npm run teams:package [-- --out FILE]`: writes the Teams app package (default dist/teams/rebound-teams.zip)
 * from teams/manifest.template.json, MicrosoftAppId and PUBLIC_URL (read from the environment / .env).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config';
import { buildTeamsPackage } from './teams/teamsPackage';
import { version } from '../../package.json';
import { runMain } from './runMain';

/** Builds and writes the package; returns the exit code. */
export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string', default: 'dist/teams/rebound-teams.zip' } } });
  const config = parseConfig(env);
  if (!config.ok) {
    console.error(`teams:package: invalid configuration:\n  ${config.errors.join('\n  ')}`);
    return 1;
  }
  const out = path.resolve(values.out ?? 'dist/teams/rebound-teams.zip');
  const built = await buildTeamsPackage({
    version,
    templateDir: path.resolve(__dirname, '../../teams'),
    ...(config.value.MicrosoftAppId ? { appId: config.value.MicrosoftAppId } : {}),
    ...(config.value.PUBLIC_URL ? { publicUrl: config.value.PUBLIC_URL } : {}),
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, built.zip);
  for (const w of built.warnings) console.warn(`WARNING: ${w}`);
  console.log(`teams:package: wrote ${path.relative(process.cwd(), out)} (${built.zip.length} bytes): manifest.json, color.png 192x192, outline.png 32x32`);
  console.log('Upload it in Teams: Apps > Manage your apps > Upload an app (see docs/channels.md).');
  return 0;
}

runMain(
  module,
  async () => {
    // MicrosoftAppId and PUBLIC_URL usually live in .env; a missing file is fine.
    try {
      process.loadEnvFile();
    } catch {
      // no .env
    }
    return main(process.argv.slice(2), process.env);
  },
  (err) => `teams:package failed: ${(err as Error).message}`,
);
