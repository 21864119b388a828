import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/eval';

const dir = join(__dirname, '..', 'fixtures', 'nluEval');

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(args, { stdout: (l) => lines.push(...l.split('\n')), stderr: process.stderr, progress: false });
  return { code, lines };
}

describe('eval CLI', () => {
  describe('main()', () => {
    it('should print one JSON object with the metrics as the last line with --json', async () => {
      const { code, lines } = await run(['--train', join(dir, 'train.json'), '--test', join(dir, 'test.json'), '--val', join(dir, 'val.json'), '--json']);
      expect(code).to.equal(0);
      const json = JSON.parse(lines[lines.length - 1]) as Record<string, number | string>;
      for (const key of ['inScopeAccuracy', 'oosRecall', 'oosPrecision', 'inScopeAccuracyNoRejection', 'macroF1']) {
        expect(json[key], key).to.be.a('number').within(0, 1);
      }
      for (const key of ['trainMs', 'latencyP50Us', 'latencyP99Us']) expect(json[key], key).to.be.a('number').at.least(0);
      expect(json.thresholdSource).to.equal('val');
      expect(json.inScopeAccuracyNoRejection).to.be.at.least(0.5);
    });

    it('should choose the threshold by cross-validation without --val and write the HTML report', async () => {
      const out = await mkdtemp(join(tmpdir(), 'rebound-eval-'));
      try {
        const { code, lines } = await run(['--train', join(dir, 'train.json'), '--test', join(dir, 'test.json'), '--json', '--report', out]);
        expect(code).to.equal(0);
        expect(JSON.parse(lines[lines.length - 1])).to.include({ thresholdSource: 'cross-validation' });
        const html = await readFile(join(out, 'nlu-report.html'), 'utf8');
        expect(html).to.contain('<svg').and.not.contain('<script');
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    });

    it('should exit 2 on a missing file or a lone --train', async () => {
      expect((await run(['--train', join(dir, 'nope.json'), '--test', join(dir, 'test.json')])).code).to.equal(2);
      expect((await run(['--train', join(dir, 'train.json')])).code).to.equal(2);
    });
  });
});
