import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main, type EvalIo } from '../../src/cli/evalConversations';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const KB = path.resolve(__dirname, '../../knowledge');

/** Runs the CLI with its output captured. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  let err = '';
  const io: EvalIo = { stdout: (line) => out.push(line), stderr: { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WriteStream, progress: false };
  const code = await main(['--kb', KB, ...args], io);
  return { code, out: out.join('\n'), err };
}

describe('eval:conversations (src/cli/evalConversations.ts)', function () {
  this.timeout(120_000);

  describe('main()', () => {
    it('should run both sets through the whole bot and print a table per set, and the command to rerun', async () => {
      const { code, out } = await run(['--tests', path.join(FIXTURES, 'conversations')]);
      expect(code).to.equal(0);
      expect(out).to.match(/\| dev \| 2 \| 3 \| 3\/3 \(100\.0%\) \| 0 \| 0 \| 0 \| 1\/1 \(100\.0%\) \| 0\/1 \(0\.0%\)/);
      expect(out).to.match(/\| heldout \| 1 \| 1 \| 0\/1 \(0\.0%\)/);
      expect(out).to.include('Rerun: npm run eval:conversations');
    });

    it('should exit 1 and say which figure falls short when a set is below its floor', async () => {
      const { code, out } = await run(['--tests', path.join(FIXTURES, 'conversations'), '--floor']);
      expect(code).to.equal(1);
      expect(out).to.include('below the floor: heldout: turns understood 0.0% < 50.0%');
      expect(out).to.not.include('below the floor: dev');
    });

    it('should report the failing turns as JSON with how each was read', async () => {
      const { code, out } = await run(['--tests', path.join(FIXTURES, 'conversations'), '--set', 'heldout', '--json']);
      expect(code).to.equal(0);
      const json = JSON.parse(out) as { sets: Record<string, { judged: number; understood: number }>; failing: Array<{ conversation: string; read: { act: string }; failures: string[] }> };
      expect(json.sets.heldout).to.include({ judged: 1, understood: 0 });
      expect(json.failing).to.have.length(1);
      expect(json.failing[0].conversation).to.equal('fx-wrong-expectation');
      expect(json.failing[0].read.act).to.equal('question');
      expect(json.failing[0].failures[0]).to.match(/^act: expected small_talk, read question/);
    });

    it('should write an HTML report with the chart and every conversation that failed', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'rebound-conv-report-'));
      try {
        const { code } = await run(['--tests', path.join(FIXTURES, 'conversations'), '--report', dir]);
        expect(code).to.equal(0);
        const html = readFileSync(path.join(dir, 'conversations.html'), 'utf8');
        expect(html).to.include('<svg');
        expect(html).to.include('fx-wrong-expectation');
        expect(html).to.not.include('<section><h3>dev · fx-person');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('should list every problem of a malformed test file and exit 2 without running anything', async () => {
      const { code, err } = await run(['--tests', path.join(FIXTURES, 'conversations-broken')]);
      expect(code).to.equal(2);
      expect(err).to.include('dev/broken.yaml');
      expect(err).to.include('ids are lower-case');
      expect(err).to.include('exactly one of "say" and "press"');
    });

    it('should refuse an unknown set and an unknown option with exit 2', async () => {
      expect((await run(['--set', 'test'])).code).to.equal(2);
      expect((await run(['--nope'])).code).to.equal(2);
    });
  });
});
