import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import type { KbFile } from '../../../src/knowledge';
import { edit, FIXTURE_DIR, fixtureFiles, lineOf } from '../kbTestKit';
import { runCli } from './runCli';

describe('kb:check (src/cli/kbCheck.ts)', () => {
  let tmp: string;
  let broken: KbFile[];

  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rebound-kbcheck-'));
    broken = edit(fixtureFiles(), 'problems/booking_not_found.yaml', 'sources: [confirmation_email]', 'sources: [nowhere]');
    broken = edit(broken, 'intents.yaml', 'handler: system:greeting', 'handler: system:wave');
    for (const f of broken) {
      await fs.mkdir(path.dirname(path.join(tmp, f.path)), { recursive: true });
      await fs.writeFile(path.join(tmp, f.path), f.content);
    }
  });

  after(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  describe('main()', () => {
    it('should exit 0 on a valid KB and print its counts', async () => {
      const r = await runCli('src/cli/kbCheck.ts', ['--dir', FIXTURE_DIR]);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.include('is valid').and.include('2 problems, 5 steps');
    });

    it('should exit 1 on a broken copy and print each problem as file:line  path  message', async () => {
      const r = await runCli('src/cli/kbCheck.ts', ['--dir', tmp]);
      expect(r.code).to.equal(1);
      const sourceLine = lineOf(broken, 'problems/booking_not_found.yaml', 'sources: [nowhere]');
      const handlerLine = lineOf(broken, 'intents.yaml', 'system:wave');
      const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
      expect(lines.slice(0, 2)).to.deep.equal([
        `intents.yaml:${handlerLine}  intents[0].handler  unknown system handler "wave" (one of greeting, goodbye, thanks, help, cancel, start_over, status, human, yes, no, bot_identity)`,
        `problems/booking_not_found.yaml:${sourceLine}  steps[1].sources[0]  unknown source "nowhere" (not in sources.yaml)`,
      ]);
      expect(lines[2]).to.match(/INVALID: 2 error\(s\), 0 warning\(s\) in 10 file\(s\)/);
    });

    it('should exit 1 when the folder does not exist', async () => {
      const r = await runCli('src/cli/kbCheck.ts', ['--dir', path.join(tmp, 'missing')]);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.include('cannot read');
    });
  });
});
