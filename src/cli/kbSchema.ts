/**
 * `npm run kb:schema [-- --dir DIR] [--check]`: writes the JSON Schemas of the KB files, generated from the
 * zod schema, to DIR/schema/ (default ./knowledge). With --check it writes nothing and exits with 1 when the
 * files there are missing or differ from what would be generated.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { kbJsonSchemas } from '../knowledge';
import { runMain } from './runMain';

/** Runs the generator; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { dir: { type: 'string', default: 'knowledge' }, check: { type: 'boolean', default: false } },
  });
  const out = path.join(path.resolve(values.dir ?? 'knowledge'), 'schema');
  const schemas = kbJsonSchemas();
  if (values.check) {
    const stale: string[] = [];
    for (const [name, content] of Object.entries(schemas)) {
      const current = await fs.readFile(path.join(out, name), 'utf8').catch(() => undefined);
      if (current !== content) stale.push(name);
    }
    if (stale.length > 0) {
      console.error(`kb:schema: stale or missing in ${out}: ${stale.join(', ')}; run npm run kb:schema`);
      return 1;
    }
    console.log(`kb:schema: ${Object.keys(schemas).length} schema files in ${out} are up to date`);
    return 0;
  }
  await fs.mkdir(out, { recursive: true });
  for (const [name, content] of Object.entries(schemas)) await fs.writeFile(path.join(out, name), content, 'utf8');
  console.log(`kb:schema: wrote ${Object.keys(schemas).length} schema files to ${out}`);
  return 0;
}

runMain(module, () => main(process.argv.slice(2)));
