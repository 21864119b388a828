import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { kbJsonSchemas } from '../../../src/knowledge';
import { runCli } from './runCli';

describe('kb:schema (src/cli/kbSchema.ts)', () => {
  describe('main() --check', () => {
    it('should find the committed knowledge/schema files up to date (else run npm run kb:schema)', async () => {
      const r = await runCli('src/cli/kbSchema.ts', ['--check']);
      expect(r.code, r.stderr).to.equal(0);
    });

    it('should exit 1 when the files are missing or stale, and pass once written', async () => {
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rebound-kbschema-'));
      try {
        expect((await runCli('src/cli/kbSchema.ts', ['--check', '--dir', tmp])).code).to.equal(1);
        expect((await runCli('src/cli/kbSchema.ts', ['--dir', tmp])).code).to.equal(0);
        expect((await runCli('src/cli/kbSchema.ts', ['--check', '--dir', tmp])).code).to.equal(0);
        await fs.appendFile(path.join(tmp, 'schema', 'faqs.schema.json'), ' ');
        const stale = await runCli('src/cli/kbSchema.ts', ['--check', '--dir', tmp]);
        expect(stale.code).to.equal(1);
        expect(stale.stderr).to.include('faqs.schema.json');
      } finally {
        await fs.rm(tmp, { recursive: true, force: true });
      }
    });
  });
});

describe('kbJsonSchemas()', () => {
  const schemas = kbJsonSchemas();

  it('should have one schema per file kind, one for the whole KB and one for the conversation tests', () => {
    expect(Object.keys(schemas).sort()).to.deep.equal(
      ['actors', 'compensation', 'conversation-tests', 'escalation', 'faqs', 'intents', 'knowledge-base', 'platform', 'problem', 'sources'].map((n) => `${n}.schema.json`),
    );
  });

  it('should describe the input (defaults optional) and close objects to unknown fields', () => {
    const faqs = JSON.parse(schemas['faqs.schema.json']!) as {
      properties: { faqs: { items: { required: string[]; additionalProperties: boolean } } };
    };
    expect(faqs.properties.faqs.items.required).to.deep.equal(['id', 'questions', 'answer']);
    expect(faqs.properties.faqs.items.additionalProperties).to.equal(false);
  });
});
