import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { parseKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import { loadKnowledgeBaseFromDir, readKnowledgeDir, writeKnowledgeDir } from '../../src/storage/knowledgeFiles';
import { FIXTURE_DIR, fixtureFiles } from '../knowledge/kbTestKit';

function fixtureKb(): KnowledgeBase {
  const r = parseKnowledgeBase(fixtureFiles());
  if (!r.ok) throw new Error('fixture invalid');
  return r.value;
}

describe('knowledgeFiles', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rebound-kbfiles-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  describe('readKnowledgeDir()', () => {
    it('should read every YAML file with a relative "/" path, sorted', async () => {
      const files = await readKnowledgeDir(FIXTURE_DIR);
      expect(files.map((f) => f.path)).to.deep.equal(fixtureFiles().map((f) => f.path).sort());
      expect(files.find((f) => f.path === 'faqs/payments.yaml')!.content).to.include('payment-methods');
    });

    it('should skip schema/ and files that are not YAML', async () => {
      await fs.mkdir(path.join(tmp, 'schema'));
      await fs.writeFile(path.join(tmp, 'schema', 'x.yaml'), 'a: 1');
      await fs.writeFile(path.join(tmp, 'README.md'), '# notes');
      await fs.writeFile(path.join(tmp, 'platform.yml'), 'name: x');
      expect((await readKnowledgeDir(tmp)).map((f) => f.path)).to.deep.equal(['platform.yml']);
    });

    it('should reject when the folder does not exist', async () => {
      let error: unknown;
      await readKnowledgeDir(path.join(tmp, 'nope')).catch((e: unknown) => (error = e));
      expect((error as NodeJS.ErrnoException | undefined)?.code).to.equal('ENOENT');
    });
  });

  describe('loadKnowledgeBaseFromDir()', () => {
    it('should load the fixture KB', async () => {
      const r = await loadKnowledgeBaseFromDir(FIXTURE_DIR);
      expect(r.ok && r.value).to.deep.equal(fixtureKb());
    });

    it('should list the problems of a broken folder with their files', async () => {
      await writeKnowledgeDir(tmp, fixtureKb());
      await fs.unlink(path.join(tmp, 'sources.yaml'));
      const r = await loadKnowledgeBaseFromDir(tmp);
      expect(r.ok).to.equal(false);
      if (!r.ok) expect(r.errors.map((p) => `${p.file} ${p.message}`)).to.deep.equal(['sources.yaml missing file']);
    });
  });

  describe('writeKnowledgeDir()', () => {
    it('should write a folder that loads back as the same KB', async () => {
      const kb = fixtureKb();
      const written = await writeKnowledgeDir(tmp, kb);
      expect(written).to.include('problems/double_charge.yaml');
      const r = await loadKnowledgeBaseFromDir(tmp);
      expect(r.ok && r.value).to.deep.equal(kb);
    });

    it('should remove the files of problems and FAQ topics the KB no longer has, and leave no temporary file', async () => {
      await writeKnowledgeDir(tmp, fixtureKb());
      const kb = fixtureKb();
      kb.faqs = kb.faqs.filter((f) => f.tags[0] !== 'payments');
      kb.problems = kb.problems.filter((p) => p.id !== 'double_charge');
      kb.intents = kb.intents.filter((i) => i.handler !== 'problem:double_charge');
      await writeKnowledgeDir(tmp, kb);
      const paths = (await readKnowledgeDir(tmp)).map((f) => f.path);
      expect(paths).to.not.include.members(['faqs/payments.yaml', 'problems/double_charge.yaml']);
      expect(await fs.readdir(path.join(tmp, 'problems'))).to.deep.equal(['booking_not_found.yaml']);
    });
  });
});
