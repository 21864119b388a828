import * as path from 'node:path';
import { expect } from 'chai';
import { checkKnowledgeFiles, errorsOf, formatProblem, kbContentHash, parseKnowledgeBase, serializeKnowledgeBase, type KbFile } from '../../src/knowledge';
import { readKnowledgeDir } from '../../src/storage/knowledgeFiles';

const SHIPPED = path.join(__dirname, '..', '..', 'knowledge');

describe('the shipped knowledge base (knowledge/)', () => {
  let files: KbFile[];

  before(async () => {
    files = await readKnowledgeDir(SHIPPED);
  });

  describe('checkKnowledgeFiles()', () => {
    it('should find no error', () => {
      const report = checkKnowledgeFiles(files);
      expect(errorsOf(report.problems).map(formatProblem), 'npm run kb:check lists them').to.deep.equal([]);
      expect(report.kb).to.not.equal(undefined);
    });

    it('should find no warning either', () => {
      expect(checkKnowledgeFiles(files).problems.map(formatProblem), 'npm run kb:check lists them').to.deep.equal([]);
    });
  });

  describe('serializeKnowledgeBase()', () => {
    it('should export it to the same file names and back to the same KB', () => {
      const kb = parseKnowledgeBase(files);
      if (!kb.ok) return expect.fail('the shipped KB is invalid');
      const out = serializeKnowledgeBase(kb.value);
      expect(out.map((f) => f.path)).to.deep.equal(files.map((f) => f.path));
      const again = parseKnowledgeBase(out);
      expect(again.ok && kbContentHash(again.value)).to.equal(kbContentHash(kb.value));
    });
  });
});
